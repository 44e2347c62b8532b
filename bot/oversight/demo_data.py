"""Realistic demo data, so the queue and the annual report can be shown without real residents.

Everything goes through the same services as real contacts (triage records, choices, complaint
hand-overs, exclusion decisions, acknowledgements, extensions, responses, Stage 2, adjustment
reviews), with the store's clock set to when each step happens. The same seed and end date always
give the same data. Nothing here is a real person: names are drawn from short lists.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import TypeVar

from sqlalchemy.engine import Engine
from tqdm import tqdm

from bot.calendar import UK_TIME
from bot.casestore.domain import (
    Adjustment,
    Complaint,
    ComplaintDefinition,
    ComplaintHandover,
    ContactRecord,
    Representative,
    ResponseOutcome,
)
from bot.casestore.services import CaseStore
from bot.oversight.queue import OfficerQueue
from bot.policy import Policy

T = TypeVar("T")

CHANNELS = {"socketio": 45, "phone": 27, "messenger": 13, "instagram": 9, "x": 6}
REGISTER = {"phone": "phone", "messenger": "social", "instagram": "social", "x": "social"}
LABELS = {"service_request": 46, "complaint": 27, "excluded": 10, "other": 17}
AREAS = {
    "damp_and_mould": 18,
    "leaks_and_plumbing": 16,
    "heating_and_hot_water": 14,
    "windows_doors_and_roofs": 10,
    "electrics": 5,
    "lifts_and_communal_areas": 9,
    "adaptations": 4,
    "rent_and_charges": 5,
    "lettings_and_moves": 4,
    "staff_and_communication": 10,
    "general": 4,
}
PROBLEMS = {
    "damp_and_mould": [
        "black mould in the bedroom",
        "damp patch on the living room ceiling",
        "mould round the bathroom window",
    ],
    "leaks_and_plumbing": [
        "leak under the kitchen sink",
        "toilet that keeps blocking",
        "water coming through the ceiling",
    ],
    "heating_and_hot_water": [
        "boiler that keeps cutting out",
        "radiators that stay cold",
        "lack of hot water",
    ],
    "windows_doors_and_roofs": [
        "front door that won't lock",
        "cracked window in the back bedroom",
        "gutter pouring onto the path",
    ],
    "electrics": ["sockets in the kitchen", "hallway lights"],
    "lifts_and_communal_areas": [
        "lift that is out of order",
        "bin store nobody cleans",
        "lights on the stairwell",
    ],
    "adaptations": ["grab rail for the bathroom", "stairlift assessment"],
    "rent_and_charges": ["direct debit taken twice", "wrong balance on my rent account"],
    "lettings_and_moves": ["mutual exchange paperwork", "transfer application"],
    "staff_and_communication": ["call back I was promised", "emails nobody answers"],
    "general": ["repair booked last month", "garden fence"],
}
TEXTS = {
    "service_request": {
        "chat": "Hi, can someone come and look at the {problem}? Thanks",
        "social": "hi can u send someone for the {problem} pls",
        "phone": "caller reports {problem}, wants an appointment",
    },
    "complaint": {
        "chat": "I've reported the {problem} three times and nobody has come. This isn't good "
        "enough.",
        "social": "still waiting on the {problem} 😡 3 wks now and no one has turned up",
        "phone": "caller v unhappy re {problem}, 3rd call, no one attended",
    },
    "follow_up": {
        "chat": "The {problem} I reported still isn't fixed and the appointment was missed again.",
        "social": "the {problem} STILL not sorted, missed appt again",
        "phone": "caller chasing {problem}, engineer did not turn up, unhappy",
    },
    "other": {
        "chat": "What time is the office open on Saturdays?",
        "social": "thanks to the team who sorted the {problem} 👍",
        "phone": "caller asking how to pay rent by card",
    },
}
GROUND_TEXTS = {
    "asb_report": "My neighbours play loud music every night until 3am",
    "over_12_months": "The {problem} two years ago ruined my carpet and nobody said sorry",
    "legal_proceedings": "My solicitor has filed a disrepair claim at the county court about the "
    "{problem}",
    "previously_considered": "I already had a final response about the {problem} but I want to "
    "complain again",
    "rent_or_charge_level": "My rent has gone up again and the rent is too high",
    "insurance_claim": "The leak damaged my sofa and I want you to pay for my sofa",
    "other_organisation": "My housing benefit has been stopped and I can't pay",
    "staff_employment": "I want to raise a grievance about my dismissal",
}
GROUNDS = {
    "asb_report": 34,
    "over_12_months": 20,
    "legal_proceedings": 12,
    "other_organisation": 12,
    "rent_or_charge_level": 8,
    "insurance_claim": 8,
    "previously_considered": 5,
    "staff_employment": 1,
}
ACCEPT_REASONS = {
    "asb_report": "A report of noise from a neighbour, not about our service. Passed to the "
    "anti-social behaviour team, who have opened a case.",
    "over_12_months": "The problem ended more than two years ago and the resident gave no reason "
    "it could not be raised sooner.",
    "legal_proceedings": "The same disrepair is part of a claim filed at the county court.",
    "previously_considered": "The same complaint had a Stage 2 final response; the resident can "
    "go to the Ombudsman.",
    "rent_or_charge_level": "About the level of rent set under national rules, not our service. "
    "The rent team will explain the increase.",
    "insurance_claim": "A claim for damaged belongings: passed to our insurer.",
    "other_organisation": "Housing benefit is run by the council. We gave the council's details.",
    "staff_employment": "An employment matter for HR.",
}
OVERRULE_REASONS = [
    "The resident is also unhappy with how we handled earlier reports: that is a complaint about "
    "our service.",
    "The resident was in hospital for much of last year; we use our discretion (Code 2.3).",
    "The court claim is about a different repair from this complaint.",
]
FIRST_NAMES = ["Sam", "Priya", "Tomasz", "Aisha", "Gareth", "Mei", "Olu", "Hannah", "Kwame",
               "Zofia", "Imran", "Rhiannon", "Joe", "Fatima", "Callum", "Ngozi"]  # fmt: skip
SURNAMES = ["Ahmed", "Brown", "Kowalski", "Okoye", "Jones", "Chen", "Patel", "Murphy", "Evans",
            "Mensah", "Hughes", "Ali", "Wilson", "Begum", "Nowak", "Taylor"]  # fmt: skip
OFFICERS = ["J Patel", "S Okafor", "M Evans"]
OUTCOMES: dict[ResponseOutcome, int] = {"upheld": 36, "partly_upheld": 29, "not_upheld": 35}


def weighted(rng: random.Random, weights: Mapping[T, int]) -> T:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def pick(rng: random.Random, options: Sequence[T]) -> T:
    return options[rng.randrange(len(options))]


class MovableClock:
    """The store's clock during generation: set to when each step of a case happens."""

    def __init__(self, at: datetime) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at


