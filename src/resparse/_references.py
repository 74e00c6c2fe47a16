"""Citations a resolution makes: resolutions, decisions, documents and treaties it names.

A post-pass over a parsed result. It reads each preambular clause, operative paragraph,
footnote and annex on the original source, where page furniture, footnote markers and
notes that a page break put inside a part are first overwritten with spaces *of the same
length* (so offsets never move), and then matches tolerantly: any run of white space,
line breaks included, separates words.

A citation is a head ("General Assembly resolution", "its resolutions", "decision") and a
list of items ("54/225 of 22 December 1999, 55/203 and 78/146", "2139 (2014) to 2165
(2014)"), read item by item with anchored matches, so the work is linear. Each item gives
one :class:`~resparse.model.Reference` with a normalized target symbol; "its" resolves to
the citing body, a bare "resolution" to the body its number's form belongs to. Document
symbols ("A/78/435", "S/PRST/2011/16") and a table of treaties are found on their own.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

import attrs
import regex

from resparse._deadline import checked
from resparse._language import has_profile, profile
from resparse._text import clean
from resparse.model import Reference, Span

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterator

    from resparse.model import Resolution

_V = regex.VERBOSE | regex.VERSION1

# --- data: the words of a citation, per language ------------------------------------------

# body code -> (English name, resolution symbol prefix, decision symbol prefix)
BODIES: dict[str, tuple[str, str, str]] = {
    "GA": ("General Assembly", "A/RES/", "A/DEC/"),
    "SC": ("Security Council", "S/RES/", "S/DEC/"),
    "HRC": ("Human Rights Council", "A/HRC/RES/", "A/HRC/DEC/"),
    "ECOSOC": ("Economic and Social Council", "E/RES/", "E/DEC/"),
    "CHR": ("Commission on Human Rights", "E/CN.4/RES/", "E/CN.4/DEC/"),
}


@attrs.frozen
class Words:
    """How one language writes a citation's head and the joints of its list."""

    resolution: str  # the word for resolution(s), as a pattern
    decision: str
    its: str  # "its", "sa|ses": the citing body's own
    of: str  # what comes before a date: "of", "du"
    and_: str  # the last joint of a list
    range_: str  # the joint of a range: "to", "à"
    bodies: tuple[tuple[str, str], ...]  # (name as printed, body code), before the head
    bodies_after: tuple[tuple[str, str], ...] = ()  # (name, code) after the list (fr, es)
    # what every match of ``resolution`` and ``decision`` begins with, in lower case: the
    # parts that hold none of them hold no head
    stems: tuple[str, ...] = ("resolution", "decision")


WORDS: dict[str, Words] = {
    "en": Words(
        resolution=r"resolutions?",
        decision=r"decisions?",
        its=r"its",
        of=r"of",
        and_=r"and|as\s+well\s+as",
        range_=r"to|through",
        bodies=(
            ("Economic and Social Council", "ECOSOC"),
            ("Commission on Human Rights", "CHR"),
            ("Human Rights Council", "HRC"),
            ("General Assembly", "GA"),
            ("Security Council", "SC"),
            ("Council", ""),  # "Council resolution": the citing council, as "its"
            ("Assembly", ""),
        ),
    ),
    "fr": Words(
        resolution=r"r[ée]solutions?",
        decision=r"d[ée]cisions?",
        its=r"sa|ses",
        of=r"du|en\s+date\s+du",
        and_=r"et",
        range_=r"à",
        stems=("résolution", "resolution", "décision", "decision"),
        bodies=(),
        bodies_after=(
            ("du Conseil économique et social", "ECOSOC"),
            ("de la Commission des droits de l'homme", "CHR"),
            ("du Conseil des droits de l'homme", "HRC"),
            ("de l'Assemblée générale", "GA"),
            ("du Conseil de sécurité", "SC"),
        ),
    ),
    "es": Words(
        resolution=r"resoluci(?:ón|ones)",
        decision=r"decisi(?:ón|ones)",
        its=r"sus?",
        of=r"de",
        and_=r"y|e",
        range_=r"a",
        stems=("resoluci", "decisi"),
        bodies=(),
        bodies_after=(
            ("del Consejo Económico y Social", "ECOSOC"),
            ("de la Comisión de Derechos Humanos", "CHR"),
            ("del Consejo de Derechos Humanos", "HRC"),
            ("de la Asamblea General", "GA"),
            ("del Consejo de Seguridad", "SC"),
        ),
    ),
}

