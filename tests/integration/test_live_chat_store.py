"""A live conversation with a person after a handoff: taken by one member of staff, every
message kept in its place, handed back or closed, and each step in the audit trail."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone

from bot.casestore.domain import ContactRecord, Handoff, TranscriptLine
from bot.casestore.services import CaseStore

ASKED = datetime(2026, 12, 1, 10, 0, tzinfo=timezone.utc)


def waiting(store: CaseStore, conversation: str = "chat-live") -> int:
    said = (TranscriptLine(ASKED, "resident", "can I talk to a person about my rent"),)
    handoff = store.record_handoff(Handoff(conversation, "socketio", ASKED, said))
    assert handoff.id is not None
    return handoff.id


def test_staff_take_a_conversation_reply_and_hand_it_back_with_everything_in_order(
    store: CaseStore,
) -> None:
    handoff_id = waiting(store)
    # The resident goes on typing while nobody has it yet: kept for whoever takes it.
    store.record_resident_message("chat-live", "are you there?")
    assert store.pick_up_handoff(handoff_id, "alex.s")
    store.send_staff_message(handoff_id, "alex.s", "Hello, I'm Alex. I can help with that.")
    store.record_resident_message("chat-live", "thanks")
    said = [(m.seq, m.sender, m.staff, m.text) for m in store.live_messages(handoff_id)]
    assert said == [
        (1, "resident", None, "are you there?"),
        (2, "staff", "alex.s", "Hello, I'm Alex. I can help with that."),
        (3, "resident", None, "thanks"),
    ]
    assert [m.seq for m in store.live_messages(handoff_id, after_seq=2)] == [3]
    assert store.hand_back(handoff_id, "alex.s")
    after = store.handoff(handoff_id)
    assert after is not None and after.status == "handed_back" and after.ended_at is not None
    # Back with the assistant: the resident's next message is the assistant's again.
    assert store.record_resident_message("chat-live", "what's my balance") is None
    assert store.open_handoff("chat-live") is None and store.live_handoffs() == []
    with store.unit_of_work() as uow:
        trail = uow.cases.audit_trail(f"handoff:{handoff_id}")
    assert trail == [
        ("alex.s", "handoff_picked_up", {}),
        ("alex.s", "live_message_sent", {"seq": 2}),
        ("alex.s", "handoff_handed_back", {}),
    ], "who took it, each reply and the hand-back; no words of the reply"


def test_only_whoever_took_the_conversation_replies_in_it_or_ends_it(store: CaseStore) -> None:
    handoff_id = waiting(store)
    assert store.send_staff_message(handoff_id, "alex.s", "not yet taken") is None
    assert store.pick_up_handoff(handoff_id, "alex.s")
    assert not store.pick_up_handoff(handoff_id, "sam.k"), "taken once"
    assert store.send_staff_message(handoff_id, "sam.k", "me too") is None
    assert not store.hand_back(handoff_id, "sam.k") and not store.close_handoff(handoff_id, "sam.k")
    assert store.close_handoff(handoff_id, "alex.s")
    assert store.send_staff_message(handoff_id, "alex.s", "after the close") is None
    assert store.live_messages(handoff_id) == []
    closed = store.handoff(handoff_id)
    assert closed is not None and closed.status == "closed"


def test_anyone_may_close_a_conversation_still_waiting(store: CaseStore) -> None:
    handoff_id = waiting(store)
    assert not store.hand_back(handoff_id, "sam.k"), "nothing to hand back: nobody took it"
    assert store.close_handoff(handoff_id, "sam.k")
    assert not store.pick_up_handoff(handoff_id, "alex.s")
    with store.unit_of_work() as uow:
        assert uow.cases.audit_trail(f"handoff:{handoff_id}") == [("sam.k", "handoff_closed", {})]


def test_messages_written_at_once_each_get_their_own_place_and_keep_their_order(
    store: CaseStore,
) -> None:
    """Four writers, as four replicas would be, each sending twenty-five messages at once."""
    handoff_id = waiting(store)
    assert store.pick_up_handoff(handoff_id, "alex.s")

    def write(writer: int) -> None:
        for number in range(25):
            if writer % 2:
                store.record_resident_message("chat-live", f"{writer}:{number}")
            else:
                store.send_staff_message(handoff_id, "alex.s", f"{writer}:{number}")

    with ThreadPoolExecutor(4) as pool:
        list(pool.map(write, range(4)))
    kept = store.live_messages(handoff_id)
    assert [m.seq for m in kept] == list(range(1, 101)), "none lost, none doubled"
    for writer in range(4):
        mine = [int(m.text.split(":")[1]) for m in kept if m.text.startswith(f"{writer}:")]
        assert mine == list(range(25)), f"writer {writer}'s messages out of order"


def test_each_conversation_has_its_own_open_handoff(store: CaseStore) -> None:
    first, second = waiting(store, "chat-a"), waiting(store, "chat-b")
    store.record_resident_message("chat-b", "hello?")
    assert store.live_messages(first) == []
    assert [m.text for m in store.live_messages(second)] == ["hello?"]
    assert [h.id for h in store.live_handoffs()] == [first, second]


def test_the_queue_shows_a_danger_first_then_the_longest_waiting_with_its_triage(
    store: CaseStore,
) -> None:
    first, second = waiting(store, "chat-a"), waiting(store, "chat-b")
    rent = ("my rent went up", "complaint", "complaint", 0.9, None, (), ())
    gas = ("I smell gas", "service_request", "repair", 0.9, None, ("gas_leak",), ())
    store.record_contact(ContactRecord("chat-a", "socketio", ASKED, *rent))
    store.record_contact(ContactRecord("chat-b", "socketio", ASKED, *gas))
    queue = store.live_queue()
    assert [(q.handoff.id, q.triage, q.urgency) for q in queue] == [
        (second, "service_request", ("gas_leak",)),
        (first, "complaint", ()),
    ]
    # Its own page shows the same, after it is closed too.
    assert store.close_handoff(second, "sam.k")
    closed = store.live_conversation(second)
    assert closed is not None and (closed.triage, closed.urgency) == (
        "service_request",
        ("gas_leak",),
    )
    assert store.live_conversation(999) is None


def test_a_resident_takes_back_a_handover_only_while_nobody_has_picked_it_up(
    store: CaseStore,
) -> None:
    """Round 10 r10b-16: handed over by mistake, the resident says so and the assistant carries
    on; once staff have the conversation it is theirs."""
    handoff_id = waiting(store, "chat-mistake")
    assert store.withdraw_handoff("chat-mistake")
    assert store.open_handoff("chat-mistake") is None
    assert [h.id for h in store.live_handoffs()] == []
    picked = waiting(store, "chat-taken")
    assert store.pick_up_handoff(picked, "alex.s")
    assert not store.withdraw_handoff("chat-taken")
    assert not store.withdraw_handoff("chat-never-handed-over")
    closed = store.handoff(handoff_id)
    assert closed is not None and closed.status == "closed"
