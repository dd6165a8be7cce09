"""The Norwegian digital signature on each cash transaction (SAF-T Cash Register, § 2-7).

Signed string: ``previousSignature;transDate;transTime;nr;transAmntIn;transAmntEx`` with the
literal ``0`` as the first previous signature, chained per (tenant, register). RSA-SHA1-1024
(PKCS#1 v1.5) by default, HMAC-SHA1 as the alternative; signatures are Base64.
The keys themselves are kept, sealed, by ``pos.adapters.key_files``.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass
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


class Verifier(Protocol):
    @property
    def method(self) -> str: ...

    @property
    def key_version(self) -> str: ...

    def verify(self, data: str, signature: str) -> bool: ...


class Signer(Verifier, Protocol):
    def sign(self, data: str) -> str: ...


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
