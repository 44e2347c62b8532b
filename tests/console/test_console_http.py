"""The call handler's console over real HTTP: who gets in, what every form needs, and what a
complaint logged on the phone leaves in the case store."""

from __future__ import annotations

import re

import pytest
from pyotp import TOTP

from bot.casestore.engine import make_engine
from bot.casestore.services import CaseStore
from bot.console.drafts import CallDrafts
from bot.console.routes.signin import QR_CODE_NAME
from bot.policy import Policy
from tests.conftest import Running
from tests.console.client import ConsoleClient
from tests.console.conftest import HANDLER
from tests.console.staff import (
    AUTHENTICATORS,
    ENROLMENT_PAGES,
    SECRET_SHOWN,
    add_staff,
    code_for,
    staff_command,
)

pytestmark = pytest.mark.server

CALLER = (
    "caller v unhappy re damp in bedroom, 3rd call, no one attended. rep for mum, deaf. "
    "wants it fixed and an apology"
)


def triaged(client: ConsoleClient, text: str = CALLER) -> int:
    """Triage what the caller said; the id of the contact it recorded."""
    response = client.post("/console/triage", {"text": text})
    assert response.status_code == 303, response.text
    contact_id = int(response.headers["Location"].rsplit("/", 1)[1])
    assert client.follow(response).status_code == 200
    return contact_id


COMPLAINT_FORM = {
    "aspects": "Damp in the bedroom\nThree calls and no one came",
    "still_happening": "yes",
    "outcomes": ["put_right", "apology"],
    "outcome_words": "a dehumidifier until it is fixed",
    "contact_name": "Priya Shah",
    "contact_details": "07700 900123",
    "contact_preference": "phone",
    "acting_for": "someone_else",
    "relationship": "family",
    "resident_name": "Asha Shah",
    "representative_consent": "given",
    "needs": ["hearing"],
    "adjustment_detail": "Text, not calls, to Asha; BSL interpreter for visits",
    "disability_consent": "yes",
}


@pytest.mark.parametrize(
    "path", ["/console/", "/console/contacts/1", "/console/complaints/CMP-2026-000001",
             "/console/queue", "/console/handoffs", "/console/stage-2"],
)  # fmt: skip
def test_nothing_but_the_sign_in_page_opens_without_signing_in(
    client: ConsoleClient, path: str
) -> None:
    response = client.get(path)
    assert response.status_code == 303
    assert response.headers["Location"] == "/console/sign-in"
    assert client.get("/console/sign-in").status_code == 200


def test_a_form_sent_without_its_token_or_with_another_is_refused(
    signed_in: ConsoleClient, cases: CaseStore
) -> None:
    with cases.unit_of_work() as uow:
        before = len(uow.cases.recent_contacts(1000))
    for token in (None, "0" * 64, signed_in.form_token()[:-1] + "x"):
        response = signed_in.post("/console/triage", {"text": CALLER}, token=token)
        assert response.status_code == 403
    with cases.unit_of_work() as uow:
        assert len(uow.cases.recent_contacts(1000)) == before
    signed_in.cookies.pop("console_session")
    assert signed_in.post("/console/triage", {"text": CALLER}, token=None).status_code == 403


def test_signing_in_needs_the_sign_in_form_token_too(
    client: ConsoleClient, handler: tuple[str, str]
) -> None:
    client.get("/console/sign-in")
    username, password = handler
    refused = client.post("/console/sign-in", {"username": username, "password": password},
                          token=None)  # fmt: skip
    assert refused.status_code == 403
    assert "console_session" not in client.cookies


def test_a_wrong_password_is_refused_exactly_like_an_unknown_username(
    client: ConsoleClient, running: Running
) -> None:
    password = add_staff(running.database_url, "wendy.wrong")
    wrong = client.sign_in("wendy.wrong", password + "x")
    wrong_page = client.page
    unknown = client.sign_in("nobody.here", password)
    assert wrong.status_code == unknown.status_code == 401
    message = "The username, password or code is not right."
    assert message in wrong_page and message in client.page
    assert "console_session" not in client.cookies
    assert client.get("/console/").status_code == 303


