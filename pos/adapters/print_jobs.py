"""Store and queries for the print queue and printer settings (tables of migration 0002).

Status changes are conditional UPDATEs (``WHERE status = ...``), so two threads or two retries
can never both win; a trigger refuses any change to a printed job.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Connection, RowMapping, func, insert, literal_column, select, update

from pos.adapters import tables as t
from pos.model.printing import JobKind, JobStatus, PrinterRole, PrinterSetting, PrintJob

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
    ) -> int:
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
                receipt_ids=json.dumps(list(receipt_ids)),
                status=JobStatus.QUEUED.value,
                created_at=now,
                updated_at=now,
                retry_of=retry_of,
            )
        )
        return seq + 1

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

    def move(self, job_id: str, from_: JobStatus, to: JobStatus, now: str, error: str = "") -> bool:
        """Change a job's status only if it is still ``from_``; False if it was not."""
        return self._move(job_id, from_, to, now, error=error)

    def _move(
        self,
        job_id: str,
        from_: JobStatus,
        to: JobStatus,
        now: str,
        *,
        error: str = "",
        attempts: bool = False,
    ) -> bool:
        values: dict[str, Any] = {"status": to.value, "updated_at": now, "error": error}
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

    def fail_interrupted(self, register_id: str, now: str, error: str) -> int:
        """Jobs left ``printing`` by a crash may have printed: they fail, never resend."""
        result = self.conn.execute(
            update(t.print_jobs)
            .where(
                t.print_jobs.c.register_id == register_id,
                t.print_jobs.c.status == JobStatus.PRINTING.value,
            )
            .values(status=JobStatus.FAILED.value, error=error, updated_at=now)
        )
        return int(result.rowcount)

    def printed_receipt_ids(self, receipt_ids: Iterable[str]) -> set[str]:
        """Which of these receipts are in a job that printed (original or copy)."""
        wanted = set(receipt_ids)
        rows = self.conn.execute(
            select(t.print_jobs.c.receipt_ids).where(
                t.print_jobs.c.status == JobStatus.PRINTED.value,
                t.print_jobs.c.receipt_ids != "[]",
            )
        )
        found: set[str] = set()
        for (ids,) in rows:
            found.update(wanted.intersection(json.loads(ids)))
        return found

    def receipts_without_job(self, register_id: str, since_iso: str) -> list[str]:
        """Receipts made here since ``since_iso`` that no print job carries: a crash came
        between the sale's commit and its print job, so the customer never got paper.

        ``NOT IN`` over one pass of the jobs' receipt ids (SQLite builds it once), not a
        correlated ``NOT EXISTS`` that re-reads every job for every receipt: start-up stays
        linear as the queue's history grows."""
        rows = self.conn.exec_driver_sql(
            "SELECT r.id FROM receipts r JOIN sales s ON s.id = r.sale_id "
            "WHERE r.register_id = ? AND s.created_at >= ? AND r.id NOT IN ("
            "  SELECT e.value FROM print_jobs j, json_each(j.receipt_ids) e) "
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
    def last_sale_receipt_ids(self, register_id: str) -> list[str]:
        """The tenant receipts of the register's most recent sale or return."""
        sale_id = self.conn.scalar(
            select(t.sales.c.id)
            .where(t.sales.c.register_id == register_id)
            .order_by(t.sales.c.created_at.desc(), literal_column("sales.rowid").desc())
            .limit(1)
        )
        if sale_id is None:
            return []
        rows = self.conn.execute(
            select(t.receipts.c.id)
            .where(t.receipts.c.sale_id == sale_id)
            .order_by(t.receipts.c.number_text)
        )
        return [r.id for r in rows]

    def drawer_opened_for(self, ref_id: str) -> bool:
        """Whether the journal holds a drawer opening (13005) for this sale or movement."""
        found = self.conn.scalar(
            select(func.count())
            .select_from(t.journal)
            .where(t.journal.c.ref_id == ref_id, t.journal.c.event_code == 13005)
        )
        return bool(found)

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
