"""Find the lead phrase of a clause when the input has lost its italics.

The tables in ``lexicon/<language>.tsv`` are tries over casefolded words, learned from the
UN's own markup: a node is there when the UN's italic lead covered that word more often
than it stopped just before it. Walking the trie word by word reproduces the UN's choice
("Reaffirming also", "Noting with deep concern", "Calls upon"). Words the tables have never
seen fall back to morphology: a participle or a listed adjective opens a preambular lead,
a verb in ``-s`` an operative one, each with the adverbs that may follow it.
"""

from __future__ import annotations

import collections
import contextlib
import functools
import itertools
import re
from typing import TYPE_CHECKING, Literal

import attrs
import regex

from resparse import _lexicon
from resparse._language import has_profile, lexicon_file, lexicon_names, profile
from resparse._patterns import WORD_TOKEN_RE as _TOKEN_RE
from resparse.model import Span

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping, Sequence

Kind = Literal["pre", "op"]

_ADVERBS = frozenset(a for a in _lexicon.LEAD_ADVERBS if " " not in a)
_INTENSIFIERS = frozenset(_lexicon.LEAD_INTENSIFIERS)
_ADJECTIVES = frozenset(_lexicon.PREAMBULAR_ADJECTIVES)
_NON_LEADS = frozenset(_lexicon.NON_LEAD_WORDS)
_MAX_WORDS = 12
# Words a lead never ends on, and adverbs that are adjectives before a noun ("further efforts").
_FUNCTION_WORDS = frozenset(_lexicon.FUNCTION_WORDS)
_ADJECTIVE_ADVERBS = frozenset({"further"})
_DETERMINERS = frozenset(_lexicon.DETERMINERS)
# Arabic vowel marks and the tatweel: optional in print ("ترحِّب", "أيضاً"), never in a key
_OPTIONAL_MARKS_RE = regex.compile(r"[\u064B-\u065F\u0670\u0640]")


@functools.lru_cache(maxsize=1 << 16)
def word_key(token: str) -> str:
    """The form the lead tables count a word in: casefolded, one apostrophe, no vowel marks.

    Cached: the words that open clauses repeat from one document to the next.
    """
    key = token.casefold().replace("’", "'")
    return _OPTIONAL_MARKS_RE.sub("", key) if not key.isascii() else key


@attrs.define
class _Node:
    """A trie node for the first k words of clauses, and where the UN's lead ended.

    ``inside``: leads covering all k words; ``stop``: leads that ended just before the
    k-th word; ``shorter``: leads that ended earlier; ``ends``: leads ending at word k.
    """

    inside: int = 0
    stop: int = 0
    shorter: int = 0
    ends: int = 0
    children: dict[str, _Node] = attrs.field(factory=dict)


@attrs.frozen
class LeadTables:
    """The preambular and operative tries of one language (and body scope).

    ``tails``: by kind, the modifiers that finish a lead after many heads ("also",
    "avec satisfaction"), for pairs of head and modifier the tries never saw.
    """

    pre: _Node
    op: _Node
    tails: dict[str, frozenset[tuple[str, ...]]] = attrs.field(factory=dict)
    inner: frozenset[str] = frozenset()
    objects: frozenset[str] = frozenset()

    def root(self, kind: Kind) -> _Node:
        """The trie for one kind of paragraph."""
        return self.pre if kind == "pre" else self.op


def _insert(root: _Node, phrase: str, counts: tuple[int, int, int, int]) -> None:
    node = root
    for word in phrase.split(" "):
        node = node.children.setdefault(word, _Node())
    node.inside, node.stop, node.shorter, node.ends = counts


def _overlay(base: _Node, scoped: _Node) -> None:
    """Put each first word the body's own trie knows in place of the default subtree.

    Merging deeper was measured worse: the body's table drops the phrases its leads
    stop before, so the General Assembly's longer leads leaked back in below them.
    """
    base.children.update(scoped.children)


# Table texts that stand in for the files of the same name while ``replaced_tables`` runs.
_REPLACED: dict[str, str] = {}


@contextlib.contextmanager
def replaced_tables(texts: Mapping[str, str]) -> Iterator[None]:
    """Parse with these table texts in place of the shipped files of the same name.

    The held-out mode of ``resparse.evaluate`` scores the parser with tables learned
    without the documents it scores; the shipped tables come back on exit.
    """
    saved = dict(_REPLACED)
    _REPLACED.update(texts)
    _clear()
    try:
        yield
    finally:
        _REPLACED.clear()
        _REPLACED.update(saved)
        _clear()


