"""Telex and the tone row (ui/telex.py): what a citizen gets from the keys they press."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ui.telex import CLUSTERS, CODAS, MARKS, TELEX_TONES, Tone, add_mark, set_tone, type_telex

# Real names and words, each as people type it; several spellings where Telex allows them.
WORDS = [
    ("Nguyeenx Thij Huwowngf", "Nguyễn Thị Hường"),
    ("Nguyeenx Thij Huowngf", "Nguyễn Thị Hường"),
    ("Nguyenex Thij Huongwf", "Nguyễn Thị Hường"),
    ("dduwowngf Traanf Hwng Ddaoj", "đường Trần Hưng Đạo"),
    ("dduongwf Traafn Hung7w Ddaoj", "đường Trần Hung7ư Đạo"),
    ("Ddaoj", "Đạo"),
    ("DDAOJ", "ĐẠO"),
    ("NGUYEENX VAWN AN", "NGUYỄN VĂN AN"),
    ("Lee Thij Thuyr", "Lê Thị Thủy"),
    ("Phamj Quoocs Khanhs", "Phạm Quốc Khánh"),
    ("Hoangf Giang", "Hoàng Giang"),
    ("Vox Thij Kim Quys", "Võ Thị Kim Quý"),
    ("Huyfnh Ngocj Tuaans", "Huỳnh Ngọc Tuấn"),
    ("Ddoox Minh Ddwcs", "Đỗ Minh Đức"),
    ("Buif Thanh Haf", "Bùi Thanh Hà"),
    ("Ddawngj Thij Hoaf", "Đặng Thị Hòa"),
    ("Trinhj Khoer", "Trịnh Khỏe"),
    ("Nguwowif Vieejt", "Người Việt"),
    ("soos 12 ngox 34/5 phoos Hangf Gai", "số 12 ngõ 34/5 phố Hàng Gai"),
    ("thanhf phoos Hoof Chis Minh", "thành phố Hồ Chí Minh"),
    ("tinhr Thuwaf Thieen Hueees", "tỉnh Thừa Thiên Huees"),
    ("tinhr Thuwaf Thieen Hueej", "tỉnh Thừa Thiên Huệ"),
    ("giuwx gif gias giaangs gieengs", "giữ gì giá giấng giếng"),
    ("quaan quyeenr quar cuar muaw", "quân quyển quả của mưa"),
    ("ngoaif khuyru ruwowuj cuwus", "ngoài khuỷu rượu cứu"),
    ("tieengs tieesng", "tiếng tiếng"),
    ("hoaf hoafn hoanf", "hòa hoàn hoàn"),
    ("xooong", "xoong"),
    # A minority name: Kpă takes its w; Ênuôl, two syllables in one word, only what Telex can give.
    ("Kpaw Y Moan Eenuoon", "Kpă Y Moan Ênuoon"),
]


@pytest.mark.parametrize(("keys", "expected"), WORDS)
def test_real_names_and_words(keys: str, expected: str) -> None:
    typed = type_telex(keys)
    assert typed == expected
    assert typed == unicodedata.normalize("NFC", expected)


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        ("as", "á"),
        ("ass", "as"),
        ("af ar ax aj", "à ả ã ạ"),
        ("aa", "â"),
        ("aaa", "aa"),
        ("ee", "ê"),
        ("eee", "ee"),
        ("oo", "ô"),
        ("ooo", "oo"),
        ("dd", "đ"),
        ("ddd", "dd"),
        ("DD", "Đ"),
        ("Dd", "Đ"),
        ("aw ow uw", "ă ơ ư"),
        ("aww oww uww", "aw ow uw"),
        ("uow uwow uowng", "ươ ươ ương"),
        ("w", "ư"),
        ("W", "Ư"),
        ("ww", "w"),
        ("trw", "trư"),
        ("asz", "a"),
        ("z", "z"),
        ("asf", "à"),
        ("Aa", "Â"),
        ("AAA", "AA"),
    ],
)
def test_keys_and_their_undo(keys: str, expected: str) -> None:
    assert type_telex(keys) == expected


def test_the_tone_moves_as_the_word_grows() -> None:
    # Typed before the vowel's mark or before the final consonant, the tone ends where it belongs.
    assert type_telex("nguyenxe") == "nguyễn"
    assert type_telex("hoaf") == "hòa"
    assert type_telex("hoafn") == "hoàn"
    assert type_telex("huyfnh") == "huỳnh"


def test_our_choice_for_oa_oe_uy_is_the_classic_placement() -> None:
    # Documented in ui/telex.py: hòa, khỏe, thủy (not hoà, khoẻ, thuỷ), the same through the tone row.
    assert type_telex("hoaf khoer thuyr") == "hòa khỏe thủy"
    assert set_tone("hoa", Tone.HUYEN) == "hòa"
    assert set_tone("Thuy", Tone.HOI) == "Thủy"


def test_keys_that_make_no_syllable_are_letters() -> None:
    assert type_telex("bcs") == "bcs"
    assert type_telex("hiw") == "hiw"
    assert type_telex("hoaa") == "hoaa"  # no "hoâ" in Vietnamese


def test_the_tone_row_and_mark_keys() -> None:
    assert set_tone("Nguyên", Tone.NGA) == "Nguyễn"
    assert set_tone("Nguyễn", None) == "Nguyên"
    assert set_tone("Nguyễn", Tone.SAC) == "Nguyến"
    assert set_tone("Thi", Tone.NANG) == "Thị"
    assert set_tone("Hương", Tone.HUYEN) == "Hường"
    assert set_tone("Dao", Tone.NANG) == "Dạo"
    assert set_tone("Hwng", Tone.SAC) == "Hwng", "no vowel: nothing to put the tone on"
    # Marks go on the word's own letter (the tone follows it), else they are typed.
    assert add_mark("Huong", "ư") == "Hưong"
    assert add_mark("Hưong", "ơ") == "Hương"
    assert add_mark("Huòng", "ư") == "Hưòng"
    assert add_mark(add_mark("Huòng", "ư"), "ơ") == "Hường"
    assert add_mark("Dao", "đ") == "Đao"
    assert add_mark("dường", "đ") == "đường"
    assert add_mark("Nguyen", "ê") == "Nguyên"
    assert add_mark("Tràn", "â") == "Trần"
    assert add_mark("H", "ư") == "Hư"
    assert add_mark("Hư", "ơ") == "Hươ"
    assert add_mark("", "đ", upper=True) == "Đ"
    assert add_mark("b", "â") == "bâ"


# -- properties ---------------------------------------------------------------------------------

TELEX_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
PLAIN_CONSONANTS = "bcghklmnpqtvsfrxjzBCGHKLMNPQTVSFRXJZ"  # no d (dd → đ), no w (w → ư)


@given(st.text(alphabet=TELEX_LETTERS + " 0123456789/-", max_size=40))
def test_output_is_always_nfc(keys: str) -> None:
    typed = type_telex(keys)
    assert typed == unicodedata.normalize("NFC", typed)


@given(st.text(alphabet=TELEX_LETTERS + " ", max_size=30), st.sampled_from(MARKS), st.booleans())
def test_the_tone_row_and_marks_give_nfc(keys: str, mark: str, upper: bool) -> None:
    word = type_telex(keys).split(" ")[-1]
    for tone in (*Tone, None):
        assert unicodedata.is_normalized("NFC", set_tone(word, tone))
    assert unicodedata.is_normalized("NFC", add_mark(word, mark, upper))


@given(st.text(alphabet=PLAIN_CONSONANTS + " ", max_size=30))
def test_plain_consonants_are_typed_as_they_are(keys: str) -> None:
    assert type_telex(keys) == keys


def _cased(word: str, pattern: list[bool]) -> str:
    return "".join(c.upper() if up else c for c, up in zip(word, pattern, strict=False))


plain_syllables = st.builds(
    lambda onset, cluster, coda: onset + "".join(cluster) + coda,
    st.sampled_from(["", "b", "ch", "d", "đ", "gh", "gi", "kh", "ng", "ngh", "nh", "ph", "qu", "th", "tr"]),
    st.sampled_from(CLUSTERS),
    st.sampled_from(sorted(CODAS)),
)


@given(plain_syllables, st.sampled_from(sorted(TELEX_TONES)), st.lists(st.booleans(), min_size=8, max_size=8))
def test_a_tone_then_z_gives_the_word_back(syllable: str, key: str, pattern: list[bool]) -> None:
    word = _cased(syllable, pattern)
    toned = type_telex(key, word)
    assert toned != word + key, "a syllable takes the tone"
    assert type_telex("z", toned) == word
    # The tone row's "xóa dấu" does the same; the same tone key again types the letter instead.
    assert set_tone(toned, None) == word
    assert type_telex(key, toned) == word + key
