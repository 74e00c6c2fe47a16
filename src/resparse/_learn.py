"""Count what the parser learns from the UN's Akoma Ntoso markup: lead tries and hyphen words.

The counting lives here, not in the build scripts, so that ``resparse.evaluate`` can
rebuild every learned table in memory from any subset of the development set (its
held-out mode) with exactly the code that wrote the shipped tables. The build scripts
(``scripts/build_lexicon.py``, ``scripts/build_hyphens.py``) call these functions and
write their text to ``src/resparse/lexicon/``.

Lead tables: for every preambular clause and numbered operative paragraph, the UN marks
the lead phrase in italics (in bold in Chinese: the language profile's
``lead_emphasis``). Arabic texts type the paragraph number into the text ("1 -") rather
than giving it a ``num`` element; such paragraphs count as numbered. For each opening
word sequence the tables count how often the marked lead covers it ("inside") and how
often the lead stopped just before its last word ("stop").

Hyphen tables: every word of a language's markup is counted, so that a hyphen at a line
end can be told to belong to the word ("capacity-building") or only to the break.
"""

from __future__ import annotations

import collections
import sys
from typing import TYPE_CHECKING

import regex
from lxml import etree

from resparse import _lexicon
from resparse._hyphens import MIN_AFFIX_LENGTH, MIN_AFFIX_WORDS, TENS
from resparse._lead_tables import word_key

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
NS = {"a": AKN[1:-1]}
# A word, as the parser counts them: Chinese characters one by one, other scripts by runs.
WORD_RE = regex.compile(r"\p{Han}|[^\W_\p{Han}]+(?:[-'’\u2011][^\W_\p{Han}]+)*")
# "1." and the Arabic "1 -" or "2 –", in a num element or typed before the lead
NUMBERED_RE = regex.compile(r"^[\s\u200e\u200f]*\d+\s*[.\-–][\s\u200e\u200f]*$")
MAX_LEAD_WORDS = 8
MAX_LEAD_CHARACTERS = 12  # Chinese leads, counted one character at a time
# words after the lead that the tables keep, to tell "its commitment" from "its resolution"
CONTEXT_WORDS = 3
# The markup's folder name of each language.
FOLDERS = {
    "en": "English",
    "fr": "French",
    "es": "Spanish",
    "ru": "Russian",
    "ar": "Arabic",
    "zh": "Chinese",
}
# The languages that write hyphens, and so have a hyphen table.
HYPHEN_LANGUAGES = ("en", "fr", "es", "ru")

Opening = tuple[list[str], int]
Openings = dict[str, list[Opening]]


# --- lead tables ----------------------------------------------------------------------


def words(text: str) -> list[str]:
    """Casefolded words of a text, the unit the lead tables count in."""
    return [word_key(w) for w in WORD_RE.findall(text)]


def opening(
    p: etree._Element, emphasis: str = "italic", *, typed_number: bool = False
) -> Opening | None:
    """The first words of a paragraph and how many of them the emphasised lead covers.

    ``typed_number``: a paragraph number may stand before the lead ("1 -" in Arabic).
    """
    before = p.text or ""
    if before.strip() and not (typed_number and NUMBERED_RE.match(before)):
        return None
    first = next(iter(p), None)
    if first is None or not _emphasised(first, emphasis):
        return None
    # spans parted only by spaces are one lead ("وإذ" and "تلاحظ" set as two spans)
    run = [first]
    while not (run[-1].tail or "").strip() and (after := run[-1].getnext()) is not None:
        if not _emphasised(after, emphasis):
            break
        run.append(after)
    text = "".join("".join(span.itertext()) + (span.tail or "") for span in run[:-1])
    lead = (text + "".join(run[-1].itertext())).strip().rstrip(",:;،؛，：；")
    lead_words = words(lead)
    limit = MAX_LEAD_CHARACTERS if regex.match(r"\p{Han}", lead) else MAX_LEAD_WORDS
    if not lead_words or len(lead_words) > limit or regex.search(r"[,:;/،؛，：；、]", lead):
        return None
    text = "".join(t for t in p.itertext())[len(before) :]
    clause_start = regex.split(r"[,;:.()\[\]،؛，；：。]", text, maxsplit=1)[0]
    all_words = words(clause_start)[: len(lead_words) + CONTEXT_WORDS]
    if all_words[: len(lead_words)] != lead_words:
        return None
    return all_words, len(lead_words)


def _emphasised(element: etree._Element, emphasis: str) -> bool:
    return element.tag == AKN + "span" and emphasis in element.get("class", "")