def _clear() -> None:
    tables.cache_clear()
    _first_words.cache_clear()
    _adverbs.cache_clear()
    _openers.cache_clear()


def _read_rows(name: str) -> list[list[str]]:
    text = _REPLACED.get(name)
    if text is None:
        resource = lexicon_file(name)
        if resource is None:
            return []
        text = resource.read_text(encoding="utf-8")
    lines = text.splitlines()
    return [line.split("\t") for line in lines if line and not line.startswith("#")]


@functools.lru_cache(maxsize=32)
def tables(language: str = "en", scope: str | None = None) -> LeadTables:
    """Load (once) the lead tries of a language, with a body's own phrases added.

    A body whose italics differ from the General Assembly's has its own learned table,
    ``<language>.<scope>.tsv`` (the Security Council's, "sc"). ``<language>.extra.tsv``
    holds hand-kept phrases with an optional scope column ("Guided by" in the Human
    Rights Council's texts, "hrc").
    """
    pre, op = _Node(), _Node()
    tails: dict[str, set[tuple[str, ...]]] = {"pre": set(), "op": set()}
    for row in _read_rows(f"{language}.tsv"):
        _read_row(row, pre, op, tails)
    if scope:
        # a body's own table replaces the default's knowledge of every phrase it has seen
        scoped = (_Node(), _Node())
        rows = _read_rows(f"{language}.{scope}.tsv")
        if rows:
            # the body's own modifiers: the Council italicizes "Recalling" where the
            # Assembly writes "Recalling in particular"
            tails = {"pre": set(), "op": set()}
        for row in rows:
            _read_row(row, scoped[0], scoped[1], tails)
        _overlay(pre, scoped[0])
        _overlay(op, scoped[1])
    for row in _read_rows(f"{language}.extra.tsv"):
        kind, phrase, inside, ends = row[:4]
        row_scope = row[4] if len(row) > 4 and row[4] else None
        if row_scope is None or row_scope == scope:
            _insert(pre if kind == "pre" else op, phrase, (int(inside), 0, 0, int(ends)))
    rules = agreement_rules(language)
    if rules:
        _add_agreement(pre, rules, language)
        _add_agreement(op, rules, language)
    found_tails = {kind: frozenset(found) for kind, found in tails.items()}
    return LeadTables(pre, op, found_tails, _inner_words(pre, op), _object_words(pre, op))


_INNER_MINIMUM = 2  # leads a word must be inside, never ending one, to count as inner


def _inner_words(*roots: _Node) -> frozenset[str]:
    """The words the tables saw inside leads and never at a lead's end, in either trie.

    "крайне" ("extremely"), "к" (of "к сведению"), "شديد" ("severe"): a lead taken up
    to such a word is cut in the middle of its phrase, so the walk takes the next one too.
    """
    inside: collections.Counter[str] = collections.Counter()
    ending: set[str] = set()
    stack = [node for root in roots for node in root.children.items()]
    while stack:
        word, node = stack.pop()
        inside[word] += node.inside
        if node.ends:
            ending.add(word)
        stack.extend(node.children.items())
    return frozenset(w for w, n in inside.items() if n >= _INNER_MINIMUM and w not in ending)


_OBJECT_MINIMUM = 3  # leads a word must end, second after a head, to count as an object


def _object_words(*roots: _Node) -> frozenset[str]:
    """The words that end leads right after their head and open none: "note", "concern".

    "Taking note" and "Takes note", "Expressing concern" and "Expresses concern": a word
    that ends the leads of more than one head finishes its head's phrase. After a head
    the tables never saw ("Having taken" before "note"), it finishes that one too.
    Adverbs, function words and the words that open leads themselves are not objects.
    """
    ends: collections.Counter[str] = collections.Counter()
    after: collections.defaultdict[str, set[str]] = collections.defaultdict(set)
    for root in roots:
        for head_word, head in root.children.items():
            for word, node in head.children.items():
                ends[word] += node.ends
                if node.ends:
                    after[word].add(head_word)
    heads = {word for root in roots for word in root.children}
    return frozenset(
        word
        for word, n in ends.items()
        if n >= _OBJECT_MINIMUM
        and len(after[word]) > 1  # the object of a verb's forms, not one head's participle
        and word not in heads
        and word not in _FUNCTION_WORDS
        and word not in _ADVERBS
        and word not in _INTENSIFIERS
    )


