"""A resident's data on real SQLite and PostgreSQL: exported on request, erased on request, and
removed once the retention period is over unless an open complaint still needs it.

Conversations are written by Rasa's own SQL tracker store, as the Rasa server writes them."""

from __future__ import annotations

import asyncio
import json
import re
import stat
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, Event, SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import MetaData, event, select, text
from sqlalchemy.engine import make_url

from bot.casestore import migrations
from bot.casestore.domain import (
    ContactRecord,
    Handoff,
    Representative,
    ServiceRequest,
    TranscriptLine,
    second_factors,
)
from bot.casestore.engine import make_engine
from bot.casestore.outbox import Outbox
from bot.casestore.services import CaseStore
from bot.cli import main
from bot.console.drafts import CallDrafts
from bot.oversight.queue import OfficerQueue
from bot.policy import Policy, load_retention
from bot.privacy import tracker_index
from bot.privacy.service import PersonalData
from bot.privacy.tracker_events import TrackerEvents
from bot.privacy.tracker_index import index_as_rasa_saves
from bot.triage import triage
from tests.conftest import ROOT
from tests.integration.statements import statements_run
from tests.integration.test_case_store import handover
from tests.unit.test_triage import parse_text

SENDER = "web-7f3a9c"
OTHER = "web-0b1d2e"
EMAIL = "jane.okafor@example.org"
WORDS = "the damp in the bedroom at 12 Acacia Road is back"
NOW = datetime(2027, 6, 1, 9, 0, tzinfo=timezone.utc)
# Before the 24 months retention.yml keeps a complaint's details after its final response.
YEARS_AGO = datetime(2024, 9, 2, 10, 0, tzinfo=timezone.utc)
PHONE = "07700 900461"
CUTOFF = datetime(2026, 6, 1, 9, 0, tzinfo=timezone.utc)  # 12 months before NOW (retention.yml)
LONG_AGO = datetime(2026, 1, 12, 10, 0, tzinfo=timezone.utc)
RECENTLY = datetime(2027, 5, 20, 10, 0, tzinfo=timezone.utc)


# Rasa's tracker store, on a database of its own ------------------------------------------------


@pytest.fixture(scope="session")
def postgresql_tracker_url(postgresql_url: str) -> str:
    engine = make_engine(postgresql_url)
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text("CREATE DATABASE tracker"))
    engine.dispose()
    return str(make_url(postgresql_url).set(database="tracker"))


@pytest.fixture
def tracker_url(request: pytest.FixtureRequest, database_url: str, tmp_path: Path) -> Iterator[str]:
    """The tracker store on the same kind of database as the case store, empty for each test."""
    if database_url.startswith("sqlite"):
        yield f"sqlite:///{tmp_path / 'tracker.sqlite3'}"
        return
    url = request.getfixturevalue("postgresql_tracker_url")
    yield url
    engine = make_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP TABLE IF EXISTS events"))
        connection.execute(text("DROP TABLE IF EXISTS event_factors"))
    engine.dispose()


def session(started: datetime, *said: str) -> list[Event]:
    """One conversation session as Rasa records it: the start, then each message and a reply."""
    at = started.timestamp()
    events: list[Event] = [
        ActionExecuted("action_session_start", timestamp=at),
        SessionStarted(timestamp=at),
        ActionExecuted("action_listen", timestamp=at),
    ]
    for number, words in enumerate(said, start=1):
        events += [
            UserUttered(words, timestamp=at + number),
            BotUttered("Thank you. I have noted that.", timestamp=at + number + 0.5),
            ActionExecuted("action_listen", timestamp=at + number + 0.5),
        ]
    return events


def save_conversation(
    tracker_url: str, sender: str, *sessions: list[Event], indexed: bool = True
) -> None:
    """`indexed`: as the Rasa server saves them since it indexes each message (bot.rasa_startup);
    otherwise as one did before."""
    if indexed:
        index_as_rasa_saves()
    else:
        event.remove(SQLTrackerStore.SQLEvent, "after_insert", tracker_index._index)
    store = SQLTrackerStore(domain=Domain.empty(), host=tracker_url)
    events = [event for one_session in sessions for event in one_session]
    asyncio.run(store.save(DialogueStateTracker.from_events(sender, events)))
    store.engine.dispose()


