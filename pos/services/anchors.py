"""The journal's head as an anchor (``pos.journal_anchor``): printed on X and Z reports and sent
to the server at every sync, so the journal can later be checked against it."""

from __future__ import annotations

from pos.journal import GENESIS_HASH
from pos.journal_anchor import Anchor
from pos.unit_of_work import UnitOfWorkFactory


def current_anchor(uow_factory: UnitOfWorkFactory) -> Anchor:
    """The journal's last row number and full hash now (row 0 and the genesis hash before
    the first row)."""
    with uow_factory.read() as uow:
        head = uow.reports.journal_head()
    return Anchor(*head) if head else Anchor(0, GENESIS_HASH)


SERVER_SEQ_META = "journal_anchor_server_seq"
"""The row of the newest anchor the server answered with (checked again at the next sync)."""


def server_anchor_seq(uow_factory: UnitOfWorkFactory) -> int | None:
    with uow_factory.read() as uow:
        saved = uow.meta.get_meta(SERVER_SEQ_META)
    return int(saved) if saved else None


SENT_META = "journal_anchor_sent"
"""The head last sent (``seq:hash``): an idle counter's sync does not send it again."""


def sent_already(uow_factory: UnitOfWorkFactory, anchor: Anchor) -> bool:
    with uow_factory.read() as uow:
        return uow.meta.get_meta(SENT_META) == f"{anchor.seq}:{anchor.hash}"


def mark_server_anchor(uow_factory: UnitOfWorkFactory, seq: int, sent: Anchor) -> None:
    """The server answered: it holds ``sent``, and its newest anchor is at row ``seq``."""
    with uow_factory() as uow:
        uow.meta.set_meta(SERVER_SEQ_META, str(seq))
        uow.meta.set_meta(SENT_META, f"{sent.seq}:{sent.hash}")
        uow.commit()


def last_z_anchor(uow_factory: UnitOfWorkFactory) -> Anchor | None:
    """The journal row of the newest Z report, as an anchor (None before the first Z)."""
    with uow_factory.read() as uow:
        row = uow.reports.last_z_journal_row()
    return Anchor(*row) if row else None


def row_hash_at(uow_factory: UnitOfWorkFactory, seq: int) -> str | None:
    """The journal's hash at row ``seq`` now (None: the journal does not reach it)."""
    with uow_factory.read() as uow:
        return uow.reports.journal_hash_at(seq)
