"""Typed messages read against the open question: how residents really answer (bot.answers and
the contact details found in sentences, bot.definition)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from bot.answers import (
    Button,
    OpenQuestion,
    Understanding,
    complaint_choice,
    open_question,
    payload_parts,
    takes_back_a_person_request,
    understand,
    wants_to_leave,
    yes_or_no,
)
from bot.definition import (
    consent_told,
    contact_details_in,
    contact_preference,
    introduced_name,
    job_reference_in,
    name_in,
    represented_person,
    without_health_details,
)
from bot.policy import Answer, Policy
from bot.questions import answer_for, asks_what, is_question
from bot.triage.safety import rules_out_calls


def understand_(
    question: OpenQuestion, text: str, intent: str | None, buttons: list[Button]
) -> Understanding:
    return understand(question, text, intent, buttons, {})


CHOICE = OpenQuestion("choice_pending")
READ_BACK = OpenQuestion("awaiting_confirmation")
STILL = OpenQuestion("still_happening", "complaint_form")
OFFER_BUTTONS = [
    Button("Make a formal complaint", "/affirm"),
    Button("Put it right without a complaint", "/deny"),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("yes its still leaking", True),
        ("yeah still the same", True),
        ("Yes that's right. What do I do if there's a fire though?", True),
        ("nope it stopped last week", False),
        ("no", False),
        ("it's been fixed now", False),
        ("not sure to be honest", None),
        ("yes but the date is wrong", None),
        ("the boiler", None),
    ],
)
def test_yes_and_no_are_read_from_sentences(text: str, expected: bool | None) -> None:
    assert yes_or_no(text, ongoing_question=True) is expected


def test_typing_a_buttons_words_is_the_same_as_clicking_it() -> None:
    understood = understand_(CHOICE, "Make a formal complaint", "make_complaint", OFFER_BUTTONS)
    assert (understood.kind, understood.value) == ("button", "/affirm")
    assert understand_(CHOICE, "put it right without a complaint.", None, OFFER_BUTTONS).value == (
        "/deny"
    )


def test_a_yes_in_a_sentence_answers_a_form_question() -> None:
    assert understand_(STILL, "yes it's still leaking", "dissatisfaction", []).kind == "yes"


@pytest.mark.parametrize(
    "text",
    [
        "cancel",
        "Stop",
        "start again",
        "I've changed my mind",
        "I don't want to complain now",
        "bye",
        "ok cheers bye",
        "OK I will call. Thank you, that's all.",
        "let's not bother with this for now",
        "I'd rather leave it",
        "drop it",
        "hang on, I don't want to go ahead with this",
        "i dnt want 2 complain",
    ],
)
def test_second_thoughts_leave_at_any_question(text: str) -> None:
    for question in (CHOICE, READ_BACK, STILL, OpenQuestion("contact_name", "complaint_form")):
        assert understand_(question, text, None, []).kind == "leave"


def test_a_goodbye_with_nothing_open_is_a_goodbye_not_a_new_request() -> None:
    said = understand(None, "I'll ring you monday. bye", "service_request", [], {})
    assert (said.kind, said.value) == ("button", "/goodbye")
    assert understand(None, "the bye-law says", "enquiry", [], {}).kind == "none"
    thanks_and_bye = understand(None, "ok thanks, that's all", "thank", [], {})
    assert (thanks_and_bye.kind, thanks_and_bye.value) == ("button", "/goodbye")
    assert understand(CHOICE, "ok cheers bye", "affirm", OFFER_BUTTONS, {}).kind == "leave"


def test_asking_who_to_talk_to_mid_form_is_a_question_not_a_handover() -> None:
    asb = Answer(
        "asb_team", "asb", (("talk to", "reach"), ("neighbours", "asb")), "ASB team: 0300."
    )
    name = OpenQuestion("contact_name", "complaint_form")
    asked = understand(name, "Who do I talk to about the neighbours?", "request_human", [],
                       {"asb_team": asb}, asks_for_a_person=True)  # fmt: skip
    assert asked.kind == "question"
    handover = understand(name, "can I talk to a person instead", "enquiry", [], {},
                          asks_for_a_person=True)  # fmt: skip
    assert (handover.kind, handover.value) == ("button", "/request_human")


def test_start_again_is_told_apart_from_stopping() -> None:
    assert understand_(CHOICE, "start again", None, []).start_again
    assert not understand_(CHOICE, "cancel", None, []).start_again


def test_a_leak_that_wont_stop_is_not_leaving() -> None:
    assert understand_(STILL, "the leak just won't stop", None, []).kind != "leave"


def test_only_an_unambiguous_yes_confirms_the_read_back() -> None:
    assert understand_(READ_BACK, "yes that's right", "affirm", []).kind == "yes"
    assert understand_(READ_BACK, "yes but it started in March", "affirm", []).kind == "amend"
    assert understand_(READ_BACK, "it was the bathroom not the kitchen", "other", []).kind == (
        "amend"
    )
    assert understand_(READ_BACK, "can I talk to a person", "request_human", []).kind == "none"


def test_the_person_named_in_a_correction_is_no_request_for_a_person() -> None:
    """Round 9 r9a-03, r9a-26: "the person helping is ..." at the read-back handed the chat to a
    person, and the complaint was never logged."""
    for text in (
        "the person helping her is Tomasz Nowak, not Tom",
        "The person I'm helping lives at 12 Elm Road, not 21",
        "no, the person complaining is my dad Graham",
    ):
        assert understand_(READ_BACK, text, "request_human", []).kind == "amend", text
    name = OpenQuestion("contact_name", "complaint_form")
    assert understand_(name, "the person I'm helping is Graham Webb", "request_human", []).kind == (
        "slot"
    )
    assert understand_(READ_BACK, "I want to talk to a person", "request_human", []).kind == "none"
    assert understand_(READ_BACK, "can someone ring me back", "request_human", []).kind == "none"


def test_a_phone_call_is_a_preference_not_a_request_for_a_person() -> None:
    question = OpenQuestion("contact_preference", "complaint_form")
    understood = understand_(question, "A phone call is best", "request_human", [])
    assert (understood.kind, understood.value) == ("slot", "phone")


def test_a_phone_call_at_another_question_is_the_way_to_contact() -> None:
    """Round 12 r12a-16: "phone call" at the consent question handed the chat to a person."""
    question = OpenQuestion("adjustment_consent", "complaint_form")
    understood = understand_(question, "a phone call is best", "request_human", [])
    assert (understood.kind, understood.value) == ("way_to_contact", "phone")
    asked = understand_(question, "can I talk to a real person", "request_human", [])
    assert asked.kind != "way_to_contact"


def test_do_not_record_it_at_the_consent_question_is_a_no() -> None:
    """Round 12 r12a-08: "I don't think that's mine to agree ... Don't record it for now"."""
    question = OpenQuestion("adjustment_consent", "complaint_form")
    typed = "I don't think that's mine to agree, best ask her. Don't record it for now."
    assert understand_(question, typed, "escalate", []).kind == "no"


def test_ok_with_a_question_at_the_read_back_is_checked_not_logged() -> None:
    """Round 12 r12a-16: "ok so what do you need next?" logged the complaint."""
    assert understand_(READ_BACK, "ok so what do you need next?", "affirm", []).kind == "check"
    assert understand_(READ_BACK, "yes that's right", "affirm", []).kind == "yes"


def test_call_me_is_a_name_but_talk_to_someone_is_a_request_for_a_person() -> None:
    question = OpenQuestion("contact_name", "complaint_form")
    assert understand_(question, "call me Ayesha", "request_human", []).kind == "slot"
    assert understand_(question, "can i jus talk 2 a real person", "request_human", []).kind == (
        "none"
    )


def test_clicks_and_small_talk_are_left_to_the_rules() -> None:
    assert understand_(CHOICE, "/affirm", "affirm", OFFER_BUTTONS).kind == "none"
    assert understand_(CHOICE, "hello", "greet", OFFER_BUTTONS).kind == "none"


@dataclass
class State:
    """A conversation's state as both trackers offer it."""

    active_loop_name: str | None
    slots: dict[str, Any]

    def get_slot(self, key: str) -> Any:
        return self.slots.get(key)