# Treaties named in full (English): (name as printed, the target written for it). Only
# names that cannot mean anything else; "the Convention" alone is not read.
TREATIES: tuple[tuple[str, str], ...] = (
    ("Charter of the United Nations", "Charter of the United Nations"),
    ("International Covenant on Civil and Political Rights", "ICCPR"),
    ("International Covenant on Economic, Social and Cultural Rights", "ICESCR"),
    ("Convention on the Rights of the Child", "CRC"),
    ("Convention on the Elimination of All Forms of Discrimination against Women", "CEDAW"),
    ("International Convention on the Elimination of All Forms of Racial Discrimination", "ICERD"),
    (
        "Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment",
        "CAT",
    ),
    ("Convention on the Rights of Persons with Disabilities", "CRPD"),
    (
        (
            "International Convention on the Protection of the Rights of All Migrant Workers "
            "and Members of Their Families"
        ),
        "ICRMW",
    ),
    (
        "International Convention for the Protection of All Persons from Enforced Disappearance",
        "CPED",
    ),
    ("Convention relating to the Status of Refugees", "Refugee Convention"),
    ("Convention on the Prevention and Punishment of the Crime of Genocide", "Genocide Convention"),
    ("United Nations Convention on the Law of the Sea", "UNCLOS"),
    ("United Nations Framework Convention on Climate Change", "UNFCCC"),
    ("Convention on Biological Diversity", "CBD"),
    ("United Nations Convention against Corruption", "UNCAC"),
    ("United Nations Convention against Transnational Organized Crime", "UNTOC"),
    ("Rome Statute of the International Criminal Court", "Rome Statute"),
    ("Statute of the International Court of Justice", "ICJ Statute"),
    ("Treaty on the Non-Proliferation of Nuclear Weapons", "NPT"),
    ("Comprehensive Nuclear-Test-Ban Treaty", "CTBT"),
    ("Treaty on the Prohibition of Nuclear Weapons", "TPNW"),
    ("Arms Trade Treaty", "ATT"),
    ("Vienna Convention on the Law of Treaties", "VCLT"),
    ("Vienna Convention on Diplomatic Relations", "VCDR"),
    ("Geneva Conventions of 12 August 1949", "Geneva Conventions"),
    ("Paris Agreement", "Paris Agreement"),
    ("Kyoto Protocol", "Kyoto Protocol"),
)

# The prefixes that open a UN document symbol.
SYMBOL_PREFIXES = (
    "A",
    "S",
    "E",
    "UNEP",
    "FCCC",
    "CD",
    "TD",
    "CRC",
    "CEDAW",
    "CCPR",
    "CERD",
    "CAT",
    "CRPD",
    "ICCD",
    "ISBA",
    "ST",
    "DP",
    "UNW",
    "CTOC",
)


def _words(phrase: str) -> str:
    """A phrase as a pattern in which any white space (line breaks too) parts the words."""
    return r"\s+".join(regex.escape(w) for w in phrase.split())


def _alternation(phrases: tuple[str, ...]) -> str:
    return "|".join(_words(p) for p in sorted(phrases, key=lambda p: (-len(p), p)))


# --- patterns -----------------------------------------------------------------------------

