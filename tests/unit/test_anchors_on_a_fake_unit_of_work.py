"""The journal anchors' rules on a fake unit of work, in microseconds: the head before any row
is the genesis, the anchors are the newest row and the newest Z's row, and an anchor the server
took is remembered as sent (only that one; the fake keeps settings only from a committed unit,
as the real store does). The same service runs against the real store in
tests/sync/test_journal_anchor.py."""

from __future__ import annotations

from types import TracebackType
from typing import cast

from pos.journal import GENESIS_HASH
from pos.journal_anchor import Anchor
from pos.services import anchors
from pos.unit_of_work import UnitOfWorkFactory


class FakeJournalReads:
    def __init__(self, rows: dict[int, str], z_seq: int | None) -> None:
        self.rows, self.z_seq = rows, z_seq

    def journal_head(self) -> tuple[int, str] | None:
        return max(self.rows.items()) if self.rows else None

    def last_z_journal_row(self) -> tuple[int, str] | None:
        return (self.z_seq, self.rows[self.z_seq]) if self.z_seq else None

    def journal_hash_at(self, seq: int) -> str | None:
        return self.rows.get(seq)


class FakeMeta:
    def __init__(self) -> None:
        self.values: dict[str, str] = {}

    def get_meta(self, key: str, default: str | None = None) -> str | None:
        return self.values.get(key, default)

    def set_meta(self, key: str, value: str) -> None:
        self.values[key] = value


class FakeUnit:
    """One unit whose settings are kept only when committed, as the real one rolls back."""

    def __init__(self, reports: FakeJournalReads, kept: dict[str, str]) -> None:
        self.reports, self.kept = reports, kept
        self.meta = FakeMeta()

    def __enter__(self) -> FakeUnit:
        self.meta.values = dict(self.kept)
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        pass

    def commit(self) -> None:
        self.kept.clear()
        self.kept.update(self.meta.values)


class FakeUnits:
    def __init__(self, rows: dict[int, str] | None = None, z_seq: int | None = None) -> None:
        self.kept: dict[str, str] = {}
        self.reports = FakeJournalReads(rows or {}, z_seq)

    def __call__(self) -> FakeUnit:
        return FakeUnit(self.reports, self.kept)

    read = __call__

    def as_factory(self) -> UnitOfWorkFactory:
        return cast(UnitOfWorkFactory, self)


def test_before_the_first_row_the_anchor_is_row_zero_with_the_genesis_hash():
    units = FakeUnits().as_factory()
    assert anchors.current_anchor(units) == Anchor(0, GENESIS_HASH)
    assert anchors.last_z_anchor(units) is None


def test_the_anchor_is_the_newest_row_and_the_z_anchor_the_newest_z_row():
    units = FakeUnits({1: "a1", 2: "b2", 3: "c3"}, z_seq=2).as_factory()
    assert anchors.current_anchor(units) == Anchor(3, "c3")
    assert anchors.last_z_anchor(units) == Anchor(2, "b2")
    assert anchors.row_hash_at(units, 1) == "a1"
    assert anchors.row_hash_at(units, 9) is None


def test_an_anchor_the_server_took_is_remembered_as_sent_and_a_newer_one_is_not():
    units = FakeUnits({1: "a1", 2: "b2"}).as_factory()
    sent = anchors.current_anchor(units)
    assert not anchors.sent_already(units, sent)
    assert anchors.server_anchor_seq(units) is None
    anchors.mark_server_anchor(units, 1, sent)
    assert anchors.sent_already(units, sent)
    assert not anchors.sent_already(units, Anchor(3, "c3"))
    assert anchors.server_anchor_seq(units) == 1
