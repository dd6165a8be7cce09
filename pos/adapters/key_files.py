"""The counter's signing keys in ``<data dir>/keys``, private keys only ever sealed.

Files: ``rsa-vN.sealed`` (the private key, sealed by ``pos.adapters.key_vault``), ``rsa-vN.pub.pem``
(its public key, plain: what verification and the server need), ``hmac-vN.sealed``, and
``vault.json`` (which secret seals new keys). The newest version signs; older ones are kept so
their receipts keep verifying. Keys stored in plain by earlier versions are sealed at the first
start (``seal_plain_keys``) and the plain files wiped.
"""

from __future__ import annotations

import base64
import json
import re
import secrets
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pos.adapters.key_vault import (
    KeySealBroken,
    KeySecretMissing,
    SealedKey,
    Vault,
    default_vaults,
    new_secret,
    seal,
    unseal,
    wipe,
    write_private,
)
from pos.errors import DomainError
from pos.findings import Finding
from pos.signing import (
    HMAC_METHOD,
    RSA_METHOD,
    HmacSigner,
    RsaSigner,
    RsaVerifier,
    Signer,
    Verifier,
)

if TYPE_CHECKING:  # cryptography loads only when a key is first used
    from cryptography.hazmat.primitives.asymmetric import rsa

_SEALED = re.compile(r"^(rsa|hmac)-v(\d+)\.sealed$")
_PUBLIC = re.compile(r"^rsa-v(\d+)\.pub\.pem$")
_PLAIN = re.compile(r"^(rsa|hmac)-v(\d+)\.(pem|key)$")
VAULT_FILE = "vault.json"


def _kind(method: str) -> str:
    return "rsa" if method == RSA_METHOD else "hmac"


@dataclass(frozen=True)
class UnavailableSigner:
    """Stands in when the signing key cannot be opened here: everything that does not sign
    (reports, verification, a key rotation) still works; a sale is refused with ``problem``."""

    method: str
    key_version: str
    problem: DomainError

    def sign(self, data: str) -> str:
        raise self.problem

    def verify(self, data: str, signature: str) -> bool:
        return False


