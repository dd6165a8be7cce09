"""The register's high-water mark: the highest numbers ever given out, kept in a small file
beside the keys in the data directory, outside the store, so a store put back from a backup (or
a hand copy) cannot hand out a receipt number or a signature number a second time.

It is written inside every transaction that gives out a number, just before the store commits
(``UnitOfWork.commit``), and its ``fdatasync`` runs alongside the store's own flush: the commit
returns once both are on disk, so a sale costs the longer of the two flushes, not their sum. The
file holds two slots written in turn, each with a generation and a SHA-256 of its content; a
write torn by a power cut leaves the other slot whole, and the newest whole slot is the mark.
Writing in place (no new file, no rename) flushes a few kilobytes and no metadata.

A power cut between the store's flush and the mark's can leave the mark one sale behind the
store; the next start takes the higher of the two (``pos/services/continuity.py``).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import struct
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from pos.errors import DataDirectoryReadOnly, StorageFull
from pos.numbering import Heads, Issued

MARK_FILE = "high-water.mark"
_MAGIC = b"OMIGJEN-HWM1"
_HEADER = struct.Struct(">12sQI32s")
_SLOT = 16 * 1024
log = logging.getLogger(__name__)


@dataclass
class MarkState:
    heads: Heads
    last: Issued | None
    """The last transaction written, with the heads it started from (None after a reset)."""
    generation: int = 0


def mark_path(data_dir: Path) -> Path:
    return data_dir / MARK_FILE


def read_mark(path: Path) -> MarkState | None:
    """The newest whole slot, or None when there is no file or no slot is whole."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    slot = len(data) // 2
    found: MarkState | None = None
    for offset in (0, slot):
        state = _parse(data[offset : offset + slot]) if slot >= _HEADER.size else None
        if state is not None and (found is None or state.generation > found.generation):
            found = state
    return found


def _parse(raw: bytes) -> MarkState | None:
    magic, generation, length, digest = _HEADER.unpack_from(raw)
    payload = raw[_HEADER.size : _HEADER.size + length]
    if magic != _MAGIC or len(payload) != length or hashlib.sha256(payload).digest() != digest:
        return None
    body = json.loads(payload)
    last = body.get("last")
    issued = (
        Issued(Heads.from_json(last["after"]), Heads.from_json(last["before"])) if last else None
    )
    return MarkState(Heads.from_json(body["heads"]), issued, generation)


class HighWaterMark:
    """The mark of one data directory, held open by the process that holds its lock."""

    def __init__(self, path: Path, state: MarkState | None = None) -> None:
        self.path = path
        self.state = state or MarkState(Heads(), None)
        self._fd: int | None = None
        self._slot = 0
        self._lock = threading.Lock()
        self._flusher: ThreadPoolExecutor | None = None

    @classmethod
    def open(cls, data_dir: Path) -> HighWaterMark:
        path = mark_path(data_dir)
        return cls(path, read_mark(path))

    @property
    def heads(self) -> Heads:
        return self.state.heads

    def record(self, issued: Issued) -> None:
        """Raise the mark by what a transaction is about to commit, durably."""
        self.record_async(issued)()

    def record_async(self, issued: Issued) -> Callable[[], None]:
        """Write the raised mark now (a write that fails stops the transaction) and flush it
        in the background; call the result to wait until it is on disk."""
        with self._lock:
            self.state = MarkState(
                self.state.heads.merged(issued.after), issued, self.state.generation
            )
            fd = self._write(flush=False)
        if fd is None:
            return _nothing
        if self._flusher is None:
            self._flusher = ThreadPoolExecutor(1, thread_name_prefix="high-water")
        return _waiter(self._flusher.submit(_flush, fd), self.path)

    def reset(self, heads: Heads) -> None:
        """Set the mark to these heads (at start, once the store and the mark agree)."""
        with self._lock:
            self.state = MarkState(heads, None, self.state.generation)
            self._write()

    def close(self) -> None:
        if self._flusher is not None:
            self._flusher.shutdown(wait=True)
            self._flusher = None
        self._close_file()

    def _close_file(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def _write(self, flush: bool = True) -> int | None:
        """Write the state; returns the file to flush when ``flush`` is False (None: nothing
        is left to flush)."""
        try:
            return self._write_slot(flush)
        except OSError as error:
            raise _domain_error(error, self.path) from error

    def _write_slot(self, flush: bool) -> int | None:
        state = self.state
        state.generation += 1
        record = _encode(state)
        if self._fd is None or len(record) > self._slot:
            self._recreate(max(_SLOT, 2 * len(record)), record)
            return None
        _pwrite(self._fd, record, (state.generation % 2) * self._slot)
        if not flush:
            return self._fd
        _flush(self._fd)
        return None

    def _recreate(self, slot: int, record: bytes) -> None:
        """A new file with both slots holding the current state, put in place atomically."""
        self._close_file()
        tmp = self.path.with_name(self.path.name + ".tmp")
        fd = os.open(tmp, os.O_RDWR | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
        try:
            os.write(fd, record.ljust(slot, b"\0") + record.ljust(slot, b"\0"))
            os.fsync(fd)
        except BaseException:
            os.close(fd)
            raise
        os.replace(tmp, self.path)
        _fsync_dir(self.path.parent)
        self._fd, self._slot = fd, slot


def _nothing() -> None:
    return None


def _waiter(flushing: Future[None], path: Path) -> Callable[[], None]:
    def wait() -> None:
        try:
            flushing.result()
        except OSError as error:  # the store has committed: say it, the next start catches up
            log.error("the high-water mark %s could not be flushed: %s", path, error)

    return wait


def _encode(state: MarkState) -> bytes:
    last = state.last
    body = {
        "heads": state.heads.to_json(),
        "last": {"after": last.after.to_json(), "before": last.before.to_json()} if last else None,
    }
    payload = json.dumps(body, separators=(",", ":")).encode("utf-8")
    digest = hashlib.sha256(payload).digest()
    return _HEADER.pack(_MAGIC, state.generation, len(payload), digest) + payload


def _pwrite(fd: int, data: bytes, offset: int) -> None:
    if hasattr(os, "pwrite"):
        os.pwrite(fd, data, offset)
    else:  # Windows
        os.lseek(fd, offset, os.SEEK_SET)
        os.write(fd, data)


def _flush(fd: int) -> None:
    # fdatasync: the size does not change, so the data alone is enough (one flush, no inode)
    (getattr(os, "fdatasync", None) or os.fsync)(fd)


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # directories cannot be opened for fsync on Windows
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _domain_error(error: OSError, path: Path) -> Exception:
    import errno

    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return StorageFull()
    return DataDirectoryReadOnly(str(path.parent), reason=error.strerror or str(error))
