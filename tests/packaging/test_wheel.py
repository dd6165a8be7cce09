"""An installed build (a wheel, as on a counter PC without the checkout) carries every package
and every file the app reads at run time: a sub-package missing from the build or a resource
left behind only shows up there, never in a checkout."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CODE_ROOTS = ("pos", "ui", "printers", "pdf", "sync", "server", "cli", "resources")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    source = _copy_of_the_checkout(tmp_path_factory.mktemp("source"))
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "-w", str(out), str(source)],
        check=True,
        cwd=out,
        env=os.environ | {"PIP_DISABLE_PIP_VERSION_CHECK": "1"},
    )
    (built,) = out.glob("omigjen_pos-*.whl")
    return built


def _copy_of_the_checkout(into: Path) -> Path:
    """The files git would commit, copied: a build in the checkout itself would reuse a stale
    ``build/`` directory and could pass with files the sources no longer ship."""
    listed = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard"],
        cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout.splitlines()
    for name in listed:
        source = ROOT / name
        if source.is_file():
            (into / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, into / name)
    return into


def _tracked(pattern: str) -> list[str]:
    listed = subprocess.run(
        ["git", "ls-files", pattern], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout.split()
    return [p for p in listed if p.split("/")[0] in CODE_ROOTS]


def test_every_module_and_resource_is_in_the_wheel(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    wanted = _tracked("*.py") + _tracked("*.qm") + _tracked("*.xsd") + _tracked("*.mako")
    wanted += _tracked("*.wav") + ["resources/demo_centre.json"]
    missing = sorted(p for p in wanted if p not in names)
    assert not missing, f"left out of the installed build: {missing[:10]}"
    top_level_modules = sorted(n for n in names if "/" not in n and n.endswith(".py"))
    assert not top_level_modules, f"top-level modules installed: {top_level_modules}"


def test_the_commands_point_into_packages(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        (entry_points,) = [n for n in archive.namelist() if n.endswith("entry_points.txt")]
        text = archive.read(entry_points).decode()
    assert "omigjen-pos = cli.main:main" in text
    assert "omigjen-server = server.cli:main" in text


def test_installed_build_seeds_the_demo_and_loads_the_translations(wheel: Path, tmp_path) -> None:
    target = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(target)
    probe = (
        "import pos, ui.i18n as i, pos.demo.centre as d;"
        f"assert str(pos.__file__).startswith({str(target)!r}), pos.__file__;"
        "assert d.DEMO_FILE.is_file(), d.DEMO_FILE;"
        "assert (i.TRANSLATIONS / 'omigjen_nb.qm').is_file();"
        "import ui.scanner.sound as s; assert s.REFUSED_WAV.is_file(), s.REFUSED_WAV;"
        "import ui.repairs, ui.backoffice, ui.day_end, ui.sync_screen, ui.scanner;"
        "import ui.till_day, ui.first_run;"
        "print('ok')"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    # The wheel goes first on the path; the editable checkout's finder comes after every path
    # entry, and the probe asserts the code was imported from the wheel.
    done = subprocess.run(
        [sys.executable, "-c", f"import sys; sys.path[:0] = [{str(target)!r}]; " + probe],
        cwd=tmp_path,
        env=env | {"PYTHONPATH": ""},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_installed_command_sets_up_a_centre_and_lists_its_tenants(wheel: Path, tmp_path) -> None:
    """``omigjen-pos``'s entry point, run from the wheel alone (no checkout on the path)."""
    target = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(target)
    data = tmp_path / "data"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"} | {"PYTHONPATH": ""}

    def omigjen_pos(*args: str) -> subprocess.CompletedProcess[str]:
        run = f"import sys; sys.path[:0] = [{str(target)!r}]; from cli.main import main; "
        run += f"import cli; assert cli.__file__.startswith({str(target)!r}); "
        run += f"sys.exit(main({['--data-dir', str(data), *args]!r}))"
        return subprocess.run(
            [sys.executable, "-c", run], cwd=tmp_path, env=env, capture_output=True, text=True
        )

    assert omigjen_pos("demo").returncode == 0
    listed = omigjen_pos("tenants")
    assert listed.returncode == 0, listed.stderr
    assert len(listed.stdout.splitlines()) >= 2 and "\t" in listed.stdout
