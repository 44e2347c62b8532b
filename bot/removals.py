"""What a correction at the read-back takes out or keeps: "take out the rent bit", "the
complaint is only the fence", a sentence quoted back. The patterns and the words they look for,
for bot.corrections."""

from __future__ import annotations

import re

from bot.text import words

# "The complaint is only the fence and the rude man": the sentences about those are kept.
KEEP_ONLY = re.compile(
    r"\b(?:the complaint|my complaint|it|its|it's|complaint)\s+(?:is|'s)?\s*(?:only|just|really)\s+"
    r"(?:about|abt|re|regarding|for)?\s*(?P<what>.+)"
    r"|\b(?:the complaint|my complaint)\s+is\s+(?:about|abt|regarding)\s+(?P<what2>.+)",
    re.IGNORECASE | re.DOTALL,
)
# "Please take out the rent question", "remove the bit about the light", "the rent bit is not
# part of the complaint", "the bit about her name shouldn't be there", "take the rent bit out".
REMOVE = re.compile(
    r"\b(?:take out|taking out|take away|remove|delete|drop|leave out|get rid of|cut out|"
    r"scrap|lose|strike out|cross out|rid of)\s+(?P<what>[^,.;!?]+)"
    r"|(?P<what2>[^,.;!?]+?)\s+(?:is not|isn'?t|isnt|is nothing to do with|not|has nothing to do "
    r"with|doesn'?t belong|does not belong)\s*(?:part of|in|with)?\s*(?:the|my|this)?\s*"
    r"complaint"
    r"|(?P<what3>[^,.;!?]+?)\s+(?:shouldn'?t|should not|does not need to|doesn'?t need to)\s+"
    r"be (?:there|in (?:it|there))"
    # "take the bath panel out of what went wrong" (round 9 r9c20 was asked which part).
    r"|\b(?:take|taking|leave|get|cut)\s+(?P<what4>(?:the|that|this|my|her|his|their)\s+"
    r"[^,.;!?]+?)\s+(?:out|off)\b",
    re.IGNORECASE,
)
# "take that out", "cut it out": a removal of what is quoted beside it.
TAKE_IT_OUT = re.compile(r"\b(?:take|cut|leave|get)\s+(?:that|it|this)\s+(?:out|off)\b", re.I)
# Words quoted from the read-back: 'I'd rather phone someone', "the rent bit".
QUOTED = re.compile(r"(?:^|\s)['\"\u2018\u201c](.{3,}?)['\"\u2019\u201d](?=[\s,.;:!?]|$)")
# Words in "the bit about ..." that name no content.
PLACE_IN_TEXT = {
    "the", "a", "an", "bit", "bits", "part", "parts", "question", "sentence", "line", "stuff",
    "thing", "things", "about", "abt", "on", "re", "regarding", "with", "of", "at", "end", "start",
    "beginning", "what", "went", "wrong", "that", "this", "it", "its", "it's", "my", "her",
    "his", "their", "please", "pls", "all", "also", "and", "or", "in", "to", "from", "is", "was",
    "i", "me", "you", "can", "could", "just", "only", "really", "complaint", "there", "more",
    "be", "as", "well", "for", "where", "which", "who", "how", "when", "not", "new", "so",
}  # fmt: skip
# Words that open a sentence going on from the one before.
GOES_ON = {"he", "she", "they", "it", "this", "that", "then", "and", "but", "so", "which"}
AT_THE_END = re.compile(r"\b(?:at the end|last bit|end bit|last sentence|last line)\b", re.I)


def keywords(what: str) -> set[str]:
    """The content words of "the rent question" or "the fence and the rude man"."""
    # A short name keeps its place: "take out the bit about Jo" (round 25 r25b-03 t11 found no
    # word to take out, and was asked which part).
    names = {name.lower() for name in re.findall(r"\b[A-Z][a-z]\b", what) if name != "To"}
    found = {
        w for w in words(what).split() if w not in PLACE_IN_TEXT and (len(w) > 2 or w in names)
    }
    return {w if len(w) <= SHORT else w.removesuffix("'s").rstrip("s") or w for w in found}


# Keywords this short (a name: "Jo", "Al") match only a whole word, never "job" or "also".
SHORT = 2


def mentions(sentence: str, wanted: set[str]) -> bool:
    """A sentence mentions a keyword when one of its words starts with it ("roof", "roofer"),
    or with its stem where it ends in "e" ("abuse", "abusing": round 19 r19b-11 t8)."""
    said = words(sentence).split()
    stems = {key[:-1] if key.endswith("e") and len(key) > STEMMED else key for key in wanted}
    return any(
        word == key if len(key) <= SHORT else word.startswith(key) for word in said for key in stems
    )


# Keywords longer than this lose a last "e" to match their other forms.
STEMMED = 4