def test_a_forms_question_comes_before_any_offer() -> None:
    flags = {"choice_pending": True, "awaiting_confirmation": False}
    in_form = State("complaint_form", {**flags, "requested_slot": "contact_name"})
    assert open_question(in_form) == OpenQuestion("contact_name", "complaint_form")
    assert open_question(State(None, flags)) == CHOICE
    assert open_question(State(None, {})) is None


def test_button_payloads_are_read_with_their_entities() -> None:
    assert payload_parts('/choose{"choice": "email"}') == ("choose", {"choice": "email"})
    assert payload_parts("/affirm") == ("affirm", {})


@pytest.mark.parametrize(
    ("text", "details"),
    [
        ("my email is Ayesha.K@Example.COM", "Ayesha.K@example.com"),
        ("07700 900456 txt me dont ring", "07700 900456"),
        ("you can get me on +44 7700 900123 after 5", "07700 900123"),
        ("sam@example.org or 0161 496 0000", "sam@example.org, 0161 496 0000"),
        ("I'd rather not say", None),
    ],
)
def test_contact_details_are_found_in_sentences_and_normalised(
    text: str, details: str | None
) -> None:
    assert contact_details_in(text) == details


@pytest.mark.parametrize(
    ("text", "preference"),
    [
        ("07700 900456 txt me dont ring", "text"),
        ("A phone call is best", "phone"),
        ("don't call me, email is fine", "email"),
        ("by post please", "letter"),
        ("whatever", None),
    ],
)
def test_contact_preference_skips_what_is_ruled_out(text: str, preference: str | None) -> None:
    assert contact_preference(text) == preference


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("its Ayesha Khan", "Ayesha Khan"),
        ("call me Ayesha", "Ayesha"),
        ("my name is Mrs Joan Smith and I am the tenant", "Mrs Joan Smith"),
        ("Sam Jones", "Sam Jones"),
        ("07700 900456", None),
    ],
)
def test_names_are_read_from_answers(text: str, name: str | None) -> None:
    assert name_in(text) == name


