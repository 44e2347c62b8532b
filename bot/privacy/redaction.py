"""Keep residents' names, emails, phone numbers, postcodes, addresses, health and channel ids out
of the logs.

Residents type these into the chat, and any log line that quotes a message, a tracker or an error
from the database could carry them. The filter masks what it can recognise: emails, UK phone
numbers and postcodes anywhere, a name after "my name is" or a title (Mrs, Mr, ...), a name
written as one without a cue ("Jane Okafor", read as bot.definition reads names), words about
health and disability, a conversation id that is a social media account (`x:<id>`,
`messenger:<id>`, `fb:`/`ig:` ids), and an address after "I live at" or in the form "12 Acacia
Road". It masks too much rather than too little: a log line is for engineers, who never need the
resident's details (a phrase like "Rasa Server" is masked too, as it looks like a name).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any

from bot.definition import WRITTEN_NAME, written_names

logger = logging.getLogger(__name__)

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# +44 or 0, then 9 or 10 digits with single spaces, dashes or a bracket between them.
PHONE = re.compile(r"(?<![\w+])(?:\+44[\s-]?(?:\(0\)[\s-]?)?|\(?0)(?:\d\)?[\s-]?){8,9}\d(?!\d)")
POSTCODE = re.compile(
    r"\b(?:GIR\s?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-HJKPSTUW\d]?\s?\d[ABD-HJLNP-UW-Z]{2})\b",
    re.IGNORECASE,
)
_WORD = r"[A-Za-z][A-Za-z'\u2019-]*"
_CAPITALISED = r"[A-Z][A-Za-z'\u2019-]*"
# "my name is jane smith": up to three words, whatever their case, cut at the first common word.
NAME_AFTER_CUE = re.compile(
    r"(?i:\b(?:my|full|the)\s+name\s+is|\bmy\s+name['\u2019]s|\bname\s*:|\b(?:i['\u2019]?m|i\s+am)\s+called"
    r"|\bcall\s+me)\s+"
    rf"(?P<name>{_WORD}(?:[ \t]+{_WORD}){{0,2}})"
)
# "this is Jane Smith", "I'm Jane", "Mrs Okafor", "caller mr smith": capitalised words after
# a weaker cue; any word after a title.
NAME_AFTER_INTRODUCTION = re.compile(
    rf"(?i:\bthis\s+is|\bi['\u2019]?m|\bi\s+am|\bcaller(?:\s+is)?)\s+(?P<name>{_CAPITALISED}"
    rf"(?:[ \t]+{_CAPITALISED})?)"
)
NAME_AFTER_TITLE = re.compile(
    rf"(?i:\b(?:mr|mrs|ms|mx|miss|dr)\b\.?)\s+(?P<name>(?:[A-Za-z]\.[ \t]*)?{_WORD}"
    rf"(?:[ \t]+{_CAPITALISED})?)"
)
NOT_A_NAME = frozenset(
    {
        "a", "about", "after", "and", "as", "at", "because", "but", "by", "calling", "for",
        "from", "here", "i", "i'm", "im", "in", "is", "it", "my", "of", "on", "please", "so",
        "speaking", "the", "thanks", "to", "who", "with", "not", "expected", "sure", "going",
        "sorry", "afraid", "unable",
    }
)  # fmt: skip
STREET_TYPES = (
    "road|rd|street|st|avenue|ave|lane|ln|close|drive|dr|way|court|ct|crescent|cres|place|pl|"
    "grove|gardens|gdns|terrace|hill|park|square|sq|walk|mews|row|view|rise|green|parade|vale|"
    "gate|wharf|yard|fields|meadow|croft|estate"
)
STREET_ADDRESS = re.compile(
    r"\b(?:(?:flat|apartment|apt|unit|room)\s*\d+[a-z]?\s*,?\s*)?\d+[a-z]?\s*,?\s+"
    rf"(?:[a-z'\u2019-]+\s+){{1,3}}(?:{STREET_TYPES})\b\.?",
    re.IGNORECASE,
)
# "I live at Rose Cottage, Mill Lane": the rest of the clause.
ADDRESS_AFTER_CUE = re.compile(
    r"(?i:\b(?:i|we)\s+live\s+at|\b(?:my|our|the)\s+address\s+is|\baddress\s*:)\s+"
    r"(?P<address>[^.!?\n\"]{1,80}?)"
    r"(?=[.!?\n\"]|\s+(?:and|but|because|since|so|where|which)\b|$)"
)


# A platform's account id: `x:<id>`, `messenger:<id>`, `instagram:<id>` (bot.channels.platform),
# and the short forms people write.
CHANNEL_ID = re.compile(
    r"\b(?:x|fb|ig|messenger|instagram|facebook|twitter|meta)(?::|%3A)[\w-]*\d[\w-]*",
    re.IGNORECASE,
)
# Health and disability (UK GDPR Article 9): what residents say about themselves and their family
# when asking for an adjustment or describing the effect of damp (adjustments.yml's cues and more).
HEALTH = re.compile(
    r"\b(?:disab(?:led|ility|ilities)|deaf(?:ness)?|hard of hearing|hearing (?:aids?|loss|impair"
    r"(?:ed|ment))|blind(?:ness)?|partially sighted|(?:visually|sight) impaired|sight loss"
    r"|wheelchair(?: user)?|mobility (?:problems?|issues?|scooter)|housebound|bed ?bound"
    r"|walking (?:stick|frame)|crutches|autis(?:m|tic)|adhd|dyslexi[ac]|dementia|alzheimer'?s"
    r"|learning (?:disability|difficult(?:y|ies))|mental health|depress(?:ion|ed)|anxiety"
    r"|bipolar|schizophreni[ac]|ptsd|suicidal|self[- ]harm(?:ing)?|asthma(?:tic)?|copd"
    r"|bronchitis|pneumonia|lung (?:disease|condition)|cancer|chemo(?:therapy)?|diabet(?:es|ic)"
    r"|epilep(?:sy|tic)|seizures?|stroke|arthritis|heart (?:condition|disease|failure)|dialysis"
    r"|pregnan(?:t|cy)|miscarriage|hiv|terminal(?:ly ill)?|disorder|illness|medication"
    r"|sickle cell|multiple sclerosis|parkinson'?s|carer)\b",
    re.IGNORECASE,
)


def _written_names(match: re.Match[str]) -> str:
    """Names written as names ("Jane Okafor", "Mrs J. Okafor") in a run of capitalised words,
    found by the chat's own reader (bot.definition.written_names)."""
    text = match.group()
    for name in written_names(text):
        text = text.replace(name, "[name]")
    return text


