"""The procedure catalogue: it loads, its data is sound, bad files are refused, search finds what people
type."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from egov.catalog import Catalog, CatalogError, Procedure, load_catalog
from egov.dossier import Channel
from egov.identity import IDENTITY_FIELDS

BIRTH = "1.001193"
CERTIFICATION = {"2.000815", "2.000884", "2.001035"}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def _raw() -> dict[str, Any]:
    return json.loads((Path(__file__).parent.parent / "config" / "catalog.json").read_text(encoding="utf-8"))


def _write(tmp_path: Path, data: dict[str, Any] | str) -> Path:
    path = tmp_path / "broken-catalog.json"
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    return path


def _codes(found: list[Procedure]) -> list[str]:
    return [p.code for p in found]


# ---- Loading and the data itself -----------------------------------------------------------


def test_embedded_catalogue_loads_with_version_and_date(catalog: Catalog) -> None:
    assert len(catalog.procedures) >= 15
    assert catalog.version
    assert catalog.date.year >= 2025


def test_required_procedures_are_present_with_their_rules(catalog: Catalog) -> None:
    for code in (
        "1.001193",
        "1.000656",
        "1.000894",
        "1.004873",
        "2.000815",
        "2.000884",
        "2.001035",
        "1.004222",
        "1.004194",
        "1.002755",
        "1.003677",
        "1.010038",
        "1.003197",
        "1.004884",
        "2.000635",
        "1.001612",
    ):
        assert catalog.get(code) is not None, code
    # Marriage and signature certification need the person at the desk: no one may file for them.
    assert catalog.get("1.000894").may_delegate is False  # type: ignore[union-attr]
    assert catalog.get("2.000884").may_delegate is False  # type: ignore[union-attr]
    assert catalog.get(BIRTH).may_delegate is True  # type: ignore[union-attr]


def test_birth_registration_is_the_most_popular(catalog: Catalog) -> None:
    assert catalog.popular(1)[0].code == BIRTH
    assert len(catalog.popular(5)) == 5


def test_residence_fees_are_lower_online(catalog: Catalog) -> None:
    permanent = catalog.get("1.004222")
    temporary = catalog.get("1.004194")
    assert permanent is not None and temporary is not None
    assert permanent.fee() == 20000 and permanent.fee("online") == 10000
    assert temporary.fee("direct") == 15000 and temporary.fee(Channel.ONLINE) == 7000


def test_a_channel_that_is_not_offered_has_no_fee(catalog: Catalog) -> None:
    signature = catalog.get("2.000884")
    assert signature is not None
    assert signature.channel("online") is None
    with pytest.raises(LookupError):
        signature.fee("online")


def test_every_procedure_is_well_formed(catalog: Catalog) -> None:
    for p in catalog.procedures:
        assert p.agency_level == "Cấp xã"
        assert p.channel("direct") is not None, f"{p.code}: every ward procedure can be done at the desk"
        assert p.documents, p.code
        assert p.form.fields, p.code
        for f in p.form.fields:
            assert f.label.strip() and f.label_en.strip(), f"{p.code}.{f.key}"
            assert unicodedata.is_normalized("NFC", f.label), f"{p.code}.{f.key}"
            assert f.prefill is None or f.prefill in IDENTITY_FIELDS
            for option in f.choices:
                assert option.label and option.label_en


def test_birth_form_prefills_the_requester_and_asks_about_the_child(catalog: Catalog) -> None:
    birth = catalog.get(BIRTH)
    assert birth is not None
    prefills = {f.prefill for f in birth.form.fields if f.prefill}
    assert {"full_name", "id_number", "place_of_residence"} <= prefills
    relationship = birth.form.field("requester_relationship")
    assert relationship is not None
    assert [c.label for c in relationship.choices] == ["Mẹ", "Cha", "Ông/bà", "Người thân khác"]
    born = birth.form.field("child_date_of_birth")
    assert born is not None and born.type == "date" and born.not_future
    sex = birth.form.field("child_sex")
    assert sex is not None and {c.value for c in sex.choices} == {"Nam", "Nữ"}


def test_residence_forms_prefill_the_ct01_block(catalog: Catalog) -> None:
    for code in ("1.004222", "1.004194", "1.002755"):
        p = catalog.get(code)
        assert p is not None
        prefills = {f.prefill for f in p.form.fields if f.prefill}
        assert {"full_name", "date_of_birth", "sex", "id_number", "place_of_residence"} <= prefills, code


def test_loading_from_an_explicit_path_gives_the_same_catalogue(catalog: Catalog) -> None:
    path = Path(__file__).parent.parent / "config" / "catalog.json"
    assert _codes(list(load_catalog(path).procedures)) == _codes(list(catalog.procedures))


# ---- Refusing a bad file -------------------------------------------------------------------


def test_bad_json_names_the_file(tmp_path: Path) -> None:
    path = _write(tmp_path, '{"version": "1", "procedures": [')
    with pytest.raises(CatalogError) as err:
        load_catalog(path)
    assert "broken-catalog.json" in str(err.value)
    assert "JSON" in str(err.value)


def test_missing_file_is_a_catalog_error(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="nowhere.json"):
        load_catalog(tmp_path / "nowhere.json")


def test_missing_key_names_the_file_the_code_and_the_key(tmp_path: Path) -> None:
    data = _raw()
    victim = data["procedures"][3]
    del victim["result"]
    with pytest.raises(CatalogError) as err:
        load_catalog(_write(tmp_path, data))
    message = str(err.value)
    assert "broken-catalog.json" in message and victim["code"] in message and "result" in message
    assert err.value.code == victim["code"]


def test_duplicate_code_is_refused(tmp_path: Path) -> None:
    data = _raw()
    data["procedures"][1]["code"] = data["procedures"][0]["code"]
    with pytest.raises(CatalogError) as err:
        load_catalog(_write(tmp_path, data))
    assert data["procedures"][0]["code"] in str(err.value)
    assert "duplicate" in str(err.value)


def test_unknown_prefill_key_is_refused(tmp_path: Path) -> None:
    data = _raw()
    birth = next(p for p in data["procedures"] if p["code"] == BIRTH)
    birth["form"]["fields"][0]["prefill"] = "shoe_size"
    with pytest.raises(CatalogError) as err:
        load_catalog(_write(tmp_path, data))
    assert BIRTH in str(err.value) and "prefill" in str(err.value) and "shoe_size" in str(err.value)


@pytest.mark.parametrize(
    ("damage", "words"),
    [
        (lambda p: p.__setitem__("code", "1.1193"), ["code", "1.1193"]),
        (lambda p: p["channels"][0].__setitem__("fee", -1000), ["fee"]),
        (lambda p: p["channels"][0].__setitem__("fee", "free"), ["fee"]),
        (lambda p: p["form"]["fields"][0].__setitem__("type", "signature"), ["type", "signature"]),
        (lambda p: p["form"]["fields"][1].__setitem__("key", p["form"]["fields"][0]["key"]), ["duplicate"]),
        (
            lambda p: next(f for f in p["form"]["fields"] if f["type"] == "choice").__setitem__(
                "choices", []
            ),
            ["choices"],
        ),
        (lambda p: p.__setitem__("name", unicodedata.normalize("NFD", p["name"])), ["name", "NFC"]),
        (lambda p: p["form"]["fields"][0].__setitem__("pattern", "(["), ["pattern"]),
        (lambda p: p["form"]["fields"][0].__setitem__("prefil", "full_name"), ["prefil", "unknown"]),
        (lambda p: p["channels"][0].__setitem__("channel", "fax"), ["channel", "fax"]),
    ],
)
def test_each_kind_of_damage_is_named(tmp_path: Path, damage: Any, words: list[str]) -> None:
    data = _raw()
    birth = next(p for p in data["procedures"] if p["code"] == BIRTH)
    damage(birth)
    with pytest.raises(CatalogError) as err:
        load_catalog(_write(tmp_path, data))
    message = str(err.value)
    assert "broken-catalog.json" in message
    for word in words:
        assert word in message, message
    # The code is named unless the code itself is what is broken.
    assert BIRTH in message or "1.1193" in message


def test_catalog_error_is_a_value_error() -> None:
    assert issubclass(CatalogError, ValueError)


# ---- Search --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "đăng ký khai sinh",
        "dang ky khai sinh",
        "DANG KY KHAI SINH",
        "khai sinh",
        "1.001193",
        "Đăng Ký Khai Sinh",
        "  khai   sinh  ",
        "khai si",
        "giay khai sinh",
        "1.001193.000.00.00.H56",
    ],
)
def test_birth_registration_comes_first(catalog: Catalog, query: str) -> None:
    assert _codes(catalog.search(query))[0] == BIRTH


def test_decomposed_input_finds_the_same(catalog: Catalog) -> None:
    # Some on-screen keyboards send combining accents.
    query = unicodedata.normalize("NFD", "đăng ký khai sinh")
    assert _codes(catalog.search(query))[0] == BIRTH


def test_code_finds_exactly_that_procedure(catalog: Catalog) -> None:
    assert _codes(catalog.search("2.000884")) == ["2.000884"]


def test_certification_lists_the_three_certifications_by_popularity(catalog: Catalog) -> None:
    found = catalog.search("chứng thực")
    top = found[:3]
    assert {p.code for p in top} == CERTIFICATION
    assert [p.popularity for p in top] == sorted((p.popularity for p in top), reverse=True)
    assert top[0].code == "2.000815"  # copies are certified far more often than contracts


def test_tam_tru_puts_temporary_residence_and_its_extension_first(catalog: Catalog) -> None:
    codes = _codes(catalog.search("tam tru"))
    assert codes[:2] == ["1.004194", "1.002755"]
    assert "1.004222" not in codes[:2]


def test_words_match_only_at_word_starts(catalog: Catalog) -> None:
    assert catalog.search("sinhx") == []
    assert catalog.search("inh") == []  # not the middle of "sinh"


def test_garbage_finds_nothing(catalog: Catalog) -> None:
    assert catalog.search("qwxz zzqq") == []
    assert catalog.search("9.999999") == []
    assert catalog.search("1.0011934") == []  # one digit too many is another code
    assert catalog.search("!!!") == []


def test_common_words_find_their_procedure(catalog: Catalog) -> None:
    assert _codes(catalog.search("nhập hộ khẩu"))[0] == "1.004222"
    assert _codes(catalog.search("cong chung"))[0] == "2.000815"
    assert _codes(catalog.search("giấy độc thân"))[0] == "1.004873"
    assert _codes(catalog.search("tach khau"))[0] == "1.010038"


def test_empty_query_lists_everything_by_popularity(catalog: Catalog) -> None:
    found = catalog.search("")
    assert len(found) == len(catalog.procedures)
    assert [p.popularity for p in found] == sorted((p.popularity for p in found), reverse=True)
    assert _codes(catalog.search("   ")) == _codes(found)


def test_limit_cuts_the_list(catalog: Catalog) -> None:
    assert len(catalog.search("dang ky", limit=3)) == 3
    assert len(catalog.search("", limit=2)) == 2


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60), st.one_of(st.none(), st.integers(min_value=-3, max_value=30)))
def test_search_never_raises(text: str, limit: int | None) -> None:
    found = load_catalog_once().search(text, limit=limit)
    assert isinstance(found, list)


_CACHED: list[Catalog] = []


def load_catalog_once() -> Catalog:
    # Hypothesis refuses function-scoped fixtures; load once for all examples instead.
    if not _CACHED:
        _CACHED.append(load_catalog())
    return _CACHED[0]


def test_a_fee_the_province_sets_is_never_shown_as_free() -> None:
    catalog = load_catalog()
    marital = catalog.get("1.004873")  # fee set by the province's People's Council
    assert marital is not None and marital.channel("direct").fee_set_by_province
    assert "Miễn phí" not in marital.fee_text("direct")
    assert "tỉnh" in marital.fee_text("direct")
    business = catalog.get("1.001612")  # an indicative amount, still the province's to set
    assert business.fee_text("direct") == "Khoảng 100.000 đ (theo mức thu do tỉnh quy định)"
    assert catalog.get("1.001193").fee_text("direct") == "Miễn phí"
    assert catalog.get("1.004194").fee_text("direct") == "15.000 đ"
