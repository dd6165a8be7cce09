"""A real X session for tests: Xvfb on a free display with a chosen keyboard layout, the counter
app (or any Qt program) under ``QT_QPA_PLATFORM=xcb``, real X key events from xdotool (typed as
a person or as a keyboard-wedge scanner types: one burst, a few ms a key), the support log
read as it grows, screenshots, and a clean stop of everything started.

    with XSession(layout="no") as x:
        app = x.start_app(data_dir)
        x.wait_for_log(data_dir, "application started")
        x.type("1001"); x.key("Return"); x.type("1234"); x.key("Return")
        x.scan("15-K1-000001")
        x.screenshot(tmp_path / "after.png")

Keyboard layouts: ``setxkbmap`` is tried, but some X servers (Debian's Xvfb 21.1.7+deb12u13)
silently keep their first keymap. So the layout is also made the server's *starting* keymap,
through an XKB directory whose rules map the default layout to the wanted one; the keymap in
force is then read back (``xkbcomp``) and checked, or the session refuses to start.

The display is the first free one, or on a machine shared with others the first free one of
``OMIGJEN_X_DISPLAYS`` ("75-76" or "75,76"). The server never resets (``-noreset``) when its
last program ends, so a session outlives an app's restarts (the acceptance week's days).

Needs the Debian packages xvfb, xdotool and x11-xkb-utils (scripts/system-packages.sh);
``missing()`` says what is absent so a test can skip with that reason.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SYSTEM_XKB = Path("/usr/share/X11/xkb")
SCANNER_KEY_MS = 6
"""A scanner's pace: a key every 6 ms (real ones: ~8-16 ms)."""
PERSON_KEY_MS = 80
"""Between the keys ``key()`` presses (xdotool waits half of it after a press, half after its
release): Enter, Tab, F-keys and shortcuts, none of which is text a scan is made of."""
PERSON_BURST = 5
PERSON_BURST_KEY_MS = 50
PERSON_PAUSE_S = 0.1
"""A person types a few keys at a time, then pauses: ``PERSON_BURST`` keys (fewer than the
shortest scan, 6) about 25 ms apart, then at least 100 ms before the next few. However the X
server stamps the keys on a busy machine, such typing can never form a scan, and a long
text takes a fraction of the time that spacing every key out would."""
AFTER_SCAN_S = 0.15
"""No hand reaches a key sooner after a scan; a line end within the scanner's gap of a scan
is taken as the scan's own suffix (CR LF) and eaten."""
DISPLAYS_ENV = "OMIGJEN_X_DISPLAYS"
KEEP_UP_NICE = -19
APP_NICE = -10
BEFORE_SCAN_S = 0.1
"""A hand reaches for the scanner: the screen has settled from the last key by then."""
IDLE_S = 0.1
"""Before a scan, the app and the X server have used no CPU for this long: a person looks at
the screen the last key changed before scanning, and on a busy machine that screen is drawn
later (a window closing, the sale screen painted again by the X server)."""
IDLE_WAIT_S = 3.0
"""At most this long for that quiet; a program busy in the background (a sync) is let be."""
LAYOUT_PROBE = {"us": "minus", "no": "plus"}
"""The keysym on the key right of 0 (<AE11>) tells the layouts apart."""
GRAB_SCREEN = """
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(sys.argv)
for line in sys.stdin:
    saved = app.primaryScreen().grabWindow(0).save(line.rstrip("\\n"))
    print("saved" if saved else "failed", flush=True)
"""
"""A screen grabber that stays connected and saves the screen to each path it is sent: a shot
costs milliseconds, not a Qt program's start."""


def allowed_displays() -> list[int] | None:
    """The display numbers ``OMIGJEN_X_DISPLAYS`` allows ("75-76" or "75,76"), or None."""
    spec = os.environ.get(DISPLAYS_ENV, "").strip()
    if not spec:
        return None
    numbers: list[int] = []
    for part in spec.split(","):
        low, _, high = part.strip().lstrip(":").partition("-")
        numbers += range(int(low), int(high or low) + 1)
    return numbers


