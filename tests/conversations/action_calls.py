"""The call Rasa makes to the action server when a resident confirms a complaint's read-back, for
tests that talk to the action server directly (retries, faults)."""

from __future__ import annotations

from typing import Any

CONFIRMED_SLOTS = {
    "complaint_aspects": "the lift has been broken for 3 weeks",
    "still_happening": True,
    "outcome_sought": "Fix the problem",
    "acting_for": "resident",
    "contact_name": "R Tenant",
    "contact_details": "07700900123",
    "contact_preference": "phone",
    "adjustments_needed": "none",
    "adjustment_ids": [],
}


def confirmation(sender_id: str, message_id: str) -> dict[str, Any]:
    return {
        "next_action": "action_submit_complaint",
        "sender_id": sender_id,
        "version": "3.6.21",
        "domain": {},
        "tracker": {
            "sender_id": sender_id,
            "slots": CONFIRMED_SLOTS,
            "latest_message": {"text": "/affirm", "message_id": message_id, "intent": {}},
            "events": [],
            "latest_input_channel": "rest",
        },
    }
