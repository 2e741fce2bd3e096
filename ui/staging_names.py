"""Page names of both apps, without importing Qt, for the command line's help."""

from egov.flow import AGENT_ONLY, Step

# The documents step's own screens, after the step's list (see ui/scan_model.py).
DOCUMENT_SCREENS = ["documents_camera", "documents_review"]
AGENT_DOCUMENT_SCREENS = [*DOCUMENT_SCREENS, "documents_corners"]

# The agent's case at the desk in the states worth a look: an authorised person recorded, a
# procedure blocked from delegation, a required paper missing, what the check page adds (top and end),
# a signature drawn, the paper form.
CASE_SCREENS = [
    "delegate_person",
    "delegate_blocked",
    "checklist_missing",
    "check_case",
    "check_case_end",
    "consent_signature",
    "consent_paper",
]

# The fee step's QR, after the choice of a transfer (see ui/fee_model.py).
FEE_SCREENS = ["fee_qr"]

# The citizen's look-up of a filed dossier, beside the visit (see ui/lookup_model.py).
LOOKUP_PAGES = ["lookup", "lookup_code", "lookup_digits", "lookup_result", "lookup_not_found"]

# A queue ticket taken at the kiosk (see ui/ticket_model.py).
TICKET_PAGES = ["ticket_service", "ticket_taken"]

# The kiosk without a device it needs (ui/outage.py), and the supervisor's PIN pad (three digits
# typed) and maintenance screen (devices checked) over the welcome page (ui/lockdown.py).
LOCKDOWN_PAGES = ["out_of_service", "lockdown_pin", "lockdown_maintenance"]

# The kiosk's form with the on-screen keyboard open (ui/qml/components/Keyboard.qml): a name
# question half typed (letters, Telex, the tone row) and a date question (the number pad).
KEYBOARD_SCREENS = ["form_name", "form_date"]

# A procedure's guide with pictures, beside the visit (see ui/guide_model.py): the list, one guide.
GUIDE_PAGES = ["guide_list", "guide"]

KIOSK_PAGES = (
    [s.value for s in Step if s not in AGENT_ONLY]
    + KEYBOARD_SCREENS
    + DOCUMENT_SCREENS
    + FEE_SCREENS
    + LOOKUP_PAGES
    + TICKET_PAGES
    + GUIDE_PAGES
    + LOCKDOWN_PAGES
)
AGENT_PAGES = [
    "signin",
    "home",
    "dossiers",
    "queue",
    *[s.value for s in Step],
    *AGENT_DOCUMENT_SCREENS,
    *FEE_SCREENS,
    *CASE_SCREENS,
]

# The agent's search and the supervisor's accounts page (agent_point/search_model.py, accounts_model.py).
AGENT_PAGES += ["search", "search_result", "accounts"]

# The end-of-day report (agent_point/report_model.py): the agent's own, and a supervisor's whole office.
AGENT_PAGES += ["report", "report_office"]

# The rating step's screens after a face is tapped (ui/feedback_model.py), and the supervisor's
# page of the citizens' written suggestions (agent_point/feedback_model.py).
RATING_SCREENS = ["rating_reason", "rating_suggestion"]
KIOSK_PAGES += RATING_SCREENS
AGENT_PAGES += ["feedback"]
