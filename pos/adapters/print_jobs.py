"""Store and queries for the print queue and printer settings (migrations 0002 and 0011).

Status changes are conditional UPDATEs (``WHERE status = ...``), so two threads or two retries
can never both win; a trigger refuses any change to a printed job. Which jobs carried which
receipt is kept in ``print_job_receipts`` as well, so that question is an index look-up.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Connection, RowMapping, func, insert, select, update

from pos.adapters import tables as t
from pos.model.printing import (
    DrawerOpening,
    JobKind,
    JobStatus,
    PrinterRole,
    PrinterSetting,
    PrintJob,
)

_JOB_COLUMNS = [c for c in t.print_jobs.c if c.name != "payload"]


def _job(row: Mapping[Any, Any]) -> PrintJob:
    return PrintJob(
        id=row["id"],
        seq=row["seq"],
        register_id=row["register_id"],
        role=PrinterRole(row["role"]),
        kind=JobKind(row["kind"]),
        title=row["title"],
        status=JobStatus(row["status"]),
        attempts=row["attempts"],
        error=row["error"],
        receipt_ids=tuple(json.loads(row["receipt_ids"])),
        created_at=row["created_at"],
        printed_at=row["printed_at"],
        retry_of=row["retry_of"],
        updated_at=row["updated_at"],
        unsent=bool(row["unsent"]),
        opens_drawer=DrawerOpening.from_json(row["opens_drawer"]),
    )


class PrintJobs:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    # -- jobs --------------------------------------------------------------------------------
    def add(
        self,
        *,
        job_id: str,
        register_id: str,
        role: PrinterRole,
        kind: JobKind,
        title: str,
        payload: bytes,
        receipt_ids: Iterable[str],
        now: str,
        retry_of: str | None = None,
        opens_drawer: DrawerOpening | None = None,
    ) -> int:
        ids = list(dict.fromkeys(receipt_ids))
        seq = int(self.conn.scalar(select(func.coalesce(func.max(t.print_jobs.c.seq), 0))) or 0)
        self.conn.execute(
            insert(t.print_jobs).values(
                id=job_id,
                seq=seq + 1,
                register_id=register_id,
                role=role.value,
                kind=kind.value,
                title=title,
                payload=payload,
                receipt_ids=json.dumps(ids),
                status=JobStatus.QUEUED.value,
                created_at=now,
                updated_at=now,
                retry_of=retry_of,
                opens_drawer=opens_drawer.to_json() if opens_drawer else None,
            )
        )
        if ids:
            self.conn.execute(
                insert(t.print_job_receipts), [{"receipt_id": r, "job_id": job_id} for r in ids]
            )
        return seq + 1

    def bring_back(self, jobs: Iterable[Mapping[str, Any]]) -> None:
        """Print jobs of receipts a restore brought back, as the replaced store had them, after
        this store's own jobs (new sequence numbers, the same order); a job already here only
        gets its missing receipt links."""
        seq = int(self.conn.scalar(select(func.coalesce(func.max(t.print_jobs.c.seq), 0))) or 0)
        for job in jobs:
            receipts = list(job["receipt_ids"])
            here = self.conn.scalar(select(t.print_jobs.c.id).where(t.print_jobs.c.id == job["id"]))
            if here is None:
                seq += 1
                row = {**job, "seq": seq, "receipt_ids": json.dumps(receipts)}
                self.conn.execute(insert(t.print_jobs).values(**row))
            linked = set(
                self.conn.scalars(
                    select(t.print_job_receipts.c.receipt_id).where(
                        t.print_job_receipts.c.job_id == job["id"]
                    )
                )
            )
            missing = [{"receipt_id": r, "job_id": job["id"]} for r in receipts if r not in linked]
            if missing:
                self.conn.execute(insert(t.print_job_receipts), missing)

    def job(self, job_id: str) -> PrintJob | None:
        row = self.conn.execute(select(*_JOB_COLUMNS).where(t.print_jobs.c.id == job_id)).first()
        return _job(row._mapping) if row else None

    def payload(self, job_id: str) -> bytes:
        found = self.conn.scalar(select(t.print_jobs.c.payload).where(t.print_jobs.c.id == job_id))
        if found is None:
            raise KeyError(job_id)
        return bytes(found)

    def jobs(
        self, register_id: str, statuses: Iterable[JobStatus] = (), limit: int = 100
    ) -> list[PrintJob]:
        query = select(*_JOB_COLUMNS).where(t.print_jobs.c.register_id == register_id)
        wanted = [s.value for s in statuses]
        if wanted:
            query = query.where(t.print_jobs.c.status.in_(wanted))
        rows = self.conn.execute(query.order_by(t.print_jobs.c.seq.desc()).limit(limit))
        return [_job(r._mapping) for r in rows]

    def claim_next(self, register_id: str, now: str) -> PrintJob | None:
        """The register's oldest queued job, marked ``printing`` (one attempt more)."""
        while True:
            job_id = self.conn.scalar(
                select(t.print_jobs.c.id)
                .where(
                    t.print_jobs.c.register_id == register_id,
                    t.print_jobs.c.status == JobStatus.QUEUED.value,
                )
                .order_by(t.print_jobs.c.seq)
                .limit(1)
            )
            if job_id is None:
                return None
            if self._move(job_id, JobStatus.QUEUED, JobStatus.PRINTING, now, attempts=True):
                return self.job(job_id)

    def move(
        self,
        job_id: str,
        from_: JobStatus,
        to: JobStatus,
        now: str,
        error: str = "",
        *,
        unsent: bool = False,
    ) -> bool:
        """Change a job's status only if it is still ``from_``; False if it was not.
        ``unsent`` records that the printer provably took none of it."""
        return self._move(job_id, from_, to, now, error=error, unsent=unsent)

    def _move(
        self,
        job_id: str,
        from_: JobStatus,
        to: JobStatus,
        now: str,
        *,
        error: str = "",
        attempts: bool = False,
        unsent: bool = False,
    ) -> bool:
        values: dict[str, Any] = {"status": to.value, "updated_at": now, "error": error}
        if unsent:
            values["unsent"] = True
        if to is JobStatus.PRINTED:
            values["printed_at"] = now
        if attempts:
            values["attempts"] = t.print_jobs.c.attempts + 1
        result = self.conn.execute(
            update(t.print_jobs)
            .where(t.print_jobs.c.id == job_id, t.print_jobs.c.status == from_.value)
            .values(**values)
        )
        return result.rowcount == 1

    def fail_interrupted(self, register_id: str, now: str, error: str) -> list[PrintJob]:
        """Jobs left ``printing`` by a crash may have printed: they fail (possibly on paper)
        and are never resent by themselves. Returns them as they are now."""
        ids = self.conn.scalars(
            select(t.print_jobs.c.id).where(
                t.print_jobs.c.register_id == register_id,
                t.print_jobs.c.status == JobStatus.PRINTING.value,
            )
        ).all()
        failed = []
        for job_id in ids:
            if self._move(job_id, JobStatus.PRINTING, JobStatus.FAILED, now, error=error):
                found = self.job(job_id)
                if found is not None:
                    failed.append(found)
        return failed

    def jobs_carrying(
        self, receipt_ids: Iterable[str], kind: JobKind = JobKind.RECEIPTS
    ) -> dict[str, list[PrintJob]]:
        """The jobs of ``kind`` that carried each of these receipts (oldest first)."""
        wanted = list(dict.fromkeys(receipt_ids))
        found: dict[str, list[PrintJob]] = {r: [] for r in wanted}
        link = t.print_job_receipts
        for start in range(0, len(wanted), 500):
            rows = self.conn.execute(
                select(link.c.receipt_id, *_JOB_COLUMNS)
                .join(t.print_jobs, t.print_jobs.c.id == link.c.job_id)
                .where(link.c.receipt_id.in_(wanted[start : start + 500]))
                .where(t.print_jobs.c.kind == kind.value)
                .order_by(t.print_jobs.c.seq)
            )
            for row in rows:
                found[row.receipt_id].append(_job(row._mapping))
        return found

    def receipts_without_job(self, register_id: str, since_iso: str) -> list[str]:
        """Receipts made here since ``since_iso`` that no print job carries: a crash came
        between the sale's commit and its print job, so the customer never got paper.
        The link table's primary key answers each receipt with one index look-up."""
        rows = self.conn.exec_driver_sql(
            "SELECT r.id FROM receipts r JOIN sales s ON s.id = r.sale_id "
            "WHERE r.register_id = ? AND s.created_at >= ? AND NOT EXISTS ("
            "  SELECT 1 FROM print_job_receipts l WHERE l.receipt_id = r.id) "
            "ORDER BY s.created_at, r.number_text",
            (register_id, since_iso),
        )
        return [row[0] for row in rows]

    # -- settings ----------------------------------------------------------------------------
    def settings(self, register_id: str) -> dict[PrinterRole, PrinterSetting]:
        rows = self.conn.execute(
            select(t.printer_settings).where(t.printer_settings.c.register_id == register_id)
        )
        return {
            PrinterRole(r.role): PrinterSetting(
                r.register_id, PrinterRole(r.role), r.url, r.profile, r.columns
            )
            for r in rows
        }

    def save_setting(self, setting: PrinterSetting, now: str) -> None:
        table = t.printer_settings
        values = {"url": setting.url, "profile": setting.profile, "columns": setting.columns}
        done = self.conn.execute(
            update(table)
            .where(table.c.register_id == setting.register_id, table.c.role == setting.role.value)
            .values(**values, updated_at=now)
        )
        if done.rowcount == 0:
            self.conn.execute(
                insert(table).values(
                    register_id=setting.register_id,
                    role=setting.role.value,
                    **values,
                    updated_at=now,
                )
            )

    # -- what printing needs to know about the till ------------------------------------------
    def receipt_facts(self, receipt_ids: Iterable[str]) -> list[RowMapping]:
        """Number, kind, tenant, total and the selling staff of each receipt (for the journal)."""
        rows = self.conn.execute(
            select(
                t.receipts.c.id,
                t.receipts.c.number_text,
                t.receipts.c.kind,
                t.receipts.c.tenant_id,
                t.receipts.c.total,
                t.sales.c.staff_id,
            )
            .join(t.sales, t.sales.c.id == t.receipts.c.sale_id)
            .where(t.receipts.c.id.in_(list(receipt_ids)))
            .order_by(t.receipts.c.number_text)
        )
        return [r._mapping for r in rows]

    def journaled(self, ref_id: str, event_code: int) -> bool:
        """Whether the journal holds an event of this code about ``ref_id``."""
        found = self.conn.scalar(
            select(func.count())
            .select_from(t.journal)
            .where(t.journal.c.ref_id == ref_id, t.journal.c.event_code == event_code)
        )
        return bool(found)

    def drawer_opened_for(self, ref_id: str) -> bool:
        """Whether the journal holds a drawer opening (13005) for this sale or movement."""
        return self.journaled(ref_id, 13005)

    def cash_sale(self, sale_id: str) -> tuple[str, str] | None:
        """(kind, staff) of a sale, return or deposit paid or refunded partly in cash outside
        training: what opens the drawer; None for any other."""
        row = self.conn.execute(
            select(t.sales.c.kind, t.sales.c.staff_id)
            .where(t.sales.c.id == sale_id, t.sales.c.training.is_(False))
            .where(
                select(t.tenders.c.id)
                .where(t.tenders.c.sale_id == sale_id, t.tenders.c.kind == "cash")
                .exists()
            )
        ).first()
        return (str(row.kind), str(row.staff_id)) if row else None

    def cash_movement(self, movement_id: str) -> RowMapping | None:
        row = self.conn.execute(
            select(
                t.cash_movements,
                t.staff.c.name.label("staff_name"),
                t.till_sessions.c.register_id,
                t.registers.c.name.label("register_name"),
            )
            .join(t.staff, t.staff.c.id == t.cash_movements.c.staff_id)
            .join(t.till_sessions, t.till_sessions.c.id == t.cash_movements.c.till_session_id)
            .join(t.registers, t.registers.c.id == t.till_sessions.c.register_id)
            .where(t.cash_movements.c.id == movement_id)
        ).first()
        return row._mapping if row else None
