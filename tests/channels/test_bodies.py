"""Request bodies are measured before they are parsed: too big or nested too deep is a 4xx,
never a parser's RecursionError turned into a 500."""

from __future__ import annotations

import json

import pytest

from bot.channels.bodies import MAX_BODY_BYTES, MAX_DEPTH, BodyRefused, load_json
from bot.channels.platform import json_object


def nested(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


def test_a_body_nested_thousands_deep_is_refused_before_parsing() -> None:
    with pytest.raises(BodyRefused) as refused:
        load_json(nested(100_000))
    assert refused.value.status == 400 and "nested" in refused.value.message
    assert json_object(b'{"entry": ' + nested(5_000) + b"}") is None  # the Meta and X webhooks


def test_brackets_inside_strings_are_text_not_nesting() -> None:
    text = {"message": "[" * (MAX_DEPTH * 10) + '"{'}
    assert load_json(json.dumps(text).encode()) == text
    assert load_json(nested(MAX_DEPTH)) is not None


def test_a_body_over_the_size_limit_is_refused_unread() -> None:
    with pytest.raises(BodyRefused) as refused:
        load_json(b'{"message": "' + b"a" * MAX_BODY_BYTES + b'"}')
    assert refused.value.status == 413
