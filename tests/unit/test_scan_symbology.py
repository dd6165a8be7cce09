"""The test scan's reading of what a scanner sent: AIM ids, length and check digit, bytes."""

from ui.scanner.symbology import analyse


def test_an_aim_id_names_the_symbology():
    found = analyse(b"]C0R0042\r")
    assert (found.code, found.symbology, found.aim) == ("R0042", "CODE128", "]C0")
    assert [b.hex for b in found.sent][-1] == "0D" and found.sent[-1].shown == "CR (Enter)"


def test_without_an_aim_id_length_and_check_digit_decide():
    assert analyse(b"7038010009457\r").symbology == "EAN-13"
    assert analyse(b"2110000000011\r").symbology == "EAN-13 (in-store, prefix 2)"
    assert analyse(b"96385074\r\n").symbology == "EAN-8"
    assert analyse(b"036000291452\r").symbology == "UPC-A"
    wrong = analyse(b"7038010009458\r")
    assert wrong.check_digit_ok is False and "check digit" in wrong.reason
    assert analyse(b"R0042\r").check_digit_ok is None


def test_a_prefix_is_taken_off_and_gaps_are_kept():
    found = analyse(b"#]E47038010\t", [0, 8, 9, 7, 8, 9, 8, 9, 9, 8, 9, 8], prefix="#")
    assert found.code == "7038010" and found.aim == "]E4"
    assert found.sent[2].gap_ms == 9 and found.sent[-1].shown == "TAB"
