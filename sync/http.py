"""HTTP to the central server: a ``requests.Session`` with timeouts, gzip bodies, bearer token,
and every failure turned into one of two errors the sync cycle understands.

``ServerError`` carries the problem+json ``code`` (and ``Retry-After``); ``Unreachable`` means
no answer at all (DNS, refused, TLS, timeout). TLS certificates are verified unless a CA file
says which authority to trust instead of the system's.
"""

from __future__ import annotations

import json
import time
from email.utils import parsedate_to_datetime
from typing import Any

import requests
from isal import igzip

CONNECT_TIMEOUT_S = 5
READ_TIMEOUT_S = 30


UNREACHABLE = "server unreachable: "
TLS_REFUSED = "TLS certificate not accepted: "
"""How an ``Unreachable`` reason starts (it is also kept as the last sync error), so an
interface can word it in its own language."""


def gzipped(data: bytes) -> bytes:
    """``data`` as one gzip member at level 1, as any gzip reader inflates it. ISA-L (``isal``)
    writes the same format six times faster than zlib at the same level, with smaller
    output: a catch-up's 100 000 events are 200 bodies of ~650 KB, ~0.8 s of the counter's
    CPU with zlib."""
    return igzip.compress(data, compresslevel=1)


class SyncError(Exception):
    """Sync could not complete; ``reason`` is short and shown to people."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Unreachable(SyncError):
    """No HTTP answer: the counter is offline (the queue stays as it is). ``cause`` names what
    failed (the exception's class, or the TLS problem) so the interface can word it in its own
    language; ``tls`` says the server answered with a certificate that was not accepted."""

    def __init__(self, reason: str, *, cause: str = "", tls: bool = False) -> None:
        super().__init__(reason)
        self.cause, self.tls = cause, tls


class ServerError(SyncError):
    def __init__(
        self, status: int, code: str, detail: str, retry_after_s: float | None, body: dict[str, Any]
    ) -> None:
        super().__init__(f"{status} {code}: {detail}".strip())
        self.status, self.code, self.detail = status, code, detail
        self.retry_after_s = retry_after_s
        self.body = body

    @property
    def transient(self) -> bool:
        return self.status in (429, 502, 503, 504) or self.status >= 500


def retry_after(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return max(float(value), 0.0)
    except ValueError:
        pass
    try:
        return max(parsedate_to_datetime(value).timestamp() - time.time(), 0.0)
    except (TypeError, ValueError):
        return None


class ServerApi:
    def __init__(
        self,
        base_url: str,
        token: str = "",
        *,
        ca_file: str = "",
        session: requests.Session | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.verify: bool | str = ca_file or True
        self.session = session or requests.Session()
        self.last_round_trip: tuple[float, float] | None = None  # (sent, received) epoch s

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"} if self.token else {}

    def post_json(
        self, path: str, body: Any, *, raw: bytes | None = None, compress: bool = True
    ) -> dict[str, Any]:
        data = raw if raw is not None else json.dumps(body, ensure_ascii=False).encode("utf-8")
        headers = self._headers() | {"Content-Type": "application/json"}
        if compress:
            data = gzipped(data)
            headers["Content-Encoding"] = "gzip"
        return self._call("POST", path, data=data, headers=headers)

    def post_gzipped(self, path: str, data: bytes) -> dict[str, Any]:
        """POST a body that is already gzip-compressed JSON."""
        headers = self._headers() | {
            "Content-Type": "application/json",
            "Content-Encoding": "gzip",
        }
        return self._call("POST", path, data=data, headers=headers)

    def get_json(self, path: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        return self._call("GET", path, params=params, headers=self._headers())

    def _call(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        sent = time.time()
        try:
            reply = self.session.request(
                method,
                self.base_url + path,
                verify=self.verify,
                timeout=(CONNECT_TIMEOUT_S, READ_TIMEOUT_S),
                **kwargs,
            )
        except requests.exceptions.SSLError as exc:
            raise Unreachable(f"{TLS_REFUSED}{exc}", cause=str(exc), tls=True) from exc
        except requests.RequestException as exc:
            cause = type(exc).__name__
            raise Unreachable(f"{UNREACHABLE}{cause}", cause=cause) from exc
        self.last_round_trip = (sent, time.time())
        try:
            body = reply.json()
        except ValueError:
            body = {}
        if not isinstance(body, dict):
            body = {"items": body}
        if reply.status_code >= 400:
            raise ServerError(
                reply.status_code,
                str(body.get("code") or "http_error"),
                str(body.get("detail") or reply.reason),
                retry_after(reply.headers.get("Retry-After")),
                body,
            )
        return body
