"""The policy ids the code names, each once. A policy without a required one fails to load,
naming the file, the id and why the code needs it; an optional one the code uses when present.
"""

from __future__ import annotations

# exclusions.yml: triage proposes this ground for a matter older than the time limit, and asks
# first whether it is still going on (Code 2.3). Required.
OVER_12_MONTHS = "over_12_months"
# exclusions.yml: a first report of anti-social behaviour goes to the ASB team as a service
# request. Optional: the landlord may take ASB as complaints.
ASB_REPORT = "asb_report"
# exclusions.yml: a matter for another body (the council, the NHS, the ICO). Optional: a message
# naming the landlord's own staff and no other body is about the landlord's service.
OTHER_ORGANISATION = "other_organisation"
# exclusions.yml: a matter about someone's employment with the landlord. Optional: a resident who
# names our staff and none of the ground's own words complains about how staff behaved.
STAFF_EMPLOYMENT = "staff_employment"
# adjustments.yml: offered to people who write in another language. Optional.
INTERPRETER = "interpreter"
# timescales.yml: the two stages of the Code. Required.
STAGE_1, STAGE_2 = "stage_1", "stage_2"
# definitions.yml: the service area for what no cue matches. Required.
GENERAL_AREA = "general"

# file -> section -> the ids in it the code cannot do without, and why.
REQUIRED: dict[str, dict[str, dict[str, str]]] = {
    "exclusions.yml": {
        "grounds": {
            OVER_12_MONTHS: "triage proposes it for a matter older than the time limit (2.3)"
        }
    },
    "timescales.yml": {
        "stages": {
            STAGE_1: "the Code's Stage 1 deadlines (6.2-6.5)",
            STAGE_2: "the Code's Stage 2 deadlines (6.10-6.14)",
        }
    },
    "definitions.yml": {"service_areas": {GENERAL_AREA: "it catches what no cue matches"}},
}
