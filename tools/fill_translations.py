"""Fill untranslated entries of a .ts catalogue from every other catalogue's translations of the
same source text (after lupdate moved strings between classes or areas).

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


def main(target: Path) -> int:
    known: dict[str, str] = {}
    for ts in target.parent.glob("*.ts"):
        known.update(PAIR.findall(ts.read_text(encoding="utf-8")))
    text = target.read_text(encoding="utf-8")
    missing: list[str] = []

    def fill(match: re.Match[str]) -> str:
        source, gap, guess = match.group(1), match.group(2), match.group(3)
        found = known.get(source) or guess  # lupdate's same-text guess keeps a moved string's
        if found:
            return f"<source>{source}</source>{gap}<translation>{found}</translation>"
        missing.append(source)
        return match.group(0)

    target.write_text(OPEN.sub(fill, text), encoding="utf-8")
    for source in missing:
        print(f"untranslated: {source}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
