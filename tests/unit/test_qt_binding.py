"""The Qt binding keeps Python's reference counts. On CPython 3.11 None, True and False are
counted like any object; a binding that drops one reference on each call returning nothing or
on each signal emit (PySide6 6.12.0 does both) brings one of them to zero during a working day:
"Fatal Python error: none_dealloc / bool_dealloc" and the counter aborts, at exit or sooner.
pyproject.toml excludes that release; this test refuses any other that does the same."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QTimer, Signal

CALLS = 2000


class _Emitter(QObject):
    changed = Signal(bool)
    carried = Signal(object)


def _counts() -> tuple[int, int, int]:
    return sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)


def _drift(before: tuple[int, int, int]) -> list[int]:
    return [after - was for after, was in zip(_counts(), before, strict=True)]


def test_methods_returning_nothing_keep_the_count_of_none(qapp):
    timer = QTimer()
    before = _counts()
    for _ in range(CALLS):
        timer.setInterval(5)
        timer.stop()
    assert all(abs(d) < CALLS // 10 for d in _drift(before)), _drift(before)


def test_signal_emits_keep_the_counts_of_true_false_and_none(qapp):
    emitter, received = _Emitter(), []
    emitter.changed.connect(received.append)
    emitter.carried.connect(received.append)
    before = _counts()
    for _ in range(CALLS):
        emitter.changed.emit(True)
        emitter.changed.emit(False)
        emitter.carried.emit(None)
    received.clear()
    assert all(abs(d) < CALLS // 10 for d in _drift(before)), _drift(before)