# The letters of a resolution's parts after its number: "A", "A-B", "A and B", "A to C".
LETTERS = r"[A-Z](?:(?:\s?[-–]\s?|\s+(?:and|et|y|to|à)\s+|,\s?)[A-Z](?![\w/]))*(?![\w/])"
LETTER_JOINT_RE = regex.compile(r"\s?[-–]\s?|\s+(?:to|à)\s+", _V)
# One cited item, matched at a position. Longer forms first.
ITEM_RE = regex.compile(
    r"""
    (?<![\w/.])
    (?:
        (?P<sc>\d{1,4})\s?\((?P<year>(?:19|20)\d\d)\)                # 2334 (2016)
      | (?P<old>\d{1,4})\s?(?P<oldletter>{LETTERS}\s?)?               # 217 A
        \((?P<roman>(?:ES[-‑]|S[-‑])?[IVXL]{1,7})\)                  # (III), (XV), (ES-V)
      | (?P<session>(?:ES[-‑–]|S[-‑–])?\d{1,4})/(?P<number>\d{1,4})  # 77/1, S-27/2, 2004/67
        (?P<letter>\s?{LETTERS})?                                    # 77/256 A, 36/87 A and B
        (?![\w/])
    )
    """.replace("{LETTERS}", LETTERS),
    _V,
)
# Where in the cited text: "70/1, annex", "52/214, sect. C, para. 3", "56/64 B, sect. X".
LOCATOR_RE = regex.compile(
    r"""
    (?:
        ,?\s+(?:sections?|sect\.|paragraphs?|paras?\.|annex(?:es)?|chapters?|chap\.|part)
        (?:\s+[A-Z0-9]{1,6}(?:\s?\([a-z]{1,4}\))?)?(?![\w/])            # III, 12, 3 (a)
    ){1,4}
    """,
    _V,
)
# The title a citation quotes: ', entitled "Transforming our world: ..."'.
TITLE_RE = regex.compile(r',?\s+entitled\s+[“"][^”"]{1,400}[”"]', _V)
# A footnote marker the reader left in the text, right after an item or its date.
MARKER_RE = regex.compile(r"(?<=[\d)])[ ]?[*\d]{1,3}(?=[\s,;.)]|$)", regex.VERSION1)
_PREFIXES = "|".join(sorted(SYMBOL_PREFIXES, key=lambda p: (-len(p), p)))
# A document symbol on its own: "A/78/435", "S/PRST/2011/16", "E/CN.4/2005/L.10/Add.1".
SYMBOL_RE = regex.compile(
    rf"""
    (?<![\w/.])
    (?P<symbol>
        (?:{_PREFIXES})                                              # A, S, UNEP
        (?:/[A-Za-z0-9][A-Za-z0-9.\-]{{0,24}}){{1,7}}                # /78/435, /CN.4
        (?:\s?\((?:19|20)\d\d\))?                                    # S/RES/2334 (2016)
    )
    """,
    _V,
)
# Where a document's second symbol begins: "A/77/69-E/2022/47", "A/69/711-S/2015/1".
JOINT_RE = regex.compile(rf"-(?=(?:{_PREFIXES})/)", _V)
TREATY_RE = regex.compile(
    "(?<![\\w])(?:" + "|".join(f"(?P<t{i}>{_words(n)})" for i, (n, _) in enumerate(TREATIES)) + ")",
    regex.VERSION1,
)

# A word every treaty name prints (its longest), to find the parts that may name one.
TREATY_WORDS = tuple(sorted({max(name.split(), key=len) for name, _ in TREATIES}))


@attrs.frozen
class _Grammar:
    """The compiled patterns of one language."""

    head: regex.Pattern[str]
    joint: regex.Pattern[str]
    date_of: regex.Pattern[str]
    body_after: regex.Pattern[str] | None
    bodies: dict[str, str]
    date: regex.Pattern[str]
    stems: tuple[str, ...]  # where a head's "resolution" or "decision" may begin


