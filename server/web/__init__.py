"""The centre's back office on the web: server-rendered pages (Jinja2, a little htmx) for the
centre manager and each tenant's people, signed in with a password (argon2) and optionally a
TOTP code; every query runs under the row-level security scope of the person signed in."""
