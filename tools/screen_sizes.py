"""Screenshots of the counter at the size of the screen it runs on, for docs/screenshots/sizes/:
run once per size in an X server of that size, e.g.

    xvfb-run -a -s "-screen 0 1024x600x24" python tools/screen_sizes.py
    xvfb-run -a -s "-screen 0 1366x768x24" python tools/screen_sizes.py
    xvfb-run -a -s "-screen 0 1920x1080x24" python tools/screen_sizes.py

(``make screenshots-sizes`` runs all three). The whole screen is grabbed, so a dialog is seen
where it opens over the window. ``--all DIR`` writes every stop of the tour to DIR instead of
the documented few, and prints what ``tools.fit_check`` finds cut off on each."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from tools.fit_check import problems  # noqa: E402
from tools.screen_tour import counter_window, settle, tour  # noqa: E402
from ui.i18n import install_translator  # noqa: E402
from ui.window_placement import DialogFitter  # noqa: E402

DOCUMENTED = ("login", "sale", "payment_change", "ticket", "page_repairs.intake", "page_day_end")
"""The stops shown in the docs at every size."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--all", type=Path, help="write every stop here instead")
    parser.add_argument("--lang", default="nb")
    args = parser.parse_args(argv)
    app = QApplication(sys.argv[:1])
    translator = install_translator(app, args.lang)  # noqa: F841 - must outlive the window
    fitter = DialogFitter()
    app.installEventFilter(fitter)
    screen = app.primaryScreen()
    size = f"{screen.size().width()}x{screen.size().height()}"
    out = args.all or ROOT / "docs" / "screenshots" / "sizes" / size
    out.mkdir(parents=True, exist_ok=True)
    found = 0
    with (
        tempfile.TemporaryDirectory() as tmp,
        counter_window(app, Path(tmp) / "data") as (
            counter,
            window,
        ),
    ):
        for name, widget in tour(app, window, counter):
            settle(app)
            for problem in problems(widget):
                found += 1
                print(f"{size} {name}: {problem}")
            if args.all or name in DOCUMENTED:
                path = out / f"{name}.png"
                screen.grabWindow(0).save(str(path))
                print(f"wrote {path}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
