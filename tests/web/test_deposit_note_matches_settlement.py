"""The web's note under the repair deposits says what a settlement does with them (one rule,
``pos.model.settlement_plan``): a deposit taken in the period is paid out with that period's
settlement, the job collected or not; a deposit paid back comes off the period it is paid
back in. It no longer says the centre holds the money until the job is collected."""

from __future__ import annotations

import html
from types import SimpleNamespace

from pos.model.settlement_plan import PeriodFacts, TenantTerms, plan_lines
from server.web import i18n
from server.web.templates import _ENV


def note(lang: str) -> str:
    macros = _ENV.get_template("_macros.html").make_module({"_": i18n.translator(lang)})
    takings = SimpleNamespace(
        deposit_payments=[SimpleNamespace(code="cash", name="Kontant", num=1, amount=20000)],
        deposits=SimpleNamespace(num=1, amount=20000),
    )
    return html.unescape(str(macros.deposits_table(takings)))


def test_the_deposit_note_says_what_the_settlement_does() -> None:
    open_job = PeriodFacts(deposits={"cash": (1, 20000)})  # taken, the job not collected
    lines = plan_lines(open_job, TenantTerms(), "2026-12-01", "2026-12-07")
    assert sum(line.amount for line in lines if line.counts) == 20000  # paid out now
    bokmal, english = note("nb"), note("en")
    assert "utbetales med leietakerens oppgjør for perioden de ble tatt imot" in bokmal
    assert "paid out with the tenant's settlement of the period it was taken in" in english
    for said in (bokmal, english):
        assert "til jobben hentes" not in said and "until the job is collected" not in said
