"""In-store labels stay unique across counters allocating offline, and carry the tenant."""

from hypothesis import given, settings
from hypothesis import strategies as st

from pos.identifiers import is_valid_gtin, parse_in_store_ean13
from pos.services.labels import PER_BLOCK, label_number


@given(
    st.lists(
        st.tuples(st.sampled_from([1, 2, 7, 99]), st.integers(1, PER_BLOCK - 1)),
        max_size=200,
        unique=True,
    )
)
def test_numbers_from_different_blocks_never_collide(allocations):
    numbers = [label_number(block, serial) for block, serial in allocations]
    assert len(set(numbers)) == len(numbers)


@settings(deadline=None, max_examples=10)
@given(st.integers(1, 30), st.integers(1, 30))
def test_two_registers_allocating_offline_never_give_out_the_same_label(tmp_path_factory, a, b):
    from pos.counter import open_counter
    from pos.demo.centre import seed_demo
    from pos.model.catalogue import ItemKind
    from pos.services import auth, setup
    from pos.services.context import TillContext
    from pos.vat import VatClass

    with open_counter(tmp_path_factory.mktemp("two")) as counter:
        seed_demo(counter.uow, counter.signer(), open_till=False)
        boss = TillContext("K1", auth.authenticate(counter.uow, "9001", "9999"), counter.signer())
        setup.add_register(counter.uow, "K2", "Kasse 2", label_block=2, ctx=boss)
        labels = []
        for register, count in (("K1", a), ("K2", b)):
            made = setup.add_items(
                counter.uow,
                [
                    setup.NewItem("11", f"Ting {n}", 1000, VatClass.HIGH, "KLAER", ItemKind.ONE_OFF)
                    for n in range(count)
                ],
                register_id=register,
            )
            labels += [item.barcode for item in made]
    assert len(set(labels)) == a + b
    for code in labels:
        decoded = parse_in_store_ean13(code)
        assert is_valid_gtin(code) and decoded is not None and decoded.tenant_code == "11"


def test_a_label_this_counter_never_saw_is_still_sold_for_its_tenant(counter, ctx):
    import pytest

    from pos.errors import UnknownItem
    from pos.identifiers import make_in_store_ean13
    from pos.model.basket import Basket
    from pos.model.payment import Tender, TenderKind
    from pos.services import catalogue, checkout

    code = make_in_store_ean13("12", label_number(5, 42))  # made at another counter, block 5
    found = catalogue.identify(counter.uow, code)
    assert isinstance(found, catalogue.UnknownLabel) and found.tenant.name == "Småfolk Gjenbruk"
    item = catalogue.adopt_label(counter.uow, ctx, found, 7900, "Regnbukse str. 98")
    basket = Basket()
    basket.add(item)
    result = checkout.complete_sale(counter.uow, ctx, basket, [Tender(TenderKind.CARD, 7900)])
    assert result.receipts[0].number.startswith("12-K1-")
    with pytest.raises(UnknownItem):  # a tenant code nobody has is not attributed
        catalogue.identify(counter.uow, make_in_store_ean13("77", 1))


def test_an_unknown_label_is_not_registered_in_training(counter, ctx):
    import dataclasses

    import pytest

    from pos.errors import TrainingRestriction
    from pos.identifiers import make_in_store_ean13
    from pos.services import catalogue

    code = make_in_store_ean13("12", label_number(5, 43))
    found = catalogue.identify(counter.uow, code)
    assert isinstance(found, catalogue.UnknownLabel)
    training = dataclasses.replace(ctx, training=True)
    with pytest.raises(TrainingRestriction):
        catalogue.adopt_label(counter.uow, training, found, 7900, "Regnbukse str. 98")
    assert isinstance(catalogue.identify(counter.uow, code), catalogue.UnknownLabel)
