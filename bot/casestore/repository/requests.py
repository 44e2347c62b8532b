"""Service requests, one per contact that asked for something to be done (1.4)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import insert, select, update

from bot.casestore import tables
from bot.casestore.domain import (
    ServiceRequest,
    ServiceRequestRecord,
    factor_words,
)
from bot.casestore.repository.rows import Rows, utc


class ServiceRequestRows(Rows):
    def add_service_request(self, contact_id: int, request: ServiceRequest) -> None:
        self._db.execute(
            insert(tables.service_requests).values(contact_id=contact_id, **vars(request))
        )

    def set_service_request_contact(
        self, contact_id: int, name: str, details: str, preference: str, address: str = ""
    ) -> None:
        requests = tables.service_requests
        # An address held already (from the console) is not blanked by a chat that gave none.
        held = {"property_address": address} if address else {}
        self._db.execute(
            update(requests)
            .where(requests.c.contact_id == contact_id)
            .values(
                contact_name=name,
                contact_details=details,
                contact_preference=preference,
                contact_factors=factor_words(details),
                **held,
            )
        )

    def set_service_request_access(self, contact_id: int, access: str) -> None:
        """When to visit, or how to get in, as the resident told it after the request."""
        requests = tables.service_requests
        self._db.execute(
            update(requests).where(requests.c.contact_id == contact_id).values(access_times=access)
        )

    def cancel_service_request(self, contact_id: int, when: datetime) -> bool:
        """Marks the request no longer needed; False when it was cancelled already."""
        requests = tables.service_requests
        result = self._db.execute(
            update(requests)
            .where(requests.c.contact_id == contact_id, requests.c.cancelled_at.is_(None))
            .values(cancelled_at=when)
        )
        return bool(result.rowcount)

    def has_service_request(self, contact_id: int) -> bool:
        service_requests = tables.service_requests
        found = select(service_requests.c.id).where(service_requests.c.contact_id == contact_id)
        return self._db.execute(found.limit(1)).first() is not None

    def service_request(self, contact_id: int) -> ServiceRequest | None:
        requests = tables.service_requests
        row = self._db.execute(
            select(*(requests.c[name] for name in ServiceRequest.__dataclass_fields__)).where(
                requests.c.contact_id == contact_id
            )
        ).first()
        return None if row is None else ServiceRequest(**row._mapping)

    def service_requests_between(
        self, start: datetime, end: datetime
    ) -> list[ServiceRequestRecord]:
        """Service requests received in the period, each marked if a complaint followed it in
        the same conversation (1.5) and if the resident cancelled it."""
        contacts, complaints = tables.contacts, tables.complaints
        followed = (
            select(complaints.c.id)
            .where(
                complaints.c.conversation_id == contacts.c.conversation_id,
                complaints.c.received_at >= contacts.c.received_at,
            )
            .exists()
        )
        rows = self._db.execute(
            select(
                tables.service_requests.c.contact_id,
                tables.service_requests.c.category,
                tables.service_requests.c.urgent,
                tables.service_requests.c.cancelled_at,
                contacts.c.received_at,
                followed.label("became_complaint"),
            )
            .join(contacts, contacts.c.id == tables.service_requests.c.contact_id)
            .where(contacts.c.received_at >= start, contacts.c.received_at < end)
            .order_by(tables.service_requests.c.id)
        )
        return [
            ServiceRequestRecord(
                contact_id=r.contact_id,
                category=r.category,
                urgent=r.urgent,
                received_at=utc(r.received_at),  # type: ignore[arg-type]
                became_complaint=bool(r.became_complaint),
                cancelled=r.cancelled_at is not None,
            )
            for r in rows
        ]
