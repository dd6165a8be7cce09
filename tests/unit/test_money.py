import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.errors import InvalidAmount
from pos.money import (
    allocate,
    div_round_half_up,
    format_nok,
    format_saft,
    parse_nok,
    round_to_krone,
)


def test_halves_round_away_from_zero_both_ways():
    assert div_round_half_up(5, 10) == 1
    assert div_round_half_up(-5, 10) == -1
    assert div_round_half_up(4, 10) == 0
    assert div_round_half_up(-14, 10) == -1


def test_cash_rounds_to_whole_kroner_with_fifty_ore_up():
    assert round_to_krone(14949) == 14900
    assert round_to_krone(14950) == 15000
    assert round_to_krone(-14950) == -15000


def test_amounts_are_formatted_the_norwegian_way():
    assert format_nok(123456) == "1\u00a0234,56"
    assert format_nok(-5) == "-0,05"
    assert format_saft(125000) == "1250.00"
    assert format_saft(-96) == "-0.96"


@pytest.mark.parametrize(
    "text,ore",
    [
        ("149", 14900),
        ("149,5", 14950),
        ("1 499.50", 149950),
        ("-20", -2000),
        ("0,05", 5),
        (" 12 kr", 1200),
    ],
)
def test_typed_amounts_are_parsed_into_ore(text, ore):
    assert parse_nok(text) == ore


@pytest.mark.parametrize("text", ["", "abc", "1,234", "12.3.4", "1e5", "nan", "12,-"])
def test_garbage_is_not_an_amount(text):
    with pytest.raises(InvalidAmount):
        parse_nok(text)


@given(st.integers(min_value=-(10**11) + 1, max_value=10**11 - 1))
def test_format_and_parse_round_trip(ore):
    assert parse_nok(format_nok(ore, thousands="")) == ore


@given(st.integers(min_value=-(10**12), max_value=10**12), st.integers(1, 10**6))
def test_rounding_is_within_half_a_unit(numerator, denominator):
    q = div_round_half_up(numerator, denominator)
    assert abs(q * denominator - numerator) * 2 <= denominator


@given(
    st.integers(-(10**9), 10**9),
    st.lists(st.integers(0, 10**7), min_size=1, max_size=12).filter(lambda w: sum(w) > 0),
)
def test_allocation_is_exact_and_proportional(total, weights):
    parts = allocate(total, weights)
    assert sum(parts) == total
    weight_sum = sum(weights)
    for part, weight in zip(parts, weights, strict=True):
        exact = total * weight / weight_sum
        assert abs(part - exact) < 1
        if weight == 0:
            assert part == 0


@given(st.integers(0, 10**6), st.lists(st.integers(1, 10**5), min_size=1, max_size=6))
def test_allocation_is_deterministic(total, weights):
    assert allocate(total, weights) == allocate(total, list(weights))
