"""Page names of both apps, without importing Qt, for the command line's help."""

from egov.flow import Step

KIOSK_PAGES = [s.value for s in Step if s is not Step.DELEGATE]
AGENT_PAGES = ["signin", "home", *[s.value for s in Step]]
