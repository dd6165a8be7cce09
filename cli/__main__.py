"""``python -m cli ...``: the same as ``omigjen-pos ...`` and ``python main.py ...``."""

import sys

from cli.main import main

sys.exit(main())
