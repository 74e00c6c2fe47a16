"""Language profiles: what differs between the six official languages, loaded from data.

Each ``lexicon/<code>.toml`` holds a language's month names, date shape, body names,
ordinal number words and the patterns of its header fields, enacting formula, meeting
lines, vote statements and annex headings, and how its script behaves: whether leads
open with a capital letter (``cased``), which punctuation ends a clause
(``terminators``), how paragraphs are numbered and sub-paragraphs labelled
(``operative_number``, ``subparagraph_label``, ``alphabet``) and how the UN's markup
marks a lead (``lead_emphasis``). Adding a language is adding that file and its lead
tables (``lexicon/<code>.tsv``, built by scripts/build_lexicon.py); no code changes.
A language kept outside the package is added at run time with :func:`register_language`,
from the same files in a folder of one's own. docs/languages.md lists every key and the
default a key left out takes.
"""

from __future__ import annotations

import collections
import datetime as dt
import functools
import importlib.resources
import itertools
import pathlib
import re
import sys
from typing import TYPE_CHECKING, Any

import attrs
import regex

from resparse._dates import Ordinals
from resparse._patterns import (
    LETTERED_PART_RE,
    OPERATIVE_NUMBER_RE,
    SUBPARAGRAPH_LABEL_RE,
    UNWORDED_HEADING_RE,
    alternation,
    heading_re,
)
from resparse._vote_words import VoteWords, VoteWordsError, vote_words
from resparse.errors import ResparseError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]

if TYPE_CHECKING:
    import os
    from collections.abc import Callable
    from importlib.abc import Traversable

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


class LexiconError(ResparseError, ValueError):
    """A lexicon file that cannot be read: bad TOML, a required key missing, a bad pattern."""


# Languages added at run time by register_language: code -> the folder of its files.
# Filled only by that call, never at import.
_REGISTERED: dict[str, pathlib.Path] = {}
# The keys a profile cannot do without (the enacting formula opens the preamble: no
# default could tell it from a clause); every other key has a default (docs/languages.md).
_REQUIRED = ("code", "patterns.formula")
_NEVER = "(?!)"
# What a lexicon without its own ``date`` reads: "7 <month> 2023".
_DEFAULT_DATE = r"(?P<day>\d{1,2})\s+(?P<month><<MONTH>>)\s+(?P<year>\d{4})"
# How a lexicon without its own ``[date_display]`` writes a date: "7 December 2023".
_DEFAULT_DISPLAY = "{day} {month} {year}"
_MONTHS = 12


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
    # the formula that closes a resolution ("Decides to remain seized of the matter.")
    closing_re: regex.Pattern[str]
    header_fields: tuple[tuple[str, regex.Pattern[str]], ...]
    # the [leads] table as written: lists of words and endings, with a few flags and counts
    leads: dict[str, Any] = attrs.field(factory=dict)
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
    # capitalized words a number after a space counts ("Article 5"); only where a language
    # lists them is a footnote marker set apart after a word ("Nations 5 and") looked for
    counting_words: frozenset[str] = frozenset()
    # a numbered heading in the language's own numerals ("ثانيا", "二"); None: roman only
    section_re: regex.Pattern[str] | None = None
    # a part's letter named in words ("باء"); None: Latin letters only
    part_re: regex.Pattern[str] | None = None
    # the words printed before a part's letter ("Part B") and before a numbered heading's
    # label ("Section II", "Part IV"); a language that gives none reads English's
    part_words: tuple[str, ...] = ()
    section_words: tuple[str, ...] = ()
    # the words that open an annex's first line in the UN's markup ("Annex II"), which
    # the markup reader takes as the annex's label; none given: English's
    annex_words: tuple[str, ...] = ()
    # the words before a page number in page furniture ("Page 2/7"); none given: English's
    page_words: tuple[str, ...] = ()
    # the words that open a heading line before its roman or arabic number ("Section 2",
    # "Chapter IV"), and the number words a part word may take ("Part One"); none given:
    # none (English's are not applied to a language that does not print them)
    heading_words: tuple[str, ...] = ()
    part_number_words: tuple[str, ...] = ()
    # a heading line: a roman number or letter and its title, "* * *", and the words above
    heading_re: regex.Pattern[str] = UNWORDED_HEADING_RE
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
    # closed word classes from ``[words]`` ("function_words", "determiners", ...): what a
    # lead does not end on, adverbs that bind to it; empty for a language that lists none
    words: dict[str, frozenset[str]] = attrs.field(factory=dict)
    # how vote statements are worded, from ``[vote]``; a language without one reads none
    vote: VoteWords = attrs.field(factory=lambda: vote_words({}))
    # each month's first spelling under ``months``, as written ("December", "décembre")
    month_names: tuple[str, ...] = ()
    # how a date is written where no printed text of it is kept, from ``[date_display]``:
    # an adoption or vote date, the cover's date of issue, and the first day of a month
    date_display: str = _DEFAULT_DISPLAY
    issued_display: str = _DEFAULT_DISPLAY
    first_day: str = "1"

    def starts_like_lead(self, text: str) -> bool:
        """Whether text opens the way a lead does: with a capital, or any letter if uncased."""
        first = text[:1]
        return first.isupper() if self.cased else first.isalpha()

    def written_date(self, date: dt.date, *, issued: bool = False) -> str:
        """A date as this language's texts print it ("7 de diciembre de 2023", "2023年12月7日").

        ``issued`` is the cover's date of issue, which some languages print in English.
        A language without month names writes English's.
        """
        own = self.code == "en" and self.month_names  # English's, while it is being built
        english = self.month_names if own else profile("en").month_names
        names = self.month_names or english
        shape = self.issued_display if issued else self.date_display
        return shape.format(
            day=self.first_day if date.day == 1 else date.day,
            month=names[date.month - 1],
            month_number=date.month,
            english_month=english[date.month - 1],
            year=date.year,
        )

    def canonical_body(self, printed: str | None) -> str | None:
        """The English name of a body printed in this language ("Consejo de Seguridad")."""
        if printed is None:
            return None
        key = " ".join(printed.split()).casefold()
        for local, english in self.bodies.items():
            if local.casefold() == key:
                return english
        return None