def _grammar(language: str) -> _Grammar:
    words = WORDS.get(language, WORDS["en"])
    names = {" ".join(n.casefold().split()): code for n, code in words.bodies}
    names.update({" ".join(n.casefold().split()): code for n, code in words.bodies_after})
    body = _alternation(tuple(n for n, _ in words.bodies)) if words.bodies else r"(?!)"
    head = rf"""
        (?<![\w])
        (?:(?P<body>{body})\s+|(?P<its>{words.its})\s+)?              # General Assembly, its
        (?P<kind>{words.resolution}|{words.decision})\s+              # resolution(s), decision(s)
        (?=\S)
    """
    joint = rf"""
        (?:\s*,(?:[*\d]{{1,3}}(?=\s))?\s*(?:(?:{words.and_})\s+)?    # ", " ",1 " ", and "
          | \s*;\s*(?:(?:{words.and_})\s+)?                          # "; "
          | \s+(?:{words.and_})\s+                                   # " and "
          | \s*(?P<range>(?:{words.range_})(?=\s)|[-–])\s*           # " to ", "-"
        )
    """
    after = None
    if words.bodies_after:
        after = regex.compile(
            rf"\s+(?P<body>{_alternation(tuple(n for n, _ in words.bodies_after))})",
            _V | regex.IGNORECASE,
        )
    date = profile(language).date_re if has_profile(language) else profile("en").date_re
    return _Grammar(
        head=regex.compile(head, _V | regex.IGNORECASE),
        joint=regex.compile(joint, _V | regex.IGNORECASE),
        date_of=regex.compile(rf"\s*,?\s+(?:{words.of})\s+", _V | regex.IGNORECASE),
        body_after=after,
        bodies=names,
        date=date,
        stems=words.stems,
    )


_GRAMMARS: dict[str, _Grammar] = {}


def grammar(language: str) -> _Grammar:
    """The patterns of ``language``, compiled on first use (English for one not known)."""
    key = language if language in WORDS else "en"
    if key not in _GRAMMARS:
        _GRAMMARS[key] = _grammar(key)
    return _GRAMMARS[key]


# --- the pass -----------------------------------------------------------------------------


def citing_body(result: Resolution) -> str | None:
    """The body that adopted the result, as a code: the symbol decides, then the header."""
    symbol = (result.header.symbol or "").upper()
    for prefix, code in (("A/HRC/", "HRC"), ("E/CN.4/", "CHR"), ("S/", "SC"), ("E/", "ECOSOC")):
        if symbol.startswith(prefix):
            return code
    if symbol.startswith("A/"):
        return "GA"
    body = (result.header.body or "").casefold()
    for code, (name, _, _) in BODIES.items():
        if name.casefold() in body:
            return code
    return None


def _holes(result: Resolution) -> tuple[list[Span], list[Span]]:
    """The furniture, and the notes with their markers, of a result."""
    notes: list[Span] = []
    for note in result.footnotes:
        notes.append(note.span)
        notes.extend(s for s in (note.anchor, note.marker_span) if s is not None)
    return [f.span for f in result.furniture], notes


def blank_notes(result: Resolution) -> str:
    """The source with furniture, footnotes and their markers overwritten by spaces.

    A part's span may hold a footnote or a running head that a page break put inside
    it: blanking them (same length) lets a phrase run across them, offsets unmoved.
    """
    furniture, notes = _holes(result)
    return _blank(result.source, [*furniture, *notes])