def said_in(tracker_url: str, sender: str) -> list[str]:
    engine = make_engine(tracker_url)
    events = TrackerEvents(engine).of_sender(sender)
    engine.dispose()
    return [event["text"] for event in events if event["event"] == "user"]


def everything_stored(url: str) -> str:
    """Every row of every table in the database, as text."""
    engine = make_engine(url)
    found = MetaData()
    found.reflect(engine)
    with engine.connect() as connection:
        dumped = [str(list(connection.execute(select(table)))) for table in found.sorted_tables]
    engine.dispose()
    return "\n".join(dumped)


# a resident with a complaint, a request for a person and a refused matter ----------------------


def resident_on_file(
    store: CaseStore, policy: Policy, tracker_url: str, at: datetime = LONG_AGO
) -> str:
    """Everything a conversation can leave behind; returns the complaint's reference."""
    # Its triage is kept with it, and quotes the words (each part's sentence).
    result = triage(parse_text(WORDS, {"dissatisfaction": 0.9}, policy), policy)
    first = ContactRecord.triaged(result, SENDER, "web_chat", at, WORDS,
                                  turn_key=f"{SENDER}:turn-1:triage")  # fmt: skip
    contact_id = store.record_contact(first)
    adjustment = store.adjustment("hearing", "Deaf: email only", disability=True, consent=True)
    representative = Representative("Tom Okafor", "family", "Jane Okafor", "given", at)
    complaint = store.submit_complaint(
        handover(
            key=f"{SENDER}:turn-4", conversation_id=SENDER, received_at=at,
            contact_name="Jane Okafor", contact_details=EMAIL, contact_id=contact_id,
            representative=representative, adjustments=(adjustment,),
            transcript=(TranscriptLine(at, "resident", WORDS),),
            earlier_request="JOB-55102",
        )
    )  # fmt: skip
    handoff = store.record_handoff(
        Handoff(SENDER, "web_chat", at, (TranscriptLine(at, "resident", WORDS),))
    )
    # Then a live chat with a person: what staff and the resident said is personal data too.
    assert handoff.id is not None and store.pick_up_handoff(handoff.id, "alex.s")
    store.send_staff_message(handoff.id, "alex.s", "Hello Jane, I'm Alex. How can I help?")
    store.record_resident_message(SENDER, f"I'm Deaf, please email {EMAIL}")
    # A request logged on a call with the caller's details.
    store.log_service_request(
        contact_id,
        ServiceRequest("damp_and_mould", False, description=WORDS, contact_name="Jane Okafor",
                       contact_details=EMAIL, property_address="12 Acacia Road"),
    )  # fmt: skip
    neighbour = ContactRecord(SENDER, "web_chat", at, f"{WORDS} and my neighbour is loud",
                              "excluded", "asb_report", 0.8, "asb_report", (), ())  # fmt: skip
    neighbour_id = store.record_contact(neighbour)
    store.record_representative(
        neighbour_id, Representative("Tom Okafor", "family", "Jane Okafor", "not_yet", None)
    )
    proposal = store.propose_exclusion(neighbour_id, "asb_report")
    OfficerQueue(store, policy).accept_exclusion(proposal, "officer.ann", "an ASB case for Jane")
    save_conversation(tracker_url, SENDER, session(at, WORDS, f"my email is {EMAIL}"))
    save_conversation(tracker_url, OTHER, session(at, "my kitchen tap drips"))
    return complaint.reference


def delivered_handover(outbox_path: Path, key: str, reference: str, at: datetime) -> None:
    """The action server's outbox after it handed a complaint over."""
    outbox = Outbox(outbox_path, clock=lambda: at)
    outbox.put(handover(key=key, conversation_id=key.split(":")[0]))
    outbox.delivered(key, reference)


@pytest.fixture
def command_line(
    monkeypatch: pytest.MonkeyPatch, database_url: str, tracker_url: str, tmp_path: Path
) -> None:
    """`python -m bot` on this test's databases."""
    monkeypatch.setenv("INTAKE_DATABASE_URL", database_url)
    monkeypatch.setenv("INTAKE_TRACKER_STORE_URL", tracker_url)
    monkeypatch.setenv("INTAKE_OUTBOX_PATH", str(tmp_path / "outbox.sqlite3"))


def export(tmp_path: Path, sender: str) -> dict[str, Any]:
    out = tmp_path / f"{sender}.json"
    assert main(["export", "--sender", sender, "--staff", "officer.ann", "--out", str(out)]) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600, "only its owner may read an export"
    return dict(json.loads(out.read_text()))


