"""The chat and a call handler give the same answer to the same words: whether the choice to
complain is offered, whether a possible exclusion is explained first, and whether a report goes to
the anti-social behaviour team (one decision, `TriageResult.offers_complaint`, where each used to
decide for itself)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import pytest

from bot.casestore.services import CaseStore
from bot.replies import ASB_ROUTE
from tests.conftest import Running
from tests.console.client import ConsoleClient

pytestmark = pytest.mark.server


@dataclass(frozen=True)
class Answer:
    offers_choice: bool
    explains_exclusion: bool
    asb_team: bool


# Words of our own, with the answer both channels must give.
SAID = {
    "the repairs man never turned up again and nobody rang me, i am really fed up with you":
        Answer(offers_choice=True, explains_exclusion=False, asb_team=False),
    "can someone come and fix the kitchen tap please, it has started dripping":
        Answer(offers_choice=False, explains_exclusion=False, asb_team=False),
    "my rent has gone up again this april and it is far too much, i want to dispute the amount":
        Answer(offers_choice=True, explains_exclusion=True, asb_team=False),
    "the people upstairs play loud music every night until 3am and shout at my kids":
        Answer(offers_choice=False, explains_exclusion=False, asb_team=True),
    "ive reported the noise next door for months and you have done nothing about it":
        Answer(offers_choice=True, explains_exclusion=False, asb_team=False),
    "when do the bins get collected on our road":
        Answer(offers_choice=False, explains_exclusion=False, asb_team=False),
}  # fmt: skip


def chat_answer(running: Running, text: str) -> Answer:
    replies = running.servers.say(f"same-{uuid.uuid4().hex[:10]}", text)
    said = " ".join(reply.get("text") or "" for reply in replies)
    buttons = [button["title"] for reply in replies for button in reply.get("buttons", [])]
    return Answer(
        offers_choice="Make a formal complaint" in buttons,
        explains_exclusion="This is not a decision" in said,
        asb_team=ASB_ROUTE[0] in said,
    )


def console_answer(client: ConsoleClient, text: str) -> Answer:
    page = client.follow(client.post("/console/triage", {"text": text})).text
    return Answer(
        offers_choice='id="prompt-choice"' in page,
        explains_exclusion='id="prompt-exclusion"' in page,
        asb_team='id="prompt-asb_route"' in page,
    )


@pytest.mark.parametrize("text", SAID)
def test_the_chat_and_a_call_handler_answer_the_same_words_the_same_way(
    running: Running, signed_in: ConsoleClient, text: str
) -> None:
    assert (chat_answer(running, text), console_answer(signed_in, text)) == (SAID[text],) * 2


def test_both_channels_keep_the_triage_with_the_model_that_parsed_it(
    running: Running, signed_in: ConsoleClient, cases: CaseStore
) -> None:
    """The offer decision as it was made, kept with each contact, and the model's id."""
    text = "the repairs man never turned up again and nobody rang me, i am really fed up with you"
    sender = f"kept-{uuid.uuid4().hex[:10]}"
    running.servers.say(sender, text)
    call = signed_in.post("/console/triage", {"text": text})
    with cases.unit_of_work() as uow:
        [chat] = uow.cases.conversation_contacts({sender})
    phone = cases.contact(int(call.headers["Location"].rsplit("/", 1)[1]))
    assert phone is not None and chat.triage is not None and phone.triage is not None
    assert chat.triage.offers_complaint and phone.triage.offers_complaint
    assert chat.model_version and chat.model_version == phone.model_version
