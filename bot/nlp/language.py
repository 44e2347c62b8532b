"""Which language a message is written in, offline (lingua, models inside the package).

The English model cannot read Polish or Somali; a message in another language gets the texts the
landlord provides in it (policy_rules/languages.yml) and the offer of a person with an
interpreter, instead of a guess. Only the landlord's languages and English are told apart, and
English wins unless another language is clearly more likely: a false "not English" would stop
triage of an English message, which costs far more than one missed language.

Urdu, Bengali and Arabic are often typed in English letters ("mujhe urdu mein baat karni hai",
"ami bangla te kotha bolte chai", "ana mish fahem"); lingua knows them only in their own alphabet
and reads them as English. The landlord lists each language's common romanised words, and a
message made mostly of one language's words is in that language.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from functools import cached_property

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

from bot.nlp.matches import only_other_alphabets

# Chosen on data/nlu (no English example detected as another language) and the languages'
# own danger words; see tests/unit/test_language.py.
SURE_ENOUGH = 0.7
ENGLISH_AT_MOST = 0.1
FEWEST_WORDS = 3
# A romanised message: at least this many of its words, and at least this share of them, are the
# language's common romanised words. Chosen on tests/data/language_samples.yml (every romanised
# sample found, no English sample taken) and data/nlu (no English example taken).
ROMANISED_AT_LEAST = 3
ROMANISED_SHARE = 0.4
# English words enough beside a romanised message for the English model to read it, of which
# some must be the everyday words that make English sentences: nouns alone ("boiler", "kitchen")
# are borrowed into Urdu and Bengali as they are ("humara boiler do din se kharab hai" is Urdu).
ENGLISH_WORDS_BESIDE = 3
ENGLISH_GLUE_AT_LEAST = 2
ENGLISH_GLUE = frozenset(
    (
        "please", "plz", "pls", "fix", "fixed", "send", "come", "check", "need", "needs",
        "help", "can", "you", "someone", "asap", "the", "and", "is", "it", "my", "not", "this",
        "that", "been", "has", "have", "broken", "leaking", "since", "for", "with", "from",
        "urgent", "today", "now", "still", "again", "sort", "repair", "look", "out", "want",
    )
)  # fmt: skip
# Words as typed in English letters: Arabizi writes some Arabic letters as digits ("3andi").
TYPED_WORD = re.compile(r"[a-z0-9']*[a-z][a-z0-9']*")


class LanguageIdentifier:
    def __init__(
        self,
        language_ids: list[str],
        romanised_words: Mapping[str, Collection[str]] | None = None,
    ) -> None:
        unknown = [i for i in language_ids if not hasattr(IsoCode639_1, i.upper())]
        if unknown:
            raise ValueError(f"no language identification for {', '.join(unknown)}")
        self._languages = [Language.ENGLISH] + [
            Language.from_iso_code_639_1(getattr(IsoCode639_1, i.upper())) for i in language_ids
        ]
        self._romanised = {
            language_id: frozenset(word.lower() for word in words)
            for language_id, words in (romanised_words or {}).items()
            if words
        }

    @cached_property
    def _detector(self) -> LanguageDetector:
        # Built on first use: loading the models takes seconds and most messages never need it.
        return LanguageDetectorBuilder.from_languages(*self._languages).build()

    def other_language(self, text: str) -> str | None:
        """The ISO 639-1 code of the landlord's language the message is in, or None for English
        (or too short to tell)."""
        if len(text.split()) < FEWEST_WORDS and not only_other_alphabets(text):
            return None
        romanised = self._romanised_language(text)
        if romanised:
            return romanised
        confidences = self._detector.compute_language_confidence_values(text)
        english = next((c.value for c in confidences if c.language == Language.ENGLISH), 0.0)
        top = confidences[0]
        if top.language == Language.ENGLISH or english > ENGLISH_AT_MOST:
            return None
        if top.value < SURE_ENOUGH:
            return None
        return top.language.iso_code_639_1.name.lower()

    def likeliest(self, text: str, among: Collection[str]) -> str | None:
        """Which of the given languages the message is most like: words of one alphabet shared
        by languages (Urdu and Punjabi in Shahmukhi both write "گیس") are told apart by the
        rest of the message."""
        wanted = {language_id.upper() for language_id in among}
        for confidence in self._detector.compute_language_confidence_values(text):
            code = confidence.language.iso_code_639_1.name
            if code in wanted and confidence.value > 0:
                return code.lower()
        return None

    def reads_as_english(self, text: str) -> bool:
        """Long enough to tell, and English is its likeliest language: words of another language
        inside it ("ur gas" is Somali for a smell of gas) are English words there."""
        if len(text.split()) < FEWEST_WORDS or self.other_language(text):
            return False
        confidences = self._detector.compute_language_confidence_values(text)
        return confidences[0].language == Language.ENGLISH

    def mixed_with_english(self, text: str) -> bool:
        """A message typed in another language's English letters with English of its own
        beside ("mera boiler kharab hai 3 din se, please fix"): the English model can read what
        it is about, so it is read in English, with the language need noted."""
        language = self._romanised_language(text)
        if language is None:
            return False
        known = self._romanised[language]
        rest = [word for word in TYPED_WORD.findall(text.lower()) if word not in known]
        return (
            len(rest) >= ENGLISH_WORDS_BESIDE
            and len(ENGLISH_GLUE.intersection(rest)) >= ENGLISH_GLUE_AT_LEAST
            and self.reads_as_english(" ".join(rest))
        )

    def _romanised_language(self, text: str) -> str | None:
        words = TYPED_WORD.findall(text.lower())
        if not words:
            return None
        counts = {
            language_id: sum(word in known for word in words)
            for language_id, known in self._romanised.items()
        }
        best = max(counts, key=lambda language_id: counts[language_id], default=None)
        if best is None:
            return None
        found = counts[best]
        if found >= ROMANISED_AT_LEAST and found / len(words) >= ROMANISED_SHARE:
            return best
        return None
