"""Exclusion proposals: a possible reason not to take a complaint, for an officer to decide
(2.1)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update

from bot.casestore import tables
from bot.casestore.domain import (
    Decision,
    ExclusionProposal,
)
from bot.casestore.repository.rows import Rows, utc


class ExclusionRows(Rows):
    def add_exclusion_proposal(self, proposal: ExclusionProposal) -> int:
        result = self._db.execute(
            insert(tables.exclusion_proposals).values(
                contact_id=proposal.contact_id,
                ground=proposal.ground,
                explanation=proposal.explanation,
                explained_at=proposal.explained_at,
                ombudsman_signposted=proposal.ombudsman_signposted,
                decision=proposal.decision,
            )
        )
        return int(result.inserted_primary_key[0])

    def has_exclusion_proposal(self, contact_id: int) -> bool:
        proposals = tables.exclusion_proposals
        found = select(proposals.c.id).where(proposals.c.contact_id == contact_id)
        return self._db.execute(found.limit(1)).first() is not None

    def exclusion_proposals(self, decision: str = "pending") -> list[ExclusionProposal]:
        return self._proposals_where(tables.exclusion_proposals.c.decision == decision)

    def exclusion_proposal(self, proposal_id: int) -> ExclusionProposal | None:
        found = self._proposals_where(tables.exclusion_proposals.c.id == proposal_id)
        return found[0] if found else None

    def exclusion_proposals_between(
        self, start: datetime, end: datetime
    ) -> list[ExclusionProposal]:
        """Proposals explained to residents from `start` up to, not including, `end`."""
        explained = tables.exclusion_proposals.c.explained_at
        return self._proposals_where((explained >= start) & (explained < end))

    def decide_exclusion(
        self, proposal_id: int, decision: Decision, officer: str, at: datetime, reason: str,
        refusal_letter: str | None = None,
    ) -> bool:  # fmt: skip
        """Record an officer's decision; False when the proposal was no longer pending."""
        proposals = tables.exclusion_proposals
        result = self._db.execute(
            update(proposals)
            .where(proposals.c.id == proposal_id, proposals.c.decision == "pending")
            .values(
                decision=decision,
                decided_by=officer,
                decided_at=at,
                decision_reason=reason,
                refusal_letter=refusal_letter,
            )
        )
        return result.rowcount == 1

    def _proposals_where(self, condition: Any) -> list[ExclusionProposal]:
        rows = self._db.execute(
            select(tables.exclusion_proposals)
            .where(condition)
            .order_by(tables.exclusion_proposals.c.id)
        )
        return [
            ExclusionProposal(
                id=r.id,
                contact_id=r.contact_id,
                ground=r.ground,
                explanation=r.explanation,
                explained_at=utc(r.explained_at),  # type: ignore[arg-type]
                ombudsman_signposted=r.ombudsman_signposted,
                decision=r.decision,
                decided_by=r.decided_by,
                decided_at=utc(r.decided_at),
                decision_reason=r.decision_reason,
                refusal_letter=r.refusal_letter,
            )
            for r in rows
        ]
