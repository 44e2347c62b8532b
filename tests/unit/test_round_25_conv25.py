"""Round 25 (issue 16, conversation faults left from round 24), in pure functions: who the tenant
is, told instead of a name; what they want read back whole, never cut at a stop inside it."""

from __future__ import annotations

import pytest

from actions.request_contact import a_job_at_the_home
from bot.casestore.domain import ServiceRequest
from bot.definition import DraftDefinition, unsure_answer
from bot.fits import unsure_of_an_earlier_report
from bot.told import about_the_problem, outcome_told, praise_told, tenant_is_another


# Fault 1 (round 24 r24b-03 t6).
@pytest.mark.parametrize(
    ("text", "relationship"),
    [
        ("neither of us, my nan was the tenant", "family"),
        ("not me its my step dads place", "family"),
        ("im their nephew", "family"),
        ("the tenant is my friend, she asked me to", "other_representative"),
        ("i am his carer", "carer"),
    ],
)
def test_who_the_tenant_is(text: str, relationship: str) -> None:
    assert tenant_is_another(text) == relationship


@pytest.mark.parametrize(
    "text", ["im the tenant", "its my flat", "my mum has been unwell", "Sam Jones", "my dad's car"]
)
def test_no_other_tenant(text: str) -> None:
    assert tenant_is_another(text) is None


# Fault 2 (round 24 r24b-03 t13, r24a-05 t7): "You would like" cut at a stop inside it.
@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        (
            "we would like the damp treated, plus a rebate as the room was unusable from Sept. "
            "to Nov.",
            "would like the damp treated, plus a rebate as the room was unusable from Sept. to Nov",
        ),
        (
            "I want the window replaced. Also compensation for the heating bills and an apology.",
            "want the window replaced. Also compensation for the heating bills and an apology",
        ),
        (
            "the sink leaks. i want someone to fix it properly, e.g. a new trap not tape",
            "want someone to fix it properly, e.g. a new trap not tape",
        ),
        (
            "I want the rent stopped... and the money back for the two months",
            "want the rent stopped... and the money back for the two months",
        ),
    ],
)
def test_what_they_want_is_read_to_its_end(text: str, outcome: str) -> None:
    assert outcome_told(text) == outcome


@pytest.mark.parametrize(
    "text", ["I want it fixed. The man was rude though.", "i want it fixed. the man was rude"]
)
def test_a_sentence_after_it_about_something_else_is_not_added(text: str) -> None:
    assert outcome_told(text) == "want it fixed"


# Fault 3 (round 24 r24b-02 t1, t11): praise beside a complaint, kept in what went wrong.
@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "the gas engineer on monday was really helpful but the radiators are still cold "
            "after 4 visits",
            "the radiators are still cold after 4 visits",
        ),
        (
            "Good morning. I must say your cleaner, Maria, does a fantastic job on the landings. "
            "However the bin store has not been emptied for three weeks.",
            "the bin store has not been emptied for three weeks.",
        ),
        (
            "the back door still sticks and lets the rain in, though the joiner was very polite",
            "the back door still sticks and lets the rain in",
        ),
    ],
)
def test_praise_is_no_part_of_what_went_wrong(text: str, kept: str) -> None:
    assert praise_told(text)
    assert about_the_problem(text) == kept


@pytest.mark.parametrize(
    "text",
    [
        "the engineer was not helpful and the boiler is still broken",
        "great, another leak. the ceiling is coming down",
        "the contractor was rude and left a mess everywhere",
        "was the plumber any good? the tap is dripping again",
    ],
)
def test_no_praise_is_found_where_there_is_none(text: str) -> None:
    assert not praise_told(text)
    assert about_the_problem(text) == text


# Fault 4: an unsure answer is read back as unsure, never as a request reported before.
def test_an_unsure_answer_is_read_back_as_unsure() -> None:
    draft = DraftDefinition(
        aspects="the lift is broken",
        still_happening=True,
        outcome="want it fixed",
        representative=None,
        contact_name="Jo Bell",
        contact_details="07700 900555",
        contact_preference="phone",
        adjustments=None,
        earlier_request=unsure_answer("my son may have"),
    )
    said = draft.read_back()
    assert "Whether you reported it to us before: not sure (my son may have)" in said
    assert "It is about a request you reported before" not in said


@pytest.mark.parametrize(
    ("text", "added"),
    [("dunno", ""), ("not sure, maybe my mum did", "maybe my mum did"), ("no clue lol", "")],
)
def test_unsure_of_an_earlier_report(text: str, added: str) -> None:
    assert unsure_of_an_earlier_report(text) == added


@pytest.mark.parametrize("text", ["no", "yes, job 4471203", "maybe in may, i rang them", "its me"])
def test_not_unsure_of_an_earlier_report(text: str) -> None:
    assert unsure_of_an_earlier_report(text) is None


# Fault 5 (note 24 section 5): a ring-back about a repair is a job at the home.
@pytest.mark.parametrize(
    "description",
    [
        "could somebody ring me back about the entry phone, it's dead",
        "can you get someone to call me back about my leaking toilet",
        "i need to speak to someone about the broken window in my bedroom",
    ],
)
def test_a_ring_back_about_a_repair_is_a_job_at_the_home(description: str) -> None:
    assert a_job_at_the_home(ServiceRequest("general", False, description=description))


@pytest.mark.parametrize(
    "description",
    [
        "can someone call me back about my rent account",
        "please ring me back, i want to withdraw my complaint about the leak",
        "can i talk to my housing officer please",
    ],
)
def test_a_ring_back_about_no_repair_is_still_no_job(description: str) -> None:
    assert not a_job_at_the_home(ServiceRequest("general", False, description=description))
