"""The annual complaints report: figures checked against a data set built here with fixed dates,
its CSV files, and the HTML page as headless Chromium draws it."""

from __future__ import annotations

import csv
import subprocess
from dataclasses import replace
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from PIL import Image

from bot.casestore.domain import ContactRecord, Representative
from bot.casestore.engine import make_engine
from bot.casestore.services import CaseStore
from bot.cli import main
from bot.oversight.demo_data import MovableClock
from bot.oversight.queue import OfficerQueue
from bot.oversight.report.figures import ReportFigures, compute_figures
from bot.oversight.report.rendering import write_report
from bot.policy import Policy
from bot.policy.ids import STAGE_1
from bot.policy.schema import Duration
from tests.integration.test_case_store import handover

FIRST_QUARTER = (date(2027, 1, 1), date(2027, 3, 31))
CHROMIUM = "/usr/bin/chromium"


def at(day: str, hour: int = 10) -> datetime:
    return datetime.fromisoformat(day).replace(hour=hour, tzinfo=timezone.utc)


class KnownData:
    """January to March 2027, one case for each thing the report counts; dates by hand."""

    def __init__(self, cases: CaseStore, policy: Policy, clock: MovableClock) -> None:
        self.cases, self.clock = cases, clock
        self.queue = OfficerQueue(cases, policy)

    def contact(
        self,
        conversation: str,
        channel: str,
        received: str,
        label: str,
        area: str | None,
        ground: str | None = None,
    ) -> int:
        self.clock.at = at(received)
        return self.cases.record_contact(
            ContactRecord(
                conversation,
                channel,
                at(received),
                f"{label} text",
                label,
                label,
                0.9,
                ground,
                (),
                (),
                service_area=area,
            )
        )

    def complaint(
        self, conversation: str, channel: str, received: str, area: str, **changes: object
    ) -> str:
        contact_id = self.contact(conversation, channel, received, "complaint", area)
        return self.cases.submit_complaint(
            handover(
                f"{conversation}:complaint",
                conversation_id=conversation,
                channel=channel,
                received_at=at(received),
                contact_id=contact_id,
                **changes,
            )
        ).reference

    def officer(self, day: str, hour: int = 11) -> str:
        self.clock.at = at(day, hour)
        return "J Patel"

    def build(self) -> None:
        cases = self.cases
        # Before the period: counted nowhere, but its adjustment review is overdue by April.
        self.clock.at = at("2026-06-01")
        old = cases.adjustment(
            "large_print", "Large print letters", disability=False, consent=False
        )
        self.complaint("conv-old", "socketio", "2026-12-21", "electrics", adjustments=(old,))

        # A: answered on time and upheld; a daughter acting with consent; a deaf resident.
        self.clock.at = at("2027-01-11")
        hearing = cases.adjustment("hearing", "Deaf: email only", disability=True, consent=True)
        daughter = Representative("B Daughter", "family", "A Resident", "given", at("2027-01-11"))
        a = self.complaint(
            "conv-a",
            "socketio",
            "2027-01-11",
            "damp_and_mould",
            representative=daughter,
            adjustments=(hearing,),
        )
        cases.acknowledge(a, self.officer("2027-01-13"))  # response due 27 January
        cases.record_response(a, "upheld", self.officer("2027-01-25"))
        with cases.unit_of_work() as uow:
            [on_file] = [d for d in uow.cases.adjustments_due(date(2028, 1, 1)) if d.reference == a]
        self.queue.record_adjustment_review(on_file.adjustment_id, self.officer("2027-03-15"))

        # B: acknowledged late (due 8 February), extended, answered within the extension.
        b = self.complaint("conv-b", "phone", "2027-02-01", "leaks_and_plumbing")
        cases.acknowledge(b, self.officer("2027-02-10"))  # response due 22 February
        cases.extend(b, date(2027, 3, 1), "Waiting for a surveyor", self.officer("2027-02-15"))
        cases.record_response(b, "not_upheld", self.officer("2027-02-26"))

        # C: answered late (due 2 March), partly upheld; then Stage 2, still unacknowledged.
        c = self.complaint("conv-c", "messenger", "2027-02-15", "damp_and_mould")
        cases.acknowledge(c, self.officer("2027-02-16"))
        stage_1 = cases.record_response(c, "partly_upheld", self.officer("2027-03-10"))
        self.contact("conv-c", "messenger", "2027-03-12", "escalation", "damp_and_mould")
        cases.escalate(stage_1, "conv-c:stage-2", "messenger", at("2027-03-12"), "not happy")

        # Service requests; the first one turned into complaint E in the same conversation (1.5).
        request = self.contact(
            "conv-e", "socketio", "2027-01-05", "service_request", "heating_and_hot_water"
        )
        cases.record_service_request(request, "heating_and_hot_water", urgent=False)
        self.complaint("conv-e", "socketio", "2027-01-20", "heating_and_hot_water")
        urgent = self.contact(
            "conv-f", "socketio", "2027-01-06", "service_request", "heating_and_hot_water"
        )
        cases.record_service_request(urgent, "heating_and_hot_water", urgent=True)
        # A wheelchair user said so while asking for a repair: agreed outside a complaint (5.10).
        wheelchair = cases.adjustment("mobility", "Wheelchair user", disability=True, consent=True)
        cases.agree_adjustments(urgent, (wheelchair,))
        damp = self.contact("conv-g", "phone", "2027-03-01", "service_request", "damp_and_mould")
        cases.record_service_request(damp, "damp_and_mould", urgent=False)
        # The resident no longer needed it ("they came round, cancel it"), said twice.
        assert cases.cancel_service_request(damp) and cases.cancel_service_request(damp)
        trail = [kind for _, kind, _ in cases.audit_trail(f"contact:{damp}")]
        assert trail.count("service_request_cancelled") == 1

        # Exclusions: one refused, one overruled into complaint F (no service area), one waiting.
        refused = cases.propose_exclusion(
            self.contact("conv-h", "socketio", "2027-01-07", "excluded", "general", "asb_report"),
            "asb_report",
        )
        self.queue.accept_exclusion(refused, self.officer("2027-01-12"), "A neighbour's noise.")
        overruled = cases.propose_exclusion(
            self.contact("conv-i", "x", "2027-02-03", "excluded", None, "over_12_months"),
            "over_12_months",
        )
        self.queue.overrule_exclusion(overruled, self.officer("2027-02-20"), "Still happening.")
        cases.propose_exclusion(
            self.contact("conv-j", "instagram", "2027-03-20", "excluded", "general", "asb_report"),
            "asb_report",
        )
        self.contact("conv-k", "socketio", "2027-02-02", "other", "general")
        self.contact("conv-late", "socketio", "2027-04-02", "complaint", "general")
        self.clock.at = at("2027-04-10", 12)  # the report is made on 10 April


