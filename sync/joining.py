"""Setting an empty counter up from the central server: enrol it with a one-time code (the server
makes it the site's next register, with its own label block), then one sync cycle pulls the
centre's tenants, staff, article groups and items (``pos.services.joining``).

An enrolment that went through stays, also when the centre has not arrived yet (its first
counter has not sent its staff): fetching again needs no new code.
"""

from __future__ import annotations

from pos.adapters.key_files import KeyStore
from pos.clock import Clock
from pos.services import sync_state
from pos.services.joining import JoinedCentre, joined_centre
from pos.services.signing_keys import hmac_secrets, public_keys
from pos.unit_of_work import UnitOfWorkFactory
from sync.cycle import SyncCycle
from sync.enrolment import enrol
from sync.http import ServerApi

NEW_COUNTER = "new counter"


def join_centre(
    uow_factory: UnitOfWorkFactory,
    keys: KeyStore,
    server_url: str,
    code: str,
    *,
    app_version: str,
    ca_file: str = "",
    insecure: bool = False,
    clock: Clock | None = None,
    api: ServerApi | None = None,
) -> JoinedCentre:
    """Enrol (unless this counter is enrolled already) and fetch the centre."""
    if sync_state.enrolment(uow_factory) is None:
        enrol(uow_factory, server_url, code, device_name=NEW_COUNTER, app_version=app_version,
              public_keys=public_keys(keys), hmac_keys=hmac_secrets(keys), ca_file=ca_file,
              insecure=insecure, api=api, clock=clock)  # fmt: skip
    return fetch_centre(uow_factory, keys, app_version=app_version, clock=clock)


def fetch_centre(
    uow_factory: UnitOfWorkFactory,
    keys: KeyStore,
    *,
    app_version: str,
    clock: Clock | None = None,
) -> JoinedCentre:
    """One sync cycle, then what arrived (``CentreNotOnServer`` while no manager has)."""
    SyncCycle(uow_factory, app_version=app_version, keys=keys, clock=clock).run()
    return joined_centre(uow_factory, clock)
