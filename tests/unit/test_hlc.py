"""The hybrid logical clock: monotone, never behind what it has seen, and its text sorts in
causal order (so the server and the counters can compare stamps as strings)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.hlc import MAX_AHEAD_MS, Hlc, InvalidHlc, clamp, receive, tick

NODES = st.sampled_from(["dev_a", "dev_b", "dev-7Q", "x"])
WALL = st.integers(0, 2_000_000_000_000)
# one step of a device's life: a local event at a physical time, or a stamp received
STEP = st.one_of(
    st.tuples(st.just("local"), WALL, st.none()),
    st.tuples(st.just("receive"), WALL, st.builds(Hlc, WALL, st.integers(0, 99_999), NODES)),
)


def run(steps, node="dev_a"):
    last, stamps = None, []
    for kind, now, remote in steps:
        last = tick(last, now, node) if kind == "local" else receive(last, remote, now, node)
        stamps.append((last, now, remote))
    return stamps


@given(st.lists(STEP, max_size=40))
def test_every_stamp_is_later_than_the_last_and_not_behind_the_clock(steps):
    previous = None
    for stamp, now, _ in run(steps):
        assert stamp.wall_ms >= now
        if previous is not None:
            assert stamp > previous
            assert str(stamp) > str(previous)
        previous = stamp


@given(st.lists(STEP, max_size=40))
def test_a_stamp_made_after_receiving_is_later_than_what_was_received(steps):
    for stamp, _, remote in run(steps):
        if remote is not None:
            assert stamp > remote and str(stamp) > str(remote)


@given(
    st.builds(Hlc, WALL, st.integers(0, 99_999), NODES),
    st.builds(Hlc, WALL, st.integers(0, 99_999), NODES),
)
def test_text_order_is_clock_order_and_the_text_round_trips(a, b):
    assert (str(a) < str(b)) == (a < b)
    assert Hlc.parse(str(a)) == a


@given(WALL, st.lists(st.sampled_from(["A", "B"]), min_size=1, max_size=30))
def test_causally_later_events_across_two_devices_sort_later(start, order):
    """A message passed from one device to the other is always stamped before its answer."""
    clocks: dict[str, Hlc | None] = {"A": None, "B": None}
    sent: Hlc | None = None
    for who in order:  # each device receives the other's last stamp, then makes an event
        node = f"dev_{who.lower()}"
        if sent is not None:
            clocks[who] = receive(clocks[who], sent, start, node)
        stamp = tick(clocks[who], start, node)  # the physical clock stands still: worst case
        if sent is not None:
            assert str(stamp) > str(sent)
        clocks[who] = sent = stamp


def test_the_counter_overflows_into_the_next_millisecond():
    stamp = tick(Hlc(1000, 99_999, "a"), 1000, "a")
    assert stamp == Hlc(1001, 0, "a") and str(stamp) > "0000000001000-99999-a"


def test_a_stamp_far_ahead_of_the_server_is_clamped_to_the_servers_time():
    now = 1_700_000_000_000
    near, clamped = clamp(Hlc(now + MAX_AHEAD_MS, 3, "a"), now)
    assert not clamped and near.wall_ms == now + MAX_AHEAD_MS
    far, clamped = clamp(Hlc(now + MAX_AHEAD_MS + 1, 3, "a"), now)
    assert clamped and far == Hlc(now, 3, "a")


@pytest.mark.parametrize(
    "text",
    ["", "1-2-a", "0000000001000-00001-", "0000000001000-00001-a b", None, 12, "x" * 200],
)
def test_text_that_is_not_a_stamp_is_refused(text):
    with pytest.raises(InvalidHlc):
        Hlc.parse(text)
