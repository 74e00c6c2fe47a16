"""Language profiles: what differs between the six official languages, loaded from data.

Each ``lexicon/<code>.toml`` holds a language's month names, date shape, body names,
ordinal number words and the patterns of its header fields, enacting formula, meeting
lines, vote statements and annex headings, and how its script behaves: whether leads
open with a capital letter (``cased``), which punctuation ends a clause
(``terminators``), how paragraphs are numbered and sub-paragraphs labelled
(``operative_number``, ``subparagraph_label``, ``alphabet``) and how the UN's markup
marks a lead (``lead_emphasis``). Adding a language is adding that file and its lead
tables (``lexicon/<code>.tsv``, built by scripts/build_lexicon.py); no code changes.
"""

from __future__ import annotations

import collections
import functools
import importlib.resources
import re
import sys
from typing import Any

import attrs
import regex

from resparse._dates import Ordinals
from resparse._patterns import LETTERED_PART_RE, OPERATIVE_NUMBER_RE, SUBPARAGRAPH_LABEL_RE
from resparse.errors import ResparseError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]

_V = regex.VERBOSE | regex.VERSION1

# A document symbol: the same in every language ("A/RES/77/100", "S/RES/2562 (2021)",
# "E/RES/1972/1664(LII)", whose session the Economic and Social Council wrote in roman).
SYMBOL = r"""
    (?:[A-Z]{1,6}(?:\.\d{1,3})?)
    (?:/[A-Za-z0-9][A-Za-z0-9.\-]{0,30}){1,8}
    (?:\s?\(\d{4}\)|\s?\([IVXLC]{1,8}\))?
    (?:\s(?:[A-Z](?:\s?-\s?[A-Z])?|Add\.\d+|Rev\.\d+|Corr\.\d+)(?![\w/]))?
"""

LANGUAGES = ("en", "fr", "es", "ru", "ar", "zh")
_COMMA_BEFORE_A_NUMBER_RE = regex.compile(r"\s*,\s*(?=\d)")
_COMMA_RE = regex.compile(r"\s*,\s*")


class UnknownLanguageError(ResparseError, ValueError):
    """No profile exists for the language asked for."""


@attrs.frozen
class Profile:
    """One language's patterns, compiled."""

    code: str
    name: str
    cased: bool
    terminators: frozenset[str]
    months: dict[str, int]
    date_re: regex.Pattern[str]
    date_pattern: str
    month_pattern: str
    bodies: dict[str, str]
    bodies_pattern: str
    formula_re: regex.Pattern[str]
    meeting_re: regex.Pattern[str]
    date_line_re: regex.Pattern[str]
    vote_start_re: regex.Pattern[str]
    annex_re: regex.Pattern[str]
    recycle_re: regex.Pattern[str]
    header_fields: tuple[tuple[str, regex.Pattern[str]], ...]
    leads: dict[str, list[str]] = attrs.field(factory=dict)
    number_re: regex.Pattern[str] = OPERATIVE_NUMBER_RE
    label_re: regex.Pattern[str] = SUBPARAGRAPH_LABEL_RE
    # the language's own sub-paragraph labels: printed label -> (style, place in its list);
    # empty when the labels are Latin letters, roman numerals and digits
    alphabet: dict[str, tuple[str, int]] = attrs.field(factory=dict)
    lead_emphasis: str = "italic"
    # the same words open preambular and operative leads (Chinese): the numbering decides
    shared_leads: bool = False
    # numbers are written "1,5" (French, Spanish, Russian, Arabic): a digit after a comma
    # and a number is a decimal, not a footnote marker
    decimal_comma: bool = False
    # a numbered heading in the language's own numerals ("ثانيا", "二"); None: roman only
    section_re: regex.Pattern[str] | None = None
    # a part's letter named in words ("باء"); None: Latin letters only
    part_re: regex.Pattern[str] | None = None
    # a lettered part of what a paragraph sets out, "A. Pension Administration"
    lettered_part_re: regex.Pattern[str] = LETTERED_PART_RE
    # the words that may stand between a comma and a further lead ("and"); None: the
    # language's texts mark no further leads
    more_lead_conjunctions: tuple[str, ...] | None = None
    # how the language writes numbers in words ("Seventy-ninth session", "第七十九届会议")
    ordinals: Ordinals = attrs.field(factory=Ordinals)
    # what stands between the numbers of an agenda line naming several items (" and ")
    agenda_separator_re: regex.Pattern[str] = _COMMA_BEFORE_A_NUMBER_RE
    # what stands between the sponsors a draft names (", ", " and ")
    sponsor_separator_re: regex.Pattern[str] = _COMMA_RE
    conjunctions: frozenset[str] = frozenset()  # "and", "or": before a suspended hyphen

    def starts_like_lead(self, text: str) -> bool:
        """Whether text opens the way a lead does: with a capital, or any letter if uncased."""
        first = text[:1]
        return first.isupper() if self.cased else first.isalpha()

    def canonical_body(self, printed: str | None) -> str | None:
        """The English name of a body printed in this language ("Consejo de Seguridad")."""
        if printed is None:
            return None
        key = " ".join(printed.split()).casefold()
        for local, english in self.bodies.items():
            if local.casefold() == key:
                return english
        return None