def test_failed_sign_ins_are_slowed_per_username_whether_or_not_it_exists(
    client: ConsoleClient, running: Running, handler: tuple[str, str]
) -> None:
    password = add_staff(running.database_url, "gus.guessed")
    for _ in range(5):
        assert client.sign_in("gus.guessed", "not the password").status_code == 401
        assert client.sign_in("no.such.person", "not the password").status_code == 401
    for username in ("gus.guessed", "no.such.person"):
        assert client.sign_in(username, password).status_code == 401
        assert re.search(r"Too many failed sign-ins\. Wait [1-3]?\d seconds and try", client.page)
    assert client.sign_in(*handler).status_code == 303


def test_a_new_second_factor_replaces_the_old_one_and_ends_the_sessions(
    client: ConsoleClient, running: Running
) -> None:
    password = add_staff(running.database_url, "pat.phone")
    old, _ = AUTHENTICATORS["pat.phone"]
    assert client.sign_in("pat.phone", password).status_code == 303
    shown = staff_command(running.database_url, "second-factor", "pat.phone")
    assert client.get("/console/").status_code == 303, "the session ended"
    assert client.sign_in("pat.phone", password, code=TOTP(old).now()).status_code == 401
    new = SECRET_SHOWN.search(shown)
    assert new is not None and new.group(1) != old
    assert client.sign_in("pat.phone", password, code=TOTP(new.group(1)).now()).status_code == 303


def test_a_code_that_signed_in_once_is_refused_the_second_time(
    client: ConsoleClient, running: Running
) -> None:
    password = add_staff(running.database_url, "cy.replayed")
    code = code_for("cy.replayed")
    assert client.sign_in("cy.replayed", password, code=code).status_code == 303
    client.get("/console/")
    assert client.post("/console/sign-out", {}).status_code == 303
    assert client.sign_in("cy.replayed", password, code=code).status_code == 401
    assert "The username, password or code is not right." in client.page


def test_the_enrolment_page_shows_a_qr_code_and_the_key_and_works_once(
    client: ConsoleClient, running: Running
) -> None:
    password = add_staff(running.database_url, "nia.new")
    page = ENROLMENT_PAGES["nia.new"]
    shown = client.get(page)
    assert shown.status_code == 200
    assert f'<svg role="img" aria-label="{QR_CODE_NAME}"' in client.page
    secret, _ = AUTHENTICATORS["nia.new"]
    assert " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)) in client.page
    assert "<script" not in client.page and "style=" not in client.page
    assert shown.headers["Content-Security-Policy"].startswith("default-src 'none'")
    assert client.post(page, {"code": "000000"}).status_code == 400
    assert "That code is not the one your app shows now." in client.page
    assert client.post(page, {"code": code_for("nia.new")}).status_code == 303
    assert client.get(page).status_code == 404, "the link works once"
    assert "This set-up link does not work." in client.page
    assert client.sign_in("nia.new", password).status_code == 303


def test_the_right_password_without_the_authenticators_code_is_refused(
    client: ConsoleClient, handler: tuple[str, str]
) -> None:
    assert client.sign_in(*handler, code="").status_code == 401
    assert "The username, password or code is not right." in client.page
    assert client.sign_in(*handler).status_code == 303


def test_the_session_cookie_is_http_only_secure_and_same_site_strict(
    client: ConsoleClient, handler: tuple[str, str]
) -> None:
    client.sign_in(*handler)
    (session,) = [c["console_session"] for c in client.set_cookies if "console_session" in c]
    assert session.value and session["httponly"] and session["secure"]
    assert session["samesite"] == "Strict" and session["path"] == "/console"


def test_signing_out_ends_the_session_on_the_server(
    client: ConsoleClient, handler: tuple[str, str]
) -> None:
    client.sign_in(*handler)
    token = client.cookies["console_session"]
    assert client.get("/console/").status_code == 200
    signed_out = client.post("/console/sign-out", {})
    assert signed_out.status_code == 303
    assert "console_session" not in client.cookies
    assert "You have signed out." in client.follow(signed_out).text
    client.cookies["console_session"] = token  # someone kept a copy of the old cookie
    assert client.get("/console/").status_code == 303


def test_disabling_an_account_ends_its_sessions_at_once(
    client: ConsoleClient, running: Running
) -> None:
    password = add_staff(running.database_url, "dan.leaving")
    client.sign_in("dan.leaving", password)
    assert client.get("/console/").status_code == 200
    staff_command(running.database_url, "disable", "dan.leaving")
    assert client.get("/console/").status_code == 303
    assert client.sign_in("dan.leaving", password).status_code == 401
    listed = staff_command(running.database_url, "list")
    assert re.search(r"dan\.leaving +handler +disabled", listed)


