"""What a citizen pays for a dossier: the state fee and an agent point's service charge, kept apart.

The state fee (lệ phí) belongs to the agency. Its amount comes from the catalogue for the
procedure and the channel, and its VietQR only ever names the agency's own account
([fee_account] in the settings), never an agent's or a person's. An agent point's service charge
(phí dịch vụ, [office] service_charge) is the agent's own commercial charge: a separate line with
its own payment reference, paid to the agent point (in cash, or to the account the agent point
gives) and never added into the state fee, nor paid into the agency's account. Money is whole
đồng (int) throughout.

Each charge carries a payment reference that becomes the purpose of its VietQR transfer, so that
the agency can match a line of its bank statement to a dossier: "LE PHI H01.99-261123-0001",
"PHI DV H01.99-261123-0001". VietQR allows 25 ASCII characters; when the word and the code do not
fit together the code alone is kept, since the code is what finds the dossier.

How each charge of a dossier was settled is a `Payment`: the method (a VietQR transfer, cash at an
agent point's desk, at the desk when the result is collected, a province's payment gateway), where
it stands, its reference and the staff account that recorded it. Nothing here learns that money
reached a bank account: a VietQR transfer gives no callback, so a transfer stays "unconfirmed" (or
"seen" by an agent on the citizen's phone) until the agency reconciles its bank statement.
"""

from __future__ import annotations

import dataclasses
import enum
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from egov.banks import Bank, Banks, load_banks
from egov.catalog import Procedure
from egov.dossier import Channel
from egov.text import QT_TRANSLATE_NOOP
from egov.vietqr import MAX_PURPOSE, VietQr, purpose_text


class ChargeKind(enum.Enum):
    STATE_FEE = "state_fee"  # lệ phí: the agency's
    SERVICE_CHARGE = "service_charge"  # phí dịch vụ: the agent point's


CHARGE_LABELS: dict[ChargeKind, str] = {
    ChargeKind.STATE_FEE: QT_TRANSLATE_NOOP("Money", "Lệ phí"),
    ChargeKind.SERVICE_CHARGE: QT_TRANSLATE_NOOP("Money", "Phí dịch vụ"),
}

# The words before the dossier code in a payment reference: ASCII, as a bank statement prints them.
_REFERENCE_WORDS: dict[ChargeKind, str] = {
    ChargeKind.STATE_FEE: "LE PHI",
    ChargeKind.SERVICE_CHARGE: "PHI DV",
}


class AccountSettings(Protocol):
    """The shape of config.settings.FeeAccount, so that the domain needs no import of config."""

    bin: str
    account: str
    name: str
    training: bool


@dataclass(frozen=True, slots=True)
class ReceivingAccount:
    """A bank account that takes a charge by VietQR: the bank, the number and the holder's name
    shown under the QR. `training`: a made-up account, which the payment page says not to pay."""

    bank: Bank
    account: str
    name: str
    training: bool = False

    def __post_init__(self) -> None:
        VietQr(self.bank.bin, self.account)  # the number must be one a VietQR can carry

    @classmethod
    def from_settings(cls, section: AccountSettings, banks: Banks | None = None) -> ReceivingAccount:
        """The account a settings section names; VietQrError for an unknown bank or a bad number."""
        bank = (banks or load_banks()).bank(section.bin)
        return cls(bank, section.account, section.name, section.training)

    def same_as(self, other: ReceivingAccount) -> bool:
        return (self.bank.bin, self.account) == (other.bank.bin, other.account)


def payment_reference(kind: ChargeKind, dossier_reference: str) -> str:
    """The purpose of the transfer for `kind` on the dossier `dossier_reference` (its dossier code,
    or the local reference TN-… while the portal has not given one). VietQrError when the
    reference alone is not ASCII or is over 25 characters: cutting it would lose the dossier."""
    code = purpose_text(dossier_reference, transliterate=False)
    worded = f"{_REFERENCE_WORDS[kind]} {code}"
    return worded if len(worded) <= MAX_PURPOSE else code


@dataclass(frozen=True, slots=True)
class Charge:
    """One amount to pay, to one party, with its own payment reference. `account` is where it is
    paid by transfer (None: cash only). `indicative` marks a fee the province sets: the amount
    from the catalogue is only a guide until staff confirm it, and no QR is made for it before."""

    kind: ChargeKind
    amount: int
    reference: str
    account: ReceivingAccount | None = None
    indicative: bool = False

    def __post_init__(self) -> None:
        if not isinstance(self.amount, int) or isinstance(self.amount, bool) or self.amount < 0:
            raise ValueError(f"{self.kind.value}: amount must be a whole number of dong, at least 0")
        if purpose_text(self.reference, transliterate=False) != self.reference:
            raise ValueError(f"{self.kind.value}: reference is not a VietQR purpose as it stands")

    @property
    def label(self) -> str:
        """The charge's name, "Lệ phí" or "Phí dịch vụ"; translate with context "Money"."""
        return CHARGE_LABELS[self.kind]

    def confirmed(self, amount: int) -> Charge:
        """This charge at the amount staff confirmed (a fee the province sets)."""
        return dataclasses.replace(self, amount=amount, indicative=False)

    def vietqr(self) -> VietQr | None:
        """The dynamic VietQR that pays this charge, with its reference as the purpose; None when
        there is nothing to pay, no account takes transfers, or the amount is only indicative."""
        if self.amount == 0 or self.account is None or self.indicative:
            return None
        return VietQr(self.account.bank.bin, self.account.account, amount=self.amount, purpose=self.reference)


