"""The centre's name: the first name a counter of the site brings at enrolment becomes the
centre's, published to the site's counters as the reference entity ``centre``. A counter set up
from the server shows it (not the site's name on the server), and the server's own documents
(SAF-T location, settlement statements) use it too."""

from __future__ import annotations

from sqlalchemy import Connection, text

from server import refdata


def bring(conn: Connection, site_id: str, name: str | None) -> None:
    """Keep ``name`` as the site's centre name unless it has one (the first one stands)."""
    name = (name or "").strip()
    if name and refdata.current(conn, "centre", site_id) is None:
        refdata.put(conn, "centre", site_id, None, {"name": name[:100]}, site_id)


def of_site(conn: Connection, site_id: str) -> str:
    """The centre's name, else the site's name ("" for no such site)."""
    found = conn.execute(
        text(
            "SELECT COALESCE((SELECT c.data->>'name' FROM ref_current c WHERE c.entity = "
            "'centre' AND c.entity_id = s.id AND NOT c.deleted), s.name) FROM sites s "
            "WHERE s.id = :s"
        ),
        {"s": site_id},
    ).scalar()
    return str(found or "")