def test_a_name_given_unprompted_is_kept_but_ordinary_words_are_not_names() -> None:
    assert introduced_name("Hi my name is Ayesha Khan and the roof leaks") == "Ayesha Khan"
    assert introduced_name("this is ridiculous, third time") is None


def test_a_common_question_inside_a_form_is_answered_and_the_question_kept(
    answers: dict[str, Answer],
) -> None:
    question = OpenQuestion("outcome_sought", "complaint_form")
    understood = understand(question, "sorry what is stage 2?", None, [], answers)
    assert understood.kind == "question"
    assert understood.answer is not None and "second and final stage" in understood.answer.text


def test_a_yes_with_a_question_is_a_yes_and_the_question_is_answered_too(
    answers: dict[str, Answer],
) -> None:
    understood = understand(
        READ_BACK, "Yes that's right. How do I pay my rent though?", "affirm", [], answers
    )
    assert understood.kind == "yes"
    assert understood.answer is not None and understood.answer.id == "pay_rent"


def test_with_nothing_open_only_questions_the_rules_would_not_triage_are_answered(
    answers: dict[str, Answer],
) -> None:
    asked = understand(None, "how do i reach the ASB team", "request_human", [], answers)
    assert asked.kind == "question" and asked.answer is not None
    assert asked.answer.id == "asb_team"
    # An enquiry goes to triage, which answers it there.
    assert understand(None, "how do I pay my rent?", "enquiry", [], answers).kind == "none"
    assert understand(None, "can I talk to someone", "request_human", [], answers).kind == "none"


def test_a_yes_or_no_the_model_already_read_is_left_to_the_rules() -> None:
    offer = OpenQuestion("adjustments_pending")
    assert understand_(offer, "no thanks", "deny", []).kind == "none"
    assert understand_(offer, "nah im ok", "out_of_scope", []).kind == "no"


@pytest.mark.parametrize(
    ("text", "wants_complaint"),
    [
        ("formal complaint please", True),
        ("formal 1 pls", True),
        ("T wants formal", True),
        ("make a complaint then", True),
        ("fix it without complaint pls", False),
        ("just fix it", False),
    ],
)
def test_the_choice_to_complain_is_read_from_the_residents_words(
    text: str, wants_complaint: bool
) -> None:
    assert understand_(CHOICE, text, "survey_feedback", []).kind == (
        "yes" if wants_complaint else "no"
    )


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Im helping someone else", "I'm helping someone else"),
        ("wot went wrong", "What went wrong"),
        ("Contact details", "Contact details"),
    ],
)
def test_a_buttons_words_typed_near_enough_count_as_the_button(text: str, title: str) -> None:
    buttons = [
        Button("What went wrong", "/a"),
        Button("Contact details", "/d"),
        Button("I'm the resident", "/r"),
        Button("I'm helping someone else", "/s"),
    ]
    understood = understand_(OpenQuestion("acting_for", "complaint_form"), text, "greet", buttons)
    assert understood.value == next(b.payload for b in buttons if b.title == title)


def test_asking_for_a_person_in_the_middle_of_a_form_hands_over() -> None:
    question = OpenQuestion("outcome_sought", "complaint_form")
    understood = understand(
        question, "can I speak to a person about this instead?", "enquiry", [], {}, True
    )
    assert (understood.kind, understood.value) == ("button", "/request_human")


@pytest.mark.parametrize(
    "text", ["job ref 55821 from March", "since 2024", "ring 999", "flat 12, block 4"]
)
def test_job_numbers_years_and_flat_numbers_are_not_phone_numbers(text: str) -> None:
    assert contact_details_in(text) is None


def test_a_name_given_with_another_answer_is_kept() -> None:
    assert introduced_name("I am tenant. Name Katarzyna Nowak") == "Katarzyna Nowak"
    assert introduced_name("I'm Sam Jones, her son") == "Sam Jones"
    assert introduced_name("I am Fed up with this") is None
    assert job_reference_in("reported it, job number 123456 still not done") == (
        "job number 123456"
    )


def test_a_no_with_the_correction_in_it_is_the_correction() -> None:
    assert understand_(READ_BACK, "no", "deny", []).kind == "no"
    assert understand_(READ_BACK, "No, it started in March not April", "deny", []).kind == "amend"


def test_not_wanting_a_formal_complaint_in_other_words() -> None:
    assert understand_(CHOICE, "no complain. only fix please", "dissatisfaction", []).kind == "no"
    question = OpenQuestion("outcome_sought", "complaint_form")
    # Leaving the complaint for the repair itself notes the repair (round 9 r9a-05).
    assert understand_(question, "Can we leave the complaint? Just fix it", None, []).kind == (
        "put_right"
    )
    assert understand_(question, "I just want it fixed", None, []).kind == "none"


