"""Checking the signing keys counters send (at enrolment and after a rotation): an RSA public
key of 1024 bits or more, or an HMAC-SHA1 secret of 16 to 64 bytes, each re-encoded so two
spellings of one key compare equal and garbage never reaches the database."""

from __future__ import annotations

import base64
import binascii

from pos.signing import RSA_METHOD
from server.problems import Problem


def canonical_pem(pem: str) -> str:
    """The key re-encoded (SubjectPublicKeyInfo PEM), or a 422 problem if it is not an RSA
    public key: two spellings of one key compare equal, garbage never reaches the database."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    try:
        key = serialization.load_pem_public_key(pem.encode("ascii"))
    except (ValueError, TypeError, UnicodeEncodeError) as exc:
        raise Problem(422, "invalid_key", "public_key_pem is not a PEM public key") from exc
    if not isinstance(key, rsa.RSAPublicKey) or key.key_size < 1024:
        raise Problem(422, "invalid_key", "public_key_pem must be an RSA key of 1024 bits or more")
    return key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    ).decode("ascii")


def canonical_secret(secret: str) -> str:
    """The HMAC secret re-encoded as Base64, or a 422 problem (16 to 64 random bytes)."""
    try:
        raw = base64.b64decode(secret, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise Problem(422, "invalid_key", "secret is not Base64") from exc
    if not 16 <= len(raw) <= 64:
        raise Problem(422, "invalid_key", "an HMAC secret must be 16 to 64 bytes")
    return base64.b64encode(raw).decode("ascii")


def canonical_keys(keys: dict[str, str], method: str) -> dict[str, str]:
    """Keys sent at enrolment, each checked and re-encoded (422 for any that is not usable)."""
    check = canonical_pem if method == RSA_METHOD else canonical_secret
    for version in keys:
        if not version.isascii() or not version.isdigit() or len(version) > 9:
            raise Problem(422, "invalid_key", "key versions are numbers")
    return {version: check(key) for version, key in keys.items()}