# One agreement rule: where ("prefix" or "suffix"), the ending the tables learned, and
# the other gender's ending put in its place.
AgreementRule = tuple[str, str, str]


@functools.lru_cache(maxsize=8)
def agreement_rules(language: str) -> tuple[AgreementRule, ...]:
    """How the words of a lead change with the gender of the body that speaks.

    A lead agrees with its body: the Assembly is feminine and a Council masculine in
    French, Spanish, Russian and Arabic ("Profondément préoccupée" / "préoccupé",
    "تقرر" / "يقرر"). The tables learned mostly the Assembly's forms; ``[leads]
    agreement`` in the language's profile says how to spell the other gender's.
    """
    if not has_profile(language):
        return ()
    rules = profile(language).leads.get("agreement", ())
    return tuple((str(r[0]), str(r[1]), str(r[2])) for r in rules)


def agreeing_forms(word: str, rules: Sequence[AgreementRule], language: str) -> list[str]:
    """The other gender's spellings of a word, by the language's agreement rules.

    A prefix rule (the Arabic verb's "ت" / "ي") holds for any word; a suffix rule only
    for a word shaped like a preambular participle or adjective, the words that describe
    the body ("preocupada"), not those that describe a noun after the verb ("Expresando
    *profunda* preocupación" stays as the tables learned it).
    """
    forms = []
    for where, learned, other in rules:
        if where == "prefix" and word.startswith(learned) and len(word) > len(learned) + 1:
            forms.append(other + word[len(learned) :])
        elif (
            where == "suffix"
            and word.endswith(learned)
            and len(word) > len(learned) + 2
            and looks_like_lead_word(word, "pre", language)
        ):
            forms.append(word[: len(word) - len(learned)] + other)
    return [form for form in forms if form != word]


def _add_agreement(node: _Node, rules: Sequence[AgreementRule], language: str) -> None:
    """Let each word of the trie be read in the other gender's spelling too.

    The other spelling leads to the same node; a spelling the tables learned for itself
    (the Council's own "préoccupé") keeps its own counts.
    """
    for child in node.children.values():
        _add_agreement(child, rules, language)
    for word, child in list(node.children.items()):
        for form in agreeing_forms(word, rules, language):
            node.children.setdefault(form, child)


def _read_row(
    row: list[str], pre: _Node, op: _Node, tails: dict[str, set[tuple[str, ...]]]
) -> None:
    """One row of a learned table: a trie node, or a modifier ("pre+", "op+")."""
    kind = row[0]
    if kind.endswith("+"):
        if kind[:-1] in tails:
            tails[kind[:-1]].add(tuple(row[1].split(" ")))
        return
    inside, stop, shorter, ends = (int(n) for n in row[2:6])
    _insert(pre if kind == "pre" else op, row[1], (inside, stop, shorter, ends))


def known_first_word(word: str, kind: Kind, language: str = "en", *, minimum: int = 2) -> bool:
    """Whether the UN's markup opens enough leads of this kind with this word.

    Every body's table counts: the Security Council writes "Conscient" where the General
    Assembly writes "Consciente".
    """
    return _first_words(language, kind).get(word, 0) >= minimum


def first_word_count(word: str, kind: Kind, language: str = "en") -> int:
    """How many leads of this kind the UN's markup opens with this word (0 if none)."""
    return _first_words(language, kind).get(word, 0)


@functools.lru_cache(maxsize=32)
def _first_words(language: str, kind: Kind) -> dict[str, int]:
    """Leads of one kind each first word opens, summed over every table of the language.

    Every count is kept, even for a word that opens far more leads of the other kind:
    dropping those ("Recalling" numbered in older Security Council texts) was tried and
    lowered the Security Council's paragraph F1 (99.54 -> 99.45 preambular).
    """
    return _first_word_totals(language, kind)


def _first_word_totals(language: str, kind: Kind) -> dict[str, int]:
    """Leads of one kind each first word opens, summed over every table of the language."""
    counts: dict[str, int] = {}
    other = "op" if kind == "pre" else "pre"
    for scope in (None, *_body_scopes(language)):
        own: dict[str, int] = {}
        others: dict[str, int] = {}
        for row in _read_rows(f"{language}.{scope}.tsv" if scope else f"{language}.tsv"):
            if " " not in row[1] and row[0] in (kind, other):
                (own if row[0] == kind else others)[row[1]] = int(row[2])
        for word, count in own.items():
            if scope is not None and count * _DWARFED < others.get(word, 0):
                # a body's stray use of a word for the other kind (a handful of numbered
                # paragraphs opening "Recalling" in older Council texts, against a
                # thousand clauses) says nothing of other bodies' texts
                continue
            counts[word] = counts.get(word, 0) + count
    rules = agreement_rules(language)
    for word, count in list(counts.items()):
        for form in agreeing_forms(word, rules, language):
            counts.setdefault(form, count)  # "يقرر", the Council's, as often as "تقرر"
    return counts


