"""Every message about a damaged store is a whole sentence in the person's language: SQLite's
and the ZIP reader's English (and SQLAlchemy's link) stay in the support log, never cut into a
bokmål line or cut off mid-word."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_backup_cli import MANAGER, sell
from tests.cli.test_cli import run
from tests.reliability.damage import damage_schema_page, damage_zip_member, flip_bytes_in_table

TECHNICAL = ("malformed", "crc", "sqlalche", "sqlite3.", "background on this", "btree",
             "cannot be unpacked:", "(the database")  # fmt: skip
ENGLISH_IN_BOKMAL = ("damaged", "database disk", "close the till", " the ")


def support_log(data_dir: Path) -> str:
    return (data_dir / "logs" / "omigjen.log").read_text(encoding="utf-8")


def whole(lines: list[str], lang: str) -> None:
    for line in lines:
        low = line.lower()
        assert not [w for w in TECHNICAL if w in low], line
        if lang == "nb":
            assert not [w for w in ENGLISH_IN_BOKMAL if w in low], line


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_restore_says_the_damage_in_words_and_logs_sqlites(tmp_path, lang):
    run(tmp_path, "demo")
    sell(tmp_path)
    run(tmp_path, "backup")
    sell(tmp_path)
    newer = run(tmp_path, "backup").stdout.splitlines()[0].strip()
    damage_zip_member(Path(newer))
    flip_bytes_in_table(tmp_path / "omigjen.sqlite3", "journal")
    out = run(tmp_path, "--lang", lang, "restore-backup", *MANAGER).stdout
    said = [ln for ln in out.splitlines() if ln.startswith(("Databasen som erstattes, er",
            "The store being replaced is damaged", "Hoppet over", "Passed over"))]  # fmt: skip
    assert len(said) == 2, out
    whole(said, lang)
    if lang == "nb":
        assert said[0] == "Databasen som erstattes, er skadet: noen sider i filen er ødelagt."
        assert said[1].endswith(": filen er ødelagt og kan ikke pakkes ut.")
    else:
        assert said[1].endswith(": the file is damaged and cannot be unpacked.")
    log = support_log(tmp_path)
    assert "malformed" in log and "Bad CRC-32" in log  # the technical detail for support


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("damage", [
    pytest.param(lambda db: flip_bytes_in_table(db, "journal"), id="journal pages"),
    pytest.param(damage_schema_page, id="schema page"),
])  # fmt: skip
def test_verify_journal_on_a_damaged_store_speaks_whole_sentences(tmp_path, lang, damage):
    run(tmp_path, "demo")
    sell(tmp_path)
    damage(tmp_path / "omigjen.sqlite3")
    checked = run(tmp_path, "--lang", lang, "verify-journal", check=False)
    assert checked.returncode == 1 and "Traceback" not in checked.stderr, checked.stderr
    lines = [ln for ln in checked.stderr.splitlines() if ln.strip()]
    whole(lines, lang)
    assert all(ln.rstrip().endswith((".", ")", "»", "'")) or ":" in ln for ln in lines), lines
    assert "malformed" in support_log(tmp_path) or "not a database" in support_log(tmp_path)
