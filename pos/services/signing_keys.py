"""The counter's signing keys: rotating to a new key pair (a manager, journaled as a change of
the key: 13999 key_change, in every tenant's SAF-T journal) and keeping track of which public
key versions the central server has, so the sync cycle sends the ones it has not got.

Old keys stay in ``<data dir>/keys`` (sealed, with their public halves) so receipts signed with
them keep verifying (``verify-journal``, SAF-T). A receipt carries the ``key_version`` that
signed it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from pos.adapters.key_files import KeyStore
from pos.clock import Clock
from pos.model.events import EventCode, OtherEvent
from pos.model.staff import Permission
from pos.services.auth import SYSTEM_REGISTER
from pos.services.context import TillContext
from pos.services.continuity import record_stamp
from pos.services.settings_journal import journal_other
from pos.signing import HMAC_METHOD, RSA_METHOD
from pos.unit_of_work import UnitOfWorkFactory

SENT_META = "server_key_versions"
"""JSON list of the public key versions the central server has confirmed."""
SENT_HMAC_META = "server_hmac_key_versions"
"""The same for HMAC-SHA1 secrets (a counter that signs with HMAC)."""


@dataclass(frozen=True)
class Rotated:
    method: str
    old_version: str | None
    new_version: str
    fingerprint: str
    """SHA-256 of the new public key (PEM), for the product declaration and the journal."""


def fingerprint(pem: bytes) -> str:
    return hashlib.sha256(pem.strip()).hexdigest()


def public_keys(keys: KeyStore) -> dict[str, str]:
    """Every RSA public key version this counter has, as PEM text (what the server verifies)."""
    return {version: keys.public_key_pem(version).decode("ascii") for version in keys.versions()}


def rotate_signing_key(
    uow_factory: UnitOfWorkFactory, ctx: TillContext, keys: KeyStore, method: str = RSA_METHOD
) -> Rotated:
    """A new key pair with the next version (a manager only); from now on receipts are signed
    with it. The change is journaled (13999 key_change) with the old and new versions and the
    new public key's fingerprint; the next sync sends the new public key to the server."""
    ctx.require(Permission.MANAGE)
    before = keys.versions(method)
    old = before[-1] if before else None
    with uow_factory() as uow:  # the journal row commits only once the key file is written
        version = keys.rotate(method)
        printed = fingerprint(keys.public_key_pem(version)) if method == RSA_METHOD else ""
        changed = {"method": method, "old_key_version": old, "new_key_version": version}
        journal_other(uow, ctx, OtherEvent.KEY_CHANGE, changed | {"public_key_sha256": printed})
        uow.commit()
    return Rotated(method, old, version, printed)


def seal_plain_keys(
    uow_factory: UnitOfWorkFactory, keys: KeyStore, register_id: str, clock: Clock | None = None
) -> list[str]:
    """Seal private keys an earlier version left in plain (at every start; usually nothing to
    do) and journal which (13999 key_sealed, with where the secret is kept), stamped by the
    counter's clock as the other rows written at start are."""
    sealed = keys.seal_plain_keys()
    if sealed:
        vault = keys.vault_in_use()
        stamp, said = record_stamp(uow_factory, register_id, clock)
        with uow_factory() as uow:
            uow.journal.append_journal(
                register_id=SYSTEM_REGISTER,
                event_code=EventCode.OTHER,
                stamp=stamp,
                staff_id=None,
                details={
                    "kind": OtherEvent.KEY_SEALED,
                    "keys": sealed,
                    "secret_in": vault[1] if vault else "",
                    **said,
                },
            )
            uow.commit()
    return sealed


def hmac_secrets(keys: KeyStore) -> dict[str, str]:
    """Every HMAC-SHA1 secret this counter has (Base64): the server needs the secret itself to
    verify an HMAC signature. Empty for a counter that signs with RSA (the default)."""
    return {v: keys.hmac_secret_b64(v) for v in keys.versions(HMAC_METHOD)}


def _meta(method: str) -> str:
    return SENT_META if method == RSA_METHOD else SENT_HMAC_META


def versions_on_server(uow_factory: UnitOfWorkFactory, method: str = RSA_METHOD) -> set[str]:
    with uow_factory.read() as uow:
        saved = uow.meta.get_meta(_meta(method))
    return set(json.loads(saved)) if saved else set()


def mark_on_server(
    uow_factory: UnitOfWorkFactory, versions: set[str], method: str = RSA_METHOD
) -> None:
    """The server has confirmed these key versions (at enrolment or by upload)."""
    with uow_factory() as uow:
        known = set(json.loads(uow.meta.get_meta(_meta(method)) or "[]")) | versions
        uow.meta.set_meta(_meta(method), json.dumps(sorted(known, key=lambda v: (len(v), v))))
        uow.commit()


def hmac_keys_to_send(uow_factory: UnitOfWorkFactory, keys: KeyStore) -> dict[str, str]:
    """The HMAC secrets the server has not confirmed yet."""
    sent = versions_on_server(uow_factory, HMAC_METHOD)
    return {v: keys.hmac_secret_b64(v) for v in keys.versions(HMAC_METHOD) if v not in sent}


def keys_to_send(uow_factory: UnitOfWorkFactory, keys: KeyStore) -> dict[str, str]:
    """The public keys the server has not confirmed yet (run every sync cycle, so only those
    keys are read from disk)."""
    sent = versions_on_server(uow_factory)
    return {v: keys.public_key_pem(v).decode("ascii") for v in keys.versions() if v not in sent}
