"""A fault-injecting HTTP proxy on loopback between the sync client and the real server.

Each request whose path starts with ``prefix`` takes the next fault from the script (then
``pass``): ``503`` and ``500`` answer without reaching the server; ``drop`` closes the
connection unanswered and unforwarded; ``lost_answer`` forwards, then closes without answering
(the server did the work); ``truncated`` forwards and sends half the answer; ``slow`` forwards
and answers late but in time; ``timeout`` forwards and holds the answer until the client gives up.

Requests are forwarded one at a time, in the order they came: a client that gave up on a
``timeout`` and asks again finds the server done with the first request, as it would be after a
real timeout of many seconds, however busy the machine.
"""

from __future__ import annotations

import http.client
import select
import socket
import threading
import time
from collections import deque
from collections.abc import Iterable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "host", "content-length"}


class FaultProxy:
    def __init__(self, upstream: str, prefix: str = "/v1/sync/push", late_s: float = 30) -> None:
        self.upstream = urlsplit(upstream)
        self.prefix = prefix
        self.late_s = late_s
        self.script: deque[str] = deque()
        self.seen: list[tuple[str, str]] = []  # (path, fault) for every request
        self._lock = threading.Lock()
        self._forwarding = threading.Lock()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> FaultProxy:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def inject(self, faults: Iterable[str]) -> None:
        with self._lock:
            self.script.extend(faults)

    def upcoming(self, path: str) -> str:
        """The fault the next request to ``path`` will get, without taking it: a client that
        is to time out there can be given a short timeout for that one request."""
        with self._lock:
            return self.script[0] if path.startswith(self.prefix) and self.script else "pass"

    def _next_fault(self, path: str) -> str:
        with self._lock:
            hit = path.startswith(self.prefix) and self.script
            fault = self.script.popleft() if hit else "pass"
            self.seen.append((path, fault))
        return fault

    def forward(self, method: str, path: str, headers: dict[str, str], body: bytes):  # type: ignore[no-untyped-def]
        with self._forwarding:
            conn = http.client.HTTPConnection(
                self.upstream.hostname, self.upstream.port, timeout=30
            )
            conn.request(method, path, body=body or None, headers=headers)
            reply = conn.getresponse()
            data = reply.read()
            conn.close()
        return reply.status, reply.getheaders(), data

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:  # quiet
                return

            def do_GET(self) -> None:
                self._serve("GET")

            def do_POST(self) -> None:
                self._serve("POST")

            def _serve(self, method: str) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                fault = proxy._next_fault(self.path)
                if fault in ("503", "500"):
                    return self._answer_error(int(fault))
                if fault == "drop":
                    return self._hang_up()
                headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
                status, reply_headers, data = proxy.forward(method, self.path, headers, body)
                if fault == "lost_answer":
                    return self._hang_up()
                if fault == "slow":
                    time.sleep(proxy.late_s / 3)
                if fault == "timeout":
                    return self._hold_until_hung_up(proxy.late_s)
                self._answer(status, reply_headers, data, half=fault == "truncated")

            def _answer_error(self, status: int) -> None:
                if status == 503:
                    data = b'{"code": "unavailable", "detail": "maintenance"}'
                    headers = [("Content-Type", "application/problem+json"), ("Retry-After", "0")]
                else:  # a proxy's HTML error page, not the server's problem+json
                    data = b"<html><body>Internal Server Error</body></html>"
                    headers = [("Content-Type", "text/html")]
                self._answer(status, headers, data)

            def _answer(self, status: int, headers, data: bytes, half: bool = False) -> None:  # type: ignore[no-untyped-def]
                try:
                    self.send_response(status)
                    for key, value in headers:
                        if key.lower() not in HOP_BY_HOP:
                            self.send_header(key, value)
                    self.send_header("Content-Length", str(len(data)))
                    self.send_header("Connection", "close")
                    self.end_headers()
                    self.wfile.write(data[: len(data) // 2] if half else data)
                    self.wfile.flush()
                except OSError:  # the client gave up (timeout): nothing to tell it
                    pass
                self.close_connection = True
                if half:
                    self._hang_up()

            def _hold_until_hung_up(self, longest_s: float) -> None:
                """No answer until the client closes the connection (it timed out), or for
                ``longest_s`` at most."""
                deadline = time.monotonic() + longest_s
                while (left := deadline - time.monotonic()) > 0:
                    readable, _, _ = select.select([self.connection], [], [], min(left, 0.05))
                    try:
                        if readable and not self.connection.recv(1, socket.MSG_PEEK):
                            break
                    except OSError:
                        break
                self._hang_up()

            def _hang_up(self) -> None:
                self.close_connection = True
                try:
                    self.connection.shutdown(2)
                except OSError:
                    pass

        return Handler