def _fill(pattern: str, values: dict[str, str]) -> str:
    for name, value in values.items():
        pattern = pattern.replace(f"<<{name}>>", value)
    return pattern


def _compile(
    pattern: str, values: dict[str, str], *, ignore_case: bool = False
) -> regex.Pattern[str]:
    flags = _V | (regex.IGNORECASE if ignore_case else 0)
    return regex.compile(_fill(pattern, values), flags)


def lexicon_file(name: str) -> Traversable | None:
    """A lexicon file ("fr.tsv", "xx.toml"), a registered language's or the package's.

    None when there is no such file. Every reader of lexicon files goes through here, so
    that a language registered from a folder of one's own is read like a shipped one.
    """
    code = name.split(".", 1)[0]
    folder = _REGISTERED.get(code)
    if folder is not None:
        path = folder / name
        return path if path.is_file() else None
    resource = importlib.resources.files("resparse.lexicon").joinpath(name)
    return resource if resource.is_file() else None


def lexicon_names() -> list[str]:
    """The names of every lexicon file, shipped and registered."""
    names = {entry.name for entry in importlib.resources.files("resparse.lexicon").iterdir()}
    for code, folder in _REGISTERED.items():
        names |= {entry.name for entry in folder.glob(f"{code}.*") if entry.is_file()}
    return sorted(names)


@functools.cache
def has_profile(code: str) -> bool:
    """Whether resparse has a profile for this language.

    Every parse asks; the files are looked up once, as :func:`profile` reads them once.
    """
    return lexicon_file(f"{code}.toml") is not None


def profile_or_english(code: str) -> Profile:
    """The language's profile, or English's for a language resparse has none for.

    For readers and writers that meet a language code in the markup they are given
    ("xx"), where a parse would refuse it.
    """
    return profile(code if has_profile(code) else "en")


@functools.lru_cache(maxsize=len(LANGUAGES) + 2)
def profile(code: str = "en") -> Profile:
    """The profile of a language (loaded once)."""
    resource = lexicon_file(f"{code}.toml")
    if resource is None:
        known = ", ".join([*LANGUAGES, *sorted(_REGISTERED)])
        msg = f"no language profile for {code!r}; known: {known}"
        raise UnknownLanguageError(msg)
    return _load(resource.read_text(encoding="utf-8"), f"{code}.toml")


