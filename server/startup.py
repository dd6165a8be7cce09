"""What ``omigjen-server serve`` says when it starts: where it serves what, on which database,
and what is not configured (so an operator learns that e-mails cannot go out before a
customer waits for one)."""

from __future__ import annotations

from sqlalchemy.engine import make_url

from server.settings import ServerSettings


def startup_lines(settings: ServerSettings, *, notifier: bool) -> list[str]:
    """Lines for the log, the first saying where the server answers."""
    scheme = "https" if settings.ssl_certfile else "http"
    everywhere = settings.host in ("0.0.0.0", "::", "")
    host = "localhost" if everywhere else settings.host
    address = f"{scheme}://{host}:{settings.port}/"
    database = make_url(settings.database_url)
    lines = [
        f"omigjen-server: the sync API for the counters and the web back office at {address}"
        + (" (every address of this machine)" if everywhere else ""),
        f"omigjen-server: database {database.database} on {database.host or 'localhost'} "
        f"as {database.username}; the API's description at {address}docs",
    ]
    return lines + [f"omigjen-server: warning: {w}" for w in warnings(settings, notifier)]


def warnings(settings: ServerSettings, notifier: bool) -> list[str]:
    found = []
    if not settings.ssl_certfile:
        found.append("no TLS certificate (OMIGJEN_SSL_CERTFILE, --certfile): plain http, which "
                     "counters on other machines refuse unless enrolled with --insecure")
    if not notifier:
        found.append("--no-notifier: customer messages wait until `omigjen-server admin "
                     "send-notifications` or a server without it sends them")
        return found
    if not settings.smtp.host:
        found.append("no SMTP server (OMIGJEN_SMTP_HOST): e-mails to customers are not sent "
                     "(each fails at once, and the counter that queued it is told)")
    if not settings.sms.gateway_url:
        found.append("no SMS gateway (OMIGJEN_SMS_GATEWAY_URL): text messages to customers "
                     "are not sent (each fails at once, and the counter that queued it is told)")
    return found