@pytest.fixture
def known(database_url: str, policy: Policy) -> CaseStore:
    clock = MovableClock(at("2027-01-01"))
    cases = CaseStore(make_engine(database_url), policy, clock=clock)
    KnownData(cases, policy, clock).build()
    return cases


def figures_for(cases: CaseStore, policy: Policy) -> ReportFigures:
    return compute_figures(cases, policy, *FIRST_QUARTER, progress=lambda step: None)


def test_the_figures_match_the_known_data_set(known: CaseStore, policy: Policy) -> None:
    figures = figures_for(known, policy)
    assert dict(figures.contacts) == {
        ("socketio", "complaint"): 2,
        ("socketio", "service_request"): 2,
        ("socketio", "excluded"): 1,
        ("socketio", "other"): 1,
        ("phone", "complaint"): 1,
        ("phone", "service_request"): 1,
        ("messenger", "complaint"): 1,
        ("messenger", "escalation"): 1,
        ("x", "excluded"): 1,
        ("instagram", "excluded"): 1,
    }
    assert dict(figures.complaints_by_area) == {
        ("damp_and_mould", 1): 2,
        ("damp_and_mould", 2): 1,
        ("leaks_and_plumbing", 1): 1,
        ("heating_and_hot_water", 1): 1,
        ("not_recorded", 1): 1,
    }
    assert dict(figures.outcomes) == {
        ("upheld", 1): 1,
        ("not_upheld", 1): 1,
        ("partly_upheld", 1): 1,
        ("awaiting_response", 1): 2,
        ("awaiting_response", 2): 1,
    }
    stage_1, stage_2 = figures.timeliness
    assert stage_1.received == 5 and stage_2.received == 1
    assert dict(stage_1.acknowledgement) == {
        "on_time": 2,
        "late": 1,
        "overdue": 2,
        "not_yet_due": 0,
    }
    assert dict(stage_1.response) == {
        "on_time": 1,
        "within_extension": 1,
        "late": 1,
        "overdue": 2,
        "not_yet_due": 0,
    }
    assert stage_1.extended == 1 and stage_1.answered_in_time == 2
    # Stage 2 came on 12 March: acknowledgement was due 19 March; the response (20 working
    # days, Easter excluded) is not due until 20 April.
    assert dict(stage_2.acknowledgement)["overdue"] == 1
    assert dict(stage_2.response)["not_yet_due"] == 1
    assert [(r.ground, dict(r.decisions)) for r in figures.refusals] == [
        ("over_12_months", {"accepted": 0, "overruled": 1, "pending": 0}),
        ("asb_report", {"accepted": 1, "overruled": 0, "pending": 1}),
    ]
    assert figures.refusals_with_reasons == 1
    assert [
        (r.category, r.requests, r.urgent, r.became_complaints, r.cancelled)
        for r in figures.service_requests
    ] == [("damp_and_mould", 1, 0, 0, 1), ("heating_and_hot_water", 2, 1, 1, 0)]
    assert [
        (a.need, a.with_complaints, a.outside_complaints, a.disability_with_consent)
        for a in figures.adjustments
    ] == [("hearing", 1, 0, 1), ("mobility", 0, 1, 1)]
    assert (figures.adjustment_reviews_done, figures.adjustment_reviews_overdue) == (1, 1)
    assert [(r.relationship, r.complaints, r.consent_given) for r in figures.representatives] == [
        ("family", 1, 1)
    ]


