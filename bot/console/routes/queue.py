"""The complaints officers' queue: exclusion proposals to decide, adjustments to review and
response deadlines. Only officers reach it (the app's guard)."""

from __future__ import annotations

from collections.abc import Mapping

from sanic import Request
from sanic.response import HTTPResponse

from bot.console.pages import (
    PATH,
    Routes,
    blocking,
    cases_of,
    console_of,
    page,
    see_other,
    session_of,
)
from bot.oversight.queue import OfficerQueue, QueueError

routes = Routes()


@routes.get("/queue")
async def queue_page(request: Request) -> HTTPResponse:
    return await officer_queue_page(request)


@routes.post("/queue/exclusions/<proposal_id:int>")
async def decide_exclusion(request: Request, proposal_id: int) -> HTTPResponse:
    queue, officer = queue_of(request), session_of(request).staff.username
    field = f"reasons-{proposal_id}"  # each proposal's textarea has a name of its own
    reasons, decision = request.form.get(field, ""), request.form.get("decision")
    try:
        if decision == "accept":
            letter = await blocking(queue.accept_exclusion, proposal_id, officer, reasons)
            return page(request, "decision.html", title="Exclusion accepted",
                        letter=letter.text, complaint=None)  # fmt: skip
        if decision == "overrule":
            complaint = await blocking(queue.overrule_exclusion, proposal_id, officer, reasons)
            return page(request, "decision.html", title="Taken as a complaint", letter=None,
                        complaint=complaint)  # fmt: skip
    except QueueError as problem:
        return await officer_queue_page(request, 422, {field: str(problem)}, {field: reasons})
    return await officer_queue_page(
        request, 422, {field: "Choose accept or take it as a complaint"}, {field: reasons}
    )


@routes.post("/queue/adjustments/<adjustment_id:int>")
async def review_adjustment(request: Request, adjustment_id: int) -> HTTPResponse:
    officer, field = session_of(request).staff.username, f"note-{adjustment_id}"
    note = request.form.get(field, "")
    try:
        await blocking(queue_of(request).record_adjustment_review, adjustment_id, officer, note)
    except QueueError as problem:
        return await officer_queue_page(request, 422, {field: str(problem)}, {field: note})
    return see_other(f"{PATH}/queue#adjustments")


def queue_of(request: Request) -> OfficerQueue:
    return OfficerQueue(cases_of(request), console_of(request).app.policy)


async def officer_queue_page(
    request: Request, status: int = 200, errors: Mapping[str, str] | None = None,
    typed: Mapping[str, str] | None = None,
) -> HTTPResponse:  # fmt: skip
    """`typed` is what the officer wrote in a form that came back with a problem."""
    queue = queue_of(request)
    exclusions, adjustments, deadlines = await blocking(
        lambda: (queue.pending_exclusions(), queue.adjustments_due(), queue.deadlines())
    )
    return page(request, "queue.html", status, title="Officer queue", errors=errors or {},
                typed=typed or {}, exclusions=exclusions, adjustments=adjustments,
                deadlines=deadlines)  # fmt: skip
