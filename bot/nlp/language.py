"""Which language a message is written in, offline (lingua, models inside the package).

The English model cannot read Polish or Somali; a message in another language gets the texts the
landlord provides in it (policy_rules/languages.yml) and the offer of a person with an
interpreter, instead of a guess. Only the landlord's languages and English are told apart, and
English wins unless another language is clearly more likely: a false "not English" would stop
triage of an English message, which costs far more than one missed language.
"""

from __future__ import annotations

from functools import cached_property

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

from bot.nlp.matches import only_other_alphabets

# Chosen on data/nlu (no English example detected as another language) and the languages'
# own danger words; see tests/unit/test_language.py.
SURE_ENOUGH = 0.7
ENGLISH_AT_MOST = 0.1
FEWEST_WORDS = 3


class LanguageIdentifier:
    def __init__(self, language_ids: list[str]) -> None:
        unknown = [i for i in language_ids if not hasattr(IsoCode639_1, i.upper())]
        if unknown:
            raise ValueError(f"no language identification for {', '.join(unknown)}")
        self._languages = [Language.ENGLISH] + [
            Language.from_iso_code_639_1(getattr(IsoCode639_1, i.upper())) for i in language_ids
        ]

    @cached_property
    def _detector(self) -> LanguageDetector:
        # Built on first use: loading the models takes seconds and most messages never need it.
        return LanguageDetectorBuilder.from_languages(*self._languages).build()

    def other_language(self, text: str) -> str | None:
        """The ISO 639-1 code of the landlord's language the message is in, or None for English
        (or too short to tell)."""
        if len(text.split()) < FEWEST_WORDS and not only_other_alphabets(text):
            return None
        confidences = self._detector.compute_language_confidence_values(text)
        english = next((c.value for c in confidences if c.language == Language.ENGLISH), 0.0)
        top = confidences[0]
        if top.language == Language.ENGLISH or english > ENGLISH_AT_MOST:
            return None
        if top.value < SURE_ENOUGH:
            return None
        return top.language.iso_code_639_1.name.lower()
