"""A fake raw-TCP (port 9100 style) receipt printer on 127.0.0.1 for the queue tests.

It answers DLE EOT 1/4 like an Epson (bit 2 of the first answer: the drawer connector's pin 3,
high while the drawer is open), keeps what reached the paper, opens its drawer on ESC p, and can
go offline (it stops listening, resetting the job in hand), run out of paper after a given
number of bytes of the next job, or stop answering status questions like a cheap printer.
"""

from __future__ import annotations

import socket
import struct
import threading

ONLINE, OFFLINE = 0x12, 0x1A
DRAWER_PIN_HIGH = 0x04
PAPER_OK, PAPER_OUT = 0x12, 0x72
KICK = b"\x1bp"


class FakeNetworkPrinter:
    def __init__(self) -> None:
        self.port = 0
        self.printed: list[bytes] = []
        self.paper_out = False
        self.drawer_open = False
        self.answers_status = True
        self.status_questions = 0
        self.fault: tuple[str, int] | None = None
        self._listener: socket.socket | None = None
        self._threads: list[threading.Thread] = []
        self._lock = threading.Lock()
        self.go_online()

    @property
    def url(self) -> str:
        return f"tcp://127.0.0.1:{self.port}"

    # -- what the test does to the printer ---------------------------------------------------
    def go_online(self) -> None:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        self.port = listener.getsockname()[1]
        listener.listen(5)
        self._listener = listener
        thread = threading.Thread(target=self._accept, args=(listener,), daemon=True)
        thread.start()
        self._threads.append(thread)

    def go_offline(self) -> None:
        if self._listener is not None:
            try:  # wakes the blocked accept(); a bare close() would leave the port listening
                self._listener.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            self._listener.close()
            self._listener = None

    def refill_paper(self) -> None:
        self.paper_out = False

    def close_drawer(self) -> None:
        """The cashier pushes the drawer shut."""
        self.drawer_open = False

    def offline_after(self, count: int) -> None:
        """In the next job: take ``count`` bytes, then the power goes (connection reset)."""
        self.fault = ("offline", count)

    def paper_out_after(self, count: int) -> None:
        """In the next job: only ``count`` bytes reach the paper, then the roll is empty."""
        self.fault = ("paper", count)

    def close(self) -> None:
        self.go_offline()

    @property
    def all_printed(self) -> bytes:
        return b"".join(self.printed)

    # -- the printer's side ------------------------------------------------------------------
    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            with conn:
                conn.settimeout(5)
                try:
                    self._serve(conn)
                except OSError:
                    pass

    def _serve(self, conn: socket.socket) -> None:
        first = conn.recv(3)
        if first[:2] == b"\x10\x04":
            self._answer_status(conn, first)
            return
        job = bytearray(first)
        fault, self.fault = self.fault, None
        limit = fault[1] if fault else None
        while True:
            want = 4096 if limit is None else max(1, min(4096, limit - len(job)))
            if limit is not None and len(job) >= limit and fault and fault[0] == "offline":
                self._reset(conn)
                self.printed.append(bytes(job[:limit]))
                return
            chunk = conn.recv(want)
            if not chunk:
                break
            job += chunk
        if fault and fault[0] == "paper":
            self.paper_out = True
            self.printed.append(bytes(job[: fault[1]]))
        else:
            self.printed.append(bytes(job))
        if KICK in self.printed[-1]:
            self.drawer_open = True

    def _reset(self, conn: socket.socket) -> None:
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.go_offline()

    def _answer_status(self, conn: socket.socket, request: bytes) -> None:
        while len(request) == 3 and request[:2] == b"\x10\x04":
            self.status_questions += 1
            if not self.answers_status:
                request = conn.recv(3)  # hears the question, never answers
                continue
            if request[2] == 1:
                state = OFFLINE if self.paper_out else ONLINE
                conn.sendall(bytes([state | (DRAWER_PIN_HIGH if self.drawer_open else 0)]))
            else:
                conn.sendall(bytes([PAPER_OUT if self.paper_out else PAPER_OK]))
            request = conn.recv(3)
