"""The README's figures are rewritten between their markers, with the in-sample note."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tools.figures import END, IN_SAMPLE_NOTE, START, rewrite, table


def test_the_table_is_replaced_between_the_markers_and_nothing_else(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(f"# Title\n\nbefore\n{START}\nold figures\n{END}\nafter\n", encoding="utf-8")
    body = table(
        {"dev": {"macro_f1": 0.91, "tfidf_macro_f1": 0.84, "safety_recall": 1.0, "p95_ms": 21.7}},
        {"by file": {"macro_f1": 0.88}},
    )
    rewrite(readme, body, date(2026, 12, 4))
    text = readme.read_text(encoding="utf-8")
    assert "old figures" not in text
    assert text.startswith("# Title\n\nbefore\n") and text.endswith(f"{END}\nafter\n")
    assert "Figures from 4 December 2026" in text and IN_SAMPLE_NOTE in text
    assert "| macro-F1 (5 labels) | 0.910 | 0.880 |  |" in text
    assert "| TF-IDF + LR baseline, macro-F1 | 0.840 |  |  |" in text
    assert "| urgent recall (route given) | 1.000 |  | dev: in-sample |" in text
    assert "| parse + triage per message, p95 (ms) | 21.7 |  |  |" in text
    assert "dissatisfaction recall" not in text, "a measure nobody measured gets no row"


def test_a_readme_without_markers_is_left_alone(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# Title\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no figures markers"):
        rewrite(readme, "table", date(2026, 12, 4))
    assert readme.read_text(encoding="utf-8") == "# Title\n"
