"""A tenant's word for a category finds the article group it means: by id or name, in any
case, with æ, ø and å as letters or spelt out; a word that fits several groups fits none."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pos.model.group_match import GroupNames, folded

DEMO = GroupNames.of(
    [
        ("KLAER", "Brukte klær"),
        ("SYKKEL", "Sykler og deler"),
        ("ELEKTRO", "Elektronikk"),
        ("DIVERSE", "Andre varer"),
        ("BARN", "Barneutstyr"),
    ]
)


def test_the_names_tenants_use_find_the_group():
    for word in ("Klær", "KLÆR", "klaer", "KLAER", "brukte klær", "Brukte  klaer", "BRUKTE-KLÆR"):
        assert DEMO.match(word) == "KLAER", word
    assert DEMO.match("sykler og deler") == "SYKKEL"
    assert DEMO.match("Andre varer") == "DIVERSE"


def test_a_word_for_no_group_or_for_several_finds_none():
    assert DEMO.match("Husholdning") is None
    assert DEMO.match("") is None and DEMO.match("–") is None
    twins = GroupNames.of([("A1", "Bøker"), ("A2", "Boker")])
    assert twins.match("bøker") is None  # both names: the person chooses
    assert twins.match("a2") == "A2"  # an id is unique


def test_an_id_wins_over_another_groups_name():
    groups = GroupNames.of([("MAT", "Kafé"), ("KAFE", "Mat og drikke")])
    assert groups.match("Kafe") == "KAFE"


def test_both_spellings_of_the_norwegian_letters_fold_alike():
    assert folded("Søknad") & folded("soeknad") and folded("Søknad") & folded("soknad")
    assert folded("Båt") & folded("baat") and folded("Båt") & folded("bat")
    assert folded("Café") == folded("cafe")


norwegian_words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzæøå ", min_size=1, max_size=20)
spell_out = st.sampled_from([("ae", "o", "a"), ("ae", "oe", "aa"), ("æ", "ø", "å")])


@given(norwegian_words, spell_out, st.booleans())
def test_any_name_written_any_way_finds_its_group(name, spelling, upper):
    if not folded(name):
        return
    groups = GroupNames.of([("G1", name), ("OTHER", "x" * 25)])
    ae, oe, aa = spelling
    written = name.replace("æ", ae).replace("ø", oe).replace("å", aa)
    assert groups.match(written.upper() if upper else written) == "G1"