@dataclass(frozen=True, slots=True)
class Fees:
    """What a dossier costs the citizen, as two charges that are never merged."""

    state_fee: Charge
    service_charge: Charge

    @property
    def total(self) -> int:
        """What the citizen hands over in all; each charge still goes to its own party."""
        return self.state_fee.amount + self.service_charge.amount


def fees_for(
    procedure: Procedure,
    channel: Channel | str,
    dossier_reference: str,
    *,
    agency: ReceivingAccount | None,
    service_charge: int = 0,
    agent: ReceivingAccount | None = None,
) -> Fees:
    """The charges of one dossier: the catalogue's state fee for `procedure` on `channel`, to the
    agency's account (None: the agency takes it at its desk only), and `service_charge` đồng for
    the agent point, to `agent` (None: cash). LookupError when the procedure is not offered on the
    channel; ValueError when the agent's account is the agency's, which would mix the agent's
    money into the state's."""
    if agent is not None and agency is not None and agent.same_as(agency):
        raise ValueError("the service charge cannot be paid into the agency's account")
    info = procedure.channel(channel)
    if info is None:
        key = channel.value if isinstance(channel, Channel) else channel
        raise LookupError(f"procedure {procedure.code} is not offered on channel {key!r}")
    state = Charge(
        ChargeKind.STATE_FEE,
        info.fee,
        payment_reference(ChargeKind.STATE_FEE, dossier_reference),
        agency,
        indicative=info.fee_set_by_province,
    )
    service = Charge(
        ChargeKind.SERVICE_CHARGE,
        service_charge,
        payment_reference(ChargeKind.SERVICE_CHARGE, dossier_reference),
        agent,
    )
    return Fees(state, service)


class Method(enum.StrEnum):
    """How a charge is paid."""

    VIETQR = "vietqr"  # a transfer by the VietQR on the screen or on the receipt
    CASH = "cash"  # handed to the agent at the desk
    AT_COUNTER_LATER = "at_counter_later"  # at the desk, when the result is collected
    GATEWAY = "gateway"  # through the province's payment gateway (egov.payment)


class PaymentState(enum.StrEnum):
    """Where a payment stands, as far as this program can know."""

    UNCONFIRMED = "unconfirmed"  # a transfer was offered; nobody here saw the money arrive
    SEEN = "seen"  # the agent saw the transfer succeed on the citizen's phone; no bank said so
    RECEIVED = "received"  # cash in the agent's hands
    DUE = "due"  # to be paid later, at the desk
    PAID = "paid"  # the payment gateway says it is paid


# Which states each method can be in: cash is only ever in hand, a later payment only ever due,
# and "seen" is a person's word about a transfer, never about cash.
_STATES: dict[Method, frozenset[PaymentState]] = {
    Method.VIETQR: frozenset({PaymentState.UNCONFIRMED, PaymentState.SEEN}),
    Method.CASH: frozenset({PaymentState.RECEIVED}),
    Method.AT_COUNTER_LATER: frozenset({PaymentState.DUE}),
    Method.GATEWAY: frozenset({PaymentState.UNCONFIRMED, PaymentState.PAID}),
}


@dataclass(frozen=True, slots=True)
class Payment:
    """How one charge of a dossier was settled. No personal data: amounts, the payment reference
    (the dossier code) and the staff account's user name ("kiosk" at a kiosk)."""

    kind: ChargeKind
    amount: int | None  # đồng; None for a fee the province sets that no one has confirmed yet
    method: Method
    state: PaymentState
    reference: str  # the transfer's purpose: "LE PHI H01.99-261123-0001"
    recorded_by: str
    recorded_at: datetime
    transaction_id: str = ""  # the payment gateway's, for Method.GATEWAY

    def __post_init__(self) -> None:
        if self.state not in _STATES[self.method]:
            raise ValueError(f"a {self.method.value} payment cannot be {self.state.value}")
        if self.amount is not None and (
            not isinstance(self.amount, int) or isinstance(self.amount, bool) or self.amount < 0
        ):
            raise ValueError(f"{self.kind.value}: amount must be a whole number of dong, at least 0")
        if self.method is Method.CASH and self.amount is None:
            raise ValueError("cash is taken for a known amount")
        if not self.recorded_by:
            raise ValueError("a payment is recorded by someone")
