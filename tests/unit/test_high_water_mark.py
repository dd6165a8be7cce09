"""The high-water mark file: two slots written in turn, the newest whole one wins, a torn write
leaves the other, and it grows when the heads outgrow a slot."""

import os

import pytest

from pos.adapters.high_water import HighWaterMark, mark_path, read_mark
from pos.errors import DataDirectoryReadOnly
from pos.numbering import Heads, Issued, series_tenant


def issued(seq: int, nr: int) -> Issued:
    done = Issued()
    done.counter("receipt:sale:t1:K1", nr)
    done.chain(("t1", "K1"), nr, f"sig{nr}", (nr - 1, ""))
    done.journal(seq, f"hash{seq}", (seq - 1, f"hash{seq - 1}"))
    return done


def test_the_newest_whole_slot_is_read_back(tmp_path):
    mark = HighWaterMark.open(tmp_path)
    for n in range(1, 6):
        mark.record(issued(10 + n, n))
    mark.close()
    state = read_mark(mark_path(tmp_path))
    assert state is not None
    assert state.heads.counters["receipt:sale:t1:K1"] == 5
    assert state.heads.chains[("t1", "K1")] == (5, "sig5")
    assert state.heads.journal == (15, "hash15")
    assert state.last is not None and state.last.before.counters["receipt:sale:t1:K1"] == 4


def test_a_torn_write_leaves_the_previous_slot(tmp_path):
    mark = HighWaterMark.open(tmp_path)
    for n in range(1, 4):
        mark.record(issued(n, n))
    mark.close()
    path = mark_path(tmp_path)
    data = bytearray(path.read_bytes())
    newest = read_mark(path)
    assert newest is not None
    slot = len(data) // 2
    offset = (newest.generation % 2) * slot
    data[offset + 70 : offset + 90] = os.urandom(20)  # the last write, half on disk
    path.write_bytes(bytes(data))
    state = read_mark(path)
    assert state is not None and state.generation == newest.generation - 1
    assert state.heads.counters["receipt:sale:t1:K1"] == 2


def test_the_mark_only_goes_up(tmp_path):
    mark = HighWaterMark.open(tmp_path)
    mark.record(issued(9, 7))
    mark.record(issued(5, 3))  # a transaction's numbers below the mark cannot lower it
    assert mark.heads.counters["receipt:sale:t1:K1"] == 7
    assert mark.heads.journal == (9, "hash9")
    mark.close()


def test_a_mark_larger_than_a_slot_gets_a_bigger_file(tmp_path):
    mark = HighWaterMark.open(tmp_path)
    big = Issued()
    for n in range(1500):
        big.counter(f"receipt:sale:tenant-{n:04d}:K1", n + 1)
    mark.record(big)
    mark.record(issued(1, 1))
    mark.close()
    state = read_mark(mark_path(tmp_path))
    assert state is not None and len(state.heads.counters) == 1501


def test_no_file_reads_as_no_mark(tmp_path):
    assert read_mark(mark_path(tmp_path)) is None


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only folders")
def test_a_read_only_folder_is_a_clear_error(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(DataDirectoryReadOnly) as caught:
            HighWaterMark.open(folder).record(issued(1, 1))
        assert "skrive" in caught.value.message("nb")
    finally:
        folder.chmod(0o700)


def test_series_belong_to_their_tenant_or_the_register():
    assert series_tenant("receipt:return:abc:K1") == "abc"
    assert series_tenant("copy:abc:K1") == "abc"
    assert series_tenant("z:abc:K1") == "abc"
    assert series_tenant("journal") is None
    assert series_tenant("repair_ticket:K1") is None


def test_heads_compare_per_series():
    store = Heads({"a": 3, "b": 5}, {("t", "K1"): (4, "s4")}, (10, "h10"))
    mark = Heads({"a": 6, "b": 5}, {("t", "K1"): (7, "s7")}, (12, "h12"))
    ahead = mark.ahead_of(store)
    assert ahead.counters == {"a": 6} and ahead.chains == {("t", "K1"): (7, "s7")}
    assert ahead.journal == (12, "h12")
    assert mark.signed_count(store) == 3
    assert store.merged(mark) == mark