def openings_of(name: str, emphasis: str = "italic") -> Openings:
    """Openings of one file's preambular clauses and numbered operative paragraphs, by kind.

    A malformed file (one Spanish file of session 77) gives none, with a note on stderr.
    """
    found: Openings = {"pre": [], "op": []}
    try:
        tree = etree.parse(name)
    except etree.XMLSyntaxError as error:
        sys.stderr.write(f"skipped {name}: {error}\n")
        return found
    for statement in tree.iter(AKN + "statement"):
        for container in statement.iterfind("a:preamble/a:container", NS):
            p = container.find("a:p", NS)
            if p is not None and (got := opening(p, emphasis)):
                found["pre"].append(got)
        for para in statement.iterfind("a:mainBody//a:paragraph", NS):
            num = para.find("a:num", NS)
            p = para.find("a:content/a:p", NS)
            if p is None:
                p = para.find("a:list/a:intro/a:p", NS)
            printed = "".join(num.itertext()) if num is not None else (p is not None and p.text)
            if p is None or not NUMBERED_RE.match(printed or ""):
                continue  # unnumbered, or numbered "(a)" or "A."
            if got := opening(p, emphasis, typed_number=num is None):
                found["op"].append(got)
    return found


def collect(files: Iterable[str], emphasis: str = "italic") -> Openings:
    """Openings of preambular clauses and numbered operative paragraphs of many files."""
    found: Openings = {"pre": [], "op": []}
    for name in files:
        for kind, got in openings_of(name, emphasis).items():
            found[kind].extend(got)
    return found


def merge(parts: Iterable[Openings]) -> Openings:
    """The openings of several files folded into one, as ``collect`` gives them."""
    found: Openings = {"pre": [], "op": []}
    for part in parts:
        for kind, got in part.items():
            found[kind].extend(got)
    return found


def table(openings: Sequence[Opening], *, support: int = 2) -> list[tuple[str, ...]]:
    """Trie nodes over opening words, each with where the UN's lead ended below it.

    For the node of the first k words: ``inside`` counts leads that cover all k words,
    ``stop`` leads that ended just before the k-th word, ``shorter`` leads that ended
    earlier still, and ``ends`` leads that end exactly at the k-th word. The parser
    decides at the deepest node the text reaches, so "Reaffirming its commitment" and
    "Reaffirming its resolution" can end differently.
    """
    inside: collections.Counter[tuple[str, ...]] = collections.Counter()
    stop: collections.Counter[tuple[str, ...]] = collections.Counter()
    shorter: collections.Counter[tuple[str, ...]] = collections.Counter()
    ends: collections.Counter[tuple[str, ...]] = collections.Counter()
    for all_words, n in openings:
        ends[tuple(all_words[:n])] += 1
        for k in range(1, len(all_words) + 1):
            key = tuple(all_words[:k])
            if n >= k:
                inside[key] += 1
            elif n == k - 1:
                stop[key] += 1
            else:
                shorter[key] += 1
    keys = {
        key
        for key in set(inside) | set(stop) | set(shorter)
        if (len(key) == 1 and inside[key])
        or (len(key) > 1 and inside[key] + stop[key] + shorter[key] >= support)
    }
    keys = {key for key in keys if all(key[:i] in keys for i in range(1, len(key)))}
    children: dict[tuple[str, ...], list[tuple[str, ...]]] = collections.defaultdict(list)
    for key in keys:
        children[key[:-1]].append(key)

    def covers(key: tuple[str, ...]) -> bool:
        return inside[key] >= max(stop[key], shorter[key])

    # A node whose lead does not reach it changes nothing the walk would not do without
    # it, unless its parent was never a whole lead (then it stops the walk from taking
    # one more word) or a deeper node below it changes the outcome.
    useful: set[tuple[str, ...]] = set()
    for key in sorted(keys, key=len, reverse=True):
        has_useful_child = any(child in useful for child in children[key])
        if (
            len(key) == 1
            or covers(key)
            or has_useful_child
            or (covers(key[:-1]) and ends[key[:-1]] == 0)
        ):
            useful.add(key)
    rows = []
    for key in sorted(useful, key=lambda k: (len(k), k)):
        counts = (inside[key], stop[key], shorter[key], ends[key])
        rows.append((" ".join(key), *(str(c) for c in counts)))
    return rows


# A lead's tail is a modifier when it finishes leads after this many different heads
# ("also", "with concern", "de nouveau") and is inside the lead more than this many
# times as often as just outside it (the Security Council italicizes "Calls on" and
# "Calls" alike: "on" is no modifier there).
MODIFIER_HEADS = 3
MODIFIER_WORDS = 3
MODIFIER_RATIO = 2
# A tail of function words alone ("on" after "Calls", "Calls again", "Decides") is the
# verb's own preposition, not a modifier: learned as one it cost 15 Council leads for 4.
_FUNCTION_WORDS = frozenset(_lexicon.FUNCTION_WORDS)


