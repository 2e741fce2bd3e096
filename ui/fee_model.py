"""The fee page's view model: the submitted dossier's charges, how each is paid, and the payment QR.

The state fee (lệ phí, the agency's) and, at an agent point, the service charge (phí dịch vụ, the
point's own) are shown and settled apart. At the kiosk the citizen chooses a transfer by QR or
paying at the desk when the result is collected; at the agent point the agent records cash (only
staff accountable for money: `egov.visit.CASH_ROLES`), a transfer seen succeed on the citizen's
phone, or a later payment. The rules live in `egov.visit.Visit`; this model shows them to QML.

The QR comes from the office's payment connector (`[payment]`, egov.payment): the VietQR of the
agency's account, drawn at once, or a gateway's payment request, asked for on the network worker.
Nothing here says money arrived unless a gateway does.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot

from config.secrets import load_payment_token
from egov.accounts import Account
from egov.catalog import PROVINCE_FEE, PROVINCE_FEE_ABOUT
from egov.fees import Charge, ChargeKind, Method, Payment, PaymentState
from egov.flow import Mode
from egov.payment import PaymentError, PaymentRequest, PaymentStatus, connector_from_settings
from egov.permissions import Action
from egov.store.store import dossier_subject
from egov.text import QT_TRANSLATE_NOOP, format_vnd
from egov.visit import CASH_ROLES, NO_CASH_VOLUNTEER, Visit, VisitError
from ui.jobs import Jobs
from ui.permission_check import permitted
from ui.services import Services
from ui.translation import tr

log = logging.getLogger(__name__)

NOTES = {
    ChargeKind.STATE_FEE: QT_TRANSLATE_NOOP("Fee", "nộp cho cơ quan nhà nước"),
    ChargeKind.SERVICE_CHARGE: QT_TRANSLATE_NOOP("Fee", "của điểm tiếp nhận, tách riêng với lệ phí"),
}
NOT_PAID_YET = QT_TRANSLATE_NOOP("Fee", "Cổng thanh toán chưa báo đã nộp. Hãy chờ một chút rồi kiểm tra lại.")
PAYMENT_FAILED = QT_TRANSLATE_NOOP(
    "Fee",
    "Cổng thanh toán báo giao dịch không thành công hoặc đã hết hạn. Hãy tạo lại mã, hoặc nộp tại quầy.",
)
GENERIC_FAILURE = QT_TRANSLATE_NOOP("Fee", "Đã có lỗi. Xin hãy thử lại hoặc chọn nộp tại quầy.")


def payment_status_text(payment: Payment) -> str:
    """How a charge stands, for the screen (translated); "✓" only where money was seen."""
    if payment.method is Method.CASH:
        return tr("Fee", QT_TRANSLATE_NOOP("Fee", "✓ Đã thu tiền mặt — %1")).replace(
            "%1", payment.recorded_by
        )
    if payment.method is Method.AT_COUNTER_LATER:
        return tr("Fee", QT_TRANSLATE_NOOP("Fee", "Nộp khi nhận kết quả"))
    if payment.method is Method.GATEWAY:
        if payment.state is PaymentState.PAID:
            return tr("Fee", QT_TRANSLATE_NOOP("Fee", "✓ Đã nộp qua cổng thanh toán"))
        return tr("Fee", QT_TRANSLATE_NOOP("Fee", "Qua cổng thanh toán — chưa xác nhận"))
    if payment.state is PaymentState.SEEN:
        return tr(
            "Fee", QT_TRANSLATE_NOOP("Fee", "✓ Chuyển khoản — cán bộ %1 đã xem trên điện thoại")
        ).replace("%1", payment.recorded_by)
    return tr("Fee", QT_TRANSLATE_NOOP("Fee", "Chuyển khoản — chưa xác nhận"))


def amount_text(charge: Charge) -> str:
    """The amount as the citizen reads it: never "Miễn phí" for a fee the province sets."""
    if not charge.indicative:
        return tr("Money", format_vnd(charge.amount))
    if charge.amount == 0:
        return tr("Money", PROVINCE_FEE)
    return tr("Money", PROVINCE_FEE_ABOUT).format(amount=format_vnd(charge.amount))


class FeeModel(QObject):
    changed = Signal()

    def __init__(
        self,
        services: Services,
        mode: Mode,
        jobs: Jobs,
        *,
        visit: Callable[[], Visit],
        report: Callable[[str, str], None],
        finish: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._mode = mode
        self._jobs = jobs
        self._store = services.store
        self._visit = visit
        self._report = report
        self._finish = finish
        settings = services.settings
        self._connector = connector_from_settings(settings.payment, load_payment_token(settings))
        self._showing: ChargeKind | None = None  # the charge whose QR is on screen
        self._request: PaymentRequest | None = None
        self._asking = False  # a request to the gateway is under way
        self._revision = 0

    def reset(self) -> None:
        """A new fee page (or none): no QR on screen, no request remembered."""
        self._showing, self._request, self._asking = None, None, False
        self._changed()

    def _changed(self) -> None:
        self._revision += 1
        self.changed.emit()

    def _charge(self, kind: ChargeKind | None) -> Charge | None:
        fees = self._visit().fees()
        if fees is None or kind is None:
            return None
        return fees.state_fee if kind is ChargeKind.STATE_FEE else fees.service_charge

    # -- properties ----------------------------------------------------------------------------

    def _lines(self) -> list[dict[str, Any]]:
        visit = self._visit()
        fees = visit.fees()
        if fees is None:
            return []
        due = {charge.kind for charge in visit.due()}
        cash = self._mode is Mode.AGENT and visit.agent_role in CASH_ROLES
        rows = []
        for charge in (fees.state_fee, fees.service_charge):
            if charge.kind is ChargeKind.SERVICE_CHARGE and charge.kind not in due:
                continue  # no service charge here: not a line at all
            payment = visit.payments.get(charge.kind)
            transfer = charge.vietqr() is not None if not self._connector.remote else charge.amount > 0
            rows.append(
                {
                    "kind": charge.kind.value,
                    "label": tr("Money", charge.label),
                    "note": tr("Fee", NOTES[charge.kind]),
                    "amount": amount_text(charge),
                    "due": charge.kind in due,
                    "indicative": charge.indicative,
                    "method": payment.method.value if payment else "",
                    "status": payment_status_text(payment) if payment else "",
                    "canCash": cash,
                    "canTransfer": transfer and not charge.indicative,
                }
            )
        return rows

    def _shown(self) -> dict[str, Any]:
        charge = self._charge(self._showing)
        if charge is None:
            return {}
        # A gateway's QR pays wherever the gateway says: only our own VietQR names the account,
        # so only it is shown with the account's details (and its training mark).
        account = None if self._connector.remote else charge.account
        return {
            "kind": charge.kind.value,
            "amount": amount_text(charge),
            "purpose": charge.reference,
            "bank": account.bank.short_name if account else "",
            "accountNumber": account.account if account else "",
            "accountName": account.name if account else "",
            "training": bool(account and account.training),
        }

    lines = Property("QVariantList", _lines, notify=changed)
    shown = Property("QVariantMap", _shown, notify=changed)
    showing = Property(str, lambda self: self._showing.value if self._showing else "", notify=changed)
    asking = Property(bool, lambda self: self._asking, notify=changed)
    remote = Property(bool, lambda self: self._connector.remote, notify=changed)
    qrUrl = Property(
        str, lambda self: f"image://visit/payqr/{self._revision}" if self._request else "", notify=changed
    )
    cashAllowed = Property(
        bool, lambda self: self._mode is Mode.AGENT and self._visit().agent_role in CASH_ROLES, notify=changed
    )

    def qr_text(self) -> str:
        """The text of the QR on screen (a VietQR payload, or the gateway's), for the image provider."""
        return self._request.qr if self._request is not None and self._showing is not None else ""

    # -- slots ---------------------------------------------------------------------------------

    @Slot(str, str)
    def choose(self, kind: str, method: str) -> None:
        """The citizen's choice at the kiosk, or what the agent records. A transfer first shows its
        QR; the agent confirms it (`confirmTransfer`) once the citizen's phone shows it done."""
        charge_kind, chosen = ChargeKind(kind), Method(method)
        if chosen in (Method.VIETQR, Method.GATEWAY):
            self._show_qr(charge_kind)
            return
        if self._record(charge_kind, chosen) and self._mode is Mode.KIOSK:
            self._finish()  # one tap at the kiosk: "at the desk" is the whole answer

    @Slot()
    def confirmTransfer(self) -> None:
        """The transfer on screen: at the kiosk, chosen (nobody can see it arrive); at the agent
        point, seen succeed on the citizen's phone."""
        if self._showing is None or self._request is None:
            return
        method = Method.GATEWAY if self._connector.remote else Method.VIETQR
        paid = self._request.status is PaymentStatus.PAID
        kind = self._showing
        if not self._record(kind, method, paid=paid, transaction_id=self._transaction_id()):
            return
        self._showing = None
        self._changed()
        if self._mode is Mode.KIOSK:
            self._finish()

    @Slot()
    def hideQr(self) -> None:
        self._showing, self._request, self._asking = None, None, False
        self._report("", "")
        self._changed()

    @Slot(str)
    def confirmAmount(self, text: str) -> None:
        """The amount the agent confirmed for a fee the province sets."""
        try:
            self._visit().confirm_fee_amount(text)
        except VisitError as exc:
            self._report(tr("Fee", exc.message), exc.field)
            return
        self._report("", "")
        self._changed()

    @Slot()
    def checkStatus(self) -> None:
        """Ask the gateway whether the request on screen is paid (on the network worker)."""
        request, kind = self._request, self._showing
        if not self._connector.remote or request is None or kind is None or self._asking:
            return
        self._asking = True
        self._changed()
        connector = self._connector

        def done(status: PaymentStatus) -> None:
            self._asking = False
            if self._request is not request:
                self._changed()
                return  # another QR by now
            self._request = PaymentRequest(request.transaction_id, request.qr, request.payment_url, status)
            if status is PaymentStatus.PAID:
                self.confirmTransfer()
            elif status in (PaymentStatus.FAILED, PaymentStatus.EXPIRED):
                self._report(tr("Fee", PAYMENT_FAILED), "payment")
            else:
                self._report(tr("Fee", NOT_PAID_YET), "payment")
            self._changed()

        self._jobs.run("network", lambda: connector.status(request.transaction_id), done, self._failed)

    # -- plumbing ------------------------------------------------------------------------------

    def _transaction_id(self) -> str:
        return self._request.transaction_id if self._request is not None and self._connector.remote else ""

    def _record(self, kind: ChargeKind, method: Method, **extra: Any) -> bool:
        if method is Method.CASH and self._mode is Mode.AGENT and not self._may_take_cash():
            self._report(tr("Fee", NO_CASH_VOLUNTEER), "cash")
            return False
        try:
            self._visit().record_payment(kind, method, **extra)
        except VisitError as exc:
            self._report(tr("Fee", exc.message), exc.field)
            return False
        self._report("", "")
        self._changed()
        return True

    def _may_take_cash(self) -> bool:
        """Cash goes through egov.permissions like every role-restricted action, so that a
        volunteer's attempt is in the audit trail (Visit.record_payment refuses it as well)."""
        visit = self._visit()
        staff = Account(visit.agent, "", visit.agent_role) if visit.agent and visit.agent_role else None
        outcome = visit.outcome
        subject = dossier_subject(outcome.client_id) if outcome is not None else "fee"
        return permitted(staff, Action.TAKE_CASH, self._store, self._jobs, subject)

    def _show_qr(self, kind: ChargeKind) -> None:
        visit = self._visit()
        charge = self._charge(kind)
        if charge is None or visit.outcome is None:
            return
        if charge.indicative:
            # The same rule the record will apply: no QR for an amount nobody has confirmed.
            self._report(tr("Fee", QT_TRANSLATE_NOOP("Fee", "Hãy xác nhận số tiền lệ phí trước.")), "amount")
            return
        reference = visit.outcome.dossier_code or visit.outcome.local_reference
        connector = self._connector
        self._showing, self._request = kind, None
        self._report("", "")
        if not connector.remote:
            # Our own VietQR: a few string operations, drawn at once.
            try:
                self._request = connector.create(reference, charge)
            except PaymentError as exc:
                self._showing = None
                self._report(tr("Payment", exc.message), "payment")
            self._changed()
            return
        self._asking = True
        self._changed()

        def done(request: PaymentRequest) -> None:
            self._asking = False
            if visit is self._visit() and self._showing is kind:
                self._request = request
            self._changed()

        self._jobs.run("network", lambda: connector.create(reference, charge), done, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self._asking = False
        if isinstance(exc, PaymentError):
            log.warning("payment gateway: %s", exc)
            self._report(tr("Payment", exc.message), "payment")
        else:
            log.error("payment request failed", exc_info=exc)
            self._report(tr("Fee", GENERIC_FAILURE), "payment")
        self._changed()