def find_references(result: Resolution) -> tuple[Reference, ...]:
    """Every citation in the result's clauses, paragraphs, footnotes and annexes, in order.

    Most parts cite nothing: one scan of the whole source for the words every citation
    needs (a head's "resolution", a treaty's key word) tells which parts to read, and the
    masked copies of the source are made only when some part is read.
    """
    furniture, notes = _holes(result)
    source = result.source
    g = grammar(result.language)
    heads = _stem_starts(g.stems, source)
    named = _literal_starts(TREATY_WORDS, source) if result.language == "en" else []
    body = citing_body(result)
    texts: dict[bool, str] = {}
    found: list[Reference] = []
    for part, index, span in checked(_parts(result), "reading the references", 16):
        if not _may_cite(source, span, heads, named):
            continue
        note = part == "footnote"
        if note not in texts:
            texts[note] = _blank(source, furniture if note else [*furniture, *notes])
        found.extend(
            read_part(
                texts[note],
                span,
                part,
                index,
                body=body,
                language=result.language,
                heads=heads,
                named=named,
            )
        )
    found.sort(key=lambda r: (r.span.start, r.in_range, -r.span.end))
    return tuple(found)


# The characters other than ASCII whose lower, upper or folded case holds an ASCII letter
# ("ſ" is an "s" to a case-insensitive match): a test derives the same set from Unicode.
CASE_ALIASES = (  # ß İ ı ŉ ſ ǰ ẖ ẗ ẘ ẙ ẚ ẞ, the Kelvin sign, the ligatures ﬀ to ﬆ
    "\u00df\u0130\u0131\u0149\u017f\u01f0\u1e96\u1e97\u1e98\u1e99"
    "\u1e9a\u1e9e\u212a\ufb00\ufb01\ufb02\ufb03\ufb04\ufb05\ufb06"
)
_CASE_ALIAS_RE = re.compile(f"[{CASE_ALIASES}]")


def _stem_starts(stems: tuple[str, ...], text: str) -> list[int]:
    """Every place where a stem begins in ``text``, whatever its case, in order.

    Found with ``str.find`` in the lower-cased text, which is three times quicker than a
    case-insensitive pattern and finds the same places: lower-casing changes no length
    and maps every case form of a stem's letters onto the stem, except for the rare
    characters of ``CASE_ALIASES``, which send the text to the pattern.
    """
    lower = text.lower()
    if len(lower) != len(text) or _CASE_ALIAS_RE.search(text) is not None:
        alternation = "|".join(regex.escape(stem) for stem in stems)
        return _starts(regex.compile(f"(?=(?:{alternation}))", _V | regex.IGNORECASE), text)
    return _literal_starts(stems, lower)


def _literal_starts(words: tuple[str, ...], text: str) -> list[int]:
    """Every place where one of ``words`` begins in ``text`` (overlaps too), in order."""
    found: set[int] = set()
    for word in words:
        at = text.find(word)
        while at != -1:
            found.add(at)
            at = text.find(word, at + 1)
    return sorted(found)


def _starts(pattern: regex.Pattern[str], text: str) -> list[int]:
    """Every place in ``text`` where ``pattern`` (a look-ahead, so overlaps count) matches."""
    return [match.start() for match in pattern.finditer(text)]


def _any_in(starts: list[int], start: int, end: int) -> bool:
    """Whether a sorted list of places holds one in ``[start, end)``."""
    i = bisect.bisect_left(starts, start)
    return i < len(starts) and starts[i] < end


def _may_cite(source: str, span: Span, heads: list[int], named: list[int]) -> bool:
    """Whether a part can hold a citation: a head's word, a treaty's, or a slash.

    Masking only turns characters into spaces, so a word the masked text holds is in the
    source at the same place: a part the source rules out holds nothing when masked.
    """
    if _any_in(heads, span.start, span.end) or _any_in(named, span.start, span.end):
        return True
    return source.find("/", span.start, span.end) != -1


def _parts(result: Resolution) -> Iterator[tuple[str, int, Span]]:
    for i, clause in enumerate(result.preamble):
        yield "preambular", i, clause.span
    for i, para in enumerate(result.operative):
        yield "operative", i, para.span
    for i, note in enumerate(result.footnotes):
        yield "footnote", i, note.span
    for i, annex in enumerate(result.annexes):
        yield "annex", i, annex.span