@pytest.mark.parametrize(
    ("first_message", "helper", "resident"),
    [
        (
            "Hi, I'm writing for my mum Mrs Joan Baker at 14 Elm Road. I'm her daughter Sarah "
            "Baker. Water is coming through her ceiling. She's happy for me to deal with this.",
            "Sarah Baker",
            "Mrs Joan Baker, 14 Elm Road",
        ),
        (
            "my name is Tom Reid, support worker. I'm contacting you on behalf of Mr Daniel "
            "Okafor, Flat 3, 22 Carter Street, who has given consent for me to act for him.",
            "Tom Reid",
            "Mr Daniel Okafor, Flat 3, 22 Carter Street",
        ),
        (
            "I am his daughter, Helen Phillips, writing for my father, Mr George Phillips, of 3 "
            "Station Road. He has asked me to handle this.",
            "Helen Phillips",
            "Mr George Phillips, 3 Station Road",
        ),
    ],
)
def test_a_helpers_first_message_gives_who_they_are_who_they_help_and_consent(
    first_message: str, helper: str, resident: str
) -> None:
    assert introduced_name(first_message) == helper
    assert represented_person(first_message) == resident
    assert consent_told(first_message)


def test_a_helper_who_names_nobody_and_says_nothing_of_consent_is_asked() -> None:
    message = "im ringing for my nan her boiler is broken"
    assert represented_person(message) is None
    assert not consent_told(message)
    assert not consent_told("she doesn't know I'm writing, she'd not be happy about it")


def test_a_complaint_reference_is_not_a_phone_number() -> None:
    assert contact_details_in("please take CMP-2026-000001 to stage 2") is None
    assert contact_details_in("CMP-2026-000001, my number is 07700 900123") == "07700 900123"


@pytest.mark.parametrize(
    "text",
    [
        "hiya how do i pay my rent these days is there an app or summat",
        "ok so how do i actually reach the asb team, is there a number",
    ],
)
def test_a_question_after_a_greeting_or_filler_is_still_a_question(text: str) -> None:
    assert is_question(text)
    assert not is_question("hi my boiler is broken")


def test_a_job_title_in_an_answer_is_not_a_request_for_a_person() -> None:
    """ "customer services adviser" handed a call handler's complaint over and lost it."""
    details = OpenQuestion("representative_details", "complaint_form")
    text = "Sam Patel, customer services adviser. T is Mrs Grace Okafor, 4 Hill Road"
    said = understand(details, text, "request_human", [], {}, asks_for_a_person=True)
    assert (said.kind, said.value) == ("slot", text)


def test_what_stage_2_is_is_a_question_and_going_to_stage_2_is_a_request() -> None:
    assert asks_what("wat is stage 2")
    assert asks_what("ok so whats stage 2 mean")
    assert not asks_what("can i take my complaint to stage 2")


@pytest.mark.parametrize(
    "text",
    [
        "forget the complaint she dont want no fuss",
        "he'd rather not go down the formal route after all",
        "He doesn't want to complain now. Please stop the complaint.",
        "Never mind, I'll phone you tomorrow instead. Bye for now.",
        "i said no. cancel",
        "that's me done for today",
    ],
)
def test_second_thoughts_in_the_fifth_rounds_words_leave(text: str) -> None:
    assert understand_(STILL, text, None, []).kind == "leave"


def test_a_tap_that_never_minds_is_not_leaving() -> None:
    assert understand_(STILL, "never mind the tap the roof is worse", None, []).kind != "leave"


def test_the_name_of_the_person_written_for_is_not_the_writers() -> None:
    assert introduced_name("Hi, my mum's name is Halina Nowak and I'm her daughter") is None
    assert introduced_name("My name is Kasia, Mum's name is Halina Nowak") == "Kasia"


def test_an_answer_that_is_no_name_is_not_taken_for_one() -> None:
    assert name_in("No, nothing, thank you.") is None
    assert name_in("Peter Adeyemi. Email is peter.adeyemi@example.com, email is best") == (
        "Peter Adeyemi"
    )


def test_yes_thats_all_at_the_read_back_is_a_yes_not_a_goodbye() -> None:
    assert understand_(READ_BACK, "yes, that's all", None, []).kind == "yes"
    assert understand_(READ_BACK, "ok cheers bye", None, []).kind == "leave"
    assert understand_(STILL, "that's all", None, []).kind == "leave"


