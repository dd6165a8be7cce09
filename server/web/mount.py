"""Puts the back office into the server's FastAPI app: its routers, its static files (the
stylesheet and the vendored htmx) and its error pages."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from starlette.staticfiles import StaticFiles

from server.web import errors

STATIC = Path(__file__).with_name("static")


def mount(app: FastAPI) -> None:
    from server.web import (
        routes_account,
        routes_auth,
        routes_day_end,
        routes_files,
        routes_other,
        routes_takings,
        routes_users,
    )

    for module in (
        routes_auth,
        routes_takings,
        routes_day_end,
        routes_files,
        routes_other,
        routes_users,
        routes_account,
    ):
        app.include_router(module.router)
    app.mount("/static/web", StaticFiles(directory=STATIC), name="web-static")
    errors.install(app)
    app.add_middleware(errors.CatchAll)
