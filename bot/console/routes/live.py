"""Live chat in the console: staff take a conversation waiting for a person, reply in the
resident's own chat, and hand it back to the assistant or close it.

    GET  /console/live                   conversations waiting for or with a person
    GET  /console/live/events            the same list, as server-sent events when it changes
    GET  /console/live/<id>              one conversation: what was said, and what staff can do
    GET  /console/live/<id>/events       its new messages and changes, as server-sent events
    POST /console/live/<id>/take         take it: only whoever took it replies
    POST /console/live/<id>/reply        a reply, sent to the resident's chat
    POST /console/live/<id>/hand-back    the assistant answers again
    POST /console/live/<id>/close        the conversation ends

The pages work without JavaScript (each form posts and comes back to the page); live.js, allowed
by the console's content policy, adds the updates. Server-sent events read the case store, which
every replica shares, so staff see a resident's message whichever replica took it in; they read
it only when live chat changes (bot.channels.live.LiveChanges), never on a timer.
"""

from __future__ import annotations

import json
import secrets
import time
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from rasa.shared.core.events import BotUttered, SlotSet
from sanic import Request
from sanic.response import HTTPResponse, raw

from bot.casestore.domain import Handoff, LiveMessage
from bot.casestore.services import LiveConversation, utc_now
from bot.channels.live import (
    CLOSED_LINE,
    HANDED_BACK_LINE,
    HUMAN_AGENT_WINDOW,
    STANDARD_WINDOW,
    ReplyWindow,
    joined_line,
    live_chat,
    note_in_tracker,
    reply_window,
    speaking_as,
)
from bot.console.forms import in_words
from bot.console.pages import (
    PATH,
    Routes,
    blocking,
    cases_of,
    channel_in_words,
    console_of,
    page,
    see_other,
    session_of,
)
from bot.triage.safety import WITH_PERSON_SLOT
from bot.web.transcript import MESSAGE_ID_KEY, STAFF_KEY

# How long an events stream lasts before the browser reconnects (EventSource does that by
# itself, from the last event it had).
STREAM_SECONDS = 300
# nginx passes each event on at once; the console's own headers are added as to any page.
EVENT_HEADERS = {"X-Accel-Buffering": "no"}
MAX_REPLY_CHARACTERS = 2000
SCRIPT = (Path(__file__).parent.parent / "live.js").read_bytes()
routes = Routes()


