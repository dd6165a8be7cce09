"""The Norwegian digital signature on each cash transaction (SAF-T Cash Register, § 2-7).

Signed string: ``previousSignature;transDate;transTime;nr;transAmntIn;transAmntEx`` with the
literal ``0`` as the first previous signature, chained per (tenant, register). RSA-SHA1-1024
(PKCS#1 v1.5) by default, HMAC-SHA1 as the alternative; signatures are Base64.
Key pairs are made on first run in the data directory and kept with their key version, so old
signatures stay verifiable after a key change.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:  # cryptography loads only when a key is first used: the login screen is faster
    from cryptography.hazmat.primitives.asymmetric import rsa

from pos.money import Ore, format_saft

RSA_METHOD = "RSA-SHA1-1024"
HMAC_METHOD = "HMAC-SHA1-128"
FIRST_PREVIOUS = "0"


def signed_string(
    previous_signature: str,
    trans_date: str,
    trans_time: str,
    nr: int | str,
    amount_in: Ore,
    amount_ex: Ore,
) -> str:
    """The exact ASCII string that is signed, as Skatteetaten's validator builds it."""
    return ";".join(
        [
            previous_signature or FIRST_PREVIOUS,
            trans_date,
            trans_time,
            str(nr),
            format_saft(amount_in),
            format_saft(amount_ex),
        ]
    )


class Signer(Protocol):
    @property
    def method(self) -> str: ...

    @property
    def key_version(self) -> str: ...

    def sign(self, data: str) -> str: ...

    def verify(self, data: str, signature: str) -> bool: ...


@dataclass(frozen=True)
class RsaSigner:
    private_key: rsa.RSAPrivateKey
    key_version: str
    method: str = RSA_METHOD

    def sign(self, data: str) -> str:
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric import padding

        raw = self.private_key.sign(data.encode("ascii"), padding.PKCS1v15(), hashes.SHA1())
        return base64.b64encode(raw).decode("ascii")

    def verify(self, data: str, signature: str) -> bool:
        return RsaVerifier(self.private_key.public_key(), self.key_version).verify(data, signature)


@dataclass(frozen=True)
class RsaVerifier:
    public_key: rsa.RSAPublicKey
    key_version: str
    method: str = RSA_METHOD

    def verify(self, data: str, signature: str) -> bool:
        invalid, pkcs1v15, sha1 = _rsa_verify_parts()
        try:
            self.public_key.verify(
                base64.b64decode(signature, validate=True), data.encode("ascii"), pkcs1v15, sha1
            )
        except (invalid, ValueError):
            return False
        return True


_RSA_VERIFY_PARTS: tuple[type[Exception], Any, Any] | None = None


def _rsa_verify_parts() -> tuple[type[Exception], Any, Any]:
    """The exception, padding and hash for RSA verification, made once (the server checks
    every receipt it is sent: a hundred thousand after a week offline)."""
    global _RSA_VERIFY_PARTS
    if _RSA_VERIFY_PARTS is None:
        from cryptography.exceptions import InvalidSignature
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric import padding

        _RSA_VERIFY_PARTS = (InvalidSignature, padding.PKCS1v15(), hashes.SHA1())
    return _RSA_VERIFY_PARTS


@dataclass(frozen=True)
class HmacSigner:
    secret: bytes
    key_version: str
    method: str = HMAC_METHOD

    def sign(self, data: str) -> str:
        digest = hmac.new(self.secret, data.encode("ascii"), hashlib.sha1).digest()
        return base64.b64encode(digest).decode("ascii")

    def verify(self, data: str, signature: str) -> bool:
        return hmac.compare_digest(self.sign(data), signature)


_KEY_FILE = re.compile(r"^(rsa|hmac)-v(\d+)\.(pem|key)$")


def _write_private(path: Path, data: bytes) -> None:
    """Write a secret readable by the owner only, atomically."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_suffix(path.suffix + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


class KeyStore:
    """Signing keys in ``<data dir>/keys``: ``rsa-v1.pem``, ``hmac-v1.key``, ... newest is used."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def _versions(self, kind: str) -> dict[str, Path]:
        found: dict[str, Path] = {}
        if self.directory.is_dir():
            for path in self.directory.iterdir():
                match = _KEY_FILE.match(path.name)
                if match and match.group(1) == kind:
                    found[match.group(2)] = path
        return found

    def versions(self, method: str = RSA_METHOD) -> list[str]:
        """The key versions on disk, oldest first (a directory listing: no key is read)."""
        return sorted(self._versions("rsa" if method == RSA_METHOD else "hmac"), key=int)

    def next_version(self, method: str = RSA_METHOD) -> str:
        """The version ``rotate`` gives the next key."""
        return str(max((int(v) for v in self.versions(method)), default=0) + 1)

    def signer(self, method: str = RSA_METHOD) -> Signer:
        """The current signer, making a first key on first use."""
        kind = "rsa" if method == RSA_METHOD else "hmac"
        versions = self._versions(kind)
        if not versions:
            self.rotate(method)
            versions = self._versions(kind)
        version = max(versions, key=int)
        return self._load(kind, version, versions[version])

    def rotate(self, method: str = RSA_METHOD) -> str:
        """Make a new key with the next version number; older keys are kept for verifying."""
        kind = "rsa" if method == RSA_METHOD else "hmac"
        version = self.next_version(method)
        if kind == "rsa":
            from cryptography.hazmat.primitives import serialization
            from cryptography.hazmat.primitives.asymmetric import rsa

            key = rsa.generate_private_key(public_exponent=65537, key_size=1024)
            data = key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
            _write_private(self.directory / f"rsa-v{version}.pem", data)
        else:
            secret = base64.b64encode(secrets.token_bytes(16))
            _write_private(self.directory / f"hmac-v{version}.key", secret)
        return version

    def _load(self, kind: str, version: str, path: Path) -> Signer:
        data = path.read_bytes()
        if kind == "hmac":
            return HmacSigner(base64.b64decode(data.strip()), version)
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric import rsa

        key = serialization.load_pem_private_key(data, password=None)
        if not isinstance(key, rsa.RSAPrivateKey):
            raise ValueError(f"{path} is not an RSA key")
        return RsaSigner(key, version)

    def verifiers(self) -> dict[tuple[str, str], Signer]:
        """Every key ever used, by (method, key version)."""
        result: dict[tuple[str, str], Signer] = {}
        for kind, method in (("rsa", RSA_METHOD), ("hmac", HMAC_METHOD)):
            for version, path in self._versions(kind).items():
                result[(method, version)] = self._load(kind, version, path)
        return result

    def public_key_pem(self, version: str | None = None) -> bytes:
        versions = self._versions("rsa")
        if not versions:
            self.signer(RSA_METHOD)
            versions = self._versions("rsa")
        chosen = version or max(versions, key=int)
        signer = self._load("rsa", chosen, versions[chosen])
        assert isinstance(signer, RsaSigner)
        from cryptography.hazmat.primitives import serialization

        return signer.private_key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
