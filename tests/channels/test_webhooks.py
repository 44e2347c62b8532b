"""Social media direct messages over real HTTP: a running Rasa server and action server with the
Meta and X channels on, replying through a fake Graph/X API on loopback.

Signatures and the X challenge answer are computed here from the platforms' documented recipes,
not with the channel's own code, so a mistake in the channel cannot hide in the test.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import update

from bot.casestore import migrations, tables
from bot.casestore.engine import make_engine
from bot.casestore.services import CaseStore
from bot.channels.live import HANDED_BACK_LINE, joined_line
from bot.policy import Policy
from tests.channels.fake_api import FakeApi
from tests.console.client import ConsoleClient
from tests.console.staff import add_staff
from tests.conversations.servers import BIN, ROOT, running_servers

pytestmark = pytest.mark.server

META_APP_SECRET = "test-meta-app-secret"
META_VERIFY_TOKEN = "test-verify-token"
META_PAGE_TOKEN = "test-page-access-token"
X_CONSUMER_SECRET = "test-x-consumer-secret"
X_ACCESS_TOKEN = "test-x-access-token"
X_ACCOUNT_ID = "1500000000000000001"
DISSATISFIED = "the mould in my sons bedroom is back AGAIN and nobody has come out, fed up"


@pytest.fixture(scope="module")
def fake_api() -> Iterator[FakeApi]:
    with FakeApi().serving() as api:
        yield api


@dataclass(frozen=True)
class Social:
    rasa_url: str
    logs: list[Path]
    database_url: str


@pytest.fixture(scope="module")
def social(fake_api: FakeApi, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Social]:
    """One Rasa server and action server for this module, configured the way scripts/run.sh
    configures them: credentials composed from the environment."""
    scratch = tmp_path_factory.mktemp("social")
    database_url = f"sqlite:///{scratch / 'cases.sqlite3'}"
    migrations.upgrade(database_url)
    env = {
        "INTAKE_DATABASE_URL": database_url,
        "META_VERIFY_TOKEN": META_VERIFY_TOKEN,
        "META_APP_SECRET": META_APP_SECRET,
        "META_PAGE_ACCESS_TOKEN": META_PAGE_TOKEN,
        "META_GRAPH_URL": fake_api.url,
        "X_CONSUMER_SECRET": X_CONSUMER_SECRET,
        "X_ACCESS_TOKEN": X_ACCESS_TOKEN,
        "X_ACCOUNT_ID": X_ACCOUNT_ID,
        "X_API_URL": fake_api.url,
    }
    credentials = scratch / "credentials.yml"
    composed = subprocess.run(
        [str(BIN / "python"), "-m", "bot.channels.credentials",
         "credentials.yml", "credentials.social.yml"],
        cwd=ROOT, env={**os.environ, **env}, capture_output=True, text=True, check=True,
    )  # fmt: skip
    credentials.write_text(composed.stdout)
    assert META_APP_SECRET not in composed.stdout, "a secret was written to the credentials file"
    with running_servers(env, scratch, credentials) as servers:
        yield Social(
            servers.rasa_url, [scratch / "rasa.log", scratch / "actions.log"], database_url
        )


@pytest.fixture(scope="module")
def rasa_url(social: Social) -> str:
    return social.rasa_url


def new_user_id() -> str:
    return str(secrets.randbelow(10**16) + 10**16)


def now_ms(seconds_ago: float = 0) -> int:
    return int((time.time() - seconds_ago) * 1000)


# --- Meta (Messenger: object "page"; Instagram: object "instagram") ---------------------------


def meta_body(
    platform_object: str, user_id: str, message: dict[str, Any], *, seconds_ago: float = 0
) -> bytes:
    event = {
        "sender": {"id": user_id},
        "recipient": {"id": "100000000000001"},
        "timestamp": now_ms(seconds_ago),
        "message": {"mid": f"m_{secrets.token_hex(8)}", **message},
    }
    entry = {"id": "100000000000001", "time": now_ms(), "messaging": [event]}
    return json.dumps({"object": platform_object, "entry": [entry]}).encode()


def meta_signature(body: bytes, secret: str = META_APP_SECRET) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def post_meta(rasa_url: str, body: bytes, headers: dict[str, str]) -> requests.Response:
    return requests.post(
        f"{rasa_url}/webhooks/meta/webhook",
        data=body,
        headers={"Content-Type": "application/json", **headers},
        timeout=60,
    )


def send_meta(rasa_url: str, platform_object: str, user_id: str, **message: Any) -> None:
    body = meta_body(platform_object, user_id, message)
    answer = post_meta(rasa_url, body, {"X-Hub-Signature-256": meta_signature(body)})
    assert answer.status_code == 200


def meta_messages(fake_api: FakeApi, user_id: str) -> list[dict[str, Any]]:
    return [request.body["message"] for request in fake_api.sent_to(user_id)]


def meta_text(fake_api: FakeApi, user_id: str) -> str:
    return " ".join(message["text"] for message in meta_messages(fake_api, user_id))


def test_meta_handshake_returns_the_challenge_for_the_right_verify_token(rasa_url: str) -> None:
    answer = requests.get(
        f"{rasa_url}/webhooks/meta/webhook",
        params={"hub.mode": "subscribe", "hub.verify_token": META_VERIFY_TOKEN,
                "hub.challenge": "1158201444"},
        timeout=10,
    )  # fmt: skip
    assert (answer.status_code, answer.text) == (200, "1158201444")


def test_meta_handshake_with_a_wrong_verify_token_is_refused(rasa_url: str) -> None:
    answer = requests.get(
        f"{rasa_url}/webhooks/meta/webhook",
        params={"hub.mode": "subscribe", "hub.verify_token": "guess", "hub.challenge": "42"},
        timeout=10,
    )
    assert answer.status_code == 403
    assert "42" not in answer.text


@pytest.mark.parametrize("platform_object", ["page", "instagram"])
def test_a_signed_message_is_answered_through_the_graph_api(
    rasa_url: str, fake_api: FakeApi, platform_object: str
) -> None:
    user_id = new_user_id()
    send_meta(rasa_url, platform_object, user_id, text="hello")
    assert "automated assistant for Sample Homes" in meta_text(fake_api, user_id)
    assert "talk to a person at any time" in meta_text(fake_api, user_id)
    sent = fake_api.sent_to(user_id)
    assert {request.headers["Authorization"] for request in sent} == {f"Bearer {META_PAGE_TOKEN}"}
    assert {request.body["messaging_type"] for request in sent} == {"RESPONSE"}


@pytest.mark.parametrize("platform_object", ["page", "instagram"])
def test_dissatisfaction_gets_quick_replies_and_a_tapped_one_is_read_as_its_payload(
    rasa_url: str, fake_api: FakeApi, platform_object: str
) -> None:
    user_id = new_user_id()
    send_meta(rasa_url, platform_object, user_id, text=DISSATISFIED)
    offer = meta_messages(fake_api, user_id)[-1]
    assert "make a formal complaint" in offer["text"]
    assert "1. Make a formal complaint" in offer["text"]
    assert "2. Put it right without a complaint" in offer["text"]
    quick_replies = offer["quick_replies"]
    assert [reply["payload"] for reply in quick_replies] == ["/affirm", "/deny"]
    assert all(reply["content_type"] == "text" for reply in quick_replies)
    assert all(len(reply["title"]) <= 20 for reply in quick_replies)

    tapped = quick_replies[1]
    send_meta(
        rasa_url, platform_object, user_id,
        text=tapped["title"], quick_reply={"payload": tapped["payload"]},
    )  # fmt: skip
    chosen = [message["text"] for message in meta_messages(fake_api, user_id)[-2:]]
    assert "without a formal complaint" in chosen[0]
    # The team that puts it right then asks how to reach them, with its own quick replies.
    assert "Would you like our team to contact you" in chosen[1]


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"X-Hub-Signature-256": meta_signature(b"another body")},
        {"X-Hub-Signature-256": "sha256=" + "0" * 64},
        {"X-Hub-Signature": "sha1=" + "0" * 40},
    ],
    ids=["missing", "from-another-body", "forged", "old-sha1-header-only"],
)
def test_a_meta_event_without_a_valid_signature_is_refused_and_never_answered(
    rasa_url: str, fake_api: FakeApi, headers: dict[str, str]
) -> None:
    user_id = new_user_id()
    answer = post_meta(rasa_url, meta_body("page", user_id, {"text": "hello"}), headers)
    assert answer.status_code == 403
    assert fake_api.sent_to(user_id) == []


def test_a_signed_message_signed_with_another_secret_is_refused(
    rasa_url: str, fake_api: FakeApi
) -> None:
    user_id = new_user_id()
    body = meta_body("instagram", user_id, {"text": "hello"})
    answer = post_meta(rasa_url, body, {"X-Hub-Signature-256": meta_signature(body, "not-it")})
    assert answer.status_code == 403
    assert fake_api.sent_to(user_id) == []


def test_a_replayed_meta_body_is_answered_only_once(rasa_url: str, fake_api: FakeApi) -> None:
    user_id = new_user_id()
    body = meta_body("page", user_id, {"text": "hello"})
    headers = {"X-Hub-Signature-256": meta_signature(body)}
    assert post_meta(rasa_url, body, headers).status_code == 200
    answered = len(fake_api.sent_to(user_id))
    assert answered > 0
    # Acknowledged, so Meta stops redelivering it, but not handled again.
    assert post_meta(rasa_url, body, headers).status_code == 200
    assert len(fake_api.sent_to(user_id)) == answered


def test_a_meta_message_older_than_a_day_is_not_answered(rasa_url: str, fake_api: FakeApi) -> None:
    user_id = new_user_id()
    body = meta_body("page", user_id, {"text": "hello"}, seconds_ago=25 * 3600)
    assert post_meta(rasa_url, body, {"X-Hub-Signature-256": meta_signature(body)}).ok
    assert fake_api.sent_to(user_id) == []


# --- X (Account Activity API) ------------------------------------------------------------------


def x_body(sender_id: str, text: str, *, seconds_ago: float = 0) -> bytes:
    event = {
        "type": "message_create",
        "id": str(secrets.randbelow(10**18)),
        "created_timestamp": str(now_ms(seconds_ago)),
        "message_create": {
            "target": {"recipient_id": X_ACCOUNT_ID if sender_id != X_ACCOUNT_ID else "1"},
            "sender_id": sender_id,
            "message_data": {"text": text, "entities": {}},
        },
    }
    return json.dumps({"for_user_id": X_ACCOUNT_ID, "direct_message_events": [event]}).encode()


def x_signature(message: bytes, secret: str = X_CONSUMER_SECRET) -> str:
    digest = hmac.new(secret.encode(), message, hashlib.sha256).digest()
    return "sha256=" + base64.b64encode(digest).decode()


def post_x(rasa_url: str, body: bytes, headers: dict[str, str]) -> requests.Response:
    return requests.post(
        f"{rasa_url}/webhooks/x/webhook",
        data=body,
        headers={"Content-Type": "application/json", **headers},
        timeout=60,
    )


def send_x(rasa_url: str, sender_id: str, text: str) -> None:
    body = x_body(sender_id, text)
    assert post_x(rasa_url, body, {"x-twitter-webhooks-signature": x_signature(body)}).ok


def x_texts(fake_api: FakeApi, user_id: str) -> list[str]:
    return [request.body["text"] for request in fake_api.sent_to(user_id)]


def test_x_challenge_is_answered_with_the_hmac_of_the_token(rasa_url: str) -> None:
    token = "9b4507b3-9040-4669-9ca3-6b94edb50553"
    answer = requests.get(f"{rasa_url}/webhooks/x/webhook", params={"crc_token": token}, timeout=10)
    assert answer.status_code == 200
    assert answer.json() == {"response_token": x_signature(token.encode())}


def test_a_signed_x_message_is_answered_through_the_dm_endpoint(
    rasa_url: str, fake_api: FakeApi
) -> None:
    user_id = new_user_id()
    send_x(rasa_url, user_id, "hello")
    assert "automated assistant for Sample Homes" in " ".join(x_texts(fake_api, user_id))
    sent = fake_api.sent_to(user_id)
    assert {request.headers["Authorization"] for request in sent} == {f"Bearer {X_ACCESS_TOKEN}"}


def test_on_x_the_choices_are_numbered_and_a_number_picks_one(
    rasa_url: str, fake_api: FakeApi
) -> None:
    user_id = new_user_id()
    send_x(rasa_url, user_id, DISSATISFIED)
    offer = x_texts(fake_api, user_id)[-1]
    assert "1. Make a formal complaint" in offer
    assert "2. Put it right without a complaint" in offer
    send_x(rasa_url, user_id, "2")
    chosen = x_texts(fake_api, user_id)[-2:]
    assert "without a formal complaint" in chosen[0]
    assert "Would you like our team to contact you" in chosen[1]


def test_a_json_body_as_crc_token_is_refused_so_it_cannot_be_used_to_forge_an_event(
    rasa_url: str, fake_api: FakeApi
) -> None:
    """X signs event bodies the way it signs the CRC answer: answering for any text would sign
    a forged event (security review, finding 1)."""
    user_id = new_user_id()
    forged = x_body(user_id, "hello").decode()
    answer = requests.get(
        f"{rasa_url}/webhooks/x/webhook", params={"crc_token": forged}, timeout=10
    )
    assert answer.status_code == 400 and "response_token" not in answer.text
    assert fake_api.sent_to(user_id) == []


@pytest.mark.parametrize(
    ("sender_id", "for_user_id"),
    [("../../2/users/me", X_ACCOUNT_ID), ("123/../../tweets", X_ACCOUNT_ID), (None, "999")],
    ids=["path in the sender", "path after digits", "another account's event"],
)
def test_an_x_event_from_a_sender_that_is_not_an_x_user_is_never_answered(
    rasa_url: str, fake_api: FakeApi, sender_id: str | None, for_user_id: str
) -> None:
    user_id = sender_id or new_user_id()
    payload = json.loads(x_body(user_id, "hello"))
    payload["for_user_id"] = for_user_id
    body = json.dumps(payload).encode()
    assert post_x(rasa_url, body, {"x-twitter-webhooks-signature": x_signature(body)}).ok
    assert fake_api.sent_to(user_id) == []
    assert all(".." not in request.path for request in fake_api.requests)


@pytest.mark.parametrize(
    "signature",
    [None, "sha256=" + "A" * 44, x_signature(b"{}")],
    ids=["missing", "forged", "other"],
)
def test_an_x_event_without_a_valid_signature_is_refused_and_never_answered(
    rasa_url: str, fake_api: FakeApi, signature: str | None
) -> None:
    user_id = new_user_id()
    headers = {} if signature is None else {"x-twitter-webhooks-signature": signature}
    assert post_x(rasa_url, x_body(user_id, "hello"), headers).status_code == 403
    assert fake_api.sent_to(user_id) == []


def test_a_replayed_x_body_is_answered_only_once(rasa_url: str, fake_api: FakeApi) -> None:
    user_id = new_user_id()
    body = x_body(user_id, "hello")
    headers = {"x-twitter-webhooks-signature": x_signature(body)}
    assert post_x(rasa_url, body, headers).ok
    answered = len(fake_api.sent_to(user_id))
    assert answered > 0
    assert post_x(rasa_url, body, headers).ok
    assert len(fake_api.sent_to(user_id)) == answered


def test_an_old_x_event_is_not_answered(rasa_url: str, fake_api: FakeApi) -> None:
    user_id = new_user_id()
    body = x_body(user_id, "hello", seconds_ago=3600)
    assert post_x(rasa_url, body, {"x-twitter-webhooks-signature": x_signature(body)}).ok
    assert fake_api.sent_to(user_id) == []


def test_our_own_replies_echoed_by_x_are_not_answered(rasa_url: str, fake_api: FakeApi) -> None:
    before = len(fake_api.requests)
    send_x(rasa_url, X_ACCOUNT_ID, "Hello. I'm the automated assistant")
    assert len(fake_api.requests) == before


def test_what_residents_write_and_who_they_are_stay_out_of_the_logs(
    social: Social, fake_api: FakeApi
) -> None:
    user_id = new_user_id()
    text = "my neighbour Ms Quillfeather keeps blocking the stairwell"
    send_meta(social.rasa_url, "page", user_id, text=text)
    send_x(social.rasa_url, user_id, text)
    assert fake_api.sent_to(user_id), "the messages were not answered"
    for log in social.logs:
        content = log.read_text()
        assert "Quillfeather" not in content, log.name
        assert user_id not in content, log.name


# --- live chat: staff reply in the resident's own Messenger, Instagram or X conversation ------


@pytest.mark.parametrize("platform", ["messenger", "instagram", "x"])
def test_staff_take_a_social_conversation_and_reply_in_it_through_the_platforms_api(
    social: Social, fake_api: FakeApi, policy: Policy, platform: str
) -> None:
    user_id = new_user_id()
    cases = CaseStore(make_engine(social.database_url), policy)

    def resident_says(text: str) -> None:
        if platform == "x":
            send_x(social.rasa_url, user_id, text)
        else:
            send_meta(social.rasa_url, "page" if platform == "messenger" else "instagram",
                      user_id, text=text)  # fmt: skip

    def said_to_resident() -> list[str]:
        if platform == "x":
            return x_texts(fake_api, user_id)
        return [message["text"] for message in meta_messages(fake_api, user_id)]

    resident_says("can I talk to a real person please")
    handoff = cases.open_handoff(f"{platform}:{user_id}")
    assert handoff is not None and handoff.channel == platform
    staff = ConsoleClient(social.rasa_url)
    username = f"hana.{platform}"
    assert staff.sign_in(username, add_staff(social.database_url, username)).status_code == 303
    staff.get(f"/console/live/{handoff.id}")
    before = len(said_to_resident())
    assert staff.post(f"/console/live/{handoff.id}/take", {}).status_code == 303
    staff.get(f"/console/live/{handoff.id}")
    replied = staff.post(f"/console/live/{handoff.id}/reply", {"message": "Hi, how can I help?"})
    assert replied.status_code == 303
    name = f"Hana from {policy.landlord.name}"
    assert said_to_resident()[before:] == [joined_line(name), f"{name}: Hi, how can I help?"]

    resident_says("the boiler again")
    assert [m.text for m in cases.live_messages(handoff.id or 0)] == [
        "Hi, how can I help?",
        "the boiler again",
    ], "kept for staff, in order"
    assert len(said_to_resident()) == before + 2, "the assistant stays quiet"
    staff.get(f"/console/live/{handoff.id}")
    assert staff.post(f"/console/live/{handoff.id}/hand-back", {}).status_code == 303
    assert said_to_resident()[-1] == HANDED_BACK_LINE


def last_heard_days_ago(database_url: str, handoff_id: int, days: float) -> None:
    """Move the resident's asking and their messages since back in time, as a weekend would."""
    then = datetime.now(timezone.utc) - timedelta(days=days)
    with make_engine(database_url).begin() as db:
        handoffs, live = tables.handoffs, tables.live_messages
        db.execute(update(handoffs).where(handoffs.c.id == handoff_id).values(requested_at=then))
        db.execute(update(live).where(live.c.handoff_id == handoff_id).values(at=then))


