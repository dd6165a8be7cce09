"""Rendering: one Jinja2 environment over ``templates/`` (autoescaped), with the person's
language, the money and date filters, and a fresh form token for every form on the page."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse

from pos.money import format_nok
from server.web import forms, i18n, sessions

TEMPLATES = Path(__file__).with_name("templates")
_ENV = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)
_ENV.filters["kr"] = lambda amount: format_nok(int(amount or 0))


def shown_day(iso: str, lang: str) -> str:
    """A date as the page's language writes it: 07.12.2026 in bokmål, ISO in English (typed
    back either way: ``periods.parse_day``)."""
    if lang == "en" or not iso:
        return iso
    try:
        day = date.fromisoformat(str(iso))
    except ValueError:  # a counter's text that is no date (a promised day) shows as written
        return str(iso)
    return f"{day.day:02d}.{day.month:02d}.{day.year}"


_ENV.filters["day"] = shown_day


def secret(request: Request) -> bytes:
    state = request.app.state
    if getattr(state, "web_secret", None) is None:
        state.web_secret = forms.web_secret(state.engine)
    return bytes(state.web_secret)


def binding(request: Request) -> str:
    """What this request's form tokens are bound to: the session, or before sign-in the
    browser's pre-session cookie."""
    person = getattr(request.state, "person", None)
    if person is not None:
        return str(person.session)
    return str(getattr(request.state, "pre", "") or request.cookies.get(sessions.PRE_COOKIE, ""))


def render(request: Request, name: str, *, status: int = 200, **context: Any) -> HTMLResponse:
    lang = i18n.pick(request)
    person = getattr(request.state, "person", None)
    key, bound = secret(request), binding(request)
    page = _ENV.get_template(name).render(
        request=request,
        person=person,
        lang=lang,
        _=i18n.translator(lang),
        csrf=lambda: forms.make_token(key, bound),
        path=request.url.path,
        **context,
    )
    return HTMLResponse(page, status_code=status)