def waited(since: datetime, now: datetime) -> str:
    """How long a resident has waited, as staff read it: "4 minutes", "1 hour 5 minutes"."""
    minutes = max(0, int((now - since).total_seconds() // 60))
    hours, minutes = divmod(minutes, 60)
    parts = [f"{hours} hour{'s' * (hours != 1)}"] if hours else []
    if minutes or not hours:
        parts.append(f"{minutes} minute{'s' * (minutes != 1)}")
    return " ".join(parts)


def message_event(message: LiveMessage) -> dict[str, Any]:
    who = "Resident" if message.sender == "resident" else f"{message.staff} (staff)"
    return {"seq": message.seq, "sender": message.sender, "who": who, "text": message.text,
            "at": message.at.isoformat()}  # fmt: skip


def server_sent(event: str, data: Any, event_id: int | None = None) -> str:
    """One server-sent event; JSON data is one line, so it needs no splitting."""
    head = f"id: {event_id}\n" if event_id is not None else ""
    return f"{head}event: {event}\ndata: {json.dumps(data)}\n\n"


@routes.get("/live.js")
async def script(request: Request) -> HTTPResponse:
    return raw(SCRIPT, content_type="text/javascript; charset=utf-8")


@routes.get("/live")
async def live_page(request: Request) -> HTTPResponse:
    queue = await blocking(cases_of(request).live_queue)
    return page(request, "live.html", title="Live chat", **_queue_context(request, queue))


@routes.get("/live/events")
async def live_events(request: Request) -> None:
    shown = ""

    async def send_queue(response: HTTPResponse) -> bool:
        nonlocal shown
        queue = await blocking(cases_of(request).live_queue)
        listed = _render(request, "_live_queue.html", **_queue_context(request, queue))
        if listed != shown:
            await response.send(server_sent("queue", {"html": listed}))
            shown = listed
        return True

    await _stream(request, send_queue)


@routes.get("/live/<handoff_id:int>")
async def conversation_page(request: Request, handoff_id: int) -> HTTPResponse:
    return await _conversation_page(request, handoff_id)


@routes.get("/live/<handoff_id:int>/events")
async def conversation_events(request: Request, handoff_id: int) -> HTTPResponse | None:
    cases = cases_of(request)
    handoff = await blocking(cases.handoff, handoff_id)
    if handoff is None:
        return page(request, "refused.html", 404, title="Not found",
                    message="There is no live conversation with that number.")  # fmt: skip
    after = _last_seen(request)
    status: dict[str, Any] = {}

    async def send_changes(response: HTTPResponse) -> bool:
        nonlocal after, status
        live = await blocking(cases.live_conversation, handoff_id)
        if live is None:
            return False  # erased: nothing more for this browser
        if _status(live) != status:
            status = _status(live)
            await response.send(server_sent("status", status))
        for message in await blocking(cases.live_messages, handoff_id, after):
            await response.send(server_sent("message", message_event(message), message.seq))
            after = message.seq
        return True

    await _stream(request, send_changes)
    return None


@routes.post("/live/<handoff_id:int>/take")
async def take(request: Request, handoff_id: int) -> HTTPResponse:
    staff = session_of(request).staff.username
    if not await blocking(cases_of(request).pick_up_handoff, handoff_id, staff):
        return await _conversation_page(
            request, handoff_id, 409, problem="Someone else has already taken this."
        )
    handoff = await blocking(cases_of(request).handoff, handoff_id)
    assert handoff is not None, "just taken"
    await _tell_resident(request, handoff, joined_line(_speaking_as(request)))
    return see_other(f"{PATH}/live/{handoff_id}#reply")


@routes.post("/live/<handoff_id:int>/reply")
async def reply(request: Request, handoff_id: int) -> HTTPResponse:
    staff = session_of(request).staff.username
    text = (request.form.get("message") or "").strip()
    if not text or len(text) > MAX_REPLY_CHARACTERS:
        problem = (
            "Type a reply before sending." if not text
            else f"Replies must be under {MAX_REPLY_CHARACTERS:,} characters."
        )  # fmt: skip
        return await _conversation_page(request, handoff_id, 422, problem=problem, draft=text)
    handoff = await blocking(cases_of(request).handoff, handoff_id)
    if handoff is not None and (await _window(request, handoff)).state == "closed":
        return await _conversation_page(request, handoff_id, 409, draft=text,
                                        problem=closed_problem(handoff))  # fmt: skip
    sent = await blocking(cases_of(request).send_staff_message, handoff_id, staff, text)
    if handoff is None or sent is None:
        return await _conversation_page(request, handoff_id, 409, draft=text,
                                        problem="Only whoever took this conversation can "
                                        "reply, while it is open.")  # fmt: skip
    await _tell_resident(request, handoff, text, name=_speaking_as(request))
    if request.form.get("sent_by") == "script":
        return HTTPResponse(status=204)
    # Without the script the page comes back; the box has the focus again for the next reply.
    return see_other(f"{PATH}/live/{handoff_id}?sent=1#reply")


@routes.post("/live/<handoff_id:int>/hand-back")
async def hand_back(request: Request, handoff_id: int) -> HTTPResponse:
    return await _end(request, handoff_id, "hand_back", HANDED_BACK_LINE)


@routes.post("/live/<handoff_id:int>/close")
async def close(request: Request, handoff_id: int) -> HTTPResponse:
    return await _end(request, handoff_id, "close_handoff", CLOSED_LINE)


def closed_problem(handoff: Handoff) -> str:
    """Past the platform's human-agent window (`bot.channels.live`), said in its own days."""
    platform = channel_in_words(handoff.channel)
    return (
        f"It is more than {HUMAN_AGENT_WINDOW.days} days since the resident last wrote, so "
        f"{platform} no longer lets us reply in this chat. Contact them another way, then close "
        "the conversation."
    )


# helpers -----------------------------------------------------------------------------------
async def _window(request: Request, handoff: Handoff) -> ReplyWindow:
    heard = await blocking(cases_of(request).last_heard, handoff)
    return reply_window(handoff.channel, heard, utc_now())


def _speaking_as(request: Request) -> str:
    landlord = console_of(request).app.policy.landlord.name
    return speaking_as(session_of(request).staff.shown_name, landlord)


def _render(request: Request, template: str, **context: Any) -> str:
    console = console_of(request)
    return console.templates.get_template(template).render(
        landlord=console.app.policy.landlord.name, **context
    )


def _queue_context(request: Request, queue: list[LiveConversation]) -> dict[str, Any]:
    now = utc_now()
    return {
        "queue": queue,
        "waited": {live.handoff.id: waited(live.handoff.requested_at, now) for live in queue},
        "me": session_of(request).staff.username,
    }


async def _stream(request: Request, send: Callable[[HTTPResponse], Awaitable[bool]]) -> None:
    """Server-sent events: `send` at the start and after each change in live chat, until it
    says there is nothing more, the session ends or the stream has lasted STREAM_SECONDS.
    Nothing is read while nothing changes. The session is checked on each change, without
    keeping it alive: signing out (a change) ends the stream, and a session left idle until
    it lapses is refused when the browser reconnects."""
    changes = live_chat().changes
    response = await request.respond(content_type="text/event-stream", headers=EVENT_HEADERS)
    deadline = time.monotonic() + STREAM_SECONDS
    seen = changes.version
    staff = console_of(request).app.staff
    while await send(response):
        if not await changes.wait(seen, deadline - time.monotonic()):
            break
        seen = changes.version
        if not await blocking(staff.still_live, session_of(request).token):
            break
    await response.eof()


def _last_seen(request: Request) -> int:
    seen = request.headers.get("Last-Event-ID") or request.args.get("after") or "0"
    return int(seen) if seen.isdigit() else 0


def _status(live: LiveConversation) -> dict[str, Any]:
    handoff = live.handoff
    urgent = [in_words(category) for category in live.urgency]
    return {"status": handoff.status, "taken_by": handoff.picked_up_by, "urgent": urgent}


async def _conversation_page(
    request: Request, handoff_id: int, status: int = 200, problem: str = "", draft: str = ""
) -> HTTPResponse:
    cases = cases_of(request)
    live = await blocking(cases.live_conversation, handoff_id)
    if live is None:
        return page(request, "refused.html", 404, title="Not found",
                    message="There is no live conversation with that number.")  # fmt: skip
    handoff = live.handoff
    messages = await blocking(cases.live_messages, handoff_id)
    window = await _window(request, handoff)
    return page(request, "live_conversation.html", status, live=live,
                title=f"Live chat: {handoff.channel}", handoff=handoff, messages=messages,
                last_seq=messages[-1].seq if messages else 0, problem=problem, draft=draft,
                waited=waited(handoff.requested_at, utc_now()), window=window,
                closed_problem=closed_problem(handoff),
                standard_hours=STANDARD_WINDOW // timedelta(hours=1),
                human_agent_days=HUMAN_AGENT_WINDOW.days,
                writing=bool(draft or request.args.get("sent")),
                me=session_of(request).staff.username)  # fmt: skip


async def _end(request: Request, handoff_id: int, step: str, line: str) -> HTTPResponse:
    staff = session_of(request).staff.username
    cases = cases_of(request)
    before = await blocking(cases.handoff, handoff_id)
    if before is None or not await blocking(getattr(cases, step), handoff_id, staff):
        return await _conversation_page(request, handoff_id, 409,
                                        problem="Only whoever took this conversation can "
                                        "do that, while it is open.")  # fmt: skip
    # Either way the assistant answers the resident's next message: after a close it is a
    # new conversation, not one that nobody reads.
    await _tell_resident(request, before, line, resume=True)
    return see_other(f"{PATH}/live")


async def _tell_resident(
    request: Request, handoff: Handoff, text: str, name: str | None = None,
    resume: bool = False,
) -> None:  # fmt: skip
    """Keep it in the conversation's tracker, so a reload shows it and the assistant, when it
    answers again, has what was said; then send it to the resident's chat. In that order: a
    widget that reconnects and catches up from the tracker between the two would otherwise
    miss it for good (it was sent before it joined, and is not yet stored)."""
    chat = live_chat()
    message_id = secrets.token_hex(8)
    await chat.changes.announce()  # the console's pages, here and on the other replicas
    agent = getattr(request.app.ctx, "agent", None)
    if agent is not None:
        metadata = {MESSAGE_ID_KEY: message_id, **({STAFF_KEY: name} if name else {})}
        events: list[Any] = [BotUttered(text, metadata=metadata)]
        if resume:
            events.append(SlotSet(WITH_PERSON_SLOT, False))
        await note_in_tracker(agent, handoff.conversation_id, events)
    await chat.deliver(handoff, text, name, await _window(request, handoff), message_id)