def _load(text: str, where: str) -> Profile:
    """Build a profile from a lexicon's text; every failure is a :class:`LexiconError`."""
    try:
        data: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        msg = f"{where} is not valid TOML: {error}"
        raise LexiconError(msg) from None
    missing = [key for key in _REQUIRED if not _has_key(data, key)]
    if missing:
        msg = f"{where} lacks the required key {missing[0]!r}"
        raise LexiconError(msg)
    try:
        return _build(data)
    except VoteWordsError as error:
        msg = f"{where}: {error}"
        raise LexiconError(msg) from None
    except regex.error as error:
        msg = f"{where} holds a pattern that does not compile: {error}"
        raise LexiconError(msg) from None
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        msg = f"{where} holds a key of the wrong shape: {error!r}"
        raise LexiconError(msg) from None


def _has_key(data: dict[str, Any], dotted: str) -> bool:
    table: Any = data
    for part in dotted.split("."):
        if not isinstance(table, dict) or part not in table:
            return False
        table = table[part]
    return True


def register_language(path: str | os.PathLike[str]) -> str:
    """Add a language from its lexicon file, ``<code>.toml``, and the tables beside it.

    The lead tables (``<code>.tsv``, ``<code>.extra.tsv``, ``<code>.hyphens.tsv``) are
    read from the same folder. The file is read and checked at once, so a malformed one
    raises :class:`LexiconError` here, not in the middle of a parse. Returns the code,
    which ``parse(text, language=code)`` then accepts. A shipped language cannot be
    replaced; registering a code again replaces the files it was registered from.
    """
    file = pathlib.Path(path)
    if not file.is_file():
        msg = f"no lexicon file at {str(file)!r}"
        raise LexiconError(msg)
    built = _load(file.read_text(encoding="utf-8"), file.name)
    code = built.code
    if file.name != f"{code}.toml":
        msg = f"{file.name} declares code = {code!r}: name the file {code}.toml"
        raise LexiconError(msg)
    if code in LANGUAGES:
        msg = f"{code!r} is a shipped language; give the new one a code of its own"
        raise LexiconError(msg)
    _REGISTERED[code] = file.resolve().parent
    _forget_tables()
    return code


def _forget_tables() -> None:
    """Drop what was read from lexicon files, so that the next parse reads them afresh."""
    from resparse import (  # noqa: PLC0415 - they import this module
        _hyphens,
        _lead_tables,
        _leads,
        _more_leads,
        _split,
        _text,
        _vote_checks,
    )

    for cached in (
        has_profile,
        profile,
        _detection,
        _lead_tables.tables,
        _lead_tables._first_words,  # noqa: SLF001 - the caches of files this module resolves
        _lead_tables.morphology,
        _lead_tables.agreement_rules,
        _lead_tables._adverbs,  # noqa: SLF001
        _lead_tables._openers,  # noqa: SLF001
        _leads._body_words,  # noqa: SLF001
        _hyphens._table,  # noqa: SLF001
        _more_leads._separator,  # noqa: SLF001
        _split._loaded,  # noqa: SLF001
        _text._conjunctions,  # noqa: SLF001
        _vote_checks._printed_names,  # noqa: SLF001
    ):
        cached.cache_clear()


def _words_or_english(data: dict[str, Any], key: str) -> tuple[str, ...]:
    """The language's own ``key`` list; a language that leaves it out reads English's.

    These words were English's in every language before they were data, so a language
    whose texts have not been read for them keeps that behaviour.
    """
    if key in data:
        return tuple(str(word) for word in data[key])
    if data["code"] == "en":
        return ()
    english: tuple[str, ...] = getattr(profile("en"), key)
    return english


def _words(data: dict[str, Any], key: str) -> tuple[str, ...]:
    """The language's own ``key`` list; none where the language gives none."""
    return tuple(str(word) for word in data.get(key, ()))


