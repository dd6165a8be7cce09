"""Fill untranslated entries of a .ts catalogue from every other catalogue's translations of the
same source text (after lupdate moved strings between classes or areas), and name the entries
still empty. A counted entry (Qt's %n) needs every one of its forms; it is filled from the same
language's catalogues only.

Usage: python tools/fill_translations.py resources/translations/omigjen_nb.ts
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

PAIR = re.compile(r"<source>([^<]*)</source>\s*<translation>([^<]*)</translation>")
OPEN = re.compile(
    r'<source>([^<]*)</source>(\s*)<translation type="unfinished">([^<]*)</translation>'
)
COUNTED = re.compile(
    r"<source>([^<]*)</source>(\s*)<translation( type=\"unfinished\")?>"
    r"((?:\s*<numerusform>[^<]*</numerusform>)+\s*)</translation>"
)
FORM = re.compile(r"<numerusform>([^<]*)</numerusform>")


def main(target: Path) -> int:
    known: dict[str, str] = {}
    counted: dict[str, str] = {}
    lang = target.stem.rsplit("_", 1)[-1]
    for ts in target.parent.glob("*.ts"):
        other = ts.read_text(encoding="utf-8")
        known.update(PAIR.findall(other))
        if ts.stem.endswith(f"_{lang}"):
            counted.update((m.group(1), m.group(4)) for m in COUNTED.finditer(other) if _full(m))
    text = target.read_text(encoding="utf-8")
    missing: list[str] = []

    def fill(match: re.Match[str]) -> str:
        source, gap, guess = match.group(1), match.group(2), match.group(3)
        found = known.get(source) or guess  # lupdate's same-text guess keeps a moved string's
        if found:
            return f"<source>{source}</source>{gap}<translation>{found}</translation>"
        missing.append(source)
        return match.group(0)

    def fill_counted(match: re.Match[str]) -> str:
        source, gap, forms = match.group(1), match.group(2), match.group(4)
        if not _full(match):
            forms = counted.get(source, forms)
        if not all(FORM.findall(forms)):
            missing.append(source)
            return match.group(0)
        return f"<source>{source}</source>{gap}<translation>{forms}</translation>"

    text = COUNTED.sub(fill_counted, OPEN.sub(fill, text))
    target.write_text(text, encoding="utf-8")
    for source in missing:
        print(f"untranslated: {source}")
    return 1 if missing else 0


def _full(match: re.Match[str]) -> bool:
    return all(FORM.findall(match.group(4)))


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
