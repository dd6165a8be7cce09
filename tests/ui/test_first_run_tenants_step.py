"""The set-up's tenants step: each tenant starts from the step's defaults (VAT ticked, no
repairs, the 'other goods' group for its quick key), never from what the one before chose."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from pos.model.catalogue import ArticleGroup
from ui.first_run.tenants_step import TenantsStep

GROUPS = (
    ArticleGroup("DIVERSE", "Diverse varer", "04999"),
    ArticleGroup("KLAER", "Klær", "04003"),
    ArticleGroup("SYKKEL", "Sykler", "04003"),
)


def add(step: TenantsStep, name: str, org_no: str) -> None:
    QTest.keyClicks(step.name, name)
    QTest.keyClicks(step.org_no, org_no)
    QTest.keyClick(step.org_no, Qt.Key.Key_Return)


def test_the_article_group_id_chosen_for_one_tenant_is_not_the_next_ones(qtbot) -> None:  # type: ignore[no-untyped-def]
    step = TenantsStep()
    qtbot.addWidget(step)
    step.set_groups(GROUPS)
    step.show()
    assert step.group.currentData() == "DIVERSE"
    step.group.setCurrentIndex(step.group.findData("KLAER"))
    step.vat.setChecked(False)
    add(step, "Klesbua Asker", "931100114")
    assert [(t.name, t.article_group_id, t.vat_registered) for t in step.tenants] == [
        ("Klesbua Asker", "KLAER", False)
    ]
    assert step.group.currentData() == "DIVERSE" and step.vat.isChecked()
    add(step, "Verket Ombruk AS", "931200224")
    assert step.tenants[-1].article_group_id == "DIVERSE"
