"""Fees (egov.fees): the state fee and an agent point's service charge stay two charges, each paid
to its own party with its own payment reference, and [fee_account] names the agency's account.

What a citizen or an agency would notice: a QR that pays the state fee into anyone's account but
the agency's, an amount that is not the catalogue's, a transfer whose purpose no longer names the
dossier, or a QR for a fee the province sets before staff have confirmed it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from config.settings import CONFIG_ENV, DATA_DIR_ENV, ConfigError, load_settings
from egov.banks import load_banks
from egov.catalog import load_catalog
from egov.dossier import Channel
from egov.fees import ChargeKind, ReceivingAccount, fees_for, payment_reference
from egov.vietqr import Problem, Service, VietQrError, parse

CODE = "H01.99-261123-0001"
RESIDENCE = "1.004222"  # đăng ký thường trú: 20 000 đ at the desk, 10 000 đ online
BIRTH = "1.001193"  # đăng ký khai sinh: free
BUSINESS = "1.001612"  # thành lập hộ kinh doanh: the province sets the fee


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(CONFIG_ENV, raising=False)
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "data"))


@pytest.fixture
def agency() -> ReceivingAccount:
    return ReceivingAccount(load_banks().bank("970415"), "112233445566", "UBND PHUONG MAU")


@pytest.fixture
def agent() -> ReceivingAccount:
    return ReceivingAccount(load_banks().bank("970405"), "1500201234567", "BUU DIEN VAN HOA MAU")


def test_the_state_fee_comes_from_the_catalogue_and_pays_the_agency(agency: ReceivingAccount) -> None:
    procedure = load_catalog().get(RESIDENCE)
    assert procedure is not None
    for channel, amount in ((Channel.DIRECT, 20_000), (Channel.ONLINE, 10_000)):
        fees = fees_for(procedure, channel, CODE, agency=agency)
        assert fees.state_fee.kind is ChargeKind.STATE_FEE and fees.state_fee.amount == amount
        qr = fees.state_fee.vietqr()
        assert qr is not None
        read = parse(qr.payload())
        assert (read.bin, read.account, read.service) == ("970415", "112233445566", Service.ACCOUNT)
        assert read.amount == amount and read.purpose == f"LE PHI {CODE}"
        assert fees.total == amount


def test_the_service_charge_is_a_separate_charge_to_the_agent(
    agency: ReceivingAccount, agent: ReceivingAccount
) -> None:
    procedure = load_catalog().get(RESIDENCE)
    assert procedure is not None
    fees = fees_for(procedure, "direct", CODE, agency=agency, service_charge=15_000, agent=agent)
    state, service = fees.state_fee.vietqr(), fees.service_charge.vietqr()
    assert state is not None and service is not None
    assert (state.account, state.amount, state.purpose) == ("112233445566", 20_000, f"LE PHI {CODE}")
    assert (service.account, service.amount, service.purpose) == ("1500201234567", 15_000, f"PHI DV {CODE}")
    assert fees.total == 35_000
    assert fees.service_charge.label == "Phí dịch vụ" and fees.state_fee.label == "Lệ phí"


def test_a_service_charge_without_an_account_is_cash_only(agency: ReceivingAccount) -> None:
    procedure = load_catalog().get(RESIDENCE)
    assert procedure is not None
    fees = fees_for(procedure, "direct", CODE, agency=agency, service_charge=15_000)
    assert fees.service_charge.amount == 15_000 and fees.service_charge.vietqr() is None
    assert fees.state_fee.vietqr() is not None


def test_the_agency_account_never_takes_the_service_charge(agency: ReceivingAccount) -> None:
    procedure = load_catalog().get(RESIDENCE)
    assert procedure is not None
    same = ReceivingAccount(agency.bank, agency.account, "DAI LY")
    with pytest.raises(ValueError, match="agency"):
        fees_for(procedure, "direct", CODE, agency=agency, service_charge=15_000, agent=same)


def test_a_free_procedure_makes_no_qr(agency: ReceivingAccount) -> None:
    procedure = load_catalog().get(BIRTH)
    assert procedure is not None
    fees = fees_for(procedure, "direct", CODE, agency=agency)
    assert fees.state_fee.amount == 0 and fees.state_fee.vietqr() is None and fees.total == 0


def test_a_fee_the_province_sets_needs_staff_to_confirm_it(agency: ReceivingAccount) -> None:
    procedure = load_catalog().get(BUSINESS)
    assert procedure is not None
    fee = fees_for(procedure, "direct", CODE, agency=agency).state_fee
    assert fee.indicative and fee.vietqr() is None
    confirmed = fee.confirmed(120_000).vietqr()
    assert confirmed is not None and parse(confirmed.payload()).amount == 120_000


def test_a_channel_the_procedure_lacks_is_a_lookup_error(agency: ReceivingAccount) -> None:
    procedure = load_catalog().get("2.000884")  # chứng thực chữ ký: at the desk only
    assert procedure is not None
    with pytest.raises(LookupError):
        fees_for(procedure, Channel.ONLINE, CODE, agency=agency)


@pytest.mark.parametrize(
    ("reference", "state", "service"),
    [
        (CODE, f"LE PHI {CODE}", f"PHI DV {CODE}"),
        ("TN-1A2B3C4D", "LE PHI TN-1A2B3C4D", "PHI DV TN-1A2B3C4D"),
        # A ministry-style agency code leaves no room for the words: the code alone, whole.
        ("000.00.00.G15-261123-0001", "000.00.00.G15-261123-0001", "000.00.00.G15-261123-0001"),
    ],
)
def test_the_payment_reference_always_carries_the_whole_code(
    reference: str, state: str, service: str
) -> None:
    assert payment_reference(ChargeKind.STATE_FEE, reference) == state
    assert payment_reference(ChargeKind.SERVICE_CHARGE, reference) == service


def test_a_code_too_long_for_a_transfer_is_refused_not_cut() -> None:
    with pytest.raises(VietQrError) as caught:
        payment_reference(ChargeKind.STATE_FEE, "000.00.00.G15.1-261123-0001")
    assert caught.value.problem is Problem.PURPOSE_TOO_LONG


# ---- [fee_account] --------------------------------------------------------------------------------


def test_the_embedded_default_is_a_training_account() -> None:
    account = ReceivingAccount.from_settings(load_settings().fee_account)
    assert account.training
    assert account.bank.short_name == "VietinBank" and "DAO TAO" in account.name


def test_an_office_account_is_taken_from_the_settings(tmp_path: Path) -> None:
    path = tmp_path / "office.toml"
    path.write_text(
        '[fee_account]\nbin = "970436"\naccount = "0011001234567"\n'
        'name = "UBND PHUONG A"\ntraining = false\n',
        encoding="utf-8",
    )
    account = ReceivingAccount.from_settings(load_settings(path).fee_account)
    assert (account.bank.short_name, account.account, account.training) == (
        "Vietcombank",
        "0011001234567",
        False,
    )


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ('bin = "970499"', "[fee_account] bin"),
        ('bin = "9704"', "[fee_account] bin"),
        ('account = "0011 001234567"', "[fee_account] account"),
        ('account = "12345678901234567890"', "[fee_account] account"),
        ('name = "  "', "[fee_account] name"),
        ("training = 1", "[fee_account] training"),
    ],
)
def test_a_bad_fee_account_stops_the_kiosk(tmp_path: Path, line: str, key: str) -> None:
    path = tmp_path / "office.toml"
    path.write_text(f"[fee_account]\n{line}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(path)
    assert str(path) in str(caught.value) and key in str(caught.value)