def test_no_console_response_may_be_kept_by_the_browser(signed_in: ConsoleClient) -> None:
    contact_id = triaged(signed_in)
    responses = [
        signed_in.get("/console/"),
        signed_in.get(f"/console/contacts/{contact_id}"),
        signed_in.get("/console/console.css"),
        signed_in.post("/console/triage", {"text": ""}),
        signed_in.post("/console/triage", {"text": CALLER}, token=None),
        ConsoleClient(signed_in.base_url).get("/console/"),
        ConsoleClient(signed_in.base_url).get("/console/sign-in"),
    ]
    assert [r.status_code for r in responses] == [200, 200, 200, 422, 403, 303, 200]
    assert all(r.headers["Cache-Control"] == "no-store" for r in responses)


def test_the_officer_queue_is_for_complaints_officers(
    client: ConsoleClient, handler: tuple[str, str], officer: tuple[str, str]
) -> None:
    client.sign_in(*handler)
    assert client.get("/console/queue").status_code == 403
    client.sign_in(*officer)
    queue = client.get("/console/queue")
    assert queue.status_code == 200
    assert "Proposed exclusions to decide" in queue.text


def test_triage_shows_the_result_its_reasons_and_the_prompts_to_give(
    signed_in: ConsoleClient,
) -> None:
    triaged(signed_in)
    page = signed_in.page
    assert "Complaint: the caller is unhappy with our service" in page
    assert "Code 1.2" in page and "Code 1.3, 3.6" in page
    for prompt in ("prompt-choice", "prompt-representative", "prompt-adjustments"):
        assert f'id="{prompt}"' in page
    assert "BSL interpreter" in page  # the adjustment triage heard about is offered


def test_an_emergency_route_comes_before_every_other_prompt(signed_in: ConsoleClient) -> None:
    triaged(signed_in, "caller says she can smell gas in the kitchen and the boiler is off")
    prompts = re.findall(r'<li id="prompt-(\w+)"', signed_in.page)
    assert prompts[0] == "emergency" and "adjustments" in prompts
    assert "0800 111 999" in signed_in.page


def test_a_form_with_mistakes_comes_back_with_each_one_linked_to_its_field(
    signed_in: ConsoleClient,
) -> None:
    contact_id = triaged(signed_in)
    response = signed_in.post(
        f"/console/contacts/{contact_id}/complaint",
        {**COMPLAINT_FORM, "contact_details": "ring me", "representative_consent": ""},
    )
    assert response.status_code == 422
    page = response.text
    assert "<title>Error: " in page
    for field in ("contact_details", "representative_consent"):
        assert f'<a href="#{field}">' in page
        assert f'id="{field}-error"' in page
    assert 'value="Priya Shah"' in page  # what was typed is kept


def test_a_complaint_logged_on_the_console_is_in_the_case_store_by_phone_with_the_handler_named(
    signed_in: ConsoleClient, cases: CaseStore, handler: tuple[str, str]
) -> None:
    contact_id = triaged(signed_in)
    logged = signed_in.post(f"/console/contacts/{contact_id}/complaint", COMPLAINT_FORM)
    confirmation = signed_in.follow(logged)
    reference = re.search(r"CMP-\d{4}-\d{6}", logged.headers["Location"]).group()  # type: ignore[union-attr]

    complaint = cases.complaint(reference)
    assert complaint is not None
    assert complaint.channel == "phone"
    assert complaint.definition.aspects == ("Damp in the bedroom", "Three calls and no one came")
    assert complaint.definition.outcomes == (
        "put it right", "an apology", "a dehumidifier until it is fixed",
    )  # fmt: skip
    assert complaint.definition.still_happening is True
    assert complaint.definition.resident_words == CALLER
    assert (complaint.clock_start, complaint.acknowledgement_due, complaint.response_due) == (
        cases.deadlines(complaint.received_at)
    )
    assert complaint.contact_name == "Priya Shah" and complaint.contact_preference == "phone"
    representative = complaint.representative
    assert representative is not None
    assert (representative.name, representative.relationship, representative.acting_for,
            representative.consent) == ("Priya Shah", "family", "Asha Shah", "given")  # fmt: skip
    (adjustment,) = complaint.adjustments
    assert adjustment.need_id == "hearing"
    assert adjustment.detail == COMPLAINT_FORM["adjustment_detail"]
    assert adjustment.disability_disclosed and adjustment.consent_to_record

    username = handler[0]
    with cases.unit_of_work() as uow:
        assert "complaint_logged" in [kind for _, kind, _ in uow.cases.audit_trail(reference)]
        assert {actor for actor, _, _ in uow.cases.audit_trail(reference)} == {username}
        contact_trail = uow.cases.audit_trail(f"contact:{contact_id}")
        assert [(actor, kind) for actor, kind, _ in contact_trail] == [
            (username, "contact_triaged"), (username, "choice_recorded"),
        ]  # fmt: skip
    assert cases.contact(contact_id).choice == "complaint"  # type: ignore[union-attr]

    assert confirmation.status_code == 200
    for words in (reference, f"{complaint.acknowledgement_due.day} ",
                  "Housing Ombudsman Service"):  # fmt: skip
        assert words in confirmation.text
    again = signed_in.post(f"/console/contacts/{contact_id}/complaint", COMPLAINT_FORM)
    assert again.headers["Location"] == logged.headers["Location"]  # sent twice, logged once


