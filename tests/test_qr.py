"""QR codes in camera frames (hardware.qr): the card's QR at the pixel sizes a kiosk camera gives,
the OpenCV fallback on its own, the kiosk's own receipt QR, frames that are not images, and the
parsers fed whatever a camera might decode.

The frames are made here, deterministically: a CCCD-like UTF-8 payload drawn by `qrcode`, shrunk to
2.5–4 pixels per module into a 1920×1080 frame, turned up to ±20°, with a mild perspective, lens
softness, sensor noise and JPEG 85, as in the document capture fact sheet's measurements.
"""

from __future__ import annotations

import math
import unicodedata
from datetime import date, datetime
from types import SimpleNamespace

import cv2
import numpy as np
import pytest
import qrcode
import zxingcpp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import hardware.qr as qr
from egov.outbox import local_reference
from egov.receipt import QR, dossier_receipt
from hardware.card.keys import QrError, parse_card_qr
from hardware.qr import (
    Code,
    Formats,
    card_qr_in,
    read_card_qr,
    read_codes,
    read_opencv_only,
    receipt_reference,
)
from hardware.raster import render

FRAME = (1920, 1080)
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ"]
MIDDLE = ["Thị", "Văn", "Minh", "Ngọc", "Đức", "Thanh", "Hữu", "Quốc"]
GIVEN = ["Hương", "Dũng", "Mẫu", "Phượng", "Tuấn", "Ánh", "Khôi", "Thủy", "Đạt", "Nguyệt"]
STREETS = ["Phố Hàng Bông", "Đường Nguyễn Trãi", "Ngõ Quỳnh", "Phố Mẫu", "Đường Lê Lợi"]
WARDS = ["Phường Trúc Bạch", "Phường Hàng Trống", "Xã Mẫu Sơn", "Phường Bến Nghé"]
CITIES = ["Thành phố Hà Nội", "Thành phố Hồ Chí Minh", "Tỉnh Lạng Sơn", "Thành phố Đà Nẵng"]


def card_payload(rng: np.random.Generator) -> tuple[str, str]:
    """A made-up 2021 CCCD front QR payload (120–170 bytes of UTF-8) and its ID number."""
    id12 = "0" + "".join(str(d) for d in rng.integers(0, 10, 11))
    old = "".join(str(d) for d in rng.integers(0, 10, 9)) if rng.random() < 0.5 else ""
    name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
    born = date(int(rng.integers(1950, 2005)), int(rng.integers(1, 13)), int(rng.integers(1, 29)))
    issued = date(int(rng.integers(2021, 2024)), int(rng.integers(1, 13)), int(rng.integers(1, 29)))
    address = f"Số {rng.integers(1, 200)} {rng.choice(STREETS)}, {rng.choice(WARDS)}, {rng.choice(CITIES)}"
    sex = "Nữ" if rng.random() < 0.5 else "Nam"
    fields = [id12, old, name, f"{born:%d%m%Y}", sex, address, f"{issued:%d%m%Y}"]
    return "|".join(fields), id12


def modules(payload: str) -> np.ndarray:
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
    code.add_data(payload.encode("utf-8"))
    code.make(fit=True)
    return np.array(code.get_matrix(), dtype=bool)


