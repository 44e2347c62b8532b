"""A resident who has died, and someone acting for their estate (round 24 r24b-03): a son,
daughter or other next of kin, or the executor of the will. The resident cannot agree to anyone
acting for them, and must never be contacted; the helper's authority is recorded instead, and
staff ask for the death certificate, the will or the grant of probate. Nothing here is a danger
sign: the safety routes read these messages on their own."""

from __future__ import annotations

import re

# The resident has died: "she passed away in october", "my late father", "mum died last
# month", "she's dead", "since his death", "the tenant is deceased".
PERSON = (
    r"(?:she|he|they|mum|mam|mom|mother|dad|father|nan|gran|grandma|grandad|husband|wife|"
    r"partner|brother|sister|aunt|auntie|uncle|(?:the )?(?:tenant|resident))"
)
DIED = re.compile(
    r"\bpassed away\b|\bpassed on\b|\bdeath certificate\b|\bsince (?:her|his|their) death\b"
    # "mum died in october", "she's dead", "the tenant is deceased"; not "the boiler died".
    rf"|\b{PERSON}(?:'s|\u2019s|s)?(?:\s+(?:has|had|have|is|was|sadly|recently|just|now))*\s+"
    r"(?:died|dead|deceased)\b"
    r"|\bmy late\s+(?:mum|mam|mom|mother|dad|father|nan|gran|grandma|grandad|husband|wife|"
    r"partner|brother|sister|aunt|auntie|uncle|son|daughter)\b",
    re.IGNORECASE,
)
# The writer acts for the estate: "I'm the executor", "as executor", "executrix of her will",
# "I have probate", "administrator of his estate".
ESTATE_ROLE = re.compile(
    r"\b(?:executor|executrix|executors|probate|letters of administration|"
    r"administrator of (?:her|his|their|the) estate|(?:her|his|their) estate)\b",
    re.IGNORECASE,
)
# "did she die?", "what if he dies": a question or a fear, not a death told.
NOT_TOLD = re.compile(r"\b(?:if|what if|in case|could|might|would|will)\b[^.?!]{0,20}\bdie", re.I)


def resident_has_died(text: str) -> bool:
    """Whether a message tells that the person it is about has died, or that the writer acts
    for their estate."""
    if ESTATE_ROLE.search(text):
        return True
    found = DIED.search(text)
    return found is not None and NOT_TOLD.search(text) is None


def died_told(messages: list[str] | tuple[str, ...]) -> bool:
    return any(resident_has_died(text) for text in messages)


# How the helper's authority is read back, in place of the resident's agreement.
ESTATE_LINE = (
    "They have died, so we will not contact them. You are acting for their estate. Our team "
    "will ask you for a copy of the death certificate, and the will or the grant of probate."
)

# What is said when the helper's authority is noted outside a complaint, in place of "they have
# agreed" (round 24 r24a-01 t5, r24b-03).
AUTHORITY_NOTED = {
    "executor": (
        "Thank you. I'm sorry for your loss. We have noted that you are acting for their "
        "estate, so we will not contact them. Our team will ask you for a copy of the death "
        "certificate, and the will or the grant of probate."
    ),
    "power_of_attorney": (
        "Thank you. We have noted that you are acting for them under a lasting power of "
        "attorney. We have not recorded that they agreed. Our team may ask you for a copy of it."
    ),
}
