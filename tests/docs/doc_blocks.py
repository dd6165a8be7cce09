"""Reads the command lines the docs show: fenced blocks marked as commands (``sh``, ``bash``,
``console``) with the note before them, and inline code that names a program (``omigjen-pos``,
``python main.py``, ``omigjen-server``). A block that is not run says why in an HTML comment
on the line before it: ``<!-- not run: REASON -->`` or ``<!-- run by tests/PATH.py -->``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

COMMAND_LANGUAGES = frozenset({"sh", "bash", "console", "shell"})
PROGRAMS = ("omigjen-pos", "python main.py", ".venv/bin/python main.py", "omigjen-server")
_NOTE = re.compile(r"^<!--\s*(not run|run by)\s*:?\s*(.*?)\s*-->$")
_FENCE = re.compile(r"^```(\S*)")
_EXIT = re.compile(r"\s+#\s*exits?\s+(\d+)\s*$")


@dataclass
class Command:
    line: str
    exit_code: int = 0
    expected: list[str] = field(default_factory=list)


@dataclass
class Block:
    doc: Path
    line: int
    language: str
    text: str
    note: tuple[str, str] | None

    @property
    def where(self) -> str:
        return f"{self.doc.name}:{self.line}"

    @property
    def is_commands(self) -> bool:
        return self.language in COMMAND_LANGUAGES

    def commands(self) -> list[Command]:
        """``console``: lines after ``$ `` are commands (``\\`` continues one), the other lines
        the output they print; ``sh``: every line that is not a comment is a command. A
        trailing ``# exits N`` is the exit code the text promises (0 otherwise)."""
        commands: list[Command] = []
        pending = ""
        for raw in self.text.splitlines():
            prompt = self.language != "console" or raw.startswith("$ ") or pending
            if not prompt:
                if raw.strip() and commands:
                    commands[-1].expected.append(raw.strip())
                continue
            text = raw[2:] if raw.startswith("$ ") and not pending else raw
            if not pending and (not text.strip() or text.lstrip().startswith("#")):
                continue
            if text.rstrip().endswith("\\"):
                pending += text.rstrip()[:-1] + " "
                continue
            commands.append(_command(pending + text))
            pending = ""
        return commands


def _command(text: str) -> Command:
    found = _EXIT.search(text)
    if found:
        return Command(text[: found.start()].strip(), int(found.group(1)))
    return Command(text.split("  #")[0].strip())


def blocks(doc: Path) -> list[Block]:
    found: list[Block] = []
    lines = doc.read_text(encoding="utf-8").splitlines()
    index = 0
    while index < len(lines):
        fence = _FENCE.match(lines[index])
        if not fence:
            index += 1
            continue
        end = next(i for i in range(index + 1, len(lines)) if lines[i].startswith("```"))
        found.append(Block(doc, index + 1, fence.group(1), "\n".join(lines[index + 1 : end]),
                           _note_before(lines, index)))  # fmt: skip
        index = end + 1
    return found


def _note_before(lines: list[str], index: int) -> tuple[str, str] | None:
    before = index - 1
    while before >= 0 and not lines[before].strip():
        before -= 1
    match = _NOTE.match(lines[before].strip()) if before >= 0 else None
    return (match.group(1), match.group(2)) if match else None


def inline_commands(doc: Path) -> list[tuple[str, str]]:
    """(where, text) of every inline code span, outside fenced blocks, that starts with a
    program's name."""
    spans: list[tuple[str, str]] = []
    inside = False
    for number, line in enumerate(doc.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("```"):
            inside = not inside
            continue
        if inside:
            continue
        for span in re.findall(r"`([^`]+)`", line):
            if span.startswith(tuple(program + " " for program in PROGRAMS)):
                spans.append((f"{doc.name}:{number}", span))
    return spans


def command_table_synopses(doc: Path, heading: str) -> list[tuple[str, str]]:
    """(where, text) of the code spans in the first column of the table under ``heading``."""
    text = doc.read_text(encoding="utf-8")
    start = text.index(heading)
    offset = text[:start].count("\n")
    found: list[tuple[str, str]] = []
    for number, line in enumerate(text[start:].splitlines()[1:], offset + 2):
        if line.startswith("#"):
            break
        if line.startswith("| `"):
            first_column = line.split(" | ")[0]
            found += [(f"{doc.name}:{number}", span)
                      for span in re.findall(r"`([^`]+)`", first_column)]  # fmt: skip
    return found