def frame(
    payload: str,
    px_per_module: float,
    rng: np.random.Generator,
    *,
    turn_deg: float = 20.0,
    perspective: float = 0.03,
    noise: float = 3.0,
    jpeg: int = 85,
) -> np.ndarray:
    """`payload` as a QR lying somewhere in a BGR 1080p frame, photographed."""
    matrix = modules(payload)
    count = matrix.shape[0]
    fine = 8  # drawn at 8 px/module, then shrunk with the blur a lens would add
    master = np.where(np.kron(matrix, np.ones((fine, fine), bool)), 25, 235).astype(np.float32)
    master = cv2.GaussianBlur(master, (0, 0), 0.45 * fine / px_per_module)
    width, height = FRAME
    side = count * px_per_module
    half = side / 2
    reach = half * 1.45  # a turned square with its perspective jitter stays inside the frame
    cx, cy = rng.uniform(reach, width - reach), rng.uniform(reach, height - reach)
    angle = math.radians(rng.uniform(-turn_deg, turn_deg))
    rotation = np.array([[math.cos(angle), -math.sin(angle)], [math.sin(angle), math.cos(angle)]])
    square = np.array([(-half, -half), (half, -half), (half, half), (-half, half)])
    corners = square @ rotation.T + (cx, cy) + rng.uniform(-perspective, perspective, (4, 2)) * side
    source = np.array([(0, 0), (count * fine, 0), (count * fine, count * fine), (0, count * fine)])
    warp = cv2.getPerspectiveTransform(source.astype(np.float32), corners.astype(np.float32))
    desk = np.full((height, width), 150, np.float32)
    desk += cv2.resize(rng.normal(0, 20, (height // 40, width // 40)).astype(np.float32), (width, height))
    paper = cv2.warpPerspective(np.ones_like(master), warp, (width, height), flags=cv2.INTER_LINEAR)
    printed = cv2.warpPerspective(master, warp, (width, height), flags=cv2.INTER_LINEAR)
    image = desk * (1 - paper) + printed * paper + rng.normal(0, noise, (height, width))
    bgr = cv2.cvtColor(np.clip(image, 0, 255).astype(np.uint8), cv2.COLOR_GRAY2BGR)
    ok, data = cv2.imencode(".jpg", bgr, [cv2.IMWRITE_JPEG_QUALITY, jpeg])
    assert ok
    return cv2.imdecode(data, cv2.IMREAD_COLOR)


def batch(px_per_module: float, count: int, seed: int) -> list[tuple[np.ndarray, str, str]]:
    rng = np.random.default_rng(seed)
    out = []
    for _ in range(count):
        payload, id12 = card_payload(rng)
        out.append((frame(payload, px_per_module, rng), payload, id12))
    return out


# -- the card's QR in camera frames ---------------------------------------------------------------


@pytest.mark.parametrize("px_per_module", [2.5, 3.0, 4.0])
def test_zxing_reads_the_card_qr_at_kiosk_camera_sizes(px_per_module: float, monkeypatch) -> None:
    def no_fallback(grey: np.ndarray) -> list[Code]:
        raise AssertionError("zxing-cpp alone should read these")

    monkeypatch.setattr(qr, "_opencv", no_fallback)
    for image, payload, id12 in batch(px_per_module, 8, seed=int(px_per_module * 10)):
        codes = read_codes(image)
        assert [c.text for c in codes] == [payload]
        assert codes[0].format == "QRCode"
        card = read_card_qr(image)
        assert card is not None and card.id_number == id12


def test_a_read_code_knows_where_it_lies() -> None:
    rng = np.random.default_rng(5)
    payload, _ = card_payload(rng)
    image = frame(payload, 4.0, rng, turn_deg=0, perspective=0)
    (code,) = read_codes(image)
    xs, ys = zip(*code.corners, strict=True)
    side = modules(payload).shape[0] - 8  # the symbol without its quiet zone
    assert max(xs) - min(xs) == pytest.approx(side * 4.0, rel=0.1)
    assert 0 <= min(xs) and max(xs) < FRAME[0] and 0 <= min(ys) and max(ys) < FRAME[1]


@pytest.mark.parametrize("px_per_module", [4.0, 6.0])
def test_the_opencv_fallback_reads_sharp_qrs_on_its_own(px_per_module: float) -> None:
    frames = batch(px_per_module, 6, seed=int(px_per_module * 100))
    read = [[c.text for c in read_opencv_only(image)] == [payload] for image, payload, _ in frames]
    # OpenCV misses the odd symbol that zxing-cpp reads; most must still come through.
    assert sum(read) >= 5, read


def test_read_codes_falls_back_to_opencv_when_zxing_finds_nothing(monkeypatch) -> None:
    calls: list[int] = []

    def blind(*args, **kwargs) -> list:
        calls.append(1)
        return []

    monkeypatch.setattr(zxingcpp, "read_barcodes", blind)
    image, payload, id12 = batch(4.0, 1, seed=77)[0]
    assert [c.text for c in read_codes(image)] == [payload]
    card = read_card_qr(image)
    assert card is not None and card.id_number == id12
    assert calls, "zxing was asked first"


def test_an_opencv_failure_is_no_crash(monkeypatch) -> None:
    class Broken:
        def detectAndDecodeMulti(self, image):  # noqa: N802 - OpenCV's name
            raise cv2.error("mode 14")

    monkeypatch.setattr(qr, "_aruco", Broken())
    monkeypatch.setattr(zxingcpp, "read_barcodes", lambda *a, **k: [])
    image, _, _ = batch(4.0, 1, seed=78)[0]
    assert read_codes(image) == [] and read_opencv_only(image) == []


def test_small_symbols_get_a_second_look_scaled_up(monkeypatch) -> None:
    """At 1.5 px/module zxing-cpp misses some symbols that the ×2 copy gives it."""
    monkeypatch.setattr(qr, "_opencv", lambda grey: [])
    frames = batch(1.5, 12, seed=15)
    plain = sum(bool(qr._zxing(qr.as_grey(image), Formats.QR)) for image, _, _ in frames)
    full = sum([c.text for c in read_codes(image)] == [payload] for image, payload, _ in frames)
    assert full > plain and full >= 11, (plain, full)
    assert sum(bool(read_codes(image, upscale=False)) for image, _, _ in frames) == plain


def test_each_code_once_with_nfc_text() -> None:
    decomposed = unicodedata.normalize("NFD", "001158000000||Nguyễn Thị Mẫu|05091958|Nữ|Số 1|01042021")
    matrix = np.where(modules(decomposed), 0, 255).astype(np.uint8)
    symbol = cv2.resize(matrix, None, fx=5, fy=5, interpolation=cv2.INTER_NEAREST)
    sheet = np.full((symbol.shape[0] + 40, symbol.shape[1] * 2 + 80), 255, np.uint8)
    sheet[20 : 20 + symbol.shape[0], 20 : 20 + symbol.shape[1]] = symbol
    sheet[20 : 20 + symbol.shape[0], 60 + symbol.shape[1] : 60 + 2 * symbol.shape[1]] = symbol
    codes = read_codes(sheet)
    assert len(codes) == 1
    assert codes[0].text == unicodedata.normalize("NFC", decomposed)
    card = card_qr_in(codes)
    assert card is not None and card.full_name == "Nguyễn Thị Mẫu"


def test_a_code_never_shows_its_text() -> None:
    code = Code("001158000000||Nguyễn Thị Mẫu|05091958|Nữ|Số 1|01042021", "QRCode", ((0, 0),) * 4)
    assert "Mẫu" not in repr(code) and "001158" not in repr(code) and "Mẫu" not in str(code)


def test_qr_only_by_default_every_symbology_when_asked() -> None:
    if hasattr(zxingcpp, "create_barcode"):  # zxing-cpp 3 deprecates write_barcode
        bars = np.array(
            zxingcpp.create_barcode("KIOSK-0042", zxingcpp.BarcodeFormat.Code128).to_image(scale=4)
        )
    else:
        bars = np.array(zxingcpp.write_barcode(zxingcpp.BarcodeFormat.Code128, "KIOSK-0042", 600, 160))
    sheet = np.pad(bars, 60, constant_values=255)
    assert read_codes(sheet) == []
    (code,) = read_codes(sheet, formats=Formats.ALL)
    assert code.text == "KIOSK-0042" and code.format == "Code128"


def test_a_frame_with_another_qr_is_no_card() -> None:
    rng = np.random.default_rng(9)
    image = frame("https://dichvucong.gov.vn/", 4.0, rng)
    assert [c.text for c in read_codes(image)] == ["https://dichvucong.gov.vn/"]
    assert read_card_qr(image) is None


# -- frames that are not photographs --------------------------------------------------------------


def _with_qr() -> np.ndarray:
    matrix = np.where(modules("001158000000||Nguyễn Thị Mẫu|05091958|Nữ|Số 1|01042021"), 0, 255)
    return cv2.resize(matrix.astype(np.uint8), None, fx=4, fy=4, interpolation=cv2.INTER_NEAREST)


ODD_FRAMES = {
    "None": None,
    "a list": [[0, 255], [255, 0]],
    "a string": "001158000000",
    "1x1": np.zeros((1, 1, 3), np.uint8),
    "empty": np.zeros((0, 0, 3), np.uint8),
    "one row": np.zeros((1, 1920, 3), np.uint8),
    "all black 1080p": np.zeros((1080, 1920, 3), np.uint8),
    "all white 1080p": np.full((1080, 1920, 3), 255, np.uint8),
    "five channels": np.zeros((100, 100, 5), np.uint8),
    "four dimensions": np.zeros((2, 100, 100, 3), np.uint8),
    "complex": np.zeros((100, 100), np.complex64),
    "NaN floats": np.full((100, 100), np.nan, np.float32),
    "object array": np.full((30, 30), None, dtype=object),
}


@pytest.mark.parametrize("name", list(ODD_FRAMES))
def test_odd_frames_hold_no_codes(name: str) -> None:
    assert read_codes(ODD_FRAMES[name]) == []
    assert read_codes(ODD_FRAMES[name], formats=Formats.ALL) == []
    assert read_opencv_only(ODD_FRAMES[name]) == []
    assert read_card_qr(ODD_FRAMES[name]) is None


@pytest.mark.parametrize(
    "convert",
    [
        pytest.param(lambda g: g, id="grey"),
        pytest.param(lambda g: g[:, :, None], id="grey with one channel"),
        pytest.param(lambda g: cv2.cvtColor(g, cv2.COLOR_GRAY2BGRA), id="BGRA"),
        pytest.param(lambda g: g.astype(np.uint16) * 257, id="16-bit"),
        pytest.param(lambda g: g.astype(np.float32) / 255, id="float 0..1"),
        pytest.param(lambda g: g > 127, id="boolean"),
        pytest.param(lambda g: np.asfortranarray(g), id="column-major"),
        pytest.param(lambda g: np.repeat(g, 2, axis=1)[:, ::2], id="strided view"),
    ],
)
def test_frames_in_other_layouts_are_read(convert) -> None:
    card = read_card_qr(convert(_with_qr()))
    assert card is not None and card.id_number == "001158000000"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    hnp.arrays(
        dtype=st.sampled_from([np.uint8, np.uint16, np.int16, np.float32, np.float64, np.bool_]),
        shape=hnp.array_shapes(min_dims=1, max_dims=4, min_side=0, max_side=48),
    )
)
def test_any_array_gives_a_list_never_an_exception(image: np.ndarray) -> None:
    assert isinstance(read_codes(image), list)


# -- this kiosk's receipt QR ----------------------------------------------------------------------


def tracking_url(base_url: str, dossier_code: str) -> str:
    """The receipt's tracking URL as the kiosk builds it (VisitModel.tracking_url), not a copy."""
    from ui.visit_model import VisitModel

    model = SimpleNamespace(
        visit=SimpleNamespace(outcome=SimpleNamespace(dossier_code=dossier_code)),
        _services=SimpleNamespace(portal=SimpleNamespace(base_url=base_url)),
    )
    return VisitModel.tracking_url(model)


def printed_receipt(tracking: str, dossier_code: str) -> np.ndarray:
    """The 80 mm receipt as the printer gets it, photographed flat (grey, 8 dots per mm)."""
    blocks = dossier_receipt(
        office_name="UBND Phường Mẫu",
        office_address="Số 1 Phố Mẫu",
        hotline="1900 0000",
        dossier_code=dossier_code,
        procedure_name="Đăng ký khai sinh",
        procedure_code="1.001193",
        applicant_name="Nguyễn Thị Mẫu",
        mask_name=True,
        documents=[("Tờ khai", 1, 0)],
        received_at=datetime(2025, 3, 5, 9, 30),
        appointment=date(2025, 3, 7),
        fee_text="Miễn phí",
        tracking_url=tracking,
        queued=dossier_code.startswith("TN-"),
    )
    assert [b.payload for b in blocks if isinstance(b, QR)] == [tracking]
    sheet = np.array(render(blocks, 576).convert("L"))
    return cv2.cvtColor(sheet, cv2.COLOR_GRAY2BGR)


def test_the_kiosk_receipt_qr_gives_its_dossier_code() -> None:
    url = tracking_url("http://127.0.0.1:8765/", "H01.99-250305-0007")
    image = printed_receipt(url, "H01.99-250305-0007")
    codes = read_codes(image)
    assert [c.text for c in codes] == [url]
    assert receipt_reference(codes[0].text) == "H01.99-250305-0007"
    assert receipt_reference(codes[0].text, base_url="http://127.0.0.1:8765") == "H01.99-250305-0007"
    assert receipt_reference(codes[0].text, base_url="https://dichvucong.gov.vn") is None


def test_a_queued_receipt_qr_gives_its_local_reference() -> None:
    import uuid

    reference = local_reference(uuid.UUID("12345678-1234-5678-1234-567812345678"))
    codes = read_codes(printed_receipt(reference, reference))
    assert [receipt_reference(c.text) for c in codes] == ["TN-12345678"]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "H01.99-250305-0007",  # a bare dossier code is not what the kiosk prints
        "https://example.vn/tra-cuu?MHS=h01.99-250305-0007",
        "https://example.vn/tra-cuu?MHS=H01.99-250305-0007&x=1",
        "https://example.vn/tra-cuu?MHS=H01.99-250305-0007&MHS=H01.99-250305-0008",
        "https://example.vn/tra-cuu?mhs=H01.99-250305-0007",
        "https://example.vn/tra-cuu?MHS=H01.99-250305-0007#top",
        "https://example.vn/tra-cuu/x?MHS=H01.99-250305-0007",
        "ftp://example.vn/tra-cuu?MHS=H01.99-250305-0007",
        "javascript:alert(1)//tra-cuu?MHS=H01.99-250305-0007",
        "https:///tra-cuu?MHS=H01.99-250305-0007",
        "https://[::1/tra-cuu?MHS=H01.99-250305-0007",
        "https://example.vn/tra-\ncuu?MHS=H01.99-250305-0007",
        "https://example.vn/tra-cuu?MHS=H01.99-250305-0007%0A",
        "https://example.vn/tra-cuu?MHS=H01.99-250305-0007" + "0" * 3000,
        "TN-1234567",
        "tn-12345678",
        "TN-12345678 ",
        "001158000000||Nguyễn Thị Mẫu|05091958|Nữ|Số 1|01042021",
    ],
)
def test_other_texts_are_no_receipt(text: str) -> None:
    expected = "TN-12345678" if text == "TN-12345678 " else None
    assert receipt_reference(text) == expected