def _alternation(words: list[str]) -> str:
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def _fill(pattern: str, values: dict[str, str]) -> str:
    for name, value in values.items():
        pattern = pattern.replace(f"<<{name}>>", value)
    return pattern


def _compile(
    pattern: str, values: dict[str, str], *, ignore_case: bool = False
) -> regex.Pattern[str]:
    flags = _V | (regex.IGNORECASE if ignore_case else 0)
    return regex.compile(_fill(pattern, values), flags)


@functools.cache
def has_profile(code: str) -> bool:
    """Whether resparse has a profile for this language.

    Every parse asks; the files are looked up once, as :func:`profile` reads them once.
    """
    return importlib.resources.files("resparse.lexicon").joinpath(f"{code}.toml").is_file()


@functools.lru_cache(maxsize=len(LANGUAGES) + 2)
def profile(code: str = "en") -> Profile:
    """The profile of a language (loaded once)."""
    resource = importlib.resources.files("resparse.lexicon").joinpath(f"{code}.toml")
    if not resource.is_file():
        msg = f"no language profile for {code!r}; known: {', '.join(LANGUAGES)}"
        raise UnknownLanguageError(msg)
    data: dict[str, Any] = tomllib.loads(resource.read_text(encoding="utf-8"))
    return _build(data)


def _build(data: dict[str, Any]) -> Profile:
    months: dict[str, int] = {}
    spellings: list[str] = []
    for number, names in enumerate(data["months"], start=1):
        for name in [names] if isinstance(names, str) else names:
            months[name.casefold()] = number
            spellings.append(name)
    month_pattern = _alternation(spellings)
    alphabet: dict[str, tuple[str, int]] = {}
    for style, key in (("alpha", "alphabet"), ("roman", "numerals")):
        for place, letters in enumerate(data.get(key, ())):
            for letter in [letters] if isinstance(letters, str) else letters:
                alphabet[letter] = (style, place)
    values = {"MONTH": month_pattern, "ALPHABET": _alternation(list(alphabet)) or "(?!)"}
    # the letters of lettered parts when named in words ("ألف", "باء"), in their order;
    # they are not sub-paragraph labels, so they join the alphabet after its pattern
    for place, name in enumerate(data.get("part_letters", ())):
        alphabet[name] = ("upper", place)
    date_pattern = _fill(data["date"], values)
    patterns = data["patterns"]
    values |= {
        "DATE": date_pattern.replace("?P<day>", "?:")
        .replace("?P<month>", "?:")
        .replace("?P<year>", "?:"),
        "BODIES": _alternation(list(data["bodies"])),
        "BODY_HEADS": _alternation(patterns.get("body_heads", ["Assembly", "Council"])),
        "SYMBOL": SYMBOL,
        "SUBJECT": patterns.get("subject", r"(?!)"),
    }
    fields = tuple((field["name"], _compile(field["pattern"], values)) for field in data["header"])

    def optional(name: str, default: regex.Pattern[str]) -> regex.Pattern[str]:
        """The language's own pattern ``name``, or ``default`` where it has none."""
        return _compile(patterns[name], values) if name in patterns else default

    return Profile(
        code=data["code"],
        name=data["name"],
        cased=bool(data.get("cased", True)),
        terminators=frozenset(data.get("terminators", ",;:.")),
        months=months,
        date_re=regex.compile(date_pattern, _V | regex.IGNORECASE),
        date_pattern=values["DATE"],
        month_pattern=month_pattern,
        bodies=dict(data["bodies"]),
        bodies_pattern=values["BODIES"],
        formula_re=_compile(patterns["formula"], values),
        meeting_re=_compile(patterns["meeting"], values, ignore_case=True),
        date_line_re=_compile(r"(?P<date><<DATE>>)\.?\s*$", values, ignore_case=True),
        vote_start_re=_compile(patterns["vote_start"], values),
        annex_re=_compile(patterns["annex"], values, ignore_case=True),
        recycle_re=_compile(patterns.get("recycle", r"(?!)"), values, ignore_case=True),
        header_fields=fields,
        leads=dict(data.get("leads", {})),
        number_re=optional("operative_number", OPERATIVE_NUMBER_RE),
        label_re=optional("subparagraph_label", SUBPARAGRAPH_LABEL_RE),
        alphabet=alphabet,
        lead_emphasis=str(data.get("lead_emphasis", "italic")),
        shared_leads=bool(data.get("shared_leads", False)),
        decimal_comma=bool(data.get("decimal_comma", False)),
        section_re=_compile(patterns["section"], values) if "section" in patterns else None,
        part_re=_compile(patterns["part"], values) if "part" in patterns else None,
        lettered_part_re=optional("lettered_part", LETTERED_PART_RE),
        more_lead_conjunctions=tuple(data["more_lead_conjunctions"])
        if "more_lead_conjunctions" in data
        else None,
        ordinals=Ordinals.of(data.get("ordinals", {})),
        agenda_separator_re=optional("agenda_separator", _COMMA_BEFORE_A_NUMBER_RE),
        sponsor_separator_re=optional("sponsor_separator", _COMMA_RE),
        conjunctions=frozenset(word.casefold() for word in data.get("conjunctions", ())),
    )


