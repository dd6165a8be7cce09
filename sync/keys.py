"""Sending the counter's signing keys the server has not got (after a key rotation), before
receipts signed with them are pushed: ``POST /v1/keys`` per version, idempotent. RSA keys go as
public keys; a counter that signs with HMAC-SHA1 sends the secret, which the server needs to
verify."""

from __future__ import annotations

import logging

from pos.adapters.key_files import KeyStore
from pos.services import signing_keys
from pos.signing import HMAC_METHOD, RSA_METHOD
from pos.unit_of_work import UnitOfWorkFactory
from sync.http import ServerApi, ServerError

log = logging.getLogger(__name__)


def upload_new_keys(uow_factory: UnitOfWorkFactory, api: ServerApi, keys: KeyStore) -> list[str]:
    """Upload each unconfirmed public key version; returns what went wrong, if anything.

    Only a transient failure (network, 5xx, 429) is raised: the push would fail the same way.
    A ``409 key_conflict`` (the server has that version with another key) or a refusal such as
    a 404 from an older server is returned instead, so the sales are still pushed — flagged on
    the server rather than held back on the counter — and the cycle reports the problem after."""
    problems: list[str] = []
    uploads = (
        (RSA_METHOD, "public_key_pem", signing_keys.keys_to_send(uow_factory, keys)),
        (HMAC_METHOD, "secret", signing_keys.hmac_keys_to_send(uow_factory, keys)),
    )
    for method, field, found in uploads:
        confirmed = _upload(api, method, field, found, problems)
        if confirmed:
            signing_keys.mark_on_server(uow_factory, confirmed, method)
    return problems


def _upload(
    api: ServerApi, method: str, field: str, found: dict[str, str], problems: list[str]
) -> set[str]:
    confirmed: set[str] = set()
    for version, key in sorted(found.items(), key=lambda kv: int(kv[0])):
        try:
            api.post_json(
                "/v1/keys",
                {"key_version": version, field: key, "method": method},
                compress=False,
            )
        except ServerError as error:
            if error.transient:
                raise
            if error.code == "key_conflict":
                problems.append(
                    f"the server has signing key version {version} with another key; "
                    "re-enrol this counter"
                )
            else:
                problems.append(f"signing key version {version} not accepted: {error.reason}")
            log.warning("key upload refused: %s", problems[-1])
            continue
        confirmed.add(version)
    return confirmed
