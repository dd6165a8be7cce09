"""What to do when the server cannot use its database: PostgreSQL's refusal, as the operator
setting up a server meets it, turned into the one thing to grant, create or change.

The set-up in ``docs/sync.md`` makes a database user that owns the database and may create
roles (the server's queries run as the role ``omigjen_app``, under row-level security); each
message here names the step of that set-up that is missing.
"""

from __future__ import annotations

import re

from sqlalchemy.engine import make_url

from server.schema import APP_ROLE

SUPERUSER = "runuser -u postgres --"


_URL_SAFE = re.compile(r"(?:[A-Za-z0-9._~-]|%[0-9A-Fa-f]{2})*")
"""What a password may hold in the database URL: letters, digits, ``- . _ ~`` (a URL carries
them as they are) and any other character %-encoded (``@`` as ``%40``)."""


def url_password_problem(url: str) -> str:
    """Why the password written in ``url`` cannot be read back as written ('' if it can): a
    character a URL gives a meaning to (``@ / : # ? %`` and others) ends it early or moves
    the host, and PostgreSQL then refuses with a reason that does not say so."""
    rest = url.split("://", 1)[-1]
    user_info = rest.rsplit("@", 1)[0] if "@" in rest else ""
    password = user_info.split(":", 1)[1] if ":" in user_info else ""
    if _URL_SAFE.fullmatch(password):
        return ""
    return ("the database password in the URL may hold only letters, digits and - . _ ~; "
            "write any other character %-encoded (@ as %40, / as %2F, % as %25), e.g. "
            "python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], "
            "safe=\"\"))' 'PASSWORD', or choose a password without them")  # fmt: skip


def explained(reason: str, url: str) -> str:
    """One line (or two) for a failure to connect to or migrate the database at ``url``."""
    bad_password = url_password_problem(url)
    if bad_password:
        return f"cannot use the database: {bad_password}"
    where = make_url(url)
    user, database = where.username or "?", where.database or "?"
    host = (where.host or "localhost") + (f":{where.port}" if where.port else "")
    port = f" -p {where.port}" if where.port else ""
    advice = _advice(reason, user, database, host, port)
    return f"cannot use the database: {reason}" + (f"\n{advice}" if advice else "")


def _advice(reason: str, user: str, database: str, host: str, port: str) -> str:
    """``port`` is `` -p N`` when the URL names one: the superuser's commands go to the same
    cluster as the URL (a second cluster on a machine listens on another port)."""
    as_superuser = f"{SUPERUSER} psql{port} -c"
    if "permission denied to create role" in reason:
        return (f"the database user {user} must be allowed to create the server's role "
                f"{APP_ROLE}; as the PostgreSQL superuser: "
                f"{as_superuser} \"ALTER ROLE {user} CREATEROLE\"")  # fmt: skip
    if any(n in reason for n in ("admin option on role", "to grant role", "to set role")):
        return (f"the role {APP_ROLE} exists but {user} may not use it; as the PostgreSQL "
                f"superuser: {as_superuser} \"GRANT {APP_ROLE} TO {user}\"")  # fmt: skip
    if "permission denied for schema" in reason or "permission denied for database" in reason:
        return (f"the database user {user} does not own the database {database}: run "
                "`omigjen-server admin migrate` with the owner's URL, or make it the owner, as "
                f"the PostgreSQL superuser: {as_superuser} "
                f"\"ALTER DATABASE {database} OWNER TO {user}\"")  # fmt: skip
    if "must be owner" in reason:
        return (
            "the schema belongs to another database user: run `omigjen-server admin "
            "migrate` with the URL of the user who created it (the database's owner)"
        )
    if "no password supplied" in reason:
        return (
            f"PostgreSQL asks for {user}'s password: put it in the URL, "
            f"postgresql+psycopg://{user}:PASSWORD@{host}/{database}"
        )
    if "password authentication failed" in reason:
        return (
            f"the user {user} or its password is wrong; to set the password, as the "
            f"PostgreSQL superuser: {as_superuser} \"ALTER ROLE {user} PASSWORD '...'\""
        )
    if f'database "{database}" does not exist' in reason:
        return (
            f"create it, owned by {user}, as the PostgreSQL superuser: "
            f"{SUPERUSER} createdb{port} --owner {user} {database}"
        )
    if "Connection refused" in reason or "could not translate host name" in reason:
        return f"is PostgreSQL running and listening on {host}?"
    return ""
