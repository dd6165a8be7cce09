"""The docs are run: every command block in README.md and docs/*.md (fenced ``sh``, ``bash`` or
``console``) runs in a throwaway directory, one doc's blocks in order, as a reader would paste
them (``python`` is this checkout's, ``main.py`` is there, ``$PWD`` is the throwaway). A command
fails the test when it exits otherwise than the text says (``# exits N``, else 0) or when a
``console`` block's output line is not in what it printed (``…`` stands for anything). A block
that is not run says why in the doc (``<!-- not run: … -->``, ``<!-- run by tests/….py -->``),
and its command lines, like every inline ``omigjen-pos …``/``python main.py …`` and the
README's command table, are checked against the programs' own option parsers."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cli.main import build_parser
from server.cli import build_parser as build_server_parser
from tests.conftest import PROJECT_ROOT
from tests.docs import synopsis
from tests.docs.doc_blocks import (
    PROGRAMS,
    Block,
    blocks,
    command_table_synopses,
    inline_commands,
)

DOCS = [PROJECT_ROOT / "README.md", *sorted((PROJECT_ROOT / "docs").glob("*.md"))]
_SPACE = re.compile(r"\s+")


def all_blocks() -> list[Block]:
    return [block for doc in DOCS for block in blocks(doc)]


def runnable_docs() -> list[Path]:
    return [doc for doc in DOCS if any(b.is_commands and not b.note for b in blocks(doc))]


def test_every_block_of_commands_is_marked_as_commands():
    unmarked = [
        block.where
        for block in all_blocks()
        if not block.is_commands
        and any(line.strip().startswith((*PROGRAMS, "make ")) for line in block.text.splitlines())
    ]
    assert unmarked == [], "mark these blocks ```sh or ```console (and run them, or say why not)"


def test_a_block_that_is_not_run_says_why_and_a_test_that_runs_it_exists():
    for block in all_blocks():
        if not (block.is_commands and block.note):
            continue
        kind, text = block.note
        assert text, f"{block.where}: say why the block is not run"
        if kind == "run by":
            runner = PROJECT_ROOT / text.split()[0].rstrip(":")
            assert runner.is_file(), f"{block.where}: {runner} does not exist"
            assert block.doc.name in runner.read_text(encoding="utf-8"), f"{block.where}"


def test_every_command_line_the_docs_show_matches_the_program():
    found = [f"{where}: `{text}`: {problem}" for where, text in shown_command_lines()
             for problem in _problems(text)]  # fmt: skip
    assert found == []


def test_the_readme_command_table_shows_each_command_s_required_options():
    """Except ``--staff``: the paragraph under the table says which commands need it."""
    found = [f"{where}: `{text}`: {problem}" for where, text in table_synopses()
             for problem in synopsis.missing_required(build_parser(), text.split()[1:],
                                                      frozenset({"--staff"}))]  # fmt: skip
    assert found == []


def table_synopses() -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    last = ""
    for where, text in command_table_synopses(PROJECT_ROOT / "README.md", "| command | what"):
        last = text if not text.startswith("--") else last.split()[0] + " " + text
        shown.append((where, "omigjen-pos " + last))
    return shown


def shown_command_lines() -> list[tuple[str, str]]:
    shown = [line for doc in DOCS for line in inline_commands(doc)] + table_synopses()
    for block in all_blocks():
        if block.is_commands and block.note:
            shown += [(block.where, c.line) for c in block.commands()
                      if c.line.startswith(PROGRAMS)]  # fmt: skip
    return shown


def _problems(text: str) -> list[str]:
    for program in sorted(PROGRAMS, key=len, reverse=True):
        if text.startswith(program + " "):
            words = text[len(program) :].split()
            parser = build_server_parser() if program == "omigjen-server" else build_parser()
            return synopsis.problems(parser, words)
    return [f"not a command of {PROGRAMS}"]


@pytest.mark.parametrize("doc", runnable_docs(), ids=lambda doc: doc.name)
def test_the_commands_a_doc_shows_run_as_it_says(doc: Path, tmp_path: Path):
    if shutil.which("faketime") is None and "faketime " in doc.read_text(encoding="utf-8"):
        pytest.skip("faketime is not installed (scripts/system-packages.sh installs it)")
    here = tmp_path / "here"
    here.mkdir()
    (here / "main.py").symlink_to(PROJECT_ROOT / "main.py")
    env = _reader_env(tmp_path)
    for block in blocks(doc):
        if not block.is_commands or block.note:
            continue
        for command in block.commands():
            done = subprocess.run(["bash", "-c", command.line], cwd=here, env=env,
                                  capture_output=True, text=True, timeout=600)  # fmt: skip
            said = f"{block.where}: {command.line}\n{done.stdout}\n{done.stderr}"
            assert done.returncode == command.exit_code, said
            printed = _flat(done.stdout + "\n" + done.stderr)
            for expected in command.expected:
                assert _shows(printed, expected), f"{said}\nexpected: {expected}"


def _reader_env(tmp_path: Path) -> dict[str, str]:
    """A reader's shell: this checkout's Python first, a home, secrets and a data directory
    of the test's own."""
    bin_dir = str(Path(sys.executable).parent)
    home = tmp_path / "home"
    home.mkdir()
    return os.environ | {
        "PATH": f"{bin_dir}:{os.environ.get('PATH', '')}",
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "OMIGJEN_SECRET_DIR": str(tmp_path / "secrets"),
        "QT_QPA_PLATFORM": "offscreen",
    }


def _flat(text: str) -> str:
    return _SPACE.sub(" ", text.replace("\u00a0", " ").replace("\u202f", " "))


def _shows(printed: str, expected: str) -> bool:
    parts = [re.escape(part.strip()) for part in _flat(expected).split("…")]
    return re.search(r".*?".join(parts), printed) is not None