def test_without_consent_a_disability_is_not_kept_but_the_adjustment_is(
    signed_in: ConsoleClient, cases: CaseStore
) -> None:
    contact_id = triaged(signed_in)
    form = {**COMPLAINT_FORM, "disability_consent": ""}
    location = signed_in.post(f"/console/contacts/{contact_id}/complaint", form).headers["Location"]
    reference = re.search(r"CMP-\d{4}-\d{6}", location).group()  # type: ignore[union-attr]
    (adjustment,) = cases.complaint(reference).adjustments  # type: ignore[union-attr]
    assert adjustment.need_id == "hearing"
    assert "Asha" not in adjustment.detail
    assert not adjustment.disability_disclosed and not adjustment.consent_to_record


SERVICE_REQUEST_FORM = {
    "category": "leaks_and_plumbing",
    "description": "Kitchen tap dripping all day",
    "property_address": "Flat 3, 12 Mill Lane, Leeds LS1 4AB",
    "access_times": "Weekdays after 2pm",
    "job_number": "R-4471",
    "contact_name": "Tom Reed",
    "contact_details": "07700 900456",
    "contact_preference": "text",
}


def test_a_service_request_is_a_record_the_team_can_act_on(
    signed_in: ConsoleClient, cases: CaseStore
) -> None:
    contact_id = triaged(signed_in, "caller asking for someone to fix the kitchen tap, dripping")
    response = signed_in.post(
        f"/console/contacts/{contact_id}/service-request", SERVICE_REQUEST_FORM
    )
    assert response.status_code == 200
    assert "Service request logged" in response.text
    logged = cases.service_request(contact_id)
    assert logged is not None
    assert {name: getattr(logged, name) for name in SERVICE_REQUEST_FORM} == SERVICE_REQUEST_FORM
    assert (logged.urgent, logged.postal_address) == (False, "")
    for said in ("Your call number is", "We have noted when you are in: Weekdays after 2pm",
                 "by text on 07700 900456"):  # fmt: skip
        assert said in response.text
    again = signed_in.post(f"/console/contacts/{contact_id}/service-request",
                           {**SERVICE_REQUEST_FORM, "job_number": "changed"})  # fmt: skip
    assert again.status_code == 200
    assert cases.service_request(contact_id) == logged  # sent twice, logged once


def test_letters_need_a_postal_address_and_it_is_kept_with_the_request(
    signed_in: ConsoleClient, cases: CaseStore
) -> None:
    contact_id = triaged(signed_in, "caller asking for someone to fix the kitchen tap, dripping")
    letter = {**SERVICE_REQUEST_FORM, "contact_preference": "letter"}
    refused = signed_in.post(f"/console/contacts/{contact_id}/service-request", letter)
    assert refused.status_code == 422
    assert '<a href="#postal_address">' in refused.text
    address = "Flat 3, 12 Mill Lane, Leeds LS1 4AB"
    logged = signed_in.post(f"/console/contacts/{contact_id}/service-request",
                            {**letter, "postal_address": address})  # fmt: skip
    assert logged.status_code == 200
    assert f"We will write to you at {address}." in logged.text
    assert cases.service_request(contact_id).postal_address == address  # type: ignore[union-attr]