# Round 5 and 6 wordings (tests/data/simulated), in words of our own ---------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # "no need for a formal complaint" names a complaint only to turn it down (r5b-14).
        ("honestly there's no need for a formal complaint, just sort it", "no"),
        ("we don't need to make a complaint, can you just send someone", "no"),
        ("T not wanting formal complaint, just the lock fixed", "no"),
        ("No I want a formal complaint", "yes"),
        # A question about the choice is not the choice (r5a-06, r6a-12).
        ("If I complain will it be a problem for my tenancy?", "question"),
        ("if i dont make it formal what happens?", "question"),
        ("can I make a formal complaint please?", "yes"),
    ],
)
def test_the_choice_read_from_words(answers: dict[str, Answer], text: str, kind: str) -> None:
    assert understand(OpenQuestion("choice_pending"), text, "enquiry", [], answers).kind == kind


@pytest.mark.parametrize(
    ("question", "text", "kind"),
    [
        # "I'll ring you" at "shall our team contact you?" is a no (r5c-16, r6a).
        ("request_contact_pending", "Not an emergency. I will ring you on Monday, thanks", "no"),
        # A yes that brings its details is taken with them, "only" and all (round 5).
        ("adjustments_pending", "yes im partially sighted so large print only please", "yes"),
        # Consent said in words at the consent question, whatever the model read (r6a-16).
        ("adjustment_consent", "she consents to it being recorded", "yes"),
        ("adjustment_consent", "I'm not ok with it being recorded", "none"),
        # Leaving in other words (r5b-15, r6a-15).
        ("escalation_reference", "no im only asking, just wanted to know", "leave"),
        ("outcome_sought", "got to go, ill finish this another time", "leave"),
    ],
)
def test_answers_in_round_6_wordings(
    answers: dict[str, Answer], question: str, text: str, kind: str
) -> None:
    form = None if question.endswith("pending") else "complaint_form"
    # The model reads a plain yes to an offer; the repair must still take the details with it.
    intent = "affirm" if question == "adjustments_pending" else "inform"
    assert understand(OpenQuestion(question, form), text, intent, [], answers).kind == kind


def test_a_question_inside_the_form_is_answered(answers: dict[str, Answer]) -> None:
    """r5c-09: "wait wot happens after i complain" was not recognised as a question."""
    understood = understand(
        OpenQuestion("still_happening", "complaint_form"),
        "hang on wot happens after i complain, how long does it take",
        "enquiry",
        [],
        answers,
    )
    assert understood.kind == "question"
    assert understood.answer is not None and understood.answer.id == "how_complaints_work"


def test_a_job_number_said_with_was_is_found() -> None:
    """r5b-07: "Job number was R-55102" in the first message was asked for again."""
    assert job_reference_in("Job number was R-55102.") == "Job number was R-55102"
    assert job_reference_in("the reference is CMP-2026-000001") is None


def test_not_having_decided_leaves_the_question_waiting() -> None:
    """Round 6: "Hang on, I haven't decided yet" at the choice got the survey comments reply."""
    understood = understand(
        OpenQuestion("choice_pending"), "Hang on, I haven't decided yet", "survey_feedback", [], {}
    )
    assert (understood.kind, understood.answer) == ("question", None)


@pytest.mark.parametrize(
    "text",
    [
        "oh god ok were going outside now. ring me 07700 900777 im Leanne",
        "i dont want to complain!! just get someone out. my number is 07700 900777",
        "we're outside now, my email is lee.h@example.com",
    ],
)
def test_details_given_to_the_contact_offer_are_a_yes_however_the_message_starts(
    answers: dict[str, Answer], text: str
) -> None:
    """Round 7 (r7b-08): after the gas route, the number and name given to "would you like our
    team to contact you?" got the complaint choice, then "I've stopped", and were never taken."""
    offer = OpenQuestion("request_contact_pending")
    assert understand(offer, text, "dissatisfaction", [], answers).kind == "yes"


@pytest.mark.parametrize(
    "text",
    [
        "Excuse me, I think is better not complain now. I not want any trouble with them",
        "its ok, best not to complain now",
        "hmm ill think about it and ring you tomorrow",
    ],
)
def test_second_thoughts_in_a_second_language_or_for_later_leave(text: str) -> None:
    """Round 8 r8a-04: "I think better not complain now ... I don't want trouble" was taken as
    the answer to the next question; r8b-05: "ill think about it and call you" got "you're
    welcome"."""
    for question in (CHOICE, STILL, OpenQuestion("earlier_request", "complaint_form")):
        assert understand_(question, text, "thank", []).kind == "leave", question


def test_saying_they_will_call_with_thanks_is_a_no_to_the_contact_offer() -> None:
    """Round 8 r8c-09: "i call the number. thank you" was read as thanks, the offer left open."""
    offer = OpenQuestion("request_contact_pending")
    for text in ("i call the number now, thank you", "ok i'll ring them myself thanks"):
        assert understand_(offer, text, "thank", []).kind == "no"
    assert understand_(offer, "ok thank you", "thank", []).kind == "none"
    assert understand_(offer, "i called you twice already", None, []).kind == "none"


