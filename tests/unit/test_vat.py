import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.vat import VatClass, split_vat, vat_of_gross


def test_vat_is_taken_out_of_vat_inclusive_prices():
    assert vat_of_gross(12500, VatClass.HIGH) == 2500
    assert vat_of_gross(3200, VatClass.FOOD) == 417  # 3200 * 15 / 115 = 417.39
    assert vat_of_gross(11200, VatClass.LOW) == 1200
    assert vat_of_gross(9950, VatClass.ZERO) == 0
    assert vat_of_gross(-12500, VatClass.HIGH) == -2500


def test_vat_is_computed_per_rate_then_shared_over_the_lines():
    # three 0.99 kr lines at 25 %: per line 0.198 -> 0.20 each would give 0.60;
    # per rate 2.97 * 25/125 = 0.594 -> 0.59, shared 20/20/19.
    line_vat, summaries = split_vat([(99, VatClass.HIGH)] * 3)
    assert sum(line_vat) == 59
    assert summaries[0].vat == 59 and summaries[0].base == 297 - 59


def test_a_receipt_cannot_mix_sales_and_returns():
    with pytest.raises(ValueError):
        split_vat([(100, VatClass.HIGH), (-100, VatClass.HIGH)])


classes = st.sampled_from(list(VatClass))


@given(st.lists(st.tuples(st.integers(0, 10**8), classes), min_size=1, max_size=20), st.booleans())
def test_line_vat_adds_up_to_each_rate(lines, negative):
    if negative:
        lines = [(-g, c) for g, c in lines]
    line_vat, summaries = split_vat(lines)
    for summary in summaries:
        members = [i for i, (_, c) in enumerate(lines) if c is summary.vat_class]
        assert sum(line_vat[i] for i in members) == summary.vat
        assert summary.gross == sum(lines[i][0] for i in members)
        assert summary.vat == vat_of_gross(summary.gross, summary.vat_class)
        assert summary.base + summary.vat == summary.gross
    for (gross, vat_class), vat in zip(lines, line_vat, strict=True):
        assert abs(vat) <= abs(gross)
        if vat_class.percent == 0:
            assert vat == 0


@given(st.integers(0, 10**9), classes)
def test_vat_never_exceeds_the_rate(gross, vat_class):
    vat = vat_of_gross(gross, vat_class)
    assert abs(vat * (100 + vat_class.percent) - gross * vat_class.percent) * 2 <= (
        100 + vat_class.percent
    )
