"""Before Qt starts: is there a screen, and can Qt's X11 plugin load? Without either, Qt aborts
the process with a message about "platform plugins" that tells a counter's owner nothing; this
says what is missing and how to get it. Imports nothing from Qt."""

from __future__ import annotations

import ctypes.util
import os
import sys
from collections.abc import Callable, Mapping

X11_PACKAGES = (
    "libegl1 libgl1 libfontconfig1 libdbus-1-3 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 "
    "libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 "
    "libxcb-xinerama0 libxcb-xkb1"
)
# The libraries Qt 6's xcb plugin needs that a minimal install most often lacks.
X11_LIBRARIES = ("xcb-cursor", "xkbcommon-x11", "xcb-icccm", "EGL", "fontconfig")

_NO_SCREEN = {
    "nb": "Fant ingen skjerm (DISPLAY og WAYLAND_DISPLAY er tomme). Start kassen fra skrivebordet,"
    " eller på en maskin uten skjerm: xvfb-run -a make run",
    "en": "No screen found (DISPLAY and WAYLAND_DISPLAY are empty). Start the till from the"
    " desktop, or on a machine without a screen: xvfb-run -a make run",
}
_NO_LIBRARIES = {
    "nb": "Qt mangler systembiblioteker for skjermen ({missing}). Installer dem med:\n"
    "  sudo apt-get install " + X11_PACKAGES,
    "en": "Qt lacks system libraries for the screen ({missing}). Install them with:\n"
    "  sudo apt-get install " + X11_PACKAGES,
}


def display_problem(
    lang: str,
    environ: Mapping[str, str] | None = None,
    find_library: Callable[[str], str | None] = ctypes.util.find_library,
    platform: str = sys.platform,
) -> str | None:
    """Why the window cannot open here, in the UI's language, or None when it can (or when the
    person chose a Qt platform themselves with QT_QPA_PLATFORM)."""
    env = os.environ if environ is None else environ
    if not platform.startswith("linux") or env.get("QT_QPA_PLATFORM"):
        return None
    texts = "nb" if lang != "en" else "en"
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        return _NO_SCREEN[texts]
    if env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        missing = [name for name in X11_LIBRARIES if find_library(name) is None]
        if missing:
            return _NO_LIBRARIES[texts].format(missing=", ".join(f"lib{m}" for m in missing))
    return None