def _build(data: dict[str, Any]) -> Profile:
    months: dict[str, int] = {}
    spellings: list[str] = []
    month_names: list[str] = []
    for number, names in enumerate(data.get("months", ()), start=1):
        listed = [names] if isinstance(names, str) else list(names)
        month_names.extend(listed[:1])
        for name in listed:
            months[name.casefold()] = number
            spellings.append(name)
    month_pattern = alternation(spellings) or _NEVER
    alphabet: dict[str, tuple[str, int]] = {}
    for style, key in (("alpha", "alphabet"), ("roman", "numerals")):
        for place, letters in enumerate(data.get(key, ())):
            for letter in [letters] if isinstance(letters, str) else letters:
                alphabet[letter] = (style, place)
    values = {"MONTH": month_pattern, "ALPHABET": alternation(list(alphabet)) or "(?!)"}
    # the letters of lettered parts when named in words ("ألف", "باء"), in their order;
    # they are not sub-paragraph labels, so they join the alphabet after its pattern
    for place, name in enumerate(data.get("part_letters", ())):
        alphabet[name] = ("upper", place)
    date_pattern = _fill(data.get("date", _DEFAULT_DATE), values)
    patterns = data.get("patterns", {})
    bodies = data.get("bodies", {})
    values |= {
        "DATE": date_pattern.replace("?P<day>", "?:")
        .replace("?P<month>", "?:")
        .replace("?P<year>", "?:"),
        "BODIES": alternation(list(bodies)) or _NEVER,
        "BODY_HEADS": alternation(patterns.get("body_heads", ["Assembly", "Council"])),
        "SYMBOL": SYMBOL,
        "SUBJECT": patterns.get("subject", r"(?!)"),
        # the start of a date that a wrapped line cut ("... celebrada el 10 de" / "enero
        # de 2020"): the field reads on to the next line, which completes it
        "DATE_HEAD": r"\s+\d{1,2}(?:\s+\p{L}+){0,3}",
    }
    fields = tuple(
        (field["name"], _compile(field["pattern"], values)) for field in data.get("header", ())
    )

    def optional(name: str, default: regex.Pattern[str]) -> regex.Pattern[str]:
        """The language's own pattern ``name``, or ``default`` where it has none."""
        return _compile(patterns[name], values) if name in patterns else default

    display = data.get("date_display", {})
    part_words = _words_or_english(data, "part_words")
    heading_words = _words(data, "heading_words")
    part_number_words = _words(data, "part_number_words")
    date_display = str(display.get("date", _DEFAULT_DISPLAY))
    built = Profile(
        code=data["code"],
        name=str(data.get("name", data["code"])),
        cased=bool(data.get("cased", True)),
        terminators=frozenset(data.get("terminators", ",;:.")),
        months=months,
        date_re=regex.compile(date_pattern, _V | regex.IGNORECASE),
        date_pattern=values["DATE"],
        month_pattern=month_pattern,
        bodies=dict(bodies),
        bodies_pattern=values["BODIES"],
        formula_re=_compile(patterns["formula"], values),
        meeting_re=_compile(patterns.get("meeting", _NEVER), values, ignore_case=True),
        date_line_re=_compile(r"(?P<date><<DATE>>)\.?\s*$", values, ignore_case=True),
        vote_start_re=_compile(patterns.get("vote_start", _NEVER), values),
        annex_re=_compile(patterns.get("annex", _NEVER), values, ignore_case=True),
        recycle_re=_compile(patterns.get("recycle", r"(?!)"), values, ignore_case=True),
        closing_re=_compile(patterns.get("closing", _NEVER), values, ignore_case=True),
        header_fields=fields,
        leads=dict(data.get("leads", {})),
        number_re=optional("operative_number", OPERATIVE_NUMBER_RE),
        label_re=optional("subparagraph_label", SUBPARAGRAPH_LABEL_RE),
        alphabet=alphabet,
        lead_emphasis=str(data.get("lead_emphasis", "italic")),
        shared_leads=bool(data.get("shared_leads", False)),
        decimal_comma=bool(data.get("decimal_comma", False)),
        counting_words=frozenset(str(word) for word in data.get("counting_words", ())),
        section_re=_compile(patterns["section"], values) if "section" in patterns else None,
        part_re=_compile(patterns["part"], values) if "part" in patterns else None,
        part_words=part_words,
        section_words=_words_or_english(data, "section_words"),
        annex_words=_words_or_english(data, "annex_words"),
        page_words=_words_or_english(data, "page_words"),
        heading_words=heading_words,
        part_number_words=part_number_words,
        heading_re=heading_re(part_words, heading_words, part_number_words),
        lettered_part_re=optional("lettered_part", LETTERED_PART_RE),
        more_lead_conjunctions=tuple(data["more_lead_conjunctions"])
        if "more_lead_conjunctions" in data
        else None,
        ordinals=Ordinals.of(data.get("ordinals", {})),
        agenda_separator_re=optional("agenda_separator", _COMMA_BEFORE_A_NUMBER_RE),
        sponsor_separator_re=optional("sponsor_separator", _COMMA_RE),
        conjunctions=frozenset(word.casefold() for word in data.get("conjunctions", ())),
        words={
            key: frozenset(word.casefold() for word in listed)
            for key, listed in data.get("words", {}).items()
        },
        vote=vote_words(data.get("vote", {})),
        month_names=tuple(month_names) if len(month_names) == _MONTHS else (),
        date_display=date_display,
        issued_display=str(display.get("issued", date_display)),
        first_day=str(display.get("first_day", "1")),
    )
    # a shape naming a field there is none of fails here, as a key of the wrong shape
    built.written_date(dt.date(2000, 1, 1), issued=True)
    built.written_date(dt.date(2000, 12, 31))
    return built