_DWARFED = 50  # a body table's count of a word this many times below its other kind's is noise
_HEAD_SEARCH = 3  # words an adverb before the head may take ("самым решительным образом")


@functools.lru_cache(maxsize=32)
def _adverbs(language: str) -> frozenset[tuple[str, ...]]:
    """Opening adverbs: paths of first words no lead ended on, seen before a lead's head.

    "further" before "recalling" (preambular) and "decides" (operative), "самым
    решительным образом" before "призывает": each is followed, in its own trie, by a
    word that opens leads of that kind. "Prenant" is no adverb: "note" after it opens
    operative leads ("Note avec satisfaction"), not preambular ones.
    """
    found: set[tuple[str, ...]] = set()
    kinds: tuple[Kind, ...] = ("pre", "op")
    # every body's table, as for the first-word counts: the Council's "Unequivocally
    # condemns" makes "unequivocally" an adverb in the Assembly's texts too
    for kind, scope in itertools.product(kinds, (None, *_body_scopes(language))):
        known = _first_words(language, kind)
        stack: list[tuple[tuple[str, ...], _Node]] = [
            ((word,), node) for word, node in tables(language, scope).root(kind).children.items()
        ]
        while stack:
            path, node = stack.pop()
            if node.ends or _CHARACTER_RE.match(path[0]):
                continue
            if any(known.get(word, 0) >= _HEAD_MINIMUM for word in node.children):
                found.add(path)
            if len(path) < _HEAD_SEARCH:
                stack.extend(((*path, word), child) for word, child in node.children.items())
    return frozenset(found)


def _body_scopes(language: str) -> list[str]:
    """The scopes of the language's body tables ("sc" for ``en.sc.tsv``)."""
    names = {*lexicon_names(), *_REPLACED}
    parts = (name.split(".") for name in sorted(names))
    return [
        part[1]
        for part in parts
        if len(part) == 3
        and part[0] == language
        and part[2] == "tsv"
        and part[1] not in ("extra", "hyphens")
    ]


@functools.lru_cache(maxsize=32)
def _openers(language: str) -> frozenset[str]:
    return frozenset(path[0] for path in _adverbs(language))


def adverb_opener(word: str, language: str = "en") -> bool:
    """Whether a clause's first word may open an adverb that leaves the kind to its head."""
    return word in _openers(language)


def head_index(words: Sequence[str], language: str = "en") -> int:
    """Where the head of a lead stands, after an opening adverb the tables know.

    "Самым решительным образом осуждая": the tables saw the adverb only before operative
    verbs ("... осуждает"), so its first word counts as operative; the word after the
    adverb is the one that tells the kinds apart. 0 when the first word is the head.
    """
    if not words or not adverb_opener(words[0], language):
        return 0
    adverbs = _adverbs(language)
    for k in range(1, min(_HEAD_SEARCH, len(words) - 1) + 1):
        if tuple(words[:k]) not in adverbs:
            continue
        head = words[k]
        known = first_word_count(head, "pre", language) + first_word_count(head, "op", language)
        if known >= _HEAD_MINIMUM and not adverb_opener(head, language):
            return k
    return 0


def known_phrase(words: Sequence[str], language: str) -> bool:
    """Whether the tables hold a lead of either kind that covers these words."""
    for kind in ("pre", "op"):
        node = _node_at(tables(language).root(kind), words)
        if node is not None and (node.inside or node.ends):  # a lead covers these words
            return True
    return False


_HEAD_MINIMUM = 2


@attrs.frozen
class Morphology:
    """How a language's leads are shaped, for words the tables have never seen."""

    preamble_suffixes: tuple[str, ...]
    operative_suffixes: tuple[str, ...]
    operative_exclusions: tuple[str, ...]
    adjectives: frozenset[str]
    non_leads: frozenset[str]
    # adverbs a lead may take after its verb ("also"; "также", "أيضا")
    adverbs: frozenset[str] = _ADVERBS
    # how an adverb ends, for adverbs the tables have not seen before a verb
    # ("Unequivocally condemns"); empty where the language has no such ending
    adverb_suffixes: tuple[str, ...] = ()


