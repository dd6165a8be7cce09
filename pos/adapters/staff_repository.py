"""Staff: who may log in, with which role, and their wrong-PIN count and delay."""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert, select

from pos.adapters import tables as t
from pos.adapters.store_base import Row, StoreBase
from pos.model.staff import Role


class StaffRepository(StoreBase):
    def staff_list(self) -> list[dict]:
        """Every staff member without the PIN hash (shared only with the site's server)."""
        return self.rows(
            "SELECT id, staff_no, name, role, active, failed_pins, locked, locked_until "
            "FROM staff ORDER BY staff_no"
        )

    def add_staff(self, staff_id: str, staff_no: str, name: str, role: Role, pin_hash: str) -> None:
        self.conn.execute(
            insert(t.staff).values(
                id=staff_id,
                staff_no=staff_no,
                name=name,
                role=role.value,
                pin_hash=pin_hash,
            )
        )

    def staff_to_share(self) -> list[dict]:
        """Every staff member with the PIN hash, as the counter shares them with its site."""
        return self.rows("SELECT id, staff_no, name, role, pin_hash, active FROM staff")

    def staff_by_no(self, staff_no: str) -> Row | None:
        row = self.conn.execute(select(t.staff).where(t.staff.c.staff_no == staff_no)).first()
        return row._mapping if row else None

    def add_failed_pin(self, staff_id: str) -> int:
        row = self._raw.execute(
            "UPDATE staff SET failed_pins = failed_pins + 1 WHERE id = ? RETURNING failed_pins",
            (staff_id,),
        ).fetchone()
        return int(row[0])

    def set_failed_pins(self, staff_id: str, count: int, *, locked_until: str | None) -> None:
        """The count of wrong PINs in a row and when the delay they started ends (or None)."""
        self._raw.execute(
            "UPDATE staff SET failed_pins = ?, locked = ?, locked_until = ? WHERE id = ?",
            (count, locked_until is not None, locked_until, staff_id),
        )

    def update_staff(self, staff_id: str, **fields: Any) -> None:
        allowed = {"name", "role", "pin_hash", "active", "failed_pins", "locked", "locked_until"}
        if not fields or set(fields) - allowed:
            raise KeyError(sorted(set(fields) - allowed))
        assignments = ", ".join(f"{name} = :{name}" for name in fields)
        self._raw.execute(
            f"UPDATE staff SET {assignments} WHERE id = :id", {**fields, "id": staff_id}
        )