def test_what_a_scanner_adds_round_the_text_is_forgiven() -> None:
    # USB code scanners end their "typing" with CR LF; some editors and phones add a BOM.
    url = "https://example.vn/tra-cuu?MHS=H01.99-250305-0007"
    assert receipt_reference(url + "\r\n") == "H01.99-250305-0007"
    assert receipt_reference("\ufeff" + url) == "H01.99-250305-0007"


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=300))
def test_receipt_reference_never_raises_on_any_text(text: str) -> None:
    found = receipt_reference(text)
    assert found is None or qr._DOSSIER_CODE.fullmatch(found) or qr._LOCAL_REFERENCE.fullmatch(found)


_URLISH = st.builds(
    "{}://{}{}?{}{}".format,
    st.sampled_from(["http", "https", "HTTPS", "ftp", "", "h"]),
    st.text(alphabet="abc.[]:@%1-", max_size=15),
    st.sampled_from(["/tra-cuu", "/x/tra-cuu", "/tra-cuu/", "", "/tra%2Dcuu"]),
    st.text(alphabet="MHS=&;%+0123456789ABH.-", max_size=40),
    st.sampled_from(["", "#", "#x", "\x00", " "]),
)


@settings(max_examples=400, deadline=None)
@given(_URLISH, st.one_of(st.none(), st.sampled_from(["https://abc", "http://[::1]:80/x", "::", "http://["])))
def test_receipt_reference_never_raises_on_url_like_text(text: str, base_url: str | None) -> None:
    found = receipt_reference(text, base_url=base_url)
    assert found is None or qr._DOSSIER_CODE.fullmatch(found)


_CARDISH = st.lists(
    st.one_of(
        st.text(max_size=20),
        st.text(alphabet="0123456789", min_size=8, max_size=12),
        st.sampled_from(["Nam", "Nữ", "NỮ", "nu", "", "Nguyễn Thị Mẫu"]),
    ),
    max_size=9,
).map("|".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(max_size=200), _CARDISH))
def test_the_card_qr_parse_raises_only_qr_error(text: str) -> None:
    try:
        card = parse_card_qr(text)
    except QrError as exc:
        assert exc.message and str(exc)
    else:
        assert len(card.id_number) == 12 and card.date_of_issue >= card.date_of_birth
    codes = [Code(text, "QRCode", ((0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0)))]
    assert card_qr_in(codes) is None or card_qr_in(codes).id_number.isdigit()