@functools.lru_cache(maxsize=8)
def morphology(language: str) -> Morphology:
    """The language's lead shapes: English's are kept in _lexicon, others in their profile."""
    data = profile(language).leads
    if language == "en" and not data:
        return Morphology(
            ("ing", "ed"),
            ("s",),
            ("ss", "us", "is"),
            _ADJECTIVES,
            _NON_LEADS,
            adverb_suffixes=("ly",),
        )
    return Morphology(
        tuple(data.get("preamble_suffixes", ())),
        tuple(data.get("operative_suffixes", ())),
        tuple(data.get("operative_exclusions", ())),
        frozenset(word.casefold() for word in data.get("preamble_adjectives", ())),
        frozenset(word.casefold() for word in data.get("non_leads", ())),
        _ADVERBS | frozenset(word_key(word) for word in data.get("adverbs", ())),
        tuple(data.get("adverb_suffixes", ())),
    )


def looks_like_lead_word(word: str, kind: Kind, language: str = "en") -> bool:
    """Morphology for words the tables have not seen (casefolded input)."""
    shape = morphology(language)
    if word in shape.non_leads or len(word) < 4:
        return False
    if kind == "pre":
        return word.endswith(shape.preamble_suffixes) or word in shape.adjectives
    return (
        bool(shape.operative_suffixes)
        and word.endswith(shape.operative_suffixes)
        and not word.endswith(shape.operative_exclusions)
    )


def lead_length(
    words: Sequence[str], kind: Kind, language: str = "en", scope: str | None = None
) -> int:
    """How many of ``words`` (casefolded, in order) form the lead; 0 when none is found.

    The text walks the trie as deep as its words allow; the deepest node decides where
    the lead ends ("Reaffirming its commitment" vs. "Reaffirming" before "its
    resolution"), deferring to its parent when its own leads ended earlier still.
    """
    if not words:
        return 0
    length = _walk_length(words, kind, language, scope)
    head = head_index(words, language)
    if head and length <= head:
        # the walk ended inside an opening adverb: the adverb, then its head's own lead
        rest = _walk_length(words[head:], kind, language, scope)
        return head + rest if rest else length
    return length


def _walk_length(words: Sequence[str], kind: Kind, language: str, scope: str | None) -> int:
    found = tables(language, scope)
    root = found.root(kind)
    node = root.children.get(words[0])
    if node is None:
        return _morphological_length(words, kind, language)
    limit = min(len(words), _MAX_WORDS)
    path = [node]
    while len(path) < limit:
        child = path[-1].children.get(words[len(path)])
        if child is None:
            break
        path.append(child)
    length = _decide(path)
    while length > 1 and words[length - 1] in _DETERMINERS:
        length -= 1  # a lead ends on "for" or "upon" ("Calls for"), never on "its" or "the"
    if scope is not None and length == len(path) < limit and _mostly_went_on(path[-1]):
        # the body's table ran out of words where its own leads mostly went on ("Expresses
        # its deep" before "concern"): the language's whole table knows more of the phrase
        general = _walk_length(words, kind, language, None)
        if general > length:
            return general
    if length == len(path) and length < limit:
        adverbs = morphology(language).adverbs
        extended = _extend(words, path, limit, found, adverbs, kind=kind, language=language)
        if extended > length:
            return _with_tails(words, extended, root, limit, found.tails[kind])
    length = max(_back_off(path, length), 1)
    return _with_tails(words, length, root, limit, found.tails[kind])


def _mostly_went_on(node: _Node) -> bool:
    """Whether most of the leads that reached this node went on past its word."""
    return 2 * node.ends < node.inside


def _with_tails(
    words: Sequence[str],
    length: int,
    root: _Node,
    limit: int,
    tails: frozenset[tuple[str, ...]],
) -> int:
    """The lead finished by the modifiers that follow it, where the trie never saw them.

    "Prenant note avec satisfaction *également*": the tables saw "également" finish
    leads after many heads, not after this one. The trie's own word wins where it saw
    the pair: a node whose leads stopped before the modifier keeps it out.
    """
    heads = _tail_heads(tails)
    for _ in range(2):  # "prie également de nouveau": two modifiers at most
        if length >= limit or words[length] not in heads:
            return length  # no modifier opens with the next word (most leads)
        tail = next(
            (
                tail
                for size in range(min(3, limit - length), 0, -1)
                if (tail := tuple(words[length : length + size])) in tails
            ),
            None,
        )
        if tail is None:
            return length
        known = _node_at(root, words[: length + len(tail)])
        after = _node_at(root, words[: length + 1])
        if known is not None or (after is not None and after.stop > after.inside):
            return length
        length += len(tail)
    return length