# access request ------------------------------------------------------------------------------


def test_an_access_request_gets_everything_held_about_the_conversation(
    store: CaseStore, policy: Policy, tracker_url: str, command_line: None, tmp_path: Path
) -> None:
    reference = resident_on_file(store, policy, tracker_url)
    exported = export(tmp_path, SENDER)
    held = exported["case_store"]
    assert [c["reference"] for c in held["complaints"]] == [reference]
    assert held["complaints"][0]["contact_details"] == EMAIL
    assert [(r["name"], r["consent"]) for r in held["representatives"]] == [
        ("Tom Okafor", "given"),
        ("Tom Okafor", "not_yet"),
    ]
    assert [a["detail"] for a in held["adjustments"]] == ["Deaf: email only"]
    assert [t["text"] for t in held["transcript_messages"]] == [WORDS]
    assert len(held["contacts"]) == 2 and len(held["handoffs"]) == 1
    assert [(m["sender"], m["seq"]) for m in held["live_messages"]] == [("staff", 1),
                                                                       ("resident", 2)]  # fmt: skip
    assert "You told us" in held["exclusion_proposals"][0]["refusal_letter"]
    assert {"complaint_logged", "handoff_requested"} <= {e["kind"] for e in held["audit_events"]}
    said = [e["text"] for e in exported["conversation_events"] if e["event"] == "user"]
    assert said == [WORDS, f"my email is {EMAIL}"]
    assert "my kitchen tap drips" not in json.dumps(exported), "another resident's conversation"
    with store.unit_of_work() as uow:
        _, kind, detail = uow.cases.audit_trail(f"conversation:{SENDER}")[-1]
    assert kind == "personal_data_exported" and detail["complaints"] == 1


# erasure -------------------------------------------------------------------------------------