def _blank(source: str, holes: list[Span]) -> str:
    """``source`` with the holes' characters (white space kept) turned into spaces."""
    if not holes:
        return source
    pieces: list[str] = []
    done = 0
    for start, end in _merged(holes, len(source)):
        pieces.append(source[done:start])
        pieces.append(_NONSPACE_RE.sub(" ", source[start:end]))
        done = end
    pieces.append(source[done:])
    return "".join(pieces)


# ``\S`` of the standard library's ``re`` is exactly ``not str.isspace()`` (a test checks
# every code point)
_NONSPACE_RE = re.compile(r"\S")


def _merged(holes: list[Span], size: int) -> list[tuple[int, int]]:
    """The holes as sorted, disjoint ``(start, end)`` pairs inside ``[0, size)``."""
    merged: list[tuple[int, int]] = []
    for hole in sorted(holes, key=lambda h: h.start):
        start, end = max(hole.start, 0), min(hole.end, size)
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


@attrs.frozen
class _Place:
    """Where a list is read: the part it sits in and the body that cites it."""

    part: str
    index: int | None
    citing: str | None


@attrs.frozen
class _Item:
    """One item of a list: its match, the date printed with it, where it ends, a range end."""

    match: regex.Match[str]
    date: dt.date | None
    end: int
    ranged: bool


_DIGIT_RE = regex.compile(r"\d")


def read_part(  # noqa: PLR0913 - one part of one text, all keyword-only but the place
    text: str,
    span: Span,
    part: str,
    index: int | None,
    *,
    body: str | None,
    language: str = "en",
    heads: list[int] | None = None,
    named: list[int] | None = None,
) -> list[Reference]:
    """The references inside ``text[span.start:span.end]``; ``text`` is the (masked) source.

    ``heads``, where given, are the sorted places of every head word (``stems``) in
    ``text`` or in the source it was masked from: a head is searched for only while one
    lies ahead; ``named``, the places of the treaties' key words (``TREATY_WORDS``), and
    the treaties are looked for only where one lies in the part.
    """
    g = grammar(language)
    place = _Place(part, index, body)
    out: list[Reference] = []
    covered: list[Span] = []
    # every resolution, decision and document symbol is cited with a number: a part
    # without a digit holds none of them, and most clauses are spared the searches
    numbered = _DIGIT_RE.search(text, span.start, span.end) is not None
    pos = span.start
    while numbered and (heads is None or _any_in(heads, pos, span.end)):
        head = g.head.search(text, pos, span.end)
        if head is None:
            break
        items, end = _read_items(text, head.end(), span.end, g)
        refs = _list_references(text, head, items, end=end, limit=span.end, g=g, place=place)
        if refs:
            out.extend(refs)
            covered.append(Span(head.start(), end))
        pos = max(end, head.end())
    if numbered and text.find("/", span.start, span.end) != -1:  # every symbol has a slash
        out.extend(_symbols(text, span, covered, place))
    if language == "en" and (named is None or _any_in(named, span.start, span.end)):
        out.extend(_treaties(text, span, place))
    return out


def _read_items(text: str, pos: int, limit: int, g: _Grammar) -> tuple[list[_Item], int]:
    """The items after a head, each matched where the last one's joint ends."""
    items: list[_Item] = []
    ranged = False
    while (item := ITEM_RE.match(text, pos, limit)) is not None:
        end = _skip(LOCATOR_RE, text, item.end(), limit)
        date = None
        of = g.date_of.match(text, end, limit)
        printed = g.date.match(text, of.end(), limit) if of is not None else None
        if printed is not None:
            date = _date(printed)
            end = printed.end()
        end = _skip(MARKER_RE, text, end, limit)
        items.append(_Item(item, date, end, ranged))
        end = _skip(TITLE_RE, text, _skip(LOCATOR_RE, text, end, limit), limit)
        joint = g.joint.match(text, end, limit)
        if joint is None or ITEM_RE.match(text, joint.end(), limit) is None:
            return items, end
        ranged = joint["range"] is not None
        pos = joint.end()
    return items, pos