@functools.cache
def _tail_heads(tails: frozenset[tuple[str, ...]]) -> frozenset[str]:
    """The words the modifiers open with, so that a lead no modifier follows is done at once."""
    return frozenset(tail[0] for tail in tails if tail)


def _node_at(root: _Node, words: Sequence[str]) -> _Node | None:
    """The trie node of exactly these words, if the tables have it."""
    node: _Node | None = root
    for word in words:
        node = node.children.get(word) if node is not None else None
    return node


def _extend(  # noqa: PLR0913 - the walk so far, and what the language's leads look like
    words: Sequence[str],
    path: list[_Node],
    limit: int,
    found: LeadTables,
    adverbs: frozenset[str],
    *,
    kind: Kind,
    language: str,
) -> int:
    """The lead's length past the deepest node, where the next word finishes the phrase."""
    inner, objects = found.inner, found.objects
    length = len(path)
    following = words[length]
    run = _intensifier_run(words, length, limit)
    if run and length + run < limit and _phrase_head(words[length + run], kind, language):
        # "Being further deeply concerned": adverbs that lead to the phrase's own head
        return length + run + 1
    if path[-1].ends == 0 and _CHARACTER_RE.match(following):
        # Chinese counts characters, not words: a head the tables saw ("表示", "又") is
        # followed by a whole lead they know ("满意地注意到"), not by one more character
        return length + _whole_lead(found.root(kind), words[length:limit])
    if path[-1].ends == 0 and following not in _FUNCTION_WORDS and following not in adverbs:
        # a phrase never seen whole ("Noting with interest"): take its head, and the word
        # after any the tables saw only inside leads ("будучи крайне обеспокоена")
        length += 1
        while length < limit and words[length - 1] in inner:
            length += 1
        if length < limit and words[length] in objects and words[length - 1] not in objects:
            length += 1  # "Having taken note": the unseen participle's object
        return length
    if following in adverbs and (
        following not in _ADJECTIVE_ADVERBS
        or (length + 1 < len(words) and words[length + 1] in _FUNCTION_WORDS)
    ):
        # "Recognizing moreover", "Affirming further the ...": an adverb the tables did
        # not see here ("further" before a noun is an adjective: "Encourages further efforts")
        return length + 1
    return length


def _intensifier_run(words: Sequence[str], start: int, limit: int) -> int:
    """How many intensifying adverbs ("further", "deeply") follow from ``start``."""
    n = 0
    while start + n < limit and words[start + n] in _INTENSIFIERS:
        n += 1
    return n


def _phrase_head(word: str, kind: Kind, language: str) -> bool:
    """Whether a word after intensifiers heads a preambular lead ("concerned", "alarmed")."""
    return kind == "pre" and looks_like_lead_word(word, kind, language)


def _adverb_shaped(word: str, language: str) -> bool:
    """A word shaped like an adverb of manner in the language ("unequivocally")."""
    suffixes = morphology(language).adverb_suffixes
    return bool(suffixes) and len(word) > 5 and word.endswith(suffixes)


def _back_off(path: list[_Node], length: int) -> int:
    """End where a lead did end, when no lead ever ended on the word ``length`` reached.

    "Recalling in" before "this regard": the tables know "Recalling in particular", so
    "in" is inside leads, but none ended there and nothing follows that finishes one.
    """
    if path[length - 1].ends:
        return length
    return next((d for d in range(length - 1, 0, -1) if path[d - 1].ends), length)


_CHARACTER_RE = regex.compile(r"\p{Han}")


def _whole_lead(root: _Node, words: Sequence[str]) -> int:
    """The length of the longest lead the tables saw whole at the start of ``words``."""
    node, best = root, 0
    for depth, word in enumerate(words, start=1):
        child = node.children.get(word)
        if child is None:
            break
        node = child
        if node.ends:
            best = depth
    return best