def missing() -> str | None:
    """Why a real X session cannot run here (None: it can)."""
    tools = {"Xvfb": "xvfb", "xdotool": "xdotool", "xkbcomp": "x11-xkb-utils"}
    absent = [package for tool, package in tools.items() if shutil.which(tool) is None]
    if absent:
        return f"needs {', '.join(absent)} (scripts/system-packages.sh)"
    if not (SYSTEM_XKB / "rules" / "evdev").is_file():
        return "needs the XKB data in /usr/share/X11/xkb (xkb-data)"
    return None


class XSessionError(RuntimeError):
    pass


class XSession:
    def __init__(self, layout: str = "us", size: str = "1280x800") -> None:
        if layout not in LAYOUT_PROBE:
            raise ValueError(f"layout {layout!r}: one of {sorted(LAYOUT_PROBE)}")
        self.layout = layout
        self.size = size
        self.display = ""
        self._dir = Path(tempfile.mkdtemp(prefix="omigjen-x-"))
        self._server: subprocess.Popen[bytes] | None = None
        self._apps: list[subprocess.Popen[bytes]] = []
        self._grabber: subprocess.Popen[str] | None = None

    # -- the server ----------------------------------------------------------------------------
    def start(self) -> XSession:
        try:
            self._start_server()
            self.run("setxkbmap", self.layout, check=False)  # where the server allows it
            self._check_layout()
        except BaseException:
            self.stop()
            raise
        return self

    def _start_server(self) -> None:
        """Xvfb on the first free display: any (it picks, ``-displayfd``), or one of those
        ``OMIGJEN_X_DISPLAYS`` allows on a machine shared with others."""
        allowed = allowed_displays()
        if allowed is None:
            self._try_server([])
            return
        for number in allowed:
            if Path(f"/tmp/.X{number}-lock").exists():
                continue
            try:
                self._try_server([f":{number}"])
                return
            except XSessionError:  # taken between the look and the start
                continue
        raise XSessionError(f"no free X display among {DISPLAYS_ENV}={allowed}")

    def _try_server(self, display: list[str]) -> None:
        read_end, write_end = os.pipe()
        try:
            self._server = subprocess.Popen(
                ["Xvfb", *display, "-displayfd", str(write_end), "-screen", "0",
                 f"{self.size}x24", "-nolisten", "tcp", "-noreset",
                 "-xkbdir", str(self._xkb_dir())],
                pass_fds=(write_end,), stdout=subprocess.DEVNULL,
                stderr=(self._dir / "xvfb.log").open("wb"), preexec_fn=keep_up,
            )  # fmt: skip
            os.close(write_end)
            self.display = ":" + self._read_display(read_end)
        finally:
            os.close(read_end)

    def _xkb_dir(self) -> Path:
        """The system's XKB data, with rules that start the server in ``self.layout``."""
        xkb = self._dir / "xkb"
        if self.layout == "us":
            return SYSTEM_XKB
        if xkb.exists():  # a second try at another display
            return xkb
        (xkb / "rules").mkdir(parents=True)
        for entry in SYSTEM_XKB.iterdir():
            if entry.name != "rules":
                (xkb / entry.name).symlink_to(entry)
        for entry in (SYSTEM_XKB / "rules").iterdir():
            if entry.name != "evdev":
                (xkb / "rules" / entry.name).symlink_to(entry)
        rules = (SYSTEM_XKB / "rules" / "evdev").read_text()
        header = re.search(r"^! model\s+layout\s+=\s+symbols\n", rules, re.MULTILINE)
        if header is None:
            raise XSessionError("unexpected XKB rules file: no 'model layout = symbols' part")
        start = header.end()
        first = f"  *\t\tus\t\t\t=\tpc+{self.layout}\n"  # the server's default layout is us
        (xkb / "rules" / "evdev").write_text(rules[:start] + first + rules[start:])
        return xkb

    def _read_display(self, fd: int, timeout_s: float = 15) -> str:
        deadline, text = time.monotonic() + timeout_s, b""
        os.set_blocking(fd, False)
        while not text.endswith(b"\n"):
            if self._server is not None and self._server.poll() is not None:
                log = (self._dir / "xvfb.log").read_text(errors="replace")
                raise XSessionError(f"Xvfb ended: {log[-500:]}")
            if time.monotonic() > deadline:
                raise XSessionError("Xvfb did not report its display")
            try:
                text += os.read(fd, 16)
            except BlockingIOError:
                time.sleep(0.02)
        return text.decode().strip()

    def _check_layout(self) -> None:
        read: list[str] = []

        def keymap_read() -> bool:
            done = self.run("xkbcomp", "-w0", self.display, "-", check=False)
            read[:] = [done.stdout or done.stderr]
            return done.returncode == 0

        wait_until(keymap_read, 10, f"the keymap of {self.display}", lambda: "".join(read))
        keymap = read[0]
        found = re.search(r"key <AE11>\s*\{(?:[^}]*?symbols\[Group1\]\s*=)?\s*\[\s*(\w+)", keymap)
        wanted = LAYOUT_PROBE[self.layout]
        if found is None or found.group(1) != wanted:
            got = found.group(1) if found else "nothing"
            raise XSessionError(f"layout {self.layout} not in force (<AE11> is {got})")

    @property
    def env(self) -> dict[str, str]:
        """The environment for a program in this session (Qt on xcb, this display)."""
        return os.environ | {"DISPLAY": self.display, "QT_QPA_PLATFORM": "xcb"}

    def run(self, *command: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            command, env=self.env, check=check, capture_output=True, text=True, timeout=60,
            preexec_fn=keep_up,
        )  # fmt: skip

    # -- programs ------------------------------------------------------------------------------
    def start_app(
        self, data_dir: Path, *args: str, lang: str = "nb", clock: str | None = None
    ) -> subprocess.Popen[bytes]:
        """The counter app on ``data_dir`` (``main.py --data-dir ...``), as a person starts it;
        with ``clock`` ("YYYY-MM-DD HH:MM:SS", UTC) the PC's wall clock starts there and runs on
        (libfaketime; the monotonic clock, which Qt's timers use, is left alone)."""
        command = [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir)]
        extra = clock_env(clock) if clock else {}
        return self.start_program([*command, "--lang", lang, *args], data_dir.name, extra)

    @staticmethod
    def printed_file(data_dir: Path) -> Path:
        """Where ``start_app(..., "--printer", printer_url(data_dir))`` prints (ESC/POS)."""
        return data_dir / "printed.escpos"

    @classmethod
    def printer_url(cls, data_dir: Path) -> str:
        return f"file://{cls.printed_file(data_dir)}"

    def start_program(
        self, command: list[str], name: str = "app", extra_env: dict[str, str] | None = None
    ) -> subprocess.Popen[bytes]:
        out = (self._dir / f"{name}.out").open("ab")
        process = subprocess.Popen(
            command, env=self.env | (extra_env or {}), cwd=ROOT, stdout=out, stderr=out,
            preexec_fn=keep_up_app,
        )  # fmt: skip
        self._apps.append(process)
        return process

    def output_of(self, name: str) -> str:
        path = self._dir / f"{name}.out"
        return path.read_text(errors="replace") if path.exists() else ""

    def wait_for_window(self, name_pattern: str, timeout_s: float = 20) -> str:
        """The id of a visible window whose title matches (a regular expression)."""
        found = ""

        def visible() -> bool:
            nonlocal found
            done = self.run("xdotool", "search", "--onlyvisible", "--name", name_pattern,
                            check=False)  # fmt: skip
            found = done.stdout.split()[0] if done.stdout.split() else ""
            return bool(found)

        wait_until(visible, timeout_s, f"a window named {name_pattern!r}", self.outputs)
        return found

    def wait_for_no_window(self, name_pattern: str, timeout_s: float = 20) -> None:
        """Until no visible window's title matches (a dialog has closed)."""

        def gone() -> bool:
            done = self.run("xdotool", "search", "--onlyvisible", "--name", name_pattern,
                            check=False)  # fmt: skip
            return not done.stdout.split()

        wait_until(gone, timeout_s, f"no window named {name_pattern!r}", self.outputs)

    def outputs(self) -> str:
        """What the programs started here printed, and the windows shown (for a failure's
        message)."""
        printed = "\n".join(
            f"--- {path.name}\n{path.read_text(errors='replace')[-2000:]}"
            for path in sorted([*self._dir.glob("*.out"), self._dir / "xvfb.log"])
            if path.exists()
        )
        return f"{printed}\n--- windows shown: {self.window_names()}"

    def window_names(self) -> list[str]:
        """The titles of the visible windows."""
        done = self.run("xdotool", "search", "--onlyvisible", "--name", ".", check=False)
        names = []
        for window_id in done.stdout.split():
            named = self.run("xdotool", "getwindowname", window_id, check=False)
            names.append(named.stdout.strip())
        return names

    def focus(self, window_id: str) -> None:
        """Give a window the keyboard: there is no window manager to do it, and a new dialog
        may be shown before Qt has asked for the focus."""
        self.run("xdotool", "windowfocus", "--sync", window_id, check=False)

    # -- input ---------------------------------------------------------------------------------
    def type(self, text: str) -> None:
        """Type as a person: a few keys at a time (``PERSON_BURST``), never taken for a scan."""
        for start in range(0, len(text), PERSON_BURST):
            burst = text[start : start + PERSON_BURST]
            self.run("xdotool", "type", "--delay", str(PERSON_BURST_KEY_MS), "--", burst)
            if start + PERSON_BURST < len(text):
                time.sleep(PERSON_PAUSE_S)

    def scan(
        self, code: str, delay_ms: int = SCANNER_KEY_MS, suffix: tuple[str, ...] = ("Return",)
    ) -> None:
        """As a keyboard-wedge scanner: a fast burst, then its suffix (Enter; or
        ``("Return", "ctrl+j")`` for CR LF, ``("Tab",)``), all from one xdotool run so that
        starting a second program cannot put a pause before the suffix. xdotool presses Shift
        for capitals and, on a Norwegian layout, AltGr for ']' and '@', as scanners do."""
        time.sleep(BEFORE_SCAN_S)
        self.wait_idle()
        self.run("xdotool", "key", "--delay", str(delay_ms), *map(keysym, code), *suffix)
        time.sleep(AFTER_SCAN_S)

    def wait_idle(self, quiet_s: float = IDLE_S, timeout_s: float = IDLE_WAIT_S) -> bool:
        """Until the programs started here and the X server have used no CPU for ``quiet_s``
        (False: still busy after ``timeout_s``, which is let be)."""
        processes = [*self._apps, *([self._server] if self._server is not None else [])]
        pids = [process.pid for process in processes if process.poll() is None]
        deadline = time.monotonic() + timeout_s
        used, quiet_since = cpu_ticks(pids), time.monotonic()
        while time.monotonic() < deadline:
            time.sleep(0.02)
            now = cpu_ticks(pids)
            if now != used:
                used, quiet_since = now, time.monotonic()
            elif time.monotonic() - quiet_since >= quiet_s:
                return True
        return False

    def key(self, *names: str) -> None:
        """Keys by their X names: 'Return', 'Escape', 'F12', 'ctrl+l'."""
        self.run("xdotool", "key", "--delay", str(PERSON_KEY_MS), *names)

    def screenshot(self, path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        if self._grabber is None or self._grabber.poll() is not None:
            self._grabber = subprocess.Popen(
                [sys.executable, "-c", GRAB_SCREEN], env=self.env, text=True,
                stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                stderr=(self._dir / "grabber.out").open("ab"),
            )  # fmt: skip
        assert self._grabber.stdin is not None and self._grabber.stdout is not None
        self._grabber.stdin.write(f"{path}\n")
        self._grabber.stdin.flush()
        answer = self._grabber.stdout.readline().strip()
        if answer != "saved":
            raise XSessionError(f"screenshot {path.name} failed: {answer or self.outputs()}")
        return path

    # -- the support log -----------------------------------------------------------------------
    @staticmethod
    def log_of(data_dir: Path) -> str:
        path = data_dir / "logs" / "omigjen.log"
        return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""

    def wait_for_log(
        self, data_dir: Path, pattern: str, *, after: int = 0, timeout_s: float = 20
    ) -> re.Match[str]:
        """The first line matching ``pattern`` in the app's log past offset ``after``."""
        found: re.Match[str] | None = None

        def logged() -> bool:
            nonlocal found
            found = re.search(pattern, self.log_of(data_dir)[after:])
            return found is not None

        wait_until(logged, timeout_s, f"{pattern!r} in the log", lambda: self.log_of(data_dir))
        assert found is not None
        return found

    # -- stopping ------------------------------------------------------------------------------
    def stop(self) -> None:
        if self._grabber is not None:
            try:
                self._grabber.communicate(timeout=10)  # its input closed: it ends
            except subprocess.TimeoutExpired:
                self._grabber.kill()
                self._grabber.communicate()
            self._grabber = None
        for process in self._apps:
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait(5)
        self._apps.clear()
        if self._server is not None and self._server.poll() is None:
            self._server.terminate()
            try:
                self._server.wait(10)
            except subprocess.TimeoutExpired:
                self._server.kill()
                self._server.wait(5)
        self._server = None
        shutil.rmtree(self._dir, ignore_errors=True)

    def __enter__(self) -> XSession:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()


def cpu_ticks(pids: list[int]) -> int:
    """The CPU time (user and system, in clock ticks) the processes have used so far."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
        except OSError:  # ended meanwhile, or no /proc
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total


def keysym(char: str) -> str:
    """The X keysym of a character, as xdotool takes it (Latin-1 keysyms are code points)."""
    return hex(ord(char)) if ord(char) < 0x100 else f"U{ord(char):04X}"


def clock_env(moment: str) -> dict[str, str]:
    """A program's wall clock starting at ``moment`` (UTC) with libfaketime (Debian package
    ``faketime``), its monotonic clock left alone (as on a PC whose clock is set wrong)."""
    from tests.faketime import faketime_env

    setting = faketime_env(f"@{moment}")
    names = ("LD_PRELOAD", "FAKETIME", "FAKETIME_DONT_FAKE_MONOTONIC", "TZ")
    return {name: setting[name] for name in names}


def keep_up() -> None:
    """Run ahead of the machine's other work where allowed (root): a scanner's keys are 6 ms
    apart and a scan ends at a 50 ms gap, so xdotool and the X server (which stamps each key
    with its time) must not wait behind a busy test run, as a real scanner and counter PC
    never do. Elsewhere they run as they are."""
    try:
        os.nice(KEEP_UP_NICE)
    except OSError:
        pass


def keep_up_app() -> None:
    """The app ahead of the machine's other work too (its gap timer must not fire before it
    has read the next key), but behind xdotool and the X server: its repainting after a key
    must not hold up the keys of a scan that follows."""
    try:
        os.nice(APP_NICE)
    except OSError:
        pass


def wait_until(
    condition: Callable[[], bool],
    timeout_s: float,
    what: str,
    show: Callable[[], str] | None = None,
) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            seen = f"\n--- seen:\n{show()[-3000:]}" if show is not None else ""
            raise XSessionError(f"waited {timeout_s:.0f} s for {what}{seen}")
        time.sleep(0.05)
