from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.errors import AmountOutOfRange, InvalidQuantity, ItemAlreadySold, PriceRequired
from pos.model.basket import (
    Basket,
    DiscountReasonRequired,
    DiscountTooLarge,
    over_discount_limit,
    percent_discount,
)
from pos.model.catalogue import Item, ItemKind, ItemStatus
from pos.vat import VatClass


def item(kind=ItemKind.STOCK, price=10000, status=ItemStatus.AVAILABLE, item_id="i1"):
    return Item(item_id, "tenant", kind, "Ting", price, VatClass.HIGH, "DIVERSE", status=status)


def test_a_one_off_item_can_be_rung_up_only_once():
    basket = Basket()
    one_off = item(ItemKind.ONE_OFF)
    basket.add(one_off)
    with pytest.raises(ItemAlreadySold):
        basket.add(one_off)
    with pytest.raises(ItemAlreadySold):
        Basket().add(item(ItemKind.ONE_OFF, status=ItemStatus.SOLD))
    with pytest.raises(ItemAlreadySold):
        basket.set_quantity(basket.lines[0].line_id, 2)


@pytest.mark.parametrize("qty", [0, -1, 10_000, 1.5, True])
def test_quantities_must_be_positive_whole_numbers(qty):
    with pytest.raises(InvalidQuantity):
        Basket().add(item(), qty)


def test_prices_above_a_million_kroner_are_refused():
    with pytest.raises(AmountOutOfRange):
        Basket().add(item(price=None, kind=ItemKind.OPEN_PRICE), 1, 100_000_001)
    with pytest.raises(AmountOutOfRange):
        Basket().add(item(price=None, kind=ItemKind.OPEN_PRICE), 1, -100)
    with pytest.raises(AmountOutOfRange):  # the line, not just the price, is capped
        Basket().add(item(price=60_000_000), 2)


def test_open_price_items_need_a_price():
    with pytest.raises(PriceRequired):
        Basket().add(item(price=None, kind=ItemKind.OPEN_PRICE))


def test_discounts_need_a_reason_and_cannot_exceed_the_line():
    basket = Basket()
    line = basket.add(item(), 2)
    with pytest.raises(DiscountReasonRequired):
        basket.set_discount(line.line_id, 500, " ")
    with pytest.raises(DiscountTooLarge):
        basket.set_discount(line.line_id, 20001, "Flekk")
    basket.set_discount(line.line_id, 500, "Flekk")
    assert basket.total == 19500
    basket.remove(line.line_id)
    assert basket.total == 0 and basket.tenant_ids == []


def test_article_groups_must_map_to_a_saft_code():
    from pos.errors import InvalidArticleGroup
    from pos.model.catalogue import ArticleGroup

    assert ArticleGroup("KAFFE", "Kaffe", "04012").saft_code == "04012"
    for bad in ("04022", "4003", "13001", ""):
        with pytest.raises(InvalidArticleGroup):
            ArticleGroup("X", "X", bad)


def test_tenants_need_a_two_digit_code_a_name_and_a_valid_org_number():
    from pos.errors import InvalidOrgNumber, InvalidTenant
    from pos.model.tenant import Tenant

    ok = dict(id="t", code="16", name="Ny butikk", org_no="921 100 779", vat_registered=True)
    assert Tenant.validated(**ok).org_no == "921100779"
    with pytest.raises(InvalidTenant):
        Tenant.validated(**{**ok, "code": "7"})
    with pytest.raises(InvalidTenant):
        Tenant.validated(**{**ok, "name": " "})
    with pytest.raises(InvalidOrgNumber):
        Tenant.validated(**{**ok, "org_no": "921100778"})


def test_a_one_off_is_held_once_and_other_items_never_count_as_held():
    basket = Basket()
    one_off, other, stock = item(ItemKind.ONE_OFF), item(ItemKind.ONE_OFF, item_id="i2"), item()
    assert not basket.holds_one_off(one_off)
    basket.add(one_off)
    basket.add(stock)
    assert basket.holds_one_off(one_off)
    assert not basket.holds_one_off(other) and not basket.holds_one_off(stock)


@given(gross=st.integers(0, 10**9), limit=st.integers(0, 100), discount=st.integers(0, 10**9))
def test_a_discount_is_over_the_limit_only_above_that_share_of_the_line(gross, limit, discount):
    assert over_discount_limit(discount, gross, limit) is (
        Fraction(discount) > Fraction(gross * limit, 100)
    )
    assert not over_discount_limit(gross * limit // 100, gross, limit)


def test_a_twenty_per_cent_limit_allows_twenty_per_cent_and_not_an_ore_more():
    assert not over_discount_limit(49800, 249000, 20)
    assert over_discount_limit(49801, 249000, 20)


@given(gross=st.integers(0, 10**9), hundredths=st.integers(0, 100_00))
def test_a_percent_discount_is_the_share_rounded_half_up_to_the_ore(gross, hundredths):
    exact = Fraction(gross * hundredths, 100_00)
    discount = percent_discount(gross, hundredths)
    assert exact - Fraction(1, 2) < discount <= exact + Fraction(1, 2)
    assert 0 <= discount <= gross


def test_ten_and_a_half_per_cent_of_a_line():
    assert percent_discount(12345, 1000) == 1235  # 1234,5 øre rounds up
    assert percent_discount(20000, 1050) == 2100
