"""The round-24 merge: whose contact details a helper gives is told by the words beside them
("mum's email"), never by the address's own words ("gary.whitlock@..." is not Margaret
Whitlock's)."""

from __future__ import annotations

import pytest

from bot.contact_wishes import about_the_resident


@pytest.mark.parametrize(
    ("clause", "resident", "hers"),
    [
        ("mum's email is fatima.rahman@example.com, copy her in", "Fatima Rahman", True),
        ("my nans number is 07700 900111", "Edna Price, 4 Elm Road", True),
        ("her mobile is 07700 900222", "Joan Doyle", True),
        ("my email is gary.whitlock@example.co.uk", "Margaret Whitlock", False),
        ("text me on 07700 900 555", "Fatima Rahman", False),
    ],
)
def test_whose_details_are_told_by_the_words_beside_them(
    clause: str, resident: str, hers: bool
) -> None:
    assert about_the_resident(clause, resident) is hers
