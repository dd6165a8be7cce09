"""Date fields in the page's language, not the browser's: a plain text field holding the date
as bokmål writes it (07.12.2026), ISO in English, and either way of writing is read whatever
the page's language; a date that does not exist is a clear page."""

# ruff: noqa: F811  (the signed-in fixtures are imported from test_sign_in_and_bad_input)
from __future__ import annotations

import re

from server.web.periods import today
from tests.web.test_sign_in_and_bad_input import sign_in, web  # noqa: F401  (fixtures)


def fields(page: str) -> dict[str, str]:
    return dict(re.findall(r'<input type="text" name="(from|to|date)" value="([^"]*)"', page))


def test_date_fields_show_the_pages_language_and_read_either_way(web):
    client, _, _ = web
    sign_in(client, "leder")
    year, month, day = today().split("-")
    page = client.get("/day-end").text
    assert fields(page) == {"date": f"{day}.{month}.{year}"} and 'placeholder="dd.mm.åååå"' in page
    assert 'type="date"' not in page  # the browser's own field would show its language
    shown = client.get("/takings?from=1.3.2026&to=02/03/2026")
    assert shown.status_code == 200
    assert fields(shown.text) == {"from": "01.03.2026", "to": "02.03.2026"}
    assert fields(client.get("/saft?from=2026-03-01").text)["from"].count(".") == 2
    client.get("/lang/en?next=/takings")
    english = client.get("/takings?from=01.03.2026&to=2026-03-02").text
    assert fields(english) == {"from": "2026-03-01", "to": "2026-03-02"}
    assert 'placeholder="yyyy-mm-dd"' in english


def test_a_date_that_does_not_exist_is_a_clear_page(web):
    client, _, _ = web
    sign_in(client, "leder")
    for bad in ("31.02.2026", "2026-13-01", "1.3.26"):
        answer = client.get(f"/takings?from={bad}")
        assert answer.status_code == 400, bad
        assert "kan ikke leses" in answer.text and "Traceback" not in answer.text
