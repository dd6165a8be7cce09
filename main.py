"""``python main.py ...``: the documented way to run the counter from a checkout; the same as
the installed ``omigjen-pos`` (``cli.main``)."""

import sys

from cli.main import VERSION, main

__all__ = ["VERSION", "main"]

if __name__ == "__main__":
    sys.exit(main())