@pytest.mark.parametrize(
    "text",
    [
        "no i've already made a complaint about this, i just want to know how long it takes",
        "I already have an open complaint with you",
        "its about my existing complaint",
    ],
)
def test_a_complaint_already_made_does_not_start_a_new_one_at_the_choice(text: str) -> None:
    """Round 8 r8b-06: "No, I already have a complaint" started the complaint form."""
    assert understand_(CHOICE, text, "affirm", OFFER_BUTTONS).kind == "leave"
    # Inside the form the same words are part of what went wrong.
    assert (
        understand_(OpenQuestion("complaint_aspects", "complaint_form"), text, None, []).kind
        != "leave"
    )


def test_a_question_nobody_can_answer_at_the_choice_keeps_the_choice_open() -> None:
    """Round 8 r8b-04: it went to triage, which said it could not answer and dropped the
    choice, so the next answer was read as a new message."""
    understood = understand_(CHOICE, "so what happens to the contractor if i complain?", None, [])
    assert (understood.kind, understood.unanswered) == ("question", True)


def test_asking_whether_anyone_reads_complaints_is_answered(answers: dict[str, Answer]) -> None:
    for text in ("does anybody even read them?", "is a real person going to read my complaint?"):
        understood = understand(CHOICE, text, None, [], answers)
        assert understood.answer is not None and understood.answer.id == "who_reads_complaints"


def test_asking_for_someone_to_come_and_look_at_a_repair_is_not_about_who_reads_complaints(
    answers: dict[str, Answer],
) -> None:
    """Round 13 r13b-01: a boiler losing pressure and "can someone come look at it" got the
    complaints team's timescales."""
    for text in (
        "my boiler keeps losing pressure every day, can someone come and look at it",
        "the extractor fan is rattling can somebody look at it please",
    ):
        asked = answer_for(text, answers)
        assert asked is None or asked.id != "who_reads_complaints", text


def test_swapping_a_part_is_no_question_about_swapping_homes(
    answers: dict[str, Answer],
) -> None:
    """Round 14 r14b-03: "swap the battery" got the mutual exchange answer."""
    for text in (
        "how do i get someone to swap the battery in the smoke alarm",
        "can you swap the tap washer, what do i do",
    ):
        asked = answer_for(text, answers)
        assert asked is None or asked.id not in ("mutual_exchange", "lettings"), text
    asked = answer_for("how does a house swap work with another tenant", answers)
    assert asked is not None and asked.id == "mutual_exchange"


@pytest.mark.parametrize(
    "text",
    [
        "no actually cancel. my neighbour will know it was me",
        "i said cancel",
        "T no longer wants to go ahead, she says the roofer has been now. pls close",
    ],
)
def test_cancel_said_inside_a_sentence_leaves(text: str) -> None:
    """Round 8 r8b-31 ("actually cancel. im worried...") and r8a-31 ("caller no longer wishes
    to proceed w/ complaint ... pls close") were stored as answers."""
    assert understand_(OpenQuestion("outcome_sought", "complaint_form"), text, None, []).kind == (
        "leave"
    )


def test_stop_about_the_problem_is_not_leaving() -> None:
    for text in ("i just want the dripping to stop", "can you make the banging stop"):
        assert not wants_to_leave(text)


def test_details_with_a_goodbye_are_a_yes_to_the_contact_offer() -> None:
    """Round 8 r8a-22: "yes please, email me at ... thanks, bye" was taken as "No, I'll call"."""
    offer = OpenQuestion("request_contact_pending")
    understood = understand_(offer, "yep text me on 07700 900654. ta, bye", "goodbye", [])
    assert understood.kind == "yes"


@pytest.mark.parametrize(
    "text",
    [
        "mum is deaf, so better to see her in person than ring",
        "she only speaks Bengali so get an interpreter when you talk to her",
    ],
)
def test_an_adjustment_that_mentions_a_person_is_an_answer_not_a_handover(text: str) -> None:
    """Round 8 r8a-06 and r8c-17: handed over mid-form, the complaint lost."""
    question = OpenQuestion("adjustments_needed", "complaint_form")
    understood = understand(question, text, "request_human", [], {}, asks_for_a_person=True)
    assert (understood.kind, understood.value) == ("slot", text)


def test_a_plain_request_for_a_person_hands_over_even_unmatched() -> None:
    """Round 8 r8c-32 (mid-form, "I can't answer that") and r8c-19 (first message, noted as a
    request)."""
    name = OpenQuestion("contact_name", "complaint_form")
    asked = understand_(name, "hmm could i speak to someone real instead?", None, [])
    assert asked == Understanding("button", "/request_human")
    typed = "I help my uncle with his post. Can we talk to a person about his damp please?"
    first = understand(None, typed, "service_request", [], {})
    assert first == Understanding("button", "/request_human")


def test_a_question_at_the_choice_is_answered_and_the_rest_chooses(
    answers: dict[str, Answer],
) -> None:
    """Round 8 r8a-29: "What is the difference? I only want it fixed" got "I can't answer that"
    and the choice was dropped."""
    typed = "whats the difference? i only want it sorted"
    understood = understand(CHOICE, typed, None, [], answers)
    assert understood.kind == "no"
    assert understood.answer is not None and understood.answer.id == "complaint_or_not"


