"""Vietnamese typing for the on-screen keyboard: Telex, and the tone row for those who do not know it.

Everything works on the word before the cursor (its letters back to the last non-letter) and
returns that word rewritten, always in NFC. No Qt here: `ui.keyboard_model` calls these for QML.

Telex, as people learnt it on Unikey: ``aa``→â, ``ee``→ê, ``oo``→ô, ``dd``→đ, ``w`` after a, o, u
→ ă, ơ, ư (``uo`` + w → ươ; a w with nothing to change → ư), tones ``s f r x j`` (sắc, huyền, hỏi,
ngã, nặng) and ``z`` to remove the tone. Pressing the same tone or modifier key again undoes it and
types the letter (``as``→á, ``ass``→as; ``aa``→â, ``aaa``→aa). A key only changes a word that is
(or is on its way to being) a Vietnamese syllable; otherwise it is typed as a letter, so a
string of consonants or a foreign word stays as typed.

Where the tone goes (recomputed after every key, so ``hoaf`` + ``n`` gives hoàn):
1. on the vowel with a mark (â ê ô ơ ư ă); with two (ươ), on the second: Hường, Nguyễn, người;
2. else on the middle of three vowels: ngoài, khuỷu;
3. else of two vowels, on the second when a final consonant follows (hoàn, huỳnh), on the
   first when none does (Đạo, mùa, hòa, khỏe, thủy).
``qu`` and ``gi`` before another vowel are the onset: quý, quốc, giá, giữ (but gì, gìn).

Rule 3 places oa, oe, uy without a final consonant the classic way (hòa, khỏe, thủy), not the
newer way (hoà, khoẻ, thuỷ). Both are correct Vietnamese, but they are different strings, and a
name must come out the same way every time it is typed so that searches and comparisons find
it; we chose one, and `_tone_index` is the one place that says so. A name written the newer way
on someone's papers is typed here the classic way.
"""

from __future__ import annotations

import unicodedata
from enum import Enum


class Tone(Enum):
    """The five marked tones; a word without one has thanh ngang. Values: the combining mark."""

    SAC = "\u0301"
    HUYEN = "\u0300"
    HOI = "\u0309"
    NGA = "\u0303"
    NANG = "\u0323"


TELEX_TONES = {"s": Tone.SAC, "f": Tone.HUYEN, "r": Tone.HOI, "x": Tone.NGA, "j": Tone.NANG}
_TONE_OF_MARK = {tone.value: tone for tone in Tone}

VOWELS = frozenset("aăâeêioôơuưy")
_MARKED = frozenset("ăâêôơư")
# A marked letter back to its plain one (the modifier keys' undo, the tone row's search).
_PLAIN = {"ă": "a", "â": "a", "ê": "e", "ô": "o", "ơ": "o", "ư": "u", "đ": "d"}

# Every vowel group a Vietnamese syllable can have, without tone, from its glide to its last vowel.
# A few (iê, yê, uô, ươ, uyê) only come before a final consonant or glide; they are here because a
# word passes through them while it is typed.
CLUSTERS: tuple[str, ...] = (
    *"aăâeêioôơuưy",
    *"ai ao au ay âu ây eo êu ia iê iu oa oă oe oi oo ôi ơi ua uâ uê ui uô uơ uy ưa ưi ươ ưu yê".split(),
    *"iêu oai oao oay oeo uây uôi uya uyê uyu ươi ươu yêu".split(),
)
_CLUSTER_SET = frozenset(CLUSTERS)
CODAS = frozenset({"", "c", "ch", "m", "n", "ng", "nh", "p", "t"})


def _partials(cluster: str) -> set[str]:
    """The cluster with any of its marks left off: how it looks before every modifier is typed."""
    found = {""}
    for letter in cluster:
        options = {letter, _PLAIN[letter]} if letter in _MARKED else {letter}
        found = {start + option for start in found for option in options}
    return found


# A partial cluster (ưo, ue, ie…) takes its tone where its finished form (ươ, uê, iê) would.
_COMPLETION: dict[str, str] = {}
for _cluster in CLUSTERS:
    for _partial in _partials(_cluster):
        _COMPLETION.setdefault(_partial, _partial if _partial in _CLUSTER_SET else _cluster)


def split_tone(word: str) -> tuple[str, Tone | None]:
    """The word without its tone mark, and the tone (the last one, if pasted text had several)."""
    tone: Tone | None = None
    kept: list[str] = []
    for char in unicodedata.normalize("NFD", word):
        if char in _TONE_OF_MARK:
            tone = _TONE_OF_MARK[char]
        else:
            kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept)), tone