class KeyStore:
    def __init__(self, directory: Path, vaults: Sequence[Vault] | None = None) -> None:
        self.directory = directory
        self._vaults = list(vaults) if vaults is not None else None
        self._loaded: dict[str, Signer] = {}

    # -- listing -------------------------------------------------------------------------------
    def _names(self, pattern: re.Pattern[str]) -> list[re.Match[str]]:
        if not self.directory.is_dir():
            return []
        return [m for p in self.directory.iterdir() if (m := pattern.match(p.name))]

    def versions(self, method: str = RSA_METHOD) -> list[str]:
        """The key versions here, oldest first (a directory listing: no key is opened)."""
        kind = _kind(method)
        found = {m.group(2) for m in self._names(_SEALED) if m.group(1) == kind}
        if kind == "rsa":
            found |= {m.group(1) for m in self._names(_PUBLIC)}
        return sorted(found, key=int)

    def has_private_key(self) -> bool:
        """Whether this PC can sign: a sealed key of the newest version that opens here (a key
        folder copied from another PC holds sealed keys whose secret is not here)."""
        for method in (RSA_METHOD, HMAC_METHOD):
            versions = self.versions(method)
            if versions:
                try:
                    self._open(_kind(method), versions[-1])
                    return True
                except (KeySecretMissing, KeySealBroken):
                    continue
        return False

    def add_public_key(self, version: str, pem: bytes) -> None:
        """Keep a public key of a version whose private key is elsewhere (to verify with)."""
        if version not in self.versions(RSA_METHOD):
            write_private(self.directory / f"rsa-v{version}.pub.pem", pem)

    def next_version(self, method: str = RSA_METHOD) -> str:
        """The version ``rotate`` gives the next key."""
        return str(max((int(v) for v in self.versions(method)), default=0) + 1)

    # -- the secret ----------------------------------------------------------------------------
    def vaults(self) -> list[Vault]:
        if self._vaults is None:
            self._vaults = default_vaults(self.directory.parent)
        return self._vaults

    def _secret(self, vault_id: str, name: str) -> bytes:
        for vault in self.vaults():
            found = vault.get(vault_id)
            if found:
                return found
        raise KeySecretMissing(name)

    def vault_in_use(self) -> tuple[str, str] | None:
        """(id, vault name) of the secret that seals new keys, None before the first key."""
        try:
            data = json.loads((self.directory / VAULT_FILE).read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            return None
        return str(data["id"]), str(data["vault"])

    def _sealing_secret(self) -> tuple[str, bytes]:
        """The current vault's id and secret; a new vault when there is none or its secret is
        not on this PC (keys restored from another PC keep theirs, named in each sealed file)."""
        current = self.vault_in_use()
        if current is not None:
            for vault in self.vaults():
                found = vault.get(current[0])
                if found:
                    return current[0], found
        vault_id, secret = uuid.uuid4().hex, new_secret()
        for vault in self.vaults():
            try:
                vault.put(vault_id, secret)
            except Exception:  # noqa: BLE001 - a key store that refuses: use the next one
                continue
            if vault.get(vault_id) == secret:
                record = {"id": vault_id, "vault": vault.name}
                write_private(self.directory / VAULT_FILE, json.dumps(record).encode())
                return vault_id, secret
        raise KeySecretMissing("(ny / new)")

    # -- keys ----------------------------------------------------------------------------------
    def signer(self, method: str = RSA_METHOD) -> Signer:
        """The current signer, making a first key on first use."""
        versions = self.versions(method)
        if not versions:
            self.rotate(method)
            versions = self.versions(method)
        return self._open(_kind(method), versions[-1])

    def rotate(self, method: str = RSA_METHOD) -> str:
        """Make a new key with the next version number; older keys are kept for verifying."""
        kind, version = _kind(method), self.next_version(method)
        if kind == "rsa":
            from cryptography.hazmat.primitives.asymmetric import rsa

            key = rsa.generate_private_key(public_exponent=65537, key_size=1024)
            self._store(kind, version, _pkcs8(key), _public_pem(key))
        else:
            self._store(kind, version, base64.b64encode(secrets.token_bytes(16)), None)
        return version

    def _store(self, kind: str, version: str, plain: bytes, public: bytes | None) -> None:
        name = f"{kind}-v{version}"
        vault_id, secret = self._sealing_secret()
        if public is not None:  # the public half first: a sealed key is never without it
            write_private(self.directory / f"{name}.pub.pem", public)
        sealed = seal(name, vault_id, secret, plain)
        write_private(self.directory / f"{name}.sealed", sealed.to_bytes())
        self._loaded.pop(name, None)

    def _open(self, kind: str, version: str) -> Signer:
        name = f"{kind}-v{version}"
        if name not in self._loaded:
            path = self.directory / f"{name}.sealed"
            if not path.exists():
                raise KeySecretMissing(name)
            sealed = SealedKey.from_bytes(path.read_bytes())
            plain = unseal(sealed, name, self._secret(sealed.vault_id, name))
            self._loaded[name] = _signer(kind, version, plain)
        return self._loaded[name]

    def verifiers(self) -> dict[tuple[str, str], Verifier]:
        """Every key ever used, by (method, key version): RSA from the public keys (no secret
        needed), HMAC only where its secret opens here."""
        result: dict[tuple[str, str], Verifier] = {}
        for version in self.versions(RSA_METHOD):
            result[(RSA_METHOD, version)] = RsaVerifier(_load_public(self._pub(version)), version)
        for version in self.versions(HMAC_METHOD):
            try:
                result[(HMAC_METHOD, version)] = self._open("hmac", version)
            except (KeySecretMissing, KeySealBroken):
                continue
        return result

    def _pub(self, version: str) -> bytes:
        return (self.directory / f"rsa-v{version}.pub.pem").read_bytes()

    def hmac_secret_b64(self, version: str) -> str:
        """An HMAC key version's secret as Base64 text (what the server registers to verify
        HMAC signatures); opens the sealed key, so only where its secret is."""
        secret = self._open("hmac", version)
        assert isinstance(secret, HmacSigner)
        return base64.b64encode(secret.secret).decode("ascii")

    def public_key_pem(self, version: str | None = None) -> bytes:
        versions = self.versions(RSA_METHOD)
        if not versions:
            self.signer(RSA_METHOD)
            versions = self.versions(RSA_METHOD)
        return self._pub(version or versions[-1])

    # -- upkeep --------------------------------------------------------------------------------
    def seal_plain_keys(self) -> list[str]:
        """Seal keys an earlier version stored in plain, then wipe the plain files; returns the
        names sealed (``rsa-v1``...). A version already sealed keeps its sealed file."""
        done = []
        for match in sorted(self._names(_PLAIN), key=lambda m: int(m.group(2))):
            kind, version = match.group(1), match.group(2)
            plain_path = self.directory / match.group(0)
            if not (self.directory / f"{kind}-v{version}.sealed").exists():
                plain = plain_path.read_bytes()
                public = _public_pem(_load_private(plain)) if kind == "rsa" else None
                self._store(kind, version, plain, public)
                done.append(f"{kind}-v{version}")
            wipe(plain_path)
        return done

    def key_problems(self) -> list[str]:
        """What is wrong with the keys as verification sees it: a private key stored in plain,
        a sealed key that does not open with this PC's secret, or a public key that is not the
        sealed key's own (swapped to make forged signatures verify)."""
        problems: list[str] = [
            Finding(
                f"key file {m.group(0)} holds a private key in plain",
                f"nøkkelfilen {m.group(0)} inneholder en privat nøkkel i klartekst",
            )
            for m in self._names(_PLAIN)
        ]
        for version in self.versions(RSA_METHOD):
            try:
                signer = self._open("rsa", version)
            except KeySecretMissing:
                continue  # another PC's key (a restore): verified by its public key alone
            except KeySealBroken:
                problems.append(
                    Finding(
                        f"signing key rsa-v{version} is damaged or was replaced",
                        f"signeringsnøkkel rsa-v{version} er skadet eller byttet ut",
                    )
                )
                continue
            assert isinstance(signer, RsaSigner)
            if _public_pem(signer.private_key) != self._pub(version):
                problems.append(
                    Finding(
                        f"public key rsa-v{version} is not the signing key's own",
                        f"offentlig nøkkel rsa-v{version} hører ikke til signeringsnøkkelen",
                    )
                )
        return problems


def _signer(kind: str, version: str, plain: bytes) -> Signer:
    if kind == "hmac":
        return HmacSigner(base64.b64decode(plain.strip()), version)
    return RsaSigner(_load_private(plain), version)


def _load_private(plain: bytes) -> rsa.RSAPrivateKey:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = serialization.load_pem_private_key(plain, password=None)
    if not isinstance(key, rsa.RSAPrivateKey):
        raise KeySealBroken("rsa")
    return key


def _load_public(pem: bytes) -> rsa.RSAPublicKey:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = serialization.load_pem_public_key(pem)
    if not isinstance(key, rsa.RSAPublicKey):
        raise KeySealBroken("rsa")
    return key


def _pkcs8(key: rsa.RSAPrivateKey) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def _public_pem(key: rsa.RSAPrivateKey) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
