"""The composition root: settings, policy and stores built once, never at import time."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from bot.casestore.engine import make_engine
from bot.casestore.outbox import ComplaintHandovers, Outbox
from bot.casestore.services import CaseStore
from bot.console.accounts import StaffAccounts
from bot.console.drafts import CallDrafts
from bot.policy import Answer, Policy, load_answers, load_policy, load_retention
from bot.privacy.service import PersonalData
from bot.privacy.tracker_events import TrackerEvents
from bot.settings import Settings


@dataclass(frozen=True)
class App:
    settings: Settings
    policy: Policy
    # Answers to common questions (policy_rules/answers.yml).
    answers: dict[str, Answer]
    cases: CaseStore
    handovers: ComplaintHandovers
    staff: StaffAccounts
    drafts: CallDrafts
    personal_data: PersonalData


@cache
def _policy_in(directory: Path) -> Policy:
    return load_policy(directory)


def policy_at(directory: str | Path) -> Policy:
    """The policy in `directory`, read and checked once per process. Rasa builds the NLU
    components and dialogue policies itself, with nothing but their config, so they take it
    from here too: the Rasa server, its graph components and its App share one policy."""
    return _policy_in(Path(directory).resolve())


def build_app(settings: Settings | None = None) -> App:
    settings = settings or Settings.from_env()
    policy = policy_at(settings.policy_dir)
    engine = make_engine(settings.database_url)
    cases = CaseStore(engine, policy)
    outbox = Outbox(settings.outbox_path)
    return App(
        settings=settings,
        policy=policy,
        answers=load_answers(settings.policy_dir, policy),
        cases=cases,
        handovers=ComplaintHandovers(outbox, cases),
        staff=StaffAccounts(engine),
        drafts=CallDrafts(engine, policy),
        personal_data=PersonalData(
            engine,
            TrackerEvents(make_engine(settings.tracker_store_url)),
            outbox,
            load_retention(settings.policy_dir),
        ),
    )


_server: App | None = None


def server_app(settings: Settings | None = None) -> App:
    """The Rasa server's one App: built by its start-up hook (bot/rasa_startup.py) with the
    settings it checked, and handed to every channel it serves (the web chat page, the console),
    so settings and policy are read once per server."""
    global _server
    if _server is None:
        _server = build_app(settings)
    return _server