# Words that are frequent in one Latin-script language's resolutions and rare in the others.
_MARKERS = {
    "en": ("the", "of", "and", "to", "its", "that", "with", "for"),
    "fr": ("les", "des", "et", "du", "le", "sur", "dans", "au"),
    "es": ("los", "las", "y", "del", "el", "por", "con", "su"),
}
_PUNCTUATION_RE = regex.compile(r"[^\p{L}\s]+")
# French elides its commonest small words ("l’Assemblée", "d’agir", "qu’il"); the
# counting above splits them into single letters, so they are counted on their own
_ELISION_RE = regex.compile(r"(?<!\p{L})(?:[ldjmnst]|qu)[’'](?=\p{L})", regex.IGNORECASE)
_NON_LATIN_RE = regex.compile(r"[\p{Han}\p{Arabic}\p{Cyrillic}]")
# No character of those three scripts lies below U+0400 or in General Punctuation (where
# the quotes and dashes of Latin texts are; a test checks every code point): a search of
# the standard library for anything else, three times quicker, clears most texts at once.
_BEYOND_LATIN_RE = re.compile(r"[^\u0000-\u03ff\u2000-\u206f]")
_SCRIPTS = (
    ("zh", regex.compile(r"\p{Han}")),
    ("ar", regex.compile(r"\p{Arabic}")),
    ("ru", regex.compile(r"\p{Cyrillic}")),
)


def detect(text: str, sample: int = 6000) -> str:
    """The language of a resolution, from its script and its most frequent small words.

    No model is needed: the six official languages differ in script (Chinese, Arabic,
    Russian) or in their function words (English, French, Spanish). English is the
    answer when the text gives no evidence.
    """
    head = text[:sample]
    beyond = _BEYOND_LATIN_RE.search(head) is not None
    if beyond and _NON_LATIN_RE.search(head) is not None:  # most texts are Latin: no counting
        letters = max(1, sum(map(str.isalpha, head)))
        for code, script in _SCRIPTS:
            if len(script.findall(head)) > letters * 0.3:
                return code
    words = collections.Counter(_PUNCTUATION_RE.sub(" ", head.casefold()).split())
    counts = {code: sum(words[word] for word in markers) for code, markers in _MARKERS.items()}
    counts["fr"] += len(_ELISION_RE.findall(head))
    best = max(counts, key=lambda code: (counts[code], code == "en"))
    return best if counts[best] else "en"