def _parse(plain: str) -> tuple[int, int] | None:
    """Where a toneless word's onset ends and its vowel group ends, or None if it is no syllable.

    The onset is any run of consonants (minority names have onsets Kinh words do not: Kpă, Hmok),
    then the vowel group, then nothing but a final consonant Vietnamese allows.
    """
    low = plain.lower()
    if not low.isalpha():
        return None
    n = len(low)
    i = 0
    while i < n and low[i] not in VOWELS:
        i += 1
    # qu + vowel and gi + vowel: the u and the i are part of the onset (quý, giá), not the vowels.
    if low[:i] in ("q", "g") and i + 1 < n and low[i] == ("u" if low[:i] == "q" else "i"):
        if low[i + 1] in VOWELS:
            i += 1
    j = i
    while j < n and low[j] in VOWELS:
        j += 1
    if low[j:] not in CODAS:
        return None
    return i, j


def _tone_index(plain: str) -> int | None:
    """Which letter of a toneless word carries the tone, or None if it cannot take one."""
    parts = _parse(plain)
    if parts is None:
        return None
    start, end = parts
    cluster = _COMPLETION.get(plain[start:end].lower())
    if cluster is None:
        return None
    marked = [k for k, letter in enumerate(cluster) if letter in _MARKED]
    if marked:
        offset = marked[-1]
    elif len(cluster) == 3:
        offset = 1
    elif len(cluster) == 2:
        offset = 1 if end < len(plain) else 0
    else:
        offset = 0
    return start + offset


def place_tone(plain: str, tone: Tone | None) -> str | None:
    """The toneless word with `tone` where it belongs (NFC), or None if the word cannot take it."""
    if tone is None:
        return unicodedata.normalize("NFC", plain)
    index = _tone_index(plain)
    if index is None:
        return None
    marked = unicodedata.normalize("NFC", plain[index] + tone.value)
    return unicodedata.normalize("NFC", plain[:index] + marked + plain[index + 1 :])


def _cased(like: str, letter: str) -> str:
    return letter.upper() if like.isupper() else letter


def _append(word: str, letter: str) -> str:
    """The word with a letter typed after it, its tone moved where the longer word has it."""
    plain, tone = split_tone(word)
    if tone is not None:
        moved = place_tone(plain + letter, tone)
        if moved is not None:
            return moved
    return unicodedata.normalize("NFC", word + letter)


def _replace(plain: str, changes: dict[int, str]) -> str:
    letters = list(plain)
    for index, letter in changes.items():
        letters[index] = _cased(letters[index], letter)
    return "".join(letters)


def _with_tone(plain: str, tone: Tone | None) -> str:
    # A change that keeps the word a syllable keeps its tone placeable; the fallback is defensive.
    return place_tone(plain, tone) or unicodedata.normalize("NFC", plain)


def _cluster(plain: str) -> tuple[int, str] | None:
    parts = _parse(plain)
    if parts is None:
        return None
    start, end = parts
    return start, plain[start:end].lower()


def _first_valid(plain: str, options: list[dict[int, str]]) -> str | None:
    """The first change among `options` that leaves a vowel group Vietnamese has."""
    found = _cluster(plain)
    if found is None:
        return None
    start, _ = found
    for changes in options:
        changed = _replace(plain, changes)
        after = _cluster(changed)
        if after is not None and after[0] == start and after[1] in _CLUSTER_SET:
            return changed
    return None


def _circumflex(word: str, key: str) -> str:
    """a, e or o typed: â, ê, ô on the word's own a, e or o; again, back to the letters."""
    plain, tone = split_tone(word)
    found = _cluster(plain)
    if found is not None:
        start, cluster = found
        target = {"a": "â", "e": "ê", "o": "ô"}[key.lower()]
        sources = {"a": "aă", "e": "e", "o": "oơ"}[key.lower()]
        options = [{start + k: target} for k in reversed(range(len(cluster))) if cluster[k] in sources]
        if "ươ" in cluster:
            k = start + cluster.index("ươ")
            options.append({k: "u", k + 1: "ô"})
        changed = _first_valid(plain, options)
        if changed is not None:
            return _with_tone(changed, tone)
        if target in cluster:
            undone = _replace(plain, {start + cluster.rindex(target): key.lower()})
            return _with_tone(undone, tone) + key
    return _append(word, key)


def _stroke(word: str, key: str) -> str:
    """d typed: đ when the word starts with d; again, back to two d."""
    plain, tone = split_tone(word)
    found = _cluster(plain)
    if found is not None and plain[: found[0]].lower() in ("d", "đ"):
        if plain[0].lower() == "d":
            return _with_tone(_replace(plain, {0: "đ"}), tone)
        return _with_tone(_replace(plain, {0: "d"}), tone) + key
    return _append(word, key)


