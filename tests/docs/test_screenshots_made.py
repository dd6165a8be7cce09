"""Every picture README.md and docs/*.md show is there and is made again by ``make screenshots``:
by one of the counter's screenshot tools the target runs (the picture's name is one it
writes), by ``screenshots-sizes`` (a documented stop at one of its sizes), or by the web back
office's browser test. The docs show nothing the target does not make."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from tests.conftest import PROJECT_ROOT

DOCS = [PROJECT_ROOT / "README.md", *sorted((PROJECT_ROOT / "docs").glob("*.md"))]
MAKEFILE = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
WEB_TEST = PROJECT_ROOT / "tests" / "web" / "test_back_office_browser.py"


def shown_pictures() -> list[tuple[str, Path]]:
    found = []
    for doc in DOCS:
        for link in re.findall(r"\]\(([^)\s]+\.png)\)", doc.read_text(encoding="utf-8")):
            found.append((f"{doc.name}: {link}", (doc.parent / link).resolve()))
    return found


def make_variable(name: str) -> list[str]:
    match = re.search(rf"^{name} := ((?:.*\\\n)*.*)$", MAKEFILE, re.MULTILINE)
    assert match, name
    return match.group(1).replace("\\\n", " ").split()


def written_by_counter_tools() -> set[str]:
    names: set[str] = set()
    for tool in make_variable("COUNTER_SHOTS"):
        tree = ast.parse((PROJECT_ROOT / tool).read_text(encoding="utf-8"))
        names |= {node.value for node in ast.walk(tree)
                  if isinstance(node, ast.Constant) and isinstance(node.value, str)}  # fmt: skip
    return names


def documented_stops() -> set[str]:
    tree = ast.parse((PROJECT_ROOT / "tools" / "screen_sizes.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "DOCUMENTED":
            return set(ast.literal_eval(node.value))
    raise AssertionError("tools/screen_sizes.py names no DOCUMENTED stops")


def recipe_of(target: str) -> str:
    return MAKEFILE.split(f"\n{target}: ", 1)[1].split("\n\n", 1)[0]


def test_the_screenshots_target_runs_every_maker():
    recipe = recipe_of("screenshots")
    prerequisites = recipe.splitlines()[0].split()
    assert {"screenshots-sizes", "screenshots-counter"} <= set(prerequisites)
    assert "$(COUNTER_SHOTS)" in recipe_of("screenshots-counter")
    assert str(WEB_TEST.relative_to(PROJECT_ROOT)) in recipe


def test_every_picture_the_docs_show_is_there_and_made_by_make_screenshots():
    tools, stops = written_by_counter_tools(), documented_stops()
    sizes = make_variable("SCREEN_SIZES")
    web = set(re.findall(r'shot\(page, "([^"]+)"\)', WEB_TEST.read_text(encoding="utf-8")))
    shots = PROJECT_ROOT / "docs" / "screenshots"
    unmade = []
    for where, picture in shown_pictures():
        assert picture.is_file(), f"{where}: no such file"
        relative = picture.relative_to(shots).parts
        if relative[0] == "sizes":
            made = relative[1] in sizes and Path(relative[2]).stem in stops
        elif relative[0].startswith("web-"):
            made = Path(relative[0]).stem.removeprefix("web-") in web
        else:
            made = len(relative) == 1 and picture.stem in tools
        if not made:
            unmade.append(where)
    assert unmade == []