def test_a_question_that_mentions_complaining_elsewhere_does_not_choose() -> None:
    """Round 8 r8b-15: "can you even do anything about the councils list? or do i complain to
    them" started the complaint form."""
    text = "can u actually do anything about the waiting list? or should i complain to the council"
    assert understand_(CHOICE, text, "affirm", OFFER_BUTTONS).kind != "yes"


def test_a_request_for_a_person_read_by_the_model_is_left_to_the_rules_not_answered() -> None:
    question = OpenQuestion("still_happening", "complaint_form")
    text = "sorry can i talk to a real person instead?"
    understood = understand(question, text, "request_human", [], {}, asks_for_a_person=True)
    assert understood.kind == "none"


def test_nothing_else_to_change_with_a_yes_agrees_at_the_read_back() -> None:
    """Round 8 r8a-30: "Nothing else to change. Yes, that's right." got the menu again."""
    for text in ("nothing more to change, yes thats right", "no changes now"):
        assert understand_(READ_BACK, text, None, []).kind == "yes"
    assert understand_(READ_BACK, "nothing else to change but the date", None, []).kind == "amend"


def test_yes_i_want_to_complain_with_nothing_open_asks_for_the_complaint() -> None:
    """Round 8 r8b-32: "yes i want to complain about it" got "What would you like to tell us
    about?" and the complaint was lost."""
    wanted = understand(None, "yeah i do want to make a complaint about that", "affirm", [], {})
    assert wanted == Understanding("button", "/make_complaint")
    assert understand(None, "yes please", "affirm", [], {}).kind == "none"


def test_neither_at_the_choice_is_neither() -> None:
    """Round 8 r8c-26: "neither, I'll ring for the claim form" was taken as putting it right."""
    understood = understand_(CHOICE, "neither of those, ill phone about the form. ta", "deny", [])
    assert understood.kind == "leave"


def test_can_a_person_check_this_is_a_request_for_a_person() -> None:
    """Round 8 r8a-08: "Can a person check this please?" got "I can't answer that one"."""
    typed = "I already had your letter. could a real person look at it please?"
    assert understand(None, typed, "enquiry", [], {}) == Understanding("button", "/request_human")


@pytest.mark.parametrize(
    "text",
    ["cn i talk 2 sum1 real", "can i jus speak 2 some1 pls", "cud i tlk wiv somebody",
     "ffs thats the number i gave. cn i talk 2 sum1"],
)  # fmt: skip
def test_a_person_asked_for_in_text_speak_is_handed_over(text: str) -> None:
    """Round 9 r9c06: "cn i talk 2 sum1 real" got "I can't answer that one myself"."""
    said = understand_(None, text, "enquiry", [])
    assert (said.kind, said.value) == ("button", "/request_human")


@pytest.mark.parametrize(
    ("text", "takes_back"),
    [("i didnt ask for a person?? i just want my complaint logged", True),
     ("I did not ask to speak to anyone", True),
     ("no i dont want a person, carry on", True),
     ("I don't need to talk to someone, sorry wrong button", True),
     ("nah dont worry then ill just do it with you", True),
     ("i said i dont need the human anymore", True),
     ("cancel", True),
     ("forget the person thing", True),
     ("Carry on here", True),
     ("can i make the complaint here instead", True),
     ("can I talk to a person", False),
     ("cancel my complaint please", False),
     ("forget it, the boiler is fine now", False),
     ("I didn't ask for much, just a working boiler", False),
     ("nobody asked me what I want", False)],
)  # fmt: skip
def test_a_handover_is_taken_back_only_when_the_resident_says_so(
    text: str, takes_back: bool
) -> None:
    """Round 10 r10b-16: "i didnt ask for a person??" after a mistaken handover got silence;
    round 11 r11d-12, r11d-14: changing one's mind about waiting got silence too."""
    assert takes_back_a_person_request(text) is takes_back


ADJUSTMENTS = OpenQuestion("adjustments", "adjustments_form")


@pytest.mark.parametrize(
    "text",
    ["I said already - writing is better for me than phone, my english. Thats all",
     "large print letters please and more time to reply, that's it"],
)  # fmt: skip
def test_an_answer_ending_thats_all_at_a_form_question_is_the_answer(text: str) -> None:
    """Round 11 r11d-08: the adjustments answer ending "Thats all" left the form, and the
    complaint was never logged."""
    assert understand_(ADJUSTMENTS, text, None, []).kind != "leave"
    assert understand_(ADJUSTMENTS, "ok thank you, that's all", None, []).kind == "leave"