@pytest.mark.parametrize("platform", ["messenger", "instagram"])
def test_after_meta_24_hours_staff_reply_as_a_human_agent_for_7_days_then_are_refused(
    social: Social, fake_api: FakeApi, policy: Policy, platform: str
) -> None:
    user_id = new_user_id()
    cases = CaseStore(make_engine(social.database_url), policy)
    send_meta(social.rasa_url, "page" if platform == "messenger" else "instagram", user_id,
              text="can I talk to a real person please")  # fmt: skip
    handoff = cases.open_handoff(f"{platform}:{user_id}")
    assert handoff is not None and handoff.id is not None
    staff = ConsoleClient(social.rasa_url)
    username = f"wendy.{platform}"
    assert staff.sign_in(username, add_staff(social.database_url, username)).status_code == 303
    staff.get(f"/console/live/{handoff.id}")
    assert staff.post(f"/console/live/{handoff.id}/take", {}).status_code == 303
    assert fake_api.sent_to(user_id)[-1].body["messaging_type"] == "RESPONSE"

    last_heard_days_ago(social.database_url, handoff.id, 2)
    page = staff.get(f"/console/live/{handoff.id}").text
    assert "more than 24 hours since the resident last wrote" in page
    assert "lets a person (not the assistant) reply for 7 days" in page
    replied = staff.post(f"/console/live/{handoff.id}/reply", {"message": "Sorry for the wait"})
    assert replied.status_code == 303
    sent = fake_api.sent_to(user_id)[-1].body
    assert (sent["messaging_type"], sent["tag"]) == ("MESSAGE_TAG", "HUMAN_AGENT")
    assert sent["message"]["text"].endswith("Sorry for the wait")

    last_heard_days_ago(social.database_url, handoff.id, 8)
    before = len(fake_api.sent_to(user_id))
    staff.get(f"/console/live/{handoff.id}")
    refused = staff.post(f"/console/live/{handoff.id}/reply", {"message": "Are you there?"})
    assert refused.status_code == 409
    assert "more than 7 days since the resident last wrote" in refused.text
    assert "no longer lets us reply in this chat" in refused.text
    assert "Are you there?" in refused.text, "the reply stays in the box"
    assert len(fake_api.sent_to(user_id)) == before
    assert [m.text for m in cases.live_messages(handoff.id)] == ["Sorry for the wait"]
