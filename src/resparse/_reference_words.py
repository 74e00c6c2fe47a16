"""The words and patterns of a citation: bodies, heads, list joints, items and treaties.

Data first (per language: how a head and the joints of its list are written; the
treaties named in full; the prefixes of document symbols), then the patterns compiled
from it, and :func:`grammar`, which compiles one language's patterns on first use.
"""

from __future__ import annotations

import attrs
import regex

from resparse._language import profile_or_english

_V = regex.VERBOSE | regex.VERSION1

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

# The words treaty names begin with: a treaty is matched only where one of them stands.
TREATY_FIRST_WORDS = tuple(sorted({name.split()[0] for name, _ in TREATIES}))
# A word every treaty name prints (its longest), to find the parts that may name one.
TREATY_WORDS = tuple(sorted({max(name.split(), key=len) for name, _ in TREATIES}))


@attrs.frozen
class Grammar:
    """The compiled patterns of one language."""

    head: regex.Pattern[str]
    joint: regex.Pattern[str]
    date_of: regex.Pattern[str]
    body_after: regex.Pattern[str] | None
    bodies: dict[str, str]
    date: regex.Pattern[str]
    stems: tuple[str, ...]  # where a head's "resolution" or "decision" may begin
    # matched backwards from a stem: the words a head may hold before it (see read_part)
    before_stem: regex.Pattern[str]


def _grammar(language: str) -> Grammar:
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
    date = profile_or_english(language).date_re
    # before its "resolution" a head holds a body's name or "its", each word followed by
    # white space: at most this many runs of word characters and white space (the same
    # \w and \s as the head's, with its flags)
    its_words = [alternative.count(r"\s") + 1 for alternative in words.its.split("|")]
    words_before = max([*its_words, *(len(name.split()) for name, _ in words.bodies)])
    before_stem = rf"(?:\w+\s*){{0,{words_before}}}"
    return Grammar(
        head=regex.compile(head, _V | regex.IGNORECASE),
        joint=regex.compile(joint, _V | regex.IGNORECASE),
        date_of=regex.compile(rf"\s*,?\s+(?:{words.of})\s+", _V | regex.IGNORECASE),
        body_after=after,
        bodies=names,
        date=date,
        stems=words.stems,
        before_stem=regex.compile(before_stem, _V | regex.IGNORECASE | regex.REVERSE),
    )


_GRAMMARS: dict[str, Grammar] = {}


def grammar(language: str) -> Grammar:
    """The patterns of ``language``, compiled on first use (English for one not known)."""
    key = language if language in WORDS else "en"
    if key not in _GRAMMARS:
        _GRAMMARS[key] = _grammar(key)
    return _GRAMMARS[key]