def _skip(pattern: regex.Pattern[str], text: str, pos: int, limit: int) -> int:
    """Where an optional piece (a marker, a locator, a title) that starts at ``pos`` ends."""
    found = pattern.match(text, pos, limit)
    return pos if found is None else found.end()


def _list_references(  # noqa: PLR0913 - one list: its head, its items and where it was read
    text: str,
    head: regex.Match[str],
    items: list[_Item],
    *,
    end: int,
    limit: int,
    g: _Grammar,
    place: _Place,
) -> list[Reference]:
    """One reference per item (per lettered part), with the items a range stands for."""
    if not items:
        return []
    kind = "decision" if head["kind"].casefold().startswith("d") else "resolution"
    named = head["body"]
    code = g.bodies.get(" ".join(named.casefold().split())) if named else None
    own = head["its"] is not None or code == ""
    explicit = code or None
    if g.body_after is not None and explicit is None:
        after = g.body_after.match(text, end, limit)
        if after is not None:
            explicit = g.bodies.get(" ".join(after["body"].casefold().split()))
            own = False
    who = place.citing if own else explicit
    refs: list[Reference] = []
    for item in items:
        targets = _target(item.match, kind, who, place.citing)
        if item.ranged and refs and targets:
            refs.extend(_expand(refs[-1], item.match, kind, who, place))
        refs.extend(
            Reference(
                kind=kind,
                target=target,
                text=clean(text[item.match.start() : item.end]),
                span=Span(item.match.start(), item.end),
                body=BODIES[_body_of(item.match, who, place.citing)][0],
                date=item.date,
                part=place.part,
                index=place.index,
            )
            for target in targets
        )
    return refs


def _date(match: regex.Match[str]) -> dt.date | None:
    from resparse._dates import find_date  # noqa: PLC0415 - the profiles import _dates

    found, _, _ = find_date(match[0])
    if found is None:
        for lang in ("fr", "es"):
            found, _, _ = find_date(match[0], language=lang)
            if found is not None:
                break
    return found


def _body_of(item: regex.Match[str], who: str | None, citing: str | None) -> str:
    """Which body's series an item belongs to: as named, else as its form says."""
    if item["sc"] is not None:
        return "SC"
    if item["roman"] is not None:
        return "GA"
    if who is not None:
        return who
    session = item["session"]
    if _dash(session).startswith("ES-"):
        return "GA"
    yearly = session.isdigit() and len(session) == 4
    if yearly:
        return citing if citing in {"ECOSOC", "CHR"} else "ECOSOC"
    if citing in {"GA", "HRC"}:
        return citing
    return "GA"


def _target(item: regex.Match[str], kind: str, who: str | None, citing: str | None) -> list[str]:
    """The normalized symbols, one per lettered part: "A/RES/77/1", "S/RES/2334 (2016)".

    A bare slash number below the Assembly's 31st session, where its numbering began,
    belongs to no series resparse can name ("resolution 5/6" of a conference): none.
    """
    code = _body_of(item, who, citing)
    _, res, dec = BODIES[code]
    prefix = dec if kind == "decision" else res
    if item["sc"] is not None:
        if kind == "decision":
            return []  # the Council numbers no decisions this way
        return [f"S/RES/{int(item['sc'])} ({item['year']})"]
    if item["roman"] is not None:
        roman = _dash(item["roman"])
        return [
            f"{prefix}{int(item['old'])}{' ' + x if x else ''} ({roman})"
            for x in _letters(item["oldletter"])
        ]
    session = _dash(item["session"])
    if who is None and code == "GA" and session.isdigit() and int(session) < _FIRST_SLASH_SESSION:
        return []
    number = int(item["number"])
    return [f"{prefix}{session}/{number}{' ' + x if x else ''}" for x in _letters(item["letter"])]