# No character of the Han, Arabic or Cyrillic scripts lies below U+0400 or in General
# Punctuation (where the quotes and dashes of Latin texts are; a test checks every code
# point): a search of the standard library for anything else, three times quicker than
# counting, clears most texts at once.
_BEYOND_LATIN_RE = re.compile(r"[^\u0000-\u03ff\u2000-\u206f]")
_PREFILTERED_SCRIPTS = frozenset({"Han", "Arabic", "Cyrillic"})
# Words are counted between letters: everything else separates them.
_PUNCTUATION_RE = regex.compile(r"[^\p{L}\s]+")


@attrs.frozen
class _Detection:
    """What detect() reads from every lexicon's ``[detect]`` table, compiled once."""

    # (code, a pattern of one letter of its script), for languages with a script of their own
    scripts: tuple[tuple[str, regex.Pattern[str]], ...]
    # any letter of those scripts; None when there are none
    non_latin_re: regex.Pattern[str] | None
    # whether _BEYOND_LATIN_RE may clear a text before the scripts are counted
    prefilter: bool
    # casefolded marker -> the languages it counts for
    marker_codes: dict[str, tuple[str, ...]]
    # further patterns that count for a language (French elisions: "l’", "d’", "qu’"),
    # each with the characters its every match starts at ("" when not known)
    extra: tuple[tuple[str, regex.Pattern[str], str], ...]
    # the Latin-script languages, in the order ties are settled (English first)
    latin: tuple[str, ...]


@functools.cache
def _detection() -> _Detection:
    """Read ``[detect]`` from every shipped and registered lexicon (data only, no profile)."""
    scripts: list[tuple[str, regex.Pattern[str]]] = []
    names: list[str] = []
    marker_codes: dict[str, list[str]] = {}
    extra: list[tuple[str, regex.Pattern[str], str]] = []
    latin: list[str] = []
    for code in (*LANGUAGES, *_REGISTERED):
        resource = lexicon_file(f"{code}.toml")
        if resource is None:
            continue
        table = tomllib.loads(resource.read_text(encoding="utf-8")).get("detect", {})
        script = str(table.get("script", "Latin"))
        if script != "Latin":
            scripts.append((code, regex.compile(rf"\p{{{script}}}")))
            names.append(script)
            continue
        latin.append(code)
        for word in table.get("markers", ()):
            marker_codes.setdefault(word.casefold(), []).append(code)
        if "counts_also" in table:
            pattern = regex.compile(table["counts_also"], regex.VERBOSE | regex.IGNORECASE)
            extra.append((code, pattern, str(table.get("counts_also_at", ""))))
    return _Detection(
        scripts=tuple(scripts),
        non_latin_re=regex.compile("|".join(rf"\p{{{n}}}" for n in names)) if names else None,
        prefilter=set(names) <= _PREFILTERED_SCRIPTS,
        marker_codes={word: tuple(codes) for word, codes in marker_codes.items()},
        extra=tuple(extra),
        latin=tuple(latin),
    )