def _decide(path: list[_Node]) -> int:
    """Where the lead ends, decided by the deepest node, deferring upward when told to."""
    deferred = False  # a deeper node said the lead ended before this node's own word
    for depth in range(len(path), 0, -1):
        here = path[depth - 1]
        if not deferred and here.inside and here.inside >= max(here.stop, here.shorter):
            return depth
        if here.stop >= here.shorter or depth == 1:
            return max(depth - 1, 1)
        deferred = True
    return 1


def _morphological_length(words: Sequence[str], kind: Kind, language: str) -> int:
    first = words[0]
    n = 0
    if first in _INTENSIFIERS and len(words) > 1 and looks_like_lead_word(words[1], kind, language):
        n = 2
    elif looks_like_lead_word(first, kind, language):
        n = 1
    elif _adverb_shaped(first, language) and len(words) > 1:
        # an adverb the tables have not seen before a lead they know: "Unequivocally condemns"
        head = words[1]
        known = head in tables(language).root(kind).children
        if known or looks_like_lead_word(head, kind, language):
            n = 2
    if n == 0:
        return 0
    adverbs = morphology(language).adverbs
    while n < len(words) and words[n] in adverbs:
        n += 1
    return n


@functools.cache
def _body_words(language: str) -> tuple[tuple[str, ...], ...]:
    """Each body name of a language as words, longest first, with "the" before it in English."""
    article = ("the",) if language == "en" else ()
    names = sorted(profile(language).bodies, key=len, reverse=True)
    return tuple((*article, *_words_of(name)) for name in names)


def _words_of(text: str) -> list[str]:
    return [m[0].casefold() for m in _TOKEN_RE.finditer(text) if m[0][:1].isalnum()]


@functools.cache
def _body_first_words(language: str) -> frozenset[str]:
    """The words a body's name opens with ("the" in English), to rule most parts out at once."""
    return frozenset(body[0] for body in _body_words(language) if body)


def subject_length(words: Sequence[tuple[str, int, int]], language: str = "en") -> int:
    """How many opening words name the body itself ("The Security Council"), else 0."""
    if not words or words[0][0] not in _body_first_words(language):
        return 0  # most paragraphs open with their verb: no name can match
    folded = tuple(w for w, _, _ in words[:12])
    for body in _body_words(language):
        if folded[: len(body)] == body and len(folded) > len(body):
            return len(body)
    return 0


def lead_words(
    source: str, pieces: Sequence[tuple[int, int]], kind: Kind, language: str
) -> list[tuple[str, int, int]]:
    """The opening words where a lead may stand: after "The Security Council" in old texts."""
    words = opening_words(source, pieces)
    if kind == "op":
        # old texts open paragraphs with their subject: "1. The Security Council requests ..."
        words = words[subject_length(words, language) :]
    return words


def lead_by_words(
    words: Sequence[tuple[str, int, int]], kind: Kind, language: str, scope: str | None
) -> Span | None:
    """The lead the lead tables find in ``words``, where no italics say where it ends."""
    n = lead_length([w for w, _, _ in words], kind, language, scope)
    return Span(words[0][1], words[n - 1][2]) if n else None


def scope_of(body: str | None, language: str) -> str | None:
    """The lead tables' scope for a body: its own leads for the HRC and the Security Council."""
    if body is None:
        return None
    english = (profile(language).canonical_body(body) or body).casefold()
    if "human rights council" in english:
        return "hrc"
    if "security council" in english:
        return "sc"
    return None


def opening_words(
    source: str, pieces: Sequence[tuple[int, int]], limit: int = 12
) -> list[tuple[str, int, int]]:
    """The first words of a part, casefolded, with offsets, up to the first punctuation."""
    words: list[tuple[str, int, int]] = []
    count = max(min(limit, 12), 1)
    run_re = _opening_run_re(count)
    for start, end in pieces:
        at = start
        if 1 <= limit <= _MAX_ASCII_WORDS:
            plain = _ascii_words(source, at, end, limit - len(words))
            if plain is not None:
                found, stopped = plain
                words.extend(found)
                if stopped or len(words) >= limit:
                    return words
                continue
        while True:
            run = run_re.match(source, at, end)
            if run is None:  # never: the pattern matches the empty string
                break
            tokens = run.captures(1)
            starts = run.starts(1)
            firsts = "".join(map(source.__getitem__, starts))
            if firsts and not firsts.isalnum():
                # punctuation (or a mark) opens a token: the words end before it
                return _words_before_punctuation(words, run, limit)
            words.extend(zip(map(word_key, tokens), starts, run.ends(1), strict=True))
            if tokens and len(words) >= limit:
                return words[: max(limit, 1)]  # a limit below one still reads one word
            if len(tokens) < count:
                break  # the piece has no more tokens
            at = run.end()
    return words