def test_an_exclusion_passed_on_by_a_handler_is_decided_by_an_officer_on_the_queue(
    client: ConsoleClient, handler: tuple[str, str], officer: tuple[str, str], cases: CaseStore
) -> None:
    client.sign_in(*handler)
    client.get("/console/")
    contact_id = triaged(client, "caller says neighbour plays loud music every night, wants to "
                                 "complain about the asb")  # fmt: skip
    assert cases.contact(contact_id).exclusion_reason == "asb_report"  # type: ignore[union-attr]
    declined = client.post(f"/console/contacts/{contact_id}/choice", {"choice": "no_complaint"})
    assert "Passed to a complaints officer" not in client.follow(declined).text
    assert not cases.exclusion_proposed(contact_id)  # as in the chat: no complaint to refuse
    # Choosing to complain passes it on, in the case store, as the chat's choice does.
    chosen = client.post(f"/console/contacts/{contact_id}/choice", {"choice": "complaint"})
    assert "Passed to a complaints officer to decide." in client.follow(chosen).text

    client.sign_in(*officer)
    queue = client.get("/console/queue").text
    proposal_id = re.findall(r"/console/queue/exclusions/(\d+)", queue)[-1]  # the newest
    reasons = f"reasons-{proposal_id}"  # the name of that proposal's textarea
    without_reasons = client.post(f"/console/queue/exclusions/{proposal_id}",
                                  {"decision": "overrule", reasons: ""})  # fmt: skip
    assert without_reasons.status_code == 422
    overrule = {"decision": "overrule", reasons: "Earlier reports were ignored"}
    decided = client.post(f"/console/queue/exclusions/{proposal_id}", overrule)
    assert decided.status_code == 200 and "Taken as a complaint" in decided.text
    reference = re.search(r"CMP-\d{4}-\d{6}", decided.text).group()  # type: ignore[union-attr]
    with cases.unit_of_work() as uow:
        trail = uow.cases.audit_trail(f"contact:{contact_id}")
    assert ("hana.handler", "exclusion_proposed") in [(a, k) for a, k, _ in trail]
    assert ("olu.officer", "exclusion_overruled") in [(a, k) for a, k, _ in trail]
    assert cases.complaint(reference).channel == "phone"  # type: ignore[union-attr]


def test_an_old_matter_still_going_on_goes_to_no_officer_as_in_the_chat(
    signed_in: ConsoleClient, cases: CaseStore
) -> None:
    contact_id = triaged(signed_in, "back in 2023 your gas engineer was really rude to me on a "
                                    "visit")  # fmt: skip
    assert cases.contact(contact_id).exclusion_reason == "over_12_months"  # type: ignore[union-attr]
    assert 'value="within_time"' in signed_in.page
    within = signed_in.post(f"/console/contacts/{contact_id}/time-limit",
                            {"time_limit": "within_time"})  # fmt: skip
    page = signed_in.follow(within).text
    assert 'id="prompt-time_limit"' not in page and 'id="prompt-exclusion"' not in page
    signed_in.post(f"/console/contacts/{contact_id}/choice", {"choice": "complaint"})
    assert not cases.exclusion_proposed(contact_id)


def test_a_danger_on_a_call_is_read_out_with_its_deadline_and_listed_for_follow_up(
    signed_in: ConsoleClient,
) -> None:
    said = "caller says water coming thru the light in kitchen, 2 kids"
    contact_id = triaged(signed_in, said)
    page = signed_in.get(f"/console/contacts/{contact_id}").text
    assert "fuse box" in page
    assert "make it safe within 24 hours" in page
    urgent = signed_in.get("/console/urgent").text
    assert f"<q>{said}</q>" in urgent
    assert "Awaab&#39;s Law emergency hazard: investigate and make safe by" in urgent


def test_a_call_handler_cannot_read_a_complaint_another_handler_logged_but_an_officer_can(
    signed_in: ConsoleClient, running: Running, officer: tuple[str, str]
) -> None:
    contact_id = triaged(signed_in)
    location = signed_in.post(f"/console/contacts/{contact_id}/complaint", COMPLAINT_FORM)
    path = location.headers["Location"].split("?")[0]
    assert "Priya Shah" in signed_in.get(path).text  # the handler who logged it

    other = ConsoleClient(signed_in.base_url)
    other.sign_in("harry.other", add_staff(running.database_url, "harry.other"))
    page = other.get(path)
    assert page.status_code == 403
    for private in ("Priya Shah", "07700 900123", "Asha Shah", "BSL interpreter", "Damp in the"):
        assert private not in page.text
    assert re.search(r"CMP-\d{4}-\d{6}", page.text)  # the reference and dates are not private

    other.sign_in(*officer)
    full = other.get(path)
    assert full.status_code == 200
    assert "Priya Shah" in full.text and "07700 900123" in full.text


