"""spaCy pipeline for the intake assistant: blank English plus lookup lemmas, built offline.

Rasa's SpacyNLP loads pipelines by installed package name (and records that name in the model
archive), so the pipeline is a package. `python spacy_pipeline/build.py` writes its data at set-up.
"""

from typing import Any

from spacy.language import Language
from spacy.util import load_model_from_init_py


def load(**overrides: Any) -> Language:
    return load_model_from_init_py(__file__, **overrides)