def _horn(word: str, key: str, lone: frozenset[int]) -> tuple[str, frozenset[int]]:
    """w typed: ă, ơ, ư (uo → ươ); again, back to the letters; with nothing to change, ư itself."""
    plain, tone = split_tone(word)
    found = _cluster(plain)
    if found is not None:
        start, cluster = found
        options: list[dict[int, str]] = []
        for pair in ("uo", "ưo", "uơ", "uô"):
            if pair in cluster:
                k = start + cluster.index(pair)
                options.append({k: "ư", k + 1: "ơ"})
        for sources, target in (("aâ", "ă"), ("oô", "ơ"), ("u", "ư")):
            options += [{start + k: target} for k in reversed(range(len(cluster))) if cluster[k] in sources]
        changed = _first_valid(plain, options)
        if changed is not None:
            return _with_tone(changed, tone), lone
        if "ươ" in cluster:
            k = start + cluster.index("ươ")
            undone = _replace(plain, {k: "u", k + 1: "o"})
            return _with_tone(undone, tone) + key, lone - {k, k + 1}
        for k in reversed(range(len(cluster))):
            if cluster[k] in "ăơư":
                index = start + k
                if index in lone:
                    # An ư that a lone w made goes back to that w, not to "uw".
                    return _with_tone(plain[:index] + key + plain[index + 1 :], tone), lone - {index}
                undone = _replace(plain, {index: _PLAIN[cluster[k]]})
                return _with_tone(undone, tone) + key, lone
    added = _append(word, _cased(key, "ư"))
    after = _cluster(split_tone(added)[0])
    if after is not None and after[1] in _CLUSTER_SET:
        return added, lone | {len(added) - 1}
    return _append(word, key), lone


def _tone_key(word: str, key: str) -> str:
    plain, tone = split_tone(word)
    if key.lower() == "z":
        return unicodedata.normalize("NFC", plain) if tone is not None else _append(word, key)
    wanted = TELEX_TONES[key.lower()]
    if tone is wanted:
        return unicodedata.normalize("NFC", plain + key)
    return place_tone(plain, wanted) or _append(word, key)


def telex_key(word: str, key: str, lone: frozenset[int] = frozenset()) -> tuple[str, frozenset[int]]:
    """The word after one Telex key, and which of its letters are an ư a lone w made.

    `lone` is carried from key to key by `Composer`; a word that did not come from the composer
    has none.
    """
    low = key.lower()
    if low in TELEX_TONES or low == "z":
        return _tone_key(word, key), lone
    if low == "w":
        return _horn(word, key, lone)
    if low in "aeo":
        return _circumflex(word, key), lone
    if low == "d":
        return _stroke(word, key), lone
    return _append(word, key), lone


class Composer:
    """Telex across the keys of one word: remembers only what the word itself cannot show.

    That is which ư came from a lone w (w w gives "w", u w w gives "uw"). The memory belongs to
    the word the composer last produced; handed any other word it starts afresh.
    """

    def __init__(self) -> None:
        self._word = ""
        self._lone: frozenset[int] = frozenset()

    def key(self, word: str, key: str) -> str:
        if word != self._word:
            self._lone = frozenset()
        self._word, self._lone = telex_key(word, key, self._lone)
        return self._word

    def reset(self) -> None:
        self._word = ""
        self._lone = frozenset()

    @property
    def holding(self) -> bool:
        return bool(self._word or self._lone)


def word_before(text: str) -> str:
    """The letters just before the end of `text`: the word a key changes."""
    start = len(text)
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return text[start:]


def type_telex(keys: str, text: str = "") -> str:
    """`keys` typed one by one after `text` with Telex, as the keyboard does (for tests and tools)."""
    composer = Composer()
    for key in keys:
        if key.isalpha():
            word = word_before(text)
            text = text[: len(text) - len(word)] + composer.key(word, key)
        else:
            composer.reset()
            text += key
    return unicodedata.normalize("NFC", text)


# -- the tone row and the mark keys, for people who do not know Telex -------------------------------

MARKS = ("â", "ê", "ô", "ơ", "ư", "ă", "đ")


def append_letter(word: str, letter: str) -> str:
    """A letter typed without Telex: the word's tone, if any, still moves where it belongs (hòa + n
    → hoàn)."""
    return _append(word, letter)


def set_tone(word: str, tone: Tone | None) -> str:
    """The word with `tone` (None: no tone) where it belongs; unchanged if it has no vowel for it."""
    plain, _ = split_tone(word)
    placed = place_tone(plain, tone)
    return placed if placed is not None else unicodedata.normalize("NFC", word)


def add_mark(word: str, mark: str, upper: bool = False) -> str:
    """A mark key (â ê ô ơ ư ă đ): put on the word's own plain letter if one can take it (Huong →
    Hưong → Hương), else the marked letter typed at the end (capital if `upper`)."""
    plain, tone = split_tone(word)
    found = _cluster(plain)
    if found is not None:
        start, cluster = found
        if mark == "đ":
            if plain[:start].lower() == "d":
                return _with_tone(_replace(plain, {0: "đ"}), tone)
        else:
            source = _PLAIN[mark]
            for k in reversed(range(len(cluster))):
                if _PLAIN.get(cluster[k], cluster[k]) == source and cluster[k] != mark:
                    changed = cluster[:k] + mark + cluster[k + 1 :]
                    if changed in _COMPLETION:
                        return _with_tone(_replace(plain, {start + k: mark}), tone)
    return _append(word, mark.upper() if upper else mark)
