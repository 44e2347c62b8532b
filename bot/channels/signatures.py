"""Webhook signatures: HMAC-SHA256 of the raw body with the app's secret, compared in constant time.

Meta sends it hex-encoded in `X-Hub-Signature-256`, X base64-encoded in
`x-twitter-webhooks-signature`; both prefix it with `sha256=`.
"""

from __future__ import annotations

import base64
import hashlib
import hmac


def hex_signature(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def base64_signature(secret: str, body: bytes) -> str:
    digest = hmac.new(secret.encode(), body, hashlib.sha256).digest()
    return "sha256=" + base64.b64encode(digest).decode()


def signature_matches(given: str | None, expected: str) -> bool:
    """A missing header never matches; a wrong one takes as long to reject as a nearly right one."""
    return given is not None and hmac.compare_digest(given.encode(), expected.encode())