@dataclass(frozen=True)
class DemoSummary:
    contacts: int
    complaints: int
    exclusions: int
    service_requests: int


class DemoData:
    def __init__(self, engine: Engine, policy: Policy, until: date, seed: int) -> None:
        self._policy = policy
        self._rng = random.Random(seed)
        self._seed = seed
        self._end = datetime.combine(until + timedelta(days=1), time(0), UK_TIME)
        self._start = self._end - timedelta(days=365)
        self._clock = MovableClock(self._start)
        self.cases = CaseStore(engine, policy, clock=self._clock)
        self.queue = OfficerQueue(self.cases, policy)
        self._counts = {"complaints": 0, "exclusions": 0, "service_requests": 0}

    def make(self, contacts: int) -> DemoSummary:
        times = sorted(self._random_time() for _ in range(contacts))
        for number, received in enumerate(
            tqdm(times, desc="demo data", unit="contact", file=sys.stderr)
        ):
            self._contact(number, received)
        return DemoSummary(contacts=contacts, **self._counts)

    # helpers ----------------------------------------------------------------------------------
    def _random_time(self) -> datetime:
        """Office-heavy times of day; fewer contacts at weekends."""
        while True:
            day = self._start + timedelta(days=self._rng.randrange(365))
            if day.weekday() < 5 or self._rng.random() < 0.4:
                minutes = int(self._rng.triangular(7 * 60, 22 * 60, 11 * 60))
                return (day + timedelta(minutes=minutes)).astimezone(timezone.utc)

    def _at(self, moment: datetime) -> bool:
        """Move the clock to `moment`; False when that is after the end (it has not happened)."""
        if moment >= self._end:
            return False
        self._clock.at = moment.astimezone(timezone.utc)
        return True

    def _later(self, after: datetime, working_days: int) -> datetime:
        day = self.cases.calendar.add_working_days(
            self.cases.calendar.clock_start(after), working_days
        )
        minutes = self._rng.randrange(9 * 60, 17 * 60)
        return datetime.combine(day, time(0), UK_TIME) + timedelta(minutes=minutes)

    def _area(self) -> str:
        area = weighted(self._rng, AREAS)
        return area if area in self._policy.service_areas else "general"

    def _text(self, kind: str, channel: str, area: str) -> str:
        problem = pick(self._rng, PROBLEMS.get(area, PROBLEMS["general"]))
        return TEXTS[kind][REGISTER.get(channel, "chat")].format(problem=problem)

    def _record(
        self,
        conversation: str,
        channel: str,
        received: datetime,
        text: str,
        label: str,
        area: str,
        exclusion: str | None = None,
    ) -> int:
        self._at(received)
        return self.cases.record_contact(
            ContactRecord(
                conversation_id=conversation,
                channel=channel,
                received_at=received,
                text=text,
                label=label,
                intent=label,
                confidence=round(self._rng.uniform(0.62, 0.99), 2),
                exclusion_reason=exclusion,
                urgency=(),
                reasons=(),
                service_area=area,
            )
        )

    # one contact and what follows from it ----------------------------------------------------
    def _contact(self, number: int, received: datetime) -> None:
        conversation = f"demo-{self._seed}-{number:06d}"
        channel, area = weighted(self._rng, CHANNELS), self._area()
        label = weighted(self._rng, LABELS)
        if label == "excluded":
            self._exclusion(conversation, channel, received, area)
        elif label == "service_request":
            self._service_request(conversation, channel, received, area)
        elif label == "complaint":
            contact_id = self._record(
                conversation, channel, received, self._text("complaint", channel, area), label, area
            )
            self._offer_complaint(conversation, channel, received, contact_id, area)
        else:
            self._record(
                conversation, channel, received, self._text("other", channel, area), label, area
            )

    def _service_request(
        self, conversation: str, channel: str, received: datetime, area: str
    ) -> None:
        text = self._text("service_request", channel, area)
        contact_id = self._record(conversation, channel, received, text, "service_request", area)
        self.cases.record_service_request(contact_id, area, urgent=self._rng.random() < 0.08)
        self._counts["service_requests"] += 1
        if self._rng.random() < 0.14:  # unhappy with how the request went (1.5)
            later = received + timedelta(days=self._rng.randrange(6, 40), hours=2)
            if self._at(later):
                text = self._text("follow_up", channel, area)
                follow_up = self._record(conversation, channel, later, text, "complaint", area)
                self._offer_complaint(conversation, channel, later, follow_up, area)

    def _exclusion(self, conversation: str, channel: str, received: datetime, area: str) -> None:
        ground = weighted(
            self._rng,
            {g: w for g, w in GROUNDS.items() if g in self._policy.grounds} or {"asb_report": 1},
        )
        problem = pick(self._rng, PROBLEMS.get(area, PROBLEMS["general"]))
        text = GROUND_TEXTS.get(ground, "I want to complain about the {problem}").format(
            problem=problem
        )
        contact_id = self._record(conversation, channel, received, text, "excluded", area, ground)
        proposal_id = self.cases.propose_exclusion(contact_id, ground)
        self._counts["exclusions"] += 1
        decided = self._later(received, self._rng.randrange(2, 12))
        if not self._at(decided):
            return  # still waiting for an officer
        officer = pick(self._rng, OFFICERS)
        overrule_chance = 0.45 if ground == "over_12_months" else 0.15
        if self._rng.random() < overrule_chance:
            complaint = self.queue.overrule_exclusion(
                proposal_id, officer, pick(self._rng, OVERRULE_REASONS)
            )
            self._counts["complaints"] += 1
            self._handle(complaint, decided, area)
        else:
            self.queue.accept_exclusion(
                proposal_id,
                officer,
                ACCEPT_REASONS.get(ground, "Not a complaint about our service."),
            )

    def _offer_complaint(
        self, conversation: str, channel: str, received: datetime, contact_id: int, area: str
    ) -> None:
        if self._rng.random() < 0.15:
            self.cases.record_choice(contact_id, "no_complaint")
            return
        self.cases.record_choice(contact_id, "complaint")
        complaint = self.cases.submit_complaint(
            self._handover(conversation, channel, received, contact_id, area)
        )
        self._counts["complaints"] += 1
        self._handle(complaint, received, area)

    def _handover(
        self, conversation: str, channel: str, received: datetime, contact_id: int, area: str
    ) -> ComplaintHandover:
        rng = self._rng
        name = f"{pick(rng, FIRST_NAMES)} {pick(rng, SURNAMES)}"
        representative = None
        if rng.random() < 0.13:
            representative = Representative(
                name=f"{pick(rng, FIRST_NAMES)} {pick(rng, SURNAMES)}",
                relationship=pick(rng, list(self._policy.relationships)),
                acting_for=name,
                consent="given" if rng.random() < 0.85 else "not_yet",
                consent_at=received,
            )
        adjustments: tuple[Adjustment, ...] = ()
        if rng.random() < 0.16:
            need = self._policy.needs[pick(rng, list(self._policy.needs))]
            adjustments = (
                self.cases.adjustment(
                    need.id,
                    need.offer,
                    disability=need.special_category,
                    consent=rng.random() < 0.8,
                ),
            )
        problem = pick(rng, PROBLEMS.get(area, PROBLEMS["general"]))
        outcomes = rng.sample([o.text for o in self._policy.outcomes.values()], k=2)
        return ComplaintHandover(
            handover_key=f"{conversation}:{contact_id}:complaint",
            conversation_id=conversation,
            channel=channel,
            received_at=received,
            definition=ComplaintDefinition(
                aspects=(f"The {problem} has not been put right",),
                outcomes=tuple(outcomes),
                still_happening=rng.random() < 0.7,
                resident_words=self._text("complaint", channel, area),
            ),
            contact_name=name,
            contact_details=f"{name.split()[0].lower()}@example.org",
            contact_preference=pick(rng, ["email", "phone", "text", "letter"]),
            representative=representative,
            adjustments=adjustments,
            contact_id=contact_id,
        )

    # an officer handles the complaint --------------------------------------------------------
    def _handle(self, complaint: Complaint, opened: datetime, area: str) -> None:
        """Acknowledge, maybe extend, answer, maybe escalate; steps due after the end wait."""
        rng = self._rng
        officer = pick(rng, OFFICERS)
        ack_days = rng.randrange(1, 6) if rng.random() < 0.9 else rng.randrange(6, 10)
        acknowledged = self._later(opened, ack_days)
        if not self._at(acknowledged):
            return
        complaint = self.cases.acknowledge(complaint.reference, officer)
        for adjustment in complaint.adjustments:
            self._review(complaint.reference, adjustment)
        due, roll = complaint.response_due, rng.random()
        if roll < 0.12:
            if not self._at(self._later(acknowledged, 3)):
                return
            limit = self._policy.stages[f"stage_{complaint.stage}"].extension_at_most.amount
            extended_to = self.cases.calendar.add_working_days(due, rng.randrange(3, limit + 1))
            self.cases.extend(
                complaint.reference,
                extended_to,
                "We need a surveyor's report before we can answer.",
                officer,
            )
            answer_day = (
                self._working_day(
                    max(due + timedelta(days=1), extended_to - timedelta(days=rng.randrange(0, 4))),
                    -1,
                )
                if rng.random() < 0.85
                else self._working_day(extended_to + timedelta(days=rng.randrange(1, 8)), 1)
            )
        elif roll < 0.82:
            answer_day = self._working_day(due - timedelta(days=rng.randrange(0, 7)), -1)
        else:
            answer_day = self._working_day(due + timedelta(days=rng.randrange(1, 15)), 1)
        answered = max(
            datetime.combine(answer_day, time(rng.randrange(9, 17)), UK_TIME),
            acknowledged + timedelta(hours=2),
        )
        if not self._at(answered):
            return
        outcome = weighted(rng, OUTCOMES)
        complaint = self.cases.record_response(complaint.reference, outcome, officer)
        if complaint.stage == 1 and rng.random() < (0.25 if outcome == "not_upheld" else 0.08):
            self._escalate(complaint, answered, area)

    def _working_day(self, day: date, step: int) -> date:
        """`day`, or the nearest working day before (step -1) or after (step 1) it."""
        while not self.cases.calendar.is_working_day(day):
            day += timedelta(days=step)
        return day

    def _escalate(self, stage_1: Complaint, answered: datetime, area: str) -> None:
        asked = answered + timedelta(days=self._rng.randrange(3, 30), hours=1)
        if not self._at(asked):
            return
        text = f"I'm not happy with your answer to {stage_1.reference}. Please take it to Stage 2."
        self._record(stage_1.conversation_id, stage_1.channel, asked, text, "escalation", area)
        stage_2 = self.cases.escalate(
            stage_1, f"{stage_1.reference}:stage-2", stage_1.channel, asked, text
        ).stage_2
        assert stage_2 is not None, "an answered Stage 1 goes to Stage 2"
        self._counts["complaints"] += 1
        self._handle(stage_2, asked, area)

    def _review(self, reference: str, adjustment: Adjustment) -> None:
        """Most adjustments are reviewed around their review date (5.10); some are missed."""
        if self._rng.random() < 0.25:
            return
        reviewed = datetime.combine(
            adjustment.review_due - timedelta(days=self._rng.randrange(0, 10)), time(10), UK_TIME
        )
        if not self._at(reviewed):
            return
        with self.cases.unit_of_work() as uow:
            on_file = [
                a
                for a in uow.cases.adjustments_due(adjustment.review_due)
                if a.reference == reference and a.adjustment.need_id == adjustment.need_id
            ]
        for found in on_file:
            self.queue.record_adjustment_review(
                found.adjustment_id,
                pick(self._rng, OFFICERS),
                "Checked with the resident: still needed.",
            )