def _masked_group(group: str, label: str) -> Callable[[re.Match[str]], str]:
    def mask(match: re.Match[str]) -> str:
        start, end = match.span(group)
        return f"{match.string[match.start() : start]}[{label}]{match.string[end : match.end()]}"

    return mask


def _masked_name(match: re.Match[str]) -> str:
    """Mask the name's words up to the first common word ("my name is jo and I ...")."""
    words = match.group("name").split()
    kept = 0
    while kept < len(words) and words[kept].lower() not in NOT_A_NAME:
        kept += 1
    if kept == 0:
        return match.group()
    name_start = match.start("name") - match.start()
    text = match.group()
    rest = " ".join(words[kept:])
    return f"{text[:name_start]}[name]{' ' + rest if rest else ''}"


MASKS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    (CHANNEL_ID, lambda _: "[channel id]"),
    (EMAIL, lambda _: "[email]"),
    (ADDRESS_AFTER_CUE, _masked_group("address", "address")),
    (STREET_ADDRESS, lambda _: "[address]"),
    (POSTCODE, lambda _: "[postcode]"),
    (PHONE, lambda _: "[phone]"),
    (NAME_AFTER_CUE, _masked_name),
    (NAME_AFTER_TITLE, _masked_name),
    (NAME_AFTER_INTRODUCTION, _masked_name),
    (WRITTEN_NAME, _written_names),
    (HEALTH, lambda _: "[health]"),
)


def redact(text: str) -> str:
    """The text with every recognisable piece of personal data replaced by its kind in brackets."""
    for pattern, mask in MASKS:
        text = pattern.sub(mask, text)
    return text


class RedactPersonalData(logging.Filter):
    """Rewrites a record's message, exception text and stack with `redact`; never drops one."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # arguments that do not fit the message
            message = f"{record.msg} {record.args!r}"
        record.msg, record.args = redact(message), ()
        if record.exc_info:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
            record.exc_info = None
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


def install_redaction() -> None:
    """Redact every log record this process makes, whichever logger or handler it goes to.

    The filter runs as each record is made rather than sitting on the root logger: Python applies
    a logger's filters only to records logged on that very logger, not to those that propagate
    up from `rasa.*` or `sanic.*`, and handlers that Rasa or Sanic add later would miss it.
    Installing twice changes nothing.
    """
    make_record = logging.getLogRecordFactory()
    if isinstance(make_record, _RedactingFactory):
        return
    logging.setLogRecordFactory(_RedactingFactory(make_record))
    logger.info("names, emails, phone numbers, postcodes and addresses are masked in these logs")


class _RedactingFactory:
    def __init__(self, make_record: Callable[..., logging.LogRecord]) -> None:
        self._make_record = make_record
        self._redaction = RedactPersonalData()

    def __call__(self, *args: Any, **kwargs: Any) -> logging.LogRecord:
        record = self._make_record(*args, **kwargs)
        self._redaction.filter(record)
        return record
