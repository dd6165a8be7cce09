"""Sending the counter's signing public keys the server has not got (after a key rotation),
before receipts signed with them are pushed: ``POST /v1/keys`` per version, idempotent."""

from __future__ import annotations

from pos.services import signing_keys
from pos.signing import RSA_METHOD, KeyStore
from pos.unit_of_work import UnitOfWorkFactory
from sync.http import ServerApi, ServerError, SyncError


def upload_new_keys(uow_factory: UnitOfWorkFactory, api: ServerApi, keys: KeyStore) -> list[str]:
    """Upload each unconfirmed public key version; returns the versions the server confirmed.

    A ``409 key_conflict`` (the server has that version with another key) stops the sync: the
    receipts would not verify, and pushing them would only flag them."""
    confirmed: list[str] = []
    for version, pem in sorted(
        signing_keys.keys_to_send(uow_factory, keys).items(), key=lambda kv: int(kv[0])
    ):
        try:
            api.post_json(
                "/v1/keys",
                {"key_version": version, "public_key_pem": pem, "method": RSA_METHOD},
                compress=False,
            )
        except ServerError as error:
            if error.code == "key_conflict":
                raise SyncError(
                    f"the server has signing key version {version} with another key; "
                    "re-enrol this counter"
                ) from error
            raise
        confirmed.append(version)
    if confirmed:
        signing_keys.mark_on_server(uow_factory, set(confirmed))
    return confirmed
