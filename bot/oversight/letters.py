"""The letter a resident gets when an officer refuses to take their complaint (Code 2.1, 2.4)."""

from __future__ import annotations

from bot.calendar import UK_TIME
from bot.casestore.domain import ContactRecord, ExclusionProposal
from bot.definition import long_date
from bot.policy import Policy
from bot.replies import ombudsman_line


def refusal_letter(
    policy: Policy, proposal: ExclusionProposal, contact: ContactRecord, reasons: str
) -> str:
    """Plain English: what they told us, what we said then, the officer's reasons, where it can
    go instead, and the right to take the decision to the Housing Ombudsman.

    It quotes the explanation the resident was actually given, as recorded with the proposal,
    not today's policy wording.
    """
    landlord, ombudsman = policy.landlord, policy.ombudsman
    received = long_date(contact.received_at.astimezone(UK_TIME).date())
    return "\n\n".join(
        [
            f"About your message to {landlord.name} on {received}",
            f'You told us: "{contact.text.strip()}"',
            f'When you contacted us, we said: "{proposal.explanation.strip()}"',
            "A complaints officer has now looked at your circumstances. We will not deal with "
            "this as a formal complaint. These are the officer's reasons:",
            reasons.strip(),
            f"Where it can go instead: {policy.grounds[proposal.ground].route}",
            f"If you think we are wrong, you can ask the {ombudsman.name} to look at our "
            f"decision. {ombudsman_line(policy)}",
            f"If there is something we did not know, please tell us. Call {landlord.phone} or "
            f"email {landlord.email}.",
            landlord.name,
        ]
    )