def modifiers(openings: Sequence[Opening]) -> list[tuple[str, str, str, str]]:
    """Tails that finish a whole lead after several different heads, with their counts.

    The UN composes leads: a head that is a lead on its own ("Requests", "Prenant note")
    takes a modifier ("also", "avec satisfaction", "в этой связи"). A table row exists
    only for the pairs it saw; a modifier seen after enough other heads lets the parser
    finish an unseen pair ("Prenant note avec satisfaction également"). Each row: the
    tail, how often it finished a lead, how often a whole lead stood just before it
    with the tail outside, and after how many different heads it finished one.
    """
    whole = {tuple(all_words[:n]) for all_words, n in openings}
    inside: collections.Counter[tuple[str, ...]] = collections.Counter()
    outside: collections.Counter[tuple[str, ...]] = collections.Counter()
    heads: dict[tuple[str, ...], set[tuple[str, ...]]] = collections.defaultdict(set)
    for all_words, n in openings:
        for j in range(max(1, n - MODIFIER_WORDS), n):
            head = tuple(all_words[:j])
            if head in whole:
                tail = tuple(all_words[j:n])
                inside[tail] += 1
                heads[tail].add(head)
        for k in range(1, MODIFIER_WORDS + 1):
            if n + k <= len(all_words):
                outside[tuple(all_words[n : n + k])] += 1
    rows = [
        (" ".join(tail), str(inside[tail]), str(outside[tail]), str(len(heads[tail])))
        for tail in inside
        if len(heads[tail]) >= MODIFIER_HEADS
        and inside[tail] > MODIFIER_RATIO * outside[tail]
        and not _FUNCTION_WORDS.issuperset(tail)
    ]
    return sorted(rows)


def lead_table_text(found: Openings, files: int, what: str) -> str:
    """The text of a ``<lang>.tsv`` table, as ``resparse._lead_tables`` reads it."""
    lines = [
        f"# Lead phrases of {what}, learned from the UN's Akoma Ntoso markup (United Nations,",
        f"# UNxml repositories; {files} files). Built by scripts/build_lexicon.py; do not",
        "# edit by hand: add phrases to the *.extra.tsv file beside it instead.",
        "# kind\tphrase\tinside\tstop\tshorter\tends",
        "# modifiers (kind+): kind+\ttail\tinside\toutside\theads",
    ]
    for kind in ("pre", "op"):
        lines.extend("\t".join((kind, *row)) for row in table(found[kind]))
    for kind in ("pre", "op"):
        lines.extend("\t".join((f"{kind}+", *row)) for row in modifiers(found[kind]))
    return "\n".join(lines) + "\n"


# --- hyphen tables --------------------------------------------------------------------

HYPHEN_WORD_RE = regex.compile(r"\p{L}+(?:-\p{L}+)*")
MIN_JOINED = 2  # a whole word seen once may be a typing slip


def words_of(path: str) -> collections.Counter[str]:
    """Casefolded words of one file's text, the non-breaking hyphen read as a hyphen."""
    counts: collections.Counter[str] = collections.Counter()
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True)
    root = etree.parse(path, parser).getroot()
    if root is None:
        return counts
    text = " ".join(root.itertext()).replace("\u2011", "-")
    counts.update(word.casefold() for word in HYPHEN_WORD_RE.findall(text))
    return counts


def count_words(files: Iterable[str]) -> collections.Counter[str]:
    """Casefolded words of many files."""
    counts: collections.Counter[str] = collections.Counter()
    for path in files:
        counts.update(words_of(path))
    return counts


def affixes(kept: set[str]) -> tuple[set[str], set[str]]:
    """First and second halves common to several hyphenated words."""
    firsts = collections.Counter(word.split("-", 1)[0] for word in kept)
    seconds = collections.Counter(word.rsplit("-", 1)[1] for word in kept)

    def common(counter: collections.Counter[str]) -> set[str]:
        return {
            half
            for half, n in counter.items()
            if n >= MIN_AFFIX_WORDS and len(half) >= MIN_AFFIX_LENGTH
        }

    return common(firsts), common(seconds)


def hyphen_words(counts: collections.Counter[str], language: str) -> tuple[list[str], list[str]]:
    """The ``keep`` and ``join`` words, each sorted.

    ``keep``: words written with a hyphen at least as often as without one, numbers aside;
    ``join``: words written whole more often than hyphenated that a hyphen rule would
    otherwise keep ("international"), because they start with a common first half
    ("inter") or end with a common second half ("based").
    """
    kept = {
        word
        for word, n in counts.items()
        if "-" in word and n >= counts.get(word.replace("-", ""), 0)
    }
    firsts, seconds = affixes(kept)
    if language == "en":
        firsts |= TENS

    def hyphen_rule_keeps(word: str) -> bool:
        return any(word.startswith(half) and len(word) > len(half) + 1 for half in firsts) or any(
            word.endswith(half) and len(word) > len(half) + 1 for half in seconds
        )

    joined = {
        word
        for word, n in counts.items()
        if "-" not in word and n >= MIN_JOINED and hyphen_rule_keeps(word)
    }
    return sorted(kept), sorted(joined)


def hyphen_table_text(counts: collections.Counter[str], language: str, files: int) -> str:
    """The text of a ``<lang>.hyphens.tsv`` table, as ``resparse._hyphens`` reads it."""
    kept, joined = hyphen_words(counts, language)
    folder = FOLDERS[language]
    head = (
        f"# How {folder} UN texts write words that a line end may break after\n"
        "# a hyphen, counted from the UN's Akoma Ntoso markup (United Nations, UNxml\n"
        f"# repositories; {files} files). Built by scripts/build_hyphens.py; do not\n"
        "# edit by hand. keep: written with a hyphen; join: written whole.\n"
    )
    return head + "".join(f"keep\t{w}\n" for w in kept) + "".join(f"join\t{w}\n" for w in joined)