def test_the_handlers_urgent_tick_flags_the_call_for_urgent_follow_up(
    signed_in: ConsoleClient, cases: CaseStore
) -> None:
    said = "caller asking for someone to fix the kitchen tap, dripping onto the floor"
    contact_id = triaged(signed_in, said)
    assert cases.contact(contact_id).urgency == ()  # type: ignore[union-attr]
    logged = signed_in.post(f"/console/contacts/{contact_id}/service-request",
                            {**SERVICE_REQUEST_FORM, "urgent": "yes"})  # fmt: skip
    assert "Because it is urgent, the team will contact you today." in logged.text
    assert "Thanks for your question" not in logged.text
    assert cases.contact(contact_id).urgency == ("flagged_by_staff",)  # type: ignore[union-attr]
    with cases.unit_of_work() as uow:
        kinds = [kind for _, kind, _ in uow.cases.audit_trail(f"contact:{contact_id}")]
    assert "urgent_follow_up" in kinds
    urgent = signed_in.get("/console/urgent").text
    assert f"<q>{said}</q>" in urgent
    assert "Marked urgent by the call handler" in urgent


def test_after_a_danger_the_complaint_read_out_says_the_danger_is_followed_up_too(
    signed_in: ConsoleClient,
) -> None:
    contact_id = triaged(signed_in, "caller v unhappy, 3rd time water coming thru the light in "
                                    "kitchen, 2 kids, nobody came")  # fmt: skip
    logged = signed_in.follow(
        signed_in.post(f"/console/contacts/{contact_id}/complaint", COMPLAINT_FORM)
    )
    assert "also passed to our team to follow up today" in logged.text
    assert "make it safe within 24 hours" in logged.text


def test_a_health_need_heard_on_a_call_is_kept_only_with_the_callers_consent(
    signed_in: ConsoleClient, cases: CaseStore, running: Running, policy: Policy
) -> None:
    """Triage ticks the need it heard; the page saves itself as the handler types. The draft
    used to keep what was agreed for that need before the caller had agreed; like the case
    store, it keeps the need (the adjustment is still made) but no details without consent."""
    contact_id = triaged(signed_in, "my kitchen tap is dripping, can someone fix it. im deaf")
    page = signed_in.get(f"/console/contacts/{contact_id}").text
    assert re.search(r'name="needs" value="hearing"[^>]*checked', page)
    typed = {"needs": ["hearing", "large_print"], "adjustment_detail": "Deaf: text relay"}
    signed_in.follow(signed_in.post(f"/console/contacts/{contact_id}/draft", typed))
    drafts = CallDrafts(make_engine(running.database_url), policy)
    assert drafts.draft(contact_id, HANDLER) == {"needs": ["hearing", "large_print"]}
    consented = {**typed, "disability_consent": "yes"}
    signed_in.follow(signed_in.post(f"/console/contacts/{contact_id}/draft", consented))
    assert drafts.draft(contact_id, HANDLER) == {
        "needs": ["hearing", "large_print"], "adjustment_detail": ["Deaf: text relay"],
        "disability_consent": ["yes"],
    }  # fmt: skip

    logged = signed_in.post(f"/console/contacts/{contact_id}/service-request",
                            {**SERVICE_REQUEST_FORM, **typed})  # fmt: skip
    assert logged.status_code == 200
    contact = cases.contact(contact_id)
    assert contact is not None and contact.reasons
    assert all("hearing" not in reason["text"] for reason in contact.reasons)
    kept = {a.need_id: a for a in cases.contact_adjustments(contact_id)}
    assert kept["hearing"].detail == "(not recorded: no consent)"
    assert not kept["hearing"].disability_disclosed
    # What was agreed was typed once for both needs: it told of the health need too.
    assert kept["large_print"].detail == policy.needs["large_print"].offer
    assert drafts.draft(contact_id, HANDLER) is None