def read_csv(path: Path) -> list[list[str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


def test_the_report_writes_csv_files_a_board_can_check(
    known: CaseStore, policy: Policy, tmp_path: Path
) -> None:
    files = write_report(known, policy, *FIRST_QUARTER, tmp_path)
    assert {p.name for p in files.csv} >= {
        "code_measures.csv",
        "contacts_by_channel_and_label.csv",
        "complaints_by_month.csv",
        "complaints_by_service_area.csv",
        "complaints_by_outcome.csv",
        "timeliness.csv",
        "refusals_by_ground.csv",
        "service_requests_by_category.csv",
        "adjustments_by_need.csv",
        "representatives_by_relationship.csv",
    }
    assert read_csv(tmp_path / "code_measures.csv")[1:5] == [
        ["6.2", "Stage 1 acknowledged within 5 working days", "67% (2 of 3)"],
        [
            "6.3, 6.4",
            "Stage 1 answered within 10 working days, or an agreed extension",
            "67% (2 of 3)",
        ],
        ["6.11", "Stage 2 acknowledged within 5 working days", "- (0 of 0)"],
        [
            "6.13, 6.14",
            "Stage 2 answered within 20 working days, or an agreed extension",
            "- (0 of 0)",
        ],
    ]
    assert read_csv(tmp_path / "timeliness.csv") == [
        ["Complaints", "Stage 1", "Stage 2"],
        ["Received", "5", "1"],
        ["Acknowledged on time", "2", "0"],
        ["Acknowledged late", "1", "0"],
        ["Acknowledgement not sent, overdue", "2", "1"],
        ["Acknowledgement not sent, not yet due", "0", "0"],
        ["Answered on time", "1", "0"],
        ["Answered within an agreed extension", "1", "0"],
        ["Answered late", "1", "0"],
        ["Response not sent, overdue", "2", "0"],
        ["Response not sent, not yet due", "0", "1"],
        ["Given more time (extended)", "1", "0"],
    ]
    assert read_csv(tmp_path / "refusals_by_ground.csv") == [
        [
            "Ground",
            "Where the ground comes from",
            "Proposed",
            "Refused",
            "Taken as a complaint",
            "Waiting for a decision",
        ],
        ["Over 12 months", "Code 2.2, 2.3", "1", "0", "1", "0"],
        ["ASB report", "Landlord's own policy", "2", "1", "0", "1"],
    ]
    assert read_csv(tmp_path / "complaints_by_month.csv")[1:] == [
        ["January 2027", "2", "0", "2"],
        ["February 2027", "3", "0", "3"],
        ["March 2027", "0", "1", "1"],
    ]
    assert read_csv(tmp_path / "service_requests_by_category.csv")[1:] == [
        ["Damp and mould", "1", "0", "0", "0%", "1"],
        ["Heating and hot water", "2", "1", "1", "50%", "0"],
    ]
    assert read_csv(tmp_path / "adjustments_by_need.csv")[1:] == [
        ["Hearing", "1", "0", "1"],
        ["Mobility", "0", "1", "1"],
    ]
    assert ["Not recorded", "1", "0", "1"] in read_csv(tmp_path / "complaints_by_service_area.csv")
    assert {p.name for p in files.charts} == {
        "complaints_by_month.png",
        "timeliness.png",
        "complaints_by_service_area.png",
        "refusals_by_ground.png",
        "contacts_by_channel_and_label.png",
    }
    for chart in files.charts:
        with Image.open(chart) as image:
            assert image.format == "PNG" and image.width >= 800


def test_the_timescales_staff_read_are_the_policys(
    known: CaseStore, policy: Policy, tmp_path: Path
) -> None:
    """A landlord with shorter timescales than the Code's sees its own in the report, as its
    deadlines were counted (the text was written with 5, 10 and 20 working days)."""
    stage_1 = replace(policy.stages[STAGE_1], respond_within=Duration(8, "working_days"))
    emergency = policy.hazards["emergency"]
    sooner = replace(emergency.steps[0], within=Duration(12, "hours"))
    hazards = {**policy.hazards, "emergency": replace(emergency, steps=(sooner,))}
    own = replace(policy, stages={**policy.stages, STAGE_1: stage_1}, hazards=hazards)
    files = write_report(known, own, *FIRST_QUARTER, tmp_path)
    measures = [row[1] for row in read_csv(tmp_path / "code_measures.csv")]
    assert "Stage 1 answered within 8 working days, or an agreed extension" in measures
    page = " ".join(files.html.read_text(encoding="utf-8").split())
    assert ("Stage 1 complaints must be acknowledged within 5 working days and answered within "
            "8 working days of acknowledgement") in page  # fmt: skip
    assert "emergency: make safe within 12 hours" in page


def test_the_html_report_opens_in_headless_chromium(
    known: CaseStore, policy: Policy, tmp_path: Path
) -> None:
    files = write_report(known, policy, *FIRST_QUARTER, tmp_path / "report")
    page = files.html.read_text(encoding="utf-8")
    assert "1 January 2027 to 31 March 2027" in page and "Measures against the Code" in page
    screenshot = tmp_path / "report.png"
    subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--window-size=1200,3000",
            f"--screenshot={screenshot}",
            files.html.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    with Image.open(screenshot) as image:
        assert image.size == (1200, 3000)
        greys = image.convert("L")
        colours = image.convert("RGB").getcolors(maxcolors=1 << 20) or []
    dark = sum(1 for value in greys.getdata() if value < 100)
    assert dark > 20_000, "text and charts are drawn, not a blank page"
    assert len(colours) > 50, "the charts' colours are on the page"


def test_report_and_demo_data_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same seed gives the same data, and demo data never goes into a store in use."""
    outputs = []
    for run in ("first", "second"):
        monkeypatch.setenv("INTAKE_DATABASE_URL", f"sqlite:///{tmp_path / run}.sqlite3")
        assert main(["demo-data", "--contacts", "80", "--seed", "3", "--until", "2026-03-31"]) == 0
        summary = capsys.readouterr().out
        assert "80 contacts" in summary
        out = tmp_path / f"{run}-report"
        assert (
            main(["report", "--from", "2025-04-01", "--to", "2026-03-31", "--out", str(out)]) == 0
        )
        assert "report.html" in capsys.readouterr().out
        outputs.append([(p.name, p.read_text()) for p in sorted(out.glob("*.csv"))])
    assert outputs[0] == outputs[1]
    figures = dict(outputs[0])
    assert "Website chat" in figures["contacts_by_channel_and_label.csv"]
    assert main(["demo-data", "--contacts", "10"]) == 1
    assert "already has contacts" in capsys.readouterr().err
    assert (
        main(["report", "--from", "2027-03-31", "--to", "2027-01-01", "--out", str(tmp_path / "x")])
        == 2
    )