# ASCII letters (in lower case) and white space stay, every other ASCII byte separates
# words; the bytes of other characters stay for the pattern to read (see _word_counts).
_ASCII_WORD_BYTES = bytes(
    b if b >= 0x80 or chr(b) in " \t\n\v\f\r" else ord(chr(b).lower()) if chr(b).isalpha() else 0x20
    for b in range(256)
)


_is_ascii: Callable[[bytes], bool] = bytes.isascii


def _word_counts(text: str) -> tuple[collections.Counter[bytes], collections.Counter[str]]:
    """How often each word stands in the text, as ``_PUNCTUATION_RE`` cuts the casefolded text.

    The same counts at a fraction of the cost: in UTF-8 bytes, one ``translate`` makes
    every ASCII character but a letter or white space a space and every ASCII letter
    lower case (its case fold), so a run of bytes between white space that is all ASCII
    is one word; only the few runs holding a character beyond ASCII ("“the", "rights”",
    "développement") are casefolded and cut by the pattern, as the whole text was (case
    folding maps each character on its own). Returns the counts of the runs (an ASCII
    word's count is its run's) and of the words cut from the runs beyond ASCII: see
    :func:`_count`.
    """
    runs = text.encode("utf-8", "surrogatepass").translate(_ASCII_WORD_BYTES).split()
    beyond = itertools.filterfalse(_is_ascii, runs)
    wide = b" ".join(beyond).decode("utf-8", "surrogatepass")
    words = _PUNCTUATION_RE.sub(" ", wide.casefold()).split()
    return collections.Counter(runs), collections.Counter(words)


def _count(word: str, runs: collections.Counter[bytes], wide: collections.Counter[str]) -> int:
    """A word's count from :func:`_word_counts`: a run beyond ASCII is never an ASCII word."""
    return wide[word] + (runs[word.encode("ascii")] if word.isascii() else 0)


def _matches(pattern: regex.Pattern[str], starts: str, text: str) -> int:
    """How many matches ``pattern.findall`` finds, each starting at one of ``starts``.

    Each match is tried only where one of those characters stands (found by a plain
    search of the text); with no ``starts`` the pattern searches the whole text.
    """
    if not starts:
        return len(pattern.findall(text))
    found = 0
    for char in starts:
        at = text.find(char)
        while at >= 0:
            if pattern.match(text, at) is not None:
                found += 1
            at = text.find(char, at + 1)
    return found


def own_script(code: str) -> bool:
    """Whether a language is told by its script (Arabic, Chinese, Russian), not its words."""
    return any(found == code for found, _ in _detection().scripts)


# how much of a text detection reads: the cover page and the first clauses
DETECTION_SAMPLE = 6000


def detect(text: str, sample: int = DETECTION_SAMPLE) -> str:
    """The language of a resolution, from its script and its most frequent small words.

    No model is needed: the six official languages differ in script (Chinese, Arabic,
    Russian) or in their function words (English, French, Spanish), both given by each
    lexicon's ``[detect]`` table. English is the answer when the text gives no evidence.
    """
    found = _detection()
    head = text[:sample]
    beyond = not found.prefilter or _BEYOND_LATIN_RE.search(head) is not None
    if beyond and found.non_latin_re is not None and found.non_latin_re.search(head):
        letters = max(1, sum(map(str.isalpha, head)))
        share, code = max((len(script.findall(head)), code) for code, script in found.scripts)
        if share > letters * 0.3:
            return code
    counts = dict.fromkeys(found.latin, 0)
    if found.marker_codes:
        runs, wide = _word_counts(head)
        for word, codes in found.marker_codes.items():
            seen = _count(word, runs, wide)
            for code in codes:
                counts[code] += seen
    for code, pattern, starts in found.extra:
        counts[code] += _matches(pattern, starts, head)
    if not counts:
        return "en"
    best = max(counts, key=lambda code: (counts[code], code == "en"))
    return best if counts[best] else "en"
