"""Round 25 (issue 16, conversation faults left from round 24), in pure functions: who the tenant
is, told instead of a name; what they want read back whole, never cut at a stop inside it."""

from __future__ import annotations

import pytest

from bot.told import outcome_told, tenant_is_another


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
            "would like the damp treated, plus a rebate as the room was unusable from Sept. to "
            "Nov",
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
