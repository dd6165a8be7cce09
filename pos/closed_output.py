"""A command whose reader went away (``verify-journal | head``): nothing more can be said on
stdout, and that is neither success, a finding nor a bug. Shared by the counter's and the
server's command lines."""

from __future__ import annotations

import os
import sys

STDOUT_CLOSED = 141
"""What a command killed by SIGPIPE gives in a shell (128 + 13)."""


def stdout_closed() -> int:
    """Point stdout at devnull, as the Python docs advise (signal module, "Note on SIGPIPE"),
    so the interpreter's own flush at exit does not fail again; the exit code to return."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return STDOUT_CLOSED