_MAX_ASCII_WORDS = 12
_ASCII_WINDOW = 160  # characters read at once by the ASCII reading of a piece


def _ascii_words(
    source: str, at: int, end: int, wanted: int
) -> tuple[list[tuple[str, int, int]], bool] | None:
    """Up to ``wanted`` opening words of a piece whose opening characters are all ASCII.

    On ASCII text the token pattern is the standard library's ``[A-Za-z0-9]+`` words
    joined by ``-`` or ``'``, any other character but white space, "*" and "_" a
    punctuation token; one match of nested groups gives every word and its offsets at
    once, several times cheaper than the ``regex`` module's repeated captures. Returns
    the words and whether punctuation stopped them, or ``None`` when the piece's first
    ``_ASCII_WINDOW`` characters are not all ASCII or the window may have cut a word (the
    full reading decides then).
    """
    stop = min(end, at + _ASCII_WINDOW)
    if not source[at:stop].isascii():
        return None
    run = _ascii_run_re(wanted).match(source, at, stop)
    if run is None:  # never: the pattern matches the empty string
        return None
    tokens = run.groups()
    n = wanted - tokens.count(None)
    after = run.end()
    if n < wanted:
        after = _ASCII_GAP_RE.match(source, after, stop).end()  # type: ignore[union-attr]
    if stop < end and after + 2 > stop:
        return None  # a word or a joiner may go on past the window
    if not n:
        return [], after < stop
    starts, ends = zip(*run.regs[1 : n + 1], strict=True)
    # an ASCII word's key is its lower case (on ASCII, ``word_key``'s casefold is lower
    # casing, and it has no curly apostrophe or vowel mark to drop): no cache lookups
    found = list(zip(map(str.lower, tokens[:n]), starts, ends, strict=True))
    # fewer words than wanted, and something other than the piece's end stopped them:
    # a character that opens no word, that is, punctuation
    return found, n < wanted and after < stop


_ASCII_GAP_RE = re.compile(r"[\s*_\x00-\x1f\x7f]*", re.ASCII)


@functools.cache
def _ascii_run_re(count: int) -> re.Pattern[str]:
    """``count`` nested optional groups, each a word after the gap before it.

    Possessive throughout: a word never opens with a gap's character nor goes on into
    one, so nothing given back could match otherwise, and the engine keeps no state to
    give it back (half the cost of the match).
    """
    pattern = ""
    for _ in range(count):
        pattern = rf"(?:[\s*_\x00-\x1f\x7f]*+([A-Za-z0-9]++(?:['-][A-Za-z0-9]++)*+){pattern})?+"
    return re.compile(pattern, re.ASCII)


def _words_before_punctuation(
    words: list[tuple[str, int, int]], run: regex.Match[str], limit: int
) -> list[tuple[str, int, int]]:
    """``words`` and the tokens of ``run`` up to the first that opens with no letter or digit."""
    for token, first, last in zip(run.captures(1), run.starts(1), run.ends(1), strict=True):
        if not token[:1].isalnum():
            return words
        words.append((word_key(token), first, last))
        if len(words) >= limit:
            return words
    return words


@functools.cache
def _opening_run_re(count: int) -> regex.Pattern[str]:
    """Up to ``count`` tokens in one match, found as ``_TOKEN_RE.finditer`` finds them.

    Between two tokens stand only the characters no token takes (white space, "*", "_",
    the direction marks), so one match with repeated captures gives the same tokens, with
    the same offsets, at a fraction of the cost of one match object per token.
    """
    return regex.compile(r"(?:[\s*_\u200e\u200f\p{Cc}]*+(" + _TOKEN_RE.pattern + f")){{0,{count}}}")


_LEAD_TRIM_RE = regex.compile(r"[\s,;:.*_،؛，；：。\u200e\u200f]+$")


def trim_lead_span(source: str, italic: Span, first_start: int) -> Span | None:
    """An italic run read as a lead: from the first word, without trailing punctuation."""
    start = max(italic.start, first_start)
    text = source[start : italic.end]
    trimmed = _LEAD_TRIM_RE.sub("", text)
    if not trimmed or len(trimmed.split()) > 12:
        return None
    return Span(start, start + len(trimmed))
