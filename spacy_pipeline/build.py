"""Write the en_intake_blank pipeline's data next to its __init__.py (run by scripts/setup.sh).

No pretrained pipeline can be downloaded here, so this is `spacy.blank("en")` with the lookup
lemmatizer from spacy-lookups-data: enough for tokens, lemmas and rule matching.
"""

import json
import shutil
from pathlib import Path

import spacy

PACKAGE_DIR = Path(__file__).parent / "en_intake_blank"
VERSION = "0.1.0"


def main() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    nlp.meta.update(
        name="intake_blank",
        version=VERSION,
        description="Blank English with lookup lemmas, for the intake assistant",
        license="MIT",
    )
    data_dir = PACKAGE_DIR / f"en_intake_blank-{VERSION}"
    shutil.rmtree(data_dir, ignore_errors=True)
    nlp.to_disk(data_dir)
    (PACKAGE_DIR / "meta.json").write_text(json.dumps(nlp.meta, indent=2))


if __name__ == "__main__":
    main()
