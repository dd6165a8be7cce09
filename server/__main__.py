"""``python -m server [serve|admin ...]``: the same as ``omigjen-server``; with no command (or
options only) it runs the server."""

from __future__ import annotations

import sys

from server.cli import main

if __name__ == "__main__":
    sys.exit(main())
