"""The manager's users page: who may sign in (the site's managers and its tenants' users),
a form to add one with a first password, and deactivating (or activating) a person."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from starlette.responses import Response

from server.web import forms, i18n, users
from server.web.access import Person, reading, require_manager, tenants
from server.web.templates import render, secret

router = APIRouter(include_in_schema=False)
ManagerDep = Annotated[Person, Depends(require_manager)]


def _page(request: Request, person: Person, status: int = 200, **context: object) -> Response:
    with reading(request, person) as conn:
        listed = users.listed(conn, person.site_id)
        choices = tenants(conn, person)
    return render(request, "users.html", status=status, users=listed, tenants=choices, **context)


@router.get("/users")
def users_page(request: Request, person: ManagerDep) -> Response:
    return _page(request, person)


@router.post("/users")
async def add_user(request: Request, person: ManagerDep) -> Response:
    form = await request.form()
    field = {
        k: str(form.get(k, ""))[:200]
        for k in ("login", "name", "role", "tenant", "password", "again")
    }
    _ = i18n.translator(i18n.pick(request))
    tenant = field["tenant"] if field["tenant"] in person.scope.tenant_ids else ""
    try:
        with reading(request, person) as conn:
            forms.check_token(conn, secret(request), person.session, str(form.get(forms.FIELD, "")))
            if field["password"] != field["again"]:
                raise users.UserRefused("Passordene er ikke like.")
            users.add_user(
                conn,
                users.NewUser(
                    field["login"].strip().lower(),
                    field["name"],
                    "manager" if field["role"] == "manager" else "tenant",
                    field["password"],
                    site_id=person.site_id,
                    tenant_id=tenant or None,
                ),
            )
    except users.UserRefused as refused:
        return _page(request, person, 400, error=_(refused.message, **refused.values), form=field)
    return _page(request, person, notice=_("Brukeren er opprettet."))


@router.post("/users/{login}/active")
async def set_active(request: Request, person: ManagerDep, login: str) -> Response:
    form = await request.form()
    active = str(form.get("active", "")) == "1"
    _ = i18n.translator(i18n.pick(request))
    try:
        with reading(request, person) as conn:
            forms.check_token(conn, secret(request), person.session, str(form.get(forms.FIELD, "")))
            users.set_active(conn, login[:64], active, by=person.login)
    except users.UserRefused as refused:
        return _page(request, person, 400, error=_(refused.message, **refused.values))
    said = "{login} kan logge inn igjen." if active else "{login} kan ikke logge inn lenger."
    return _page(request, person, notice=_(said, login=login[:64]))