@pytest.mark.parametrize(
    "text",
    ["ugh forget it just log it as it is",
     "I've changed my mind, I do want to make a formal complaint",
     "forget what i said before, i want the complaint made"],
)  # fmt: skip
def test_asking_for_the_complaint_to_go_ahead_is_no_way_out_of_it(text: str) -> None:
    """Round 11 r11a-02: "forget it just log it as it is" at the read-back was read as leaving,
    and the complaint the resident asked to log was dropped."""
    assert understand_(STILL, text, None, []).kind != "leave"
    assert understand_(READ_BACK, text, None, []).kind in ("yes", "check")
    assert understand_(READ_BACK, "just log it as it is please", None, []).kind == "yes"
    assert understand_(STILL, "I've changed my mind, I don't want to complain", None, []).kind == (
        "leave"
    )


@pytest.mark.parametrize(
    "text",
    ["i literally just made one?? i want the rubbish moved, not another complaint",
     "no not a new complaint, he already has one. just a note on it"],
)  # fmt: skip
def test_not_another_complaint_at_the_offer_starts_none(text: str) -> None:
    """Round 11 r11a-12, r11d-16: "not another complaint" and "not a new complaint, he already
    has one" at the offer started a second complaint form."""
    assert understand_(CHOICE, text, None, []).kind != "yes"
    assert complaint_choice(text) is not True


def test_a_no_that_asks_for_the_complaint_after_leaving_it_starts_it() -> None:
    """Round 11 r11d-08: after the form stopped by mistake, "What?? No I dont want stop! I want
    the complaint about the entry door please" got "Goodbye"."""
    text = "What?? No I dont want stop! I want the complaint about the entry door please"
    said = understand_(None, text, "deny", [])
    assert (said.kind, said.value) == ("button", "/make_complaint")
    assert understand_(None, "no I don't want to complain, bye", "deny", []).value != (
        "/make_complaint"
    )


def test_a_person_asked_for_after_an_unwanted_note_is_handed_over() -> None:
    """Round 12 r12d-03: "I did not ask for anyone to put anything right. Very well, let me speak
    to a person then." was offered the complaint choice again."""
    text = "I did not ask for anyone to put anything right. Very well, let me speak to a person."
    said = understand_(None, text, "dissatisfaction", [])
    assert (said.kind, said.value) == ("button", "/request_human")


def test_i_have_one_already_at_the_offer_starts_no_new_complaint_and_puts_nothing_right() -> None:
    """Round 12 r12d-03: "No, I don't want to make another complaint, I have one already" at the
    offer was logged as putting it right, with a callback nobody asked for."""
    text = "No, I don't want to make another complaint, I have one already. I asked how long."
    assert understand_(CHOICE, text, "deny", []).kind == "leave"


@pytest.mark.parametrize(
    ("text", "intent", "kind"),
    [
        # Round 13 r13b-08: the model read thanks, and nothing was logged.
        ("yes correct, thanks ever so much", "thank", "yes"),
        ("thanks very much", "thank", "check"),
        ("the date is wrong, thanks", "thank", "amend"),
        # r13a-04: "is correct" after a yes is no question.
        ("yes is good. when do you reply?", "affirm", "yes"),
        ("ok so what happens next?", "affirm", "check"),
        # r13c-04: a yes in Urdu or Hindi words.
        ("thik hai, yes", "affirm", "yes"),
        # r13b-08: a no with only a question beside it is no correction.
        ("no that's all. will I get a reference?", "deny", "check"),
        ("no, the leak started in May not June", "deny", "amend"),
    ],
)
def test_the_read_back_reads_a_yes_beside_thanks_or_a_question(
    text: str, intent: str, kind: str
) -> None:
    assert understand_(READ_BACK, text, intent, []).kind == kind


@pytest.mark.parametrize(
    ("text", "way", "ruled_out"),
    [
        # Round 13 r13b-07: a time not to ring is a call at other times, not "no calls".
        ("no. but pls dont ring after 6 i do nights", "phone, not after 6", False),
        ("do not call me before 10am", "phone, not before 10am", False),
        ("text me, don't phone at weekends", "text, not at weekends", False),
        # Round 15 r15c-04: a way ruled out is never the way used, "my phone" after it neither.
        ("please dont ring me, he checks my phone", None, True),
    ],
)
def test_a_time_not_to_ring_is_kept_with_the_way_and_is_no_ban_on_calls(
    text: str, way: str | None, ruled_out: bool
) -> None:
    assert contact_preference(text) == way
    assert rules_out_calls(text) is ruled_out


def test_health_details_refused_are_taken_out_and_what_would_help_stays(policy: Policy) -> None:
    """Round 13 r13a-07: the disability stayed in what went wrong after the refusal; "easy read"
    is what would help (the need's own offer names it), not a health detail."""
    needs = policy.needs.values()
    told = "The stair lights are out. She is autistic, and the dark scares her. Please fix them."
    assert without_health_details(told, needs) == (
        "The stair lights are out. The dark scares her. Please fix them."
    )
    kept = "easy read for him, and call me first, he has ADHD"
    assert without_health_details(kept, needs) == "Easy read for him, and call me first."
