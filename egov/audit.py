"""The audit trail's head, to be written down, and the check that a head written down still stands.

`Store.verify_audit` walks the hash chain and finds an entry changed, inserted or deleted behind the
store's back. It cannot find a chain that someone with database access recomputed from the changed
entry onwards: every hash then fits again. What catches that is a hash kept outside the database,
on paper or in another system: the head (the last entry's id and hash) printed on the end-of-day
report and slip as "Mã kiểm tra nhật ký", and later given back as an anchor ("ID:HASH") that must
still be the hash of entry ID. The slip prints the first 16 hex digits (64 bits): enough that a
recomputed chain matches it only by a search no office's attacker can afford, short enough to copy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select

from egov.store.models import AuditRow
from egov.store.store import AuditCheck, Store

__all__ = [
    "Anchor",
    "AnchorError",
    "AuditHead",
    "Verdict",
    "audit_head",
    "check_anchor",
    "parse_anchor",
    "verify",
]

SHORT_HEX = 16  # hex digits of the hash printed on paper
_ANCHOR = re.compile(r"^\s*(\d{1,18})\s*:\s*([0-9A-Fa-f]{16,64})\s*$")


class AnchorError(ValueError):
    """An anchor that is not "ID:HASH" (a whole number, a colon, 16 to 64 hex digits)."""


@dataclass(frozen=True, slots=True)
class AuditHead:
    """The last entry of the trail: its id and full hash."""

    id: int
    hash: str

    @property
    def mark(self) -> str:
        """ "ID:first 16 hex digits", as printed ("Mã kiểm tra nhật ký") and given back as an anchor."""
        return f"{self.id}:{self.hash[:SHORT_HEX]}"


@dataclass(frozen=True, slots=True)
class Anchor:
    """A head written down earlier: entry `id` had a hash starting with `hash_prefix` (lowercase)."""

    id: int
    hash_prefix: str


def parse_anchor(text: str) -> Anchor:
    """ "1234:0a1b2c3d4e5f6789" → Anchor; AnchorError for anything else."""
    found = _ANCHOR.match(text)
    if found is None:
        raise AnchorError(f"not an anchor ID:HASH (16 to 64 hex digits): {text!r}")
    return Anchor(int(found.group(1)), found.group(2).lower())


def audit_head(store: Store) -> AuditHead | None:
    """The trail's last entry, or None while it is empty."""
    with store.read() as session:
        row = session.execute(
            select(AuditRow.id, AuditRow.hash).order_by(AuditRow.id.desc()).limit(1)
        ).first()
    return AuditHead(row[0], row[1]) if row is not None else None


def check_anchor(store: Store, anchor: Anchor) -> bool:
    """Whether entry `anchor.id` is still there with a hash starting with the anchor's digits."""
    with store.read() as session:
        found = session.scalar(select(AuditRow.hash).where(AuditRow.id == anchor.id))
    return found is not None and found.lower().startswith(anchor.hash_prefix)


@dataclass(frozen=True, slots=True)
class Verdict:
    """The chain check and, when an anchor was given, whether it still stands."""

    chain: AuditCheck
    head: AuditHead | None
    anchor: Anchor | None = None
    anchor_ok: bool = True

    @property
    def ok(self) -> bool:
        return self.chain.ok and self.anchor_ok


def verify(store: Store, anchor: Anchor | None = None) -> Verdict:
    """Walk the chain (`Store.verify_audit`) and check `anchor` against it."""
    chain = store.verify_audit()
    head = audit_head(store)
    anchor_ok = True if anchor is None else check_anchor(store, anchor)
    return Verdict(chain, head, anchor, anchor_ok)