_FIRST_SLASH_SESSION = 31  # the Assembly numbered "31/1" from its thirty-first session on


_DASH_RE = regex.compile(r"[‑–]")
_CAPITAL_RE = regex.compile(r"[A-Z]")
_NUMBERED_TARGET_RE = regex.compile(r"(?P<p>.*/)(?P<n>\d+)")
_YEAR_RE = regex.compile(r"\s?\((\d{4})\)$")


def _dash(text: str) -> str:
    return _DASH_RE.sub("-", text)


def _letters(printed: str | None) -> list[str]:
    """["A", "B", "C"] for "A to C" or "A, B and C"; [""] when no letter is printed."""
    if not printed or not printed.strip():
        return [""]
    letters = _CAPITAL_RE.findall(printed)
    ranged = LETTER_JOINT_RE.search(printed) is not None and len(letters) == 2
    if ranged and letters[0] < letters[1]:
        return [chr(c) for c in range(ord(letters[0]), ord(letters[1]) + 1)]
    return letters


_RANGE_LIMIT = 200  # a longer "range" is a misreading, not a list


def _expand(
    first: Reference, last: regex.Match[str], kind: str, who: str | None, place: _Place
) -> list[Reference]:
    """The items strictly between the two ends of "46/1 to 46/5" (same session only).

    A Security Council range ("1267 (1999) to 1333 (2000)") is not expanded: the years of
    the resolutions between are not printed, so their symbols cannot be written.
    """
    start = _NUMBERED_TARGET_RE.fullmatch(first.target)
    if start is None or last["session"] is None or last["letter"]:
        return []
    end_target = (_target(last, kind, who, place.citing) or [""])[0]
    if not end_target.startswith(start["p"]):
        return []
    low, high = int(start["n"]), int(last["number"])
    if not 0 < high - low <= _RANGE_LIMIT:
        return []
    span = Span(first.span.start, last.end())
    return [
        Reference(
            kind=kind,
            target=f"{start['p']}{n}",
            text=first.text,
            span=span,
            body=first.body,
            date=None,
            part=place.part,
            index=place.index,
            in_range=True,
        )
        for n in range(low + 1, high)
    ]


def _symbols(text: str, span: Span, covered: list[Span], place: _Place) -> Iterator[Reference]:
    """Document symbols outside the citations already read; a /RES/ symbol is a resolution."""
    for match in SYMBOL_RE.finditer(text, span.start, span.end):
        symbol = match["symbol"].rstrip(".-")
        where = Span(match.start(), match.start() + len(symbol))
        if not any(ch.isdigit() for ch in symbol) or "/" not in symbol:
            continue
        if any(c.start <= where.start < c.end for c in covered):
            continue
        joint = JOINT_RE.search(symbol)
        if joint is not None:
            symbol = symbol[: joint.start()]  # "A/77/69-E/2022/47": one document, its first symbol
        upper = symbol.upper()
        kind = "resolution" if "/RES/" in upper else "decision" if "/DEC/" in upper else "document"
        target = _YEAR_RE.sub(r" (\1)", symbol)
        yield Reference(
            kind=kind,
            target=target,
            text=clean(text[where.start : where.end]),
            span=where,
            body=None,
            date=None,
            part=place.part,
            index=place.index,
        )


def _treaties(text: str, span: Span, place: _Place) -> Iterator[Reference]:
    for match in TREATY_RE.finditer(text, span.start, span.end):
        group = next(name for name, value in match.groupdict().items() if value is not None)
        _, target = TREATIES[int(group[1:])]
        yield Reference(
            kind="treaty",
            target=target,
            text=clean(match[0]),
            span=Span(match.start(), match.end()),
            body=None,
            date=None,
            part=place.part,
            index=place.index,
        )
