"""JSON request bodies, measured before they are parsed.

Python's parser recurses once per bracket, so a body of thousands of `[` raised RecursionError
(a 500) before any check saw it, and a huge body was read into objects whole. Every channel that
parses JSON itself (REST, Meta, X) goes through `load_json`: over MAX_BODY_BYTES is 413, nested
deeper than MAX_DEPTH (far beyond any real message or webhook) or not JSON is 400.
"""

from __future__ import annotations

import json
from typing import Any

# Well above a message at the guard's length limit with its metadata, or a webhook batch.
MAX_BODY_BYTES = 256 * 1024
MAX_DEPTH = 32
OPENERS, CLOSERS = frozenset(b"[{"), frozenset(b"]}")
QUOTE, BACKSLASH = ord('"'), ord("\\")


class BodyRefused(ValueError):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class NotJson(BodyRefused):
    def __init__(self) -> None:
        super().__init__(400, "The body must be JSON in UTF-8.")


def depth_of(body: bytes) -> int:
    """The deepest nesting of arrays and objects, brackets inside strings not counted."""
    depth = deepest = 0
    in_string = escaped = False
    for byte in body:
        if in_string:
            if escaped:
                escaped = False
            elif byte == BACKSLASH:
                escaped = True
            elif byte == QUOTE:
                in_string = False
        elif byte == QUOTE:
            in_string = True
        elif byte in OPENERS:
            depth += 1
            deepest = max(deepest, depth)
        elif byte in CLOSERS:
            depth -= 1
    return deepest


def load_json(body: bytes) -> Any:
    """The parsed body, or BodyRefused with the status and what is wrong."""
    if len(body) > MAX_BODY_BYTES:
        raise BodyRefused(413, f"The body must be at most {MAX_BODY_BYTES:,} bytes.")
    if depth_of(body) > MAX_DEPTH:
        raise BodyRefused(400, f"The body is nested more than {MAX_DEPTH} levels deep.")
    try:
        return json.loads(body)
    except ValueError as error:  # UnicodeDecodeError included
        raise NotJson() from error