def test_erasure_leaves_nothing_that_identifies_the_resident_and_keeps_the_complaint_figures(
    store: CaseStore, policy: Policy, tracker_url: str, database_url: str, command_line: None,
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    reference = resident_on_file(store, policy, tracker_url)
    store.record_response(reference, "upheld", "officer.ann")
    with store.unit_of_work() as uow:
        contact_id = next(
            c.id for c in uow.cases.recent_contacts(10) if c.conversation_id == SENDER
        )
    # A call handler's draft of a call about the same contact, not yet logged.
    CallDrafts(make_engine(database_url), policy).save(
        int(contact_id or 0), "handler.kim", {"notes": ["Jane Okafor is Deaf, email only"]}
    )
    outbox_url = f"sqlite:///{tmp_path / 'outbox.sqlite3'}"
    delivered_handover(tmp_path / "outbox.sqlite3", f"{SENDER}:complaint:3f2a", reference, NOW)
    assert main(["erase", "--sender", SENDER, "--staff", "officer.ann"]) == 0
    assert "2 contacts anonymised" in " ".join(capsys.readouterr().out.split())

    stored = (
        everything_stored(database_url)
        + everything_stored(tracker_url)
        + everything_stored(outbox_url)
    )
    for personal in (SENDER, EMAIL, "Jane", "Okafor", "Acacia", "Deaf", "JOB-55102", reference):
        assert personal not in stored.replace(f"'{reference}'", ""), f"{personal!r} is still stored"
    assert reference not in everything_stored(outbox_url), "no key links the sender to it"
    assert "my kitchen tap drips" in stored, "another resident's conversation is untouched"
    kept = store.complaint(reference)
    assert kept is not None
    assert (kept.stage, kept.status, kept.outcome, kept.received_at) == (1, "responded", "upheld",
                                                                          LONG_AGO)  # fmt: skip
    assert kept.contact_name == "[erased]" and kept.adjustments == () and kept.transcript == ()
    with store.unit_of_work() as uow:
        refused = uow.cases.exclusion_proposals("accepted")
    assert [(p.ground, p.refusal_letter) for p in refused] == [("asb_report", "[erased]")]
    nothing = export(tmp_path, SENDER)
    assert nothing["conversation_events"] == []
    assert all(
        rows == [] for table, rows in nothing["case_store"].items() if table != "audit_events"
    )


def test_the_erasure_is_in_the_audit_trail_without_saying_who_it_was(
    store: CaseStore, policy: Policy, tracker_url: str, database_url: str, command_line: None,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    reference = resident_on_file(store, policy, tracker_url)
    store.record_response(reference, "not_upheld", "officer.ann")
    assert main(["erase", "--sender", SENDER, "--staff", "officer.ann"]) == 0
    anonymous_id = capsys.readouterr().out.split("filed as ")[1].split()[0]
    with store.unit_of_work() as uow:
        trail = uow.cases.audit_trail(f"conversation:{anonymous_id}")
        logged = uow.cases.audit_trail(reference)
    actor, kind, detail = trail[-1]
    assert (actor, kind) == ("officer.ann", "personal_data_erased")
    assert detail["complaints_anonymised"] == 1 and detail["conversation_events_deleted"] > 0
    assert [k for _, k, _ in trail[:-1]] == ["handoff_requested"], "it kept its earlier events"
    assert [k for _, k, _ in logged] == ["complaint_logged", "response_sent"]


def test_erasure_stops_at_an_open_complaint_unless_the_resident_withdrew_it(
    store: CaseStore, policy: Policy, tracker_url: str, command_line: None,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    reference = resident_on_file(store, policy, tracker_url)
    assert main(["erase", "--sender", SENDER, "--staff", "officer.ann"]) == 1
    assert f"nothing erased; {reference} still open" in capsys.readouterr().err
    assert said_in(tracker_url, SENDER) != [], "nothing was deleted"
    complaint = store.complaint(reference)
    assert complaint is not None and complaint.contact_details == EMAIL
    assert main(["erase", "--sender", SENDER, "--staff", "officer.ann", "--include-open"]) == 0
    complaint = store.complaint(reference)
    assert complaint is not None and complaint.contact_details == "[erased]"
    assert said_in(tracker_url, SENDER) == []


def the_same_resident_on_x(store: CaseStore, tracker_url: str) -> str:
    """The resident writes again from X, giving their number in another form."""
    x_sender = "x:1500000000000000001"
    store.record_contact(
        ContactRecord(
            x_sender,
            "x",
            RECENTLY,
            "the damp is back, ring +44 7700 900461",
            "service_request",
            "repair",
            0.8,
            None,
            (),
            (),
        )
    )
    save_conversation(tracker_url, x_sender, session(RECENTLY, "ring +447700900461 please"))
    # Another resident with a number that ends the same way.
    save_conversation(tracker_url, "x:42", session(RECENTLY, "my number is 07711 900461"))
    return x_sender  # fmt: skip


def test_a_person_is_found_on_every_channel_by_their_email_or_number(
    store: CaseStore, policy: Policy, tracker_url: str, database_url: str, command_line: None,
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    reference = resident_on_file(store, policy, tracker_url)
    store.record_response(reference, "upheld", "officer.ann")
    x_sender = the_same_resident_on_x(store, tracker_url)
    # The web chat gave the number in a later message as well as the email.
    store.record_contact(ContactRecord(SENDER, "web_chat", RECENTLY, f"or ring me on {PHONE}",
                                       "other", "other", 0.5, None, (), ()))  # fmt: skip
    out = tmp_path / "person.json"
    assert main(["export", "--person", PHONE, "--staff", "officer.ann", "--out", str(out)]) == 0
    found = json.loads(out.read_text())["conversations"]
    assert [c["sender_id"] for c in found] == [SENDER, x_sender]
    assert main(["export", "--person", "JANE.OKAFOR@example.org", "--staff", "officer.ann",
                 "--out", str(out)]) == 0  # fmt: skip
    assert [c["sender_id"] for c in json.loads(out.read_text())["conversations"]] == [SENDER]

    assert main(["erase", "--person", "+44 7700 900461", "--staff", "officer.ann"]) == 0
    assert capsys.readouterr().out.count("erase: done") == 2
    stored = everything_stored(database_url) + everything_stored(tracker_url)
    others = stored.replace("07711 900461", "").replace("+447711900461", "")
    for personal in (SENDER, x_sender, EMAIL, "900461", "Okafor"):
        assert personal not in others, f"{personal!r} is still stored"
    assert "07711 900461" in stored, "another resident's conversation is untouched"


# Contact details as people give them, near misses among them, each stored in one of the places a
# person is looked for.
GIVEN = [
    "ring 07700 900461",
    "+44 7700 900-461 after 5",
    "0044 7700 900461",
    "(07700) 900461",
    "07711 900461",
    "077009004619",
    "my number ends 900461",
    EMAIL,
    "JANE.OKAFOR@Example.org please",
    "xjane.okafor@example.org",
    "jane.okafor@example.org.uk",
    "janeXokafor@example.org",
    "jane_okafor@example.org or 07700 900461",
]
PLACES = ("contact words", "complaint", "service request", "chat message")


def given_in(store: CaseStore, tracker_url: str, place: str, conversation: str, said: str) -> None:
    at = RECENTLY
    contact = ContactRecord(conversation, "web_chat", at, "my boiler is broken" if place !=
                            "contact words" else said, "service_request", "repair", 0.8,
                            None, (), ())  # fmt: skip
    contact_id = store.record_contact(contact)
    if place == "complaint":
        store.submit_complaint(handover(key=f"{conversation}:1", conversation_id=conversation,
                                        received_at=at, contact_details=said))  # fmt: skip
    elif place == "service request":
        store.log_service_request(
            contact_id, ServiceRequest("repair", False, contact_name="J", contact_details=said)
        )
    elif place == "chat message":
        save_conversation(tracker_url, conversation, session(at, said))


def test_sql_finds_exactly_the_conversations_that_gave_the_email_or_number(
    store: CaseStore, personal_data: PersonalData, tracker_url: str
) -> None:
    """However the number or email was written, and wherever it was stored; a number ending the
    same way, a longer email with the same ending, or an underscore (a LIKE wildcard) where the
    email has a letter, is someone else."""
    stored = {}
    for number, said in enumerate(GIVEN):
        for place in PLACES:
            conversation = f"{place.split()[0]}-{number}"
            given_in(store, tracker_url, place, conversation, said)
            stored[conversation] = said
    for person in (PHONE, "+447700900461", EMAIL, "jane_okafor@example.org", "07711 900461"):
        [factor] = second_factors(person)
        expected = sorted(c for c, said in stored.items() if factor in second_factors(said))
        assert personal_data.conversations_of(person) == expected, person
    assert personal_data.conversations_of(EMAIL) == sorted(
        f"{place.split()[0]}-{number}" for number in (7, 8) for place in PLACES
    )
    with statements_run() as statements:
        found = personal_data.conversations_of(PHONE)
    assert {int(c.split("-")[1]) for c in found} == {0, 1, 2, 3, 12}, found
    assert len(found) == 5 * len(PLACES)
    read_raw = [s for s in statements if re.search(r"\.(contact_details|text|data)\b", s)]
    assert read_raw == [], "the search reads what people wrote back to check it in Python"


def test_the_upgrade_fills_the_search_columns_of_rows_stored_before_them(
    store: CaseStore, personal_data: PersonalData, database_url: str
) -> None:
    given_in(store, "", "complaint", "complaint-old", f"ring {PHONE}")
    given_in(store, "", "contact words", "contact-old", f"mail {EMAIL}")
    migrations.downgrade(database_url, "0010")
    migrations.upgrade(database_url)
    assert personal_data.conversations_of("+447700900461") == ["complaint-old"]
    assert personal_data.conversations_of(EMAIL) == ["contact-old"]


def test_messages_stored_before_the_index_are_indexed_once_when_the_server_starts(
    personal_data: PersonalData, tracker_url: str
) -> None:
    index_as_rasa_saves()
    save_conversation(tracker_url, "before", session(RECENTLY, f"ring {PHONE}"), indexed=False)
    assert personal_data.conversations_of(PHONE) == []
    tracker = TrackerEvents(make_engine(tracker_url))
    assert tracker.index_earlier_events() == 1
    assert personal_data.conversations_of(PHONE) == ["before"]
    save_conversation(tracker_url, "after", session(RECENTLY, f"or {EMAIL}"))
    assert tracker.index_earlier_events() == 0, "once only"
    assert personal_data.conversations_of(EMAIL) == ["after"]


def test_a_request_by_person_needs_one_email_or_number_and_stops_at_an_open_complaint(
    store: CaseStore, policy: Policy, tracker_url: str, command_line: None,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    reference = resident_on_file(store, policy, tracker_url)
    the_same_resident_on_x(store, tracker_url)
    assert main(["erase", "--person", "Jane Okafor", "--staff", "officer.ann"]) == 2
    assert "give one email address or one phone number" in capsys.readouterr().err
    assert main(["erase", "--person", EMAIL, "--staff", "officer.ann"]) == 1
    assert f"nothing erased; {reference} still open" in capsys.readouterr().err
    assert said_in(tracker_url, "x:1500000000000000001") != [], "no conversation was erased"


# retention -----------------------------------------------------------------------------------


@pytest.fixture
def personal_data(
    store: CaseStore, database_url: str, tracker_url: str, tmp_path: Path
) -> PersonalData:
    return PersonalData(
        make_engine(database_url),
        TrackerEvents(make_engine(tracker_url)),
        Outbox(tmp_path / "outbox.sqlite3"),
        load_retention(ROOT / "policy_rules"),
        clock=lambda: NOW,
    )


def contact(store: CaseStore, conversation: str, at: datetime, words: str) -> int:
    return store.record_contact(ContactRecord(conversation, "web_chat", at, words, "complaint",
                                              "complaint", 0.9, None, (), ()))  # fmt: skip


def complaint(
    store: CaseStore, conversation: str, at: datetime, answered: CaseStore | None = None
) -> str:
    """A complaint with its transcript; answered by `answered`, a store whose clock says when."""
    reference = store.submit_complaint(
        handover(key=f"{conversation}:1", conversation_id=conversation, received_at=at,
                 transcript=(TranscriptLine(at, "resident", f"{conversation} words"),))
    ).reference  # fmt: skip
    if answered is not None:
        answered.record_response(reference, "upheld", "officer.ann")
    return reference


@pytest.fixture
def a_year_of_conversations(
    store: CaseStore, policy: Policy, database_url: str, tracker_url: str
) -> dict[str, str]:
    """Conversations old and new, with and without complaints that still need them."""

    def answering_on(day: datetime) -> CaseStore:
        return CaseStore(make_engine(database_url), policy, clock=lambda: day)

    for conversation in ("repair", "open", "answered-lately", "answered-long-ago", "new"):
        at = RECENTLY if conversation == "new" else LONG_AGO
        contact(store, conversation, at, f"{conversation} words")
        save_conversation(tracker_url, conversation, session(at, f"{conversation} words"))
    repair = store.record_handoff(Handoff("repair", "web_chat", LONG_AGO, ()))
    store.record_resident_message(repair.conversation_id, "repair words, to a person")
    save_conversation(tracker_url, "returning", session(LONG_AGO, "last winter"),
                      session(RECENTLY, "this spring"))  # fmt: skip
    just_before = CUTOFF - timedelta(seconds=1)
    save_conversation(
        tracker_url, "at-the-cutoff", session(just_before, "just before", "just after")
    )
    return {
        "open": complaint(store, "open", LONG_AGO),
        "answered-lately": complaint(store, "answered-lately", LONG_AGO, answering_on(RECENTLY)),
        "answered-long-ago": complaint(
            store, "answered-long-ago", LONG_AGO - timedelta(days=60), answering_on(LONG_AGO)
        ),
    }


def test_old_conversations_go_but_open_and_lately_answered_complaints_keep_theirs(
    personal_data: PersonalData, store: CaseStore, tracker_url: str,
    a_year_of_conversations: dict[str, str],
) -> None:  # fmt: skip
    run = personal_data.apply_retention()
    assert run.at == NOW
    counts = {name: count for name, count in run.counts.items() if count}
    assert counts == {
        "conversation_events_deleted": 6 + 6 + 6,  # repair, answered-long-ago, returning's first
        "contact_texts_removed": 2,
        "transcript_messages_deleted": 1,
        "live_messages_deleted": 1,
        "handoffs_deleted": 1,
        # The repair's conversation has nothing personal left: filed under a random id.
        "conversations_anonymised": 1,
    }
    for conversation in ("open", "answered-lately", "new"):
        assert said_in(tracker_url, conversation) == [f"{conversation} words"]
    assert said_in(tracker_url, "repair") == [] and said_in(tracker_url, "answered-long-ago") == []
    assert said_in(tracker_url, "returning") == ["this spring"]
    assert said_in(tracker_url, "at-the-cutoff") == ["just before", "just after"], (
        "a session still going at the cutoff stays whole: Rasa reads it from its start"
    )
    with store.unit_of_work() as uow:
        words = {c.conversation_id: c.text for c in uow.cases.recent_contacts(10)}
    assert "repair" not in words
    removed = [words[c] for c in words if c.startswith("removed-")]
    assert removed == [words["answered-long-ago"]] == ["[removed after the retention period]"]
    assert words["open"] == "open words" and words["new"] == "new words"
    old = store.complaint(a_year_of_conversations["answered-long-ago"])
    assert old is not None and old.transcript == (), "the transcript went"
    assert old.definition.resident_words, "the complaint record itself stays"
    assert store.waiting_handoffs() == []


def test_a_dry_run_counts_the_same_and_changes_nothing(
    personal_data: PersonalData, database_url: str, tracker_url: str,
    a_year_of_conversations: dict[str, str],
) -> None:  # fmt: skip
    before = everything_stored(database_url) + everything_stored(tracker_url)
    dry = personal_data.apply_retention(dry_run=True)
    assert everything_stored(database_url) + everything_stored(tracker_url) == before
    assert dry.counts == personal_data.apply_retention().counts


def test_each_run_is_audited_and_a_second_run_finds_nothing_left(
    personal_data: PersonalData, store: CaseStore, a_year_of_conversations: dict[str, str]
) -> None:
    first = personal_data.apply_retention()
    again = personal_data.apply_retention()
    assert set(again.counts.values()) == {0}
    with store.unit_of_work() as uow:
        runs = uow.cases.audit_trail("retention")
    assert [(actor, kind) for actor, kind, _ in runs] == [("retention", "retention_applied")] * 2
    assert runs[0][2]["contact_texts_removed"] == first.counts["contact_texts_removed"]
    assert runs[0][2]["keep_for"]["conversation_events"] == "12 months"
    assert runs[0][2]["keep_for"]["complaint_details"] == "24 months"


def test_every_personal_field_goes_once_its_period_is_over_and_nothing_names_the_resident(
    policy: Policy, database_url: str, tracker_url: str, personal_data: PersonalData,
    tmp_path: Path,
) -> None:  # fmt: skip
    """A complaint answered more than 24 months ago: its contact details, adjustments, officers'
    notes, the caller's details on a request, an old call draft and the outbox's key all go, and
    what is left is filed under an id that is not the resident's."""
    then = CaseStore(make_engine(database_url), policy, clock=lambda: YEARS_AGO)
    reference = resident_on_file(then, policy, tracker_url, at=YEARS_AGO)
    then.extend(reference, YEARS_AGO.date() + timedelta(days=30), "Jane Okafor is in hospital",
                "officer.ann")  # fmt: skip
    then.record_response(reference, "upheld", "officer.ann")
    with then.unit_of_work() as uow:
        contact_id = uow.cases.recent_contacts(1)[0].id
    CallDrafts(make_engine(database_url), policy, clock=lambda: YEARS_AGO).save(
        int(contact_id or 0), "handler.kim", {"notes": ["Jane Okafor is Deaf"]}
    )
    outbox_path = tmp_path / "outbox.sqlite3"
    delivered_handover(outbox_path, f"{SENDER}:complaint:3f2a", reference, YEARS_AGO)
    # Answered 17 months ago: its details stay for 24 months, its words went after 12.
    lately = CaseStore(make_engine(database_url), policy, clock=lambda: LONG_AGO)
    kept_reference = lately.submit_complaint(
        handover(key=f"{OTHER}:1", conversation_id=OTHER, received_at=LONG_AGO,
                 contact_name="Ola Bello", contact_details="ola@example.org")
    ).reference  # fmt: skip
    lately.record_response(kept_reference, "upheld", "officer.ann")

    run = personal_data.apply_retention()
    assert run.counts["conversations_anonymised"] == 1
    stored = (
        everything_stored(database_url)
        + everything_stored(tracker_url)
        + everything_stored(f"sqlite:///{outbox_path}")
    )
    for personal in (SENDER, EMAIL, "Jane", "Okafor", "Acacia", "Deaf", "hospital", "JOB-55102"):
        assert personal not in stored, f"{personal!r} is still stored"
    kept = then.complaint(reference)
    assert kept is not None and (kept.stage, kept.outcome) == (1, "upheld")
    assert kept.conversation_id.startswith("removed-") and kept.adjustments == ()
    lately_kept = lately.complaint(kept_reference)
    assert lately_kept is not None and lately_kept.contact_details == "ola@example.org"
    again = personal_data.apply_retention().counts
    assert {name for name, count in again.items() if count} == set()
