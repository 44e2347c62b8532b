"""The one triage decision used by the chat, the staff console and the CLI."""

from bot.triage.decide import triage
from bot.triage.result import Part, Reason, TriageResult

__all__ = ["Part", "Reason", "TriageResult", "triage"]
