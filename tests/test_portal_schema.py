"""Schemathesis fuzzes the training portal from its own OpenAPI document, over loopback.

For every operation the document describes, schemathesis sends requests that follow the schema
(positive) and requests that break it (negative). Whatever arrives, the portal must answer without
a 5xx, with a reply the document describes, and must store a dossier only when it answers 201: a
malformed request never leaves a dossier behind.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, MutableMapping
from pathlib import Path

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.generation.modes import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance

from egov.portal.igate_contract import OPENAPI_PATH, TOKEN_PATH
from egov.portal.server import TrainingPortal

TOKEN = "training-token"
ADMIN = "training-admin"
CLIENT_ID, CLIENT_SECRET = "schema-client", "schema-secret"
# Enough for schemathesis to reach every branch of the validation it can see from the schema, few
# enough that the whole file stays well under a minute on two busy cores.
MAX_EXAMPLES = 25

FEES = {("2.000815", "direct"): 2000, ("1.004222", "online"): 10000}


def start_portal(folder: Path, dialect: str) -> TrainingPortal:
    server = TrainingPortal(
        folder / "portal.sqlite3",
        fees=lambda code, channel: FEES.get((code, channel)),
        processing_days=lambda code, channel: 3,
        dialect=dialect,
        clients={CLIENT_ID: CLIENT_SECRET},
        token_lifetime=3600,  # outlasts the run: every request carries one good token
    )
    server.start()
    return server


@pytest.fixture
def v1_portal(tmp_path: Path) -> Iterator[TrainingPortal]:
    server = start_portal(tmp_path, "v1")
    yield server
    server.stop()


@pytest.fixture
def igate_portal(tmp_path: Path) -> Iterator[TrainingPortal]:
    server = start_portal(tmp_path, "igate")
    yield server
    server.stop()


def align_idempotency_key(case: schemathesis.Case) -> None:
    """Send a generated dossier's own client_id as its Idempotency-Key, as the kiosk does.

    The schema cannot say that the header must equal a field of the body, so without this every
    generated dossier would be refused for the mismatch and the store would never be reached.
    """
    dossier = case.body.get("dossier") if isinstance(case.body, dict) else None
    client_id = dossier.get("client_id") if isinstance(dossier, dict) else None
    if (
        isinstance(client_id, str)
        and isinstance(case.headers, MutableMapping)
        and "Idempotency-Key" in case.headers
    ):
        case.headers["Idempotency-Key"] = client_id


def run_operation(
    operation: schemathesis.APIOperation,
    mode: GenerationMode,
    portal: TrainingPortal,
    auth: Callable[[schemathesis.Case], str],
) -> None:
    """Send up to MAX_EXAMPLES generated requests to one operation and check every reply."""

    @settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(generation_mode=mode))
    def check(case: schemathesis.Case) -> None:
        if mode is GenerationMode.POSITIVE:
            align_idempotency_key(case)
        before = portal.stored_count()
        response = case.call(headers={"Authorization": auth(case)})
        stored = portal.stored_count() - before
        # Not a 5xx, status codes, content types, headers and bodies as documented, and requests
        # outside the schema refused. Left out: "schema-valid requests are accepted", which the
        # document cannot promise: a dossier's attachments must match their declared hashes and
        # count, and a fee exists only for procedures in the catalogue.
        case.validate_response(response, excluded_checks=[positive_data_acceptance])
        assert stored == (1 if response.status_code == 201 else 0)
        if mode is GenerationMode.NEGATIVE:
            assert stored == 0, f"{operation.label}: a request outside the schema was stored"

    try:
        check()
    except Unsatisfiable:
        # Operations whose only inputs are free text (a dossier code in the path, an optional
        # filter) cannot be called outside the schema: there is no negative case to send.
        assert mode is GenerationMode.NEGATIVE, operation.label


def fuzz(portal: TrainingPortal, document_path: str, auth: Callable[[schemathesis.Case], str]) -> None:
    """Run schemathesis over every operation of the document at `document_path`, in both modes."""
    schema = schemathesis.openapi.from_url(portal.url + document_path)
    schema.config.update(base_url=portal.url)
    # Unknown query keys are ignored on purpose (a newer client may send more), and the
    # Authorization header is ours to set, so neither counts as a malformed request here.
    schema.config.generation.update(allow_extra_parameters=False, with_security_parameters=False)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert operations
    for operation in operations:
        inputs = (operation.path_parameters, operation.query, operation.headers, operation.body)
        # An operation with no input at all (GET /health) has no way to be called wrongly.
        has_inputs = any(len(part) for part in inputs)
        for mode in GenerationMode if has_inputs else [GenerationMode.POSITIVE]:
            run_operation(operation, mode, portal, auth)


def test_v1_contract_holds_for_any_request(v1_portal: TrainingPortal) -> None:
    fuzz(v1_portal, "/openapi.json", lambda case: f"Bearer {ADMIN if '/admin/' in case.path else TOKEN}")


def test_igate_dialect_holds_for_any_request(igate_portal: TrainingPortal) -> None:
    reply = requests.post(
        igate_portal.url + TOKEN_PATH,
        data={"grant_type": "client_credentials", "client_id": CLIENT_ID, "client_secret": CLIENT_SECRET},
        timeout=10,
    )
    token = reply.json()["access_token"]
    fuzz(igate_portal, OPENAPI_PATH, lambda case: f"Bearer {token}")
