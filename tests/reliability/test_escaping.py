"""Markup a caller's words contain is shown in the staff console as the words typed, never run as
HTML. (The web chat widget's read-back of a resident's markup is tested in Chromium in
tests/browser/test_widget.py.)"""

from __future__ import annotations

import pytest
from markupsafe import escape

from tests.conftest import Running
from tests.console.client import ConsoleClient
from tests.console.staff import add_staff

pytestmark = pytest.mark.server

# Each piece would change the page if it were read as HTML: a script, bold text, an image whose
# error handler runs.
CALLER_WORDS = (
    'caller says the <b>mould</b> keeps coming back <img src=x onerror="window.injected=1"> '
    "<script>window.injected=1</script> in the bathroom, nobody has come, v unhappy"
)


def test_the_console_shows_a_callers_markup_as_text(running: Running) -> None:
    console = ConsoleClient(running.servers.rasa_url)
    password = add_staff(running.database_url, "rae.reliability")
    assert console.sign_in("rae.reliability", password).status_code == 303
    console.get("/console/")

    contact = console.follow(console.post("/console/triage", {"text": CALLER_WORDS}))

    assert contact.status_code == 200
    assert str(escape(CALLER_WORDS)) in console.page
    for tag in ("<b>mould", "<img src=x", "<script>window"):
        assert tag not in console.page
