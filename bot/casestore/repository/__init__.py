"""Case store reads and writes on one connection, one module a record type; the unit of work owns
the transaction and hands out the one `CaseRepository` made of them all."""

from bot.casestore.repository.adjustments import AdjustmentRows
from bot.casestore.repository.audit import AuditRows
from bot.casestore.repository.complaints import ComplaintRows
from bot.casestore.repository.contacts import ContactRows
from bot.casestore.repository.exclusions import ExclusionRows
from bot.casestore.repository.handoffs import HandoffRows
from bot.casestore.repository.requests import ServiceRequestRows


class CaseRepository(
    ContactRows, ServiceRequestRows, ExclusionRows, ComplaintRows, AdjustmentRows, AuditRows,
    HandoffRows,
):  # fmt: skip
    """Every record type's reads and writes, on the unit of work's connection."""
