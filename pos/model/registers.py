"""How a register is named: its id (K1, K2, ... as on every receipt number) and the name people
know it by ("Kasse 1 – disken"), which a counter set up from the server starts without."""

from __future__ import annotations

import re

_NUMBERED = re.compile(r"^K(\d+)$")


def default_register_name(register_id: str) -> str:
    """The name a register the server gave gets until a manager names it: "Kasse 2" for K2,
    as the first-run set-up names the first one "Kasse 1"."""
    numbered = _NUMBERED.match(register_id)
    return f"Kasse {numbered.group(1)}" if numbered else register_id


def register_label(register_id: str, name: str) -> str:
    """The id and the name, the name only when it says more than the id ("K2", not "K2 K2")."""
    name = name.strip()
    return register_id if name in ("", register_id) else f"{register_id} {name}"
