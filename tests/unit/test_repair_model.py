"""Contact validation, ticket ids and the repair state machine, checked by property."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.model.contact import InvalidEmail, InvalidPhone, parse_email, parse_phone
from pos.model.notification import ChannelChoice, InvalidTemplate, NotifyRule
from pos.model.repair import ALLOWED, IllegalTransition, RepairStatus, RepairTicket
from pos.model.ticket_id import ALPHABET, check_character, is_ticket_id, make_ticket_id

subscriber = st.from_regex(r"[2-9][0-9]{7}", fullmatch=True)


@given(subscriber, st.sampled_from(["", "+47", "0047", "+47 "]), st.booleans())
def test_a_norwegian_number_parses_in_any_usual_form(digits, prefix, spaced):
    typed = f"{digits[:3]} {digits[3:5]} {digits[5:]}" if spaced else digits
    phone = parse_phone(prefix + typed)
    assert phone.digits == digits and phone.e164 == "+47" + digits
    assert phone.is_mobile == (digits[0] in "49")


@given(st.text(max_size=14))
def test_anything_else_is_refused_or_is_eight_digits(text):
    try:
        phone = parse_phone(text)
    except InvalidPhone:
        return
    assert len(phone.digits) == 8 and phone.digits.isdigit() and phone.digits[0] not in "01"


@pytest.mark.parametrize("bad", ["1234567", "123456789", "01234567", "+46 91234567", "9123456a"])
def test_wrong_numbers_are_refused(bad):
    with pytest.raises(InvalidPhone):
        parse_phone(bad)


local_part = st.from_regex(r"[a-z0-9_+-]{1,10}(\.[a-z0-9_+-]{1,10}){0,2}", fullmatch=True)
domain = st.from_regex(r"[a-z0-9]{1,10}(-[a-z0-9]{1,5})?\.(no|com|org)", fullmatch=True)


@given(local_part, domain)
def test_a_plain_address_is_accepted_with_the_domain_lower_cased(local, host):
    assert parse_email(f" {local}@{host.upper()} ") == f"{local}@{host}"


@given(st.text(max_size=30))
def test_an_accepted_address_has_one_at_and_a_dotted_domain(text):
    try:
        address = parse_email(text)
    except InvalidEmail:
        return
    local, host = address.split("@")
    assert local and "." in host and " " not in address


@pytest.mark.parametrize(
    "bad", ["ola", "ola@", "@x.no", "ola@x", "ola@@x.no", "ola @x.no", "ola..n@x.no", "ola@-x.no"]
)
def test_wrong_addresses_are_refused(bad):
    with pytest.raises(InvalidEmail):
        parse_email(bad)


@given(st.integers(1, 99), st.integers(1, 10**7))
def test_ticket_ids_use_only_unambiguous_capitals_and_digits(block, serial):
    ticket = make_ticket_id(block, serial)
    assert ticket.startswith("R") and set(ticket[1:]) <= set(ALPHABET)
    assert not set(ticket) & set("01IO") and len(ticket) >= 8
    assert is_ticket_id(ticket) and is_ticket_id(ticket.lower())


@given(st.integers(1, 99), st.integers(1, 10**6), st.data())
def test_one_mistyped_character_is_caught(block, serial, data):
    ticket = make_ticket_id(block, serial)
    position = data.draw(st.integers(1, len(ticket) - 1))
    wrong = data.draw(st.sampled_from([c for c in ALPHABET if c != ticket[position]]))
    assert not is_ticket_id(ticket[:position] + wrong + ticket[position + 1 :])


@given(st.lists(st.tuples(st.integers(1, 99), st.integers(1, 5000)), unique=True, max_size=60))
def test_different_registers_or_serials_never_give_the_same_id(pairs):
    ids = [make_ticket_id(block, serial) for block, serial in pairs]
    assert len(set(ids)) == len(ids)


def test_check_character_is_in_the_alphabet():
    assert check_character("2345") in ALPHABET


@given(st.sampled_from(RepairStatus), st.sampled_from(RepairStatus))
def test_the_state_machine_allows_exactly_the_documented_moves(start, to):
    ticket = RepairTicket("R2", "T", start, approval_limit=0)
    if to in ALLOWED[start]:
        assert ticket.transition(to).status is to
    else:
        with pytest.raises(IllegalTransition):
            ticket.transition(to)


def test_final_statuses_lead_nowhere_and_every_status_can_reach_a_final_one():
    finals = {s for s in RepairStatus if s.final}
    assert finals == {
        RepairStatus.COLLECTED,
        RepairStatus.RETURNED_UNREPAIRED,
        RepairStatus.SCRAPPED,
    }
    for status in RepairStatus:
        seen, todo = set(), [status]
        while todo:
            current = todo.pop()
            seen.add(current)
            todo += [n for n in ALLOWED[current] if n not in seen]
        assert seen & finals


def test_a_template_with_an_unknown_field_is_refused():
    with pytest.raises(InvalidTemplate):
        NotifyRule(RepairStatus.READY_FOR_PICKUP, True, ChannelChoice.AUTO, "", "Hei {navn}")
