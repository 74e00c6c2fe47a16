"""The lead tables learned from the UN's markup, and what they tell of single words.

The tables in ``lexicon/<language>.tsv`` are tries over casefolded words: a node is there
when the UN's italic lead covered that word more often than it stopped just before it.
This module loads them (with a body's own table, the hand-kept extras and the other
gender's spellings), counts the leads each first word opens, finds the opening adverbs
that leave the kind to the word after them, and holds each language's lead morphology
for words the tables never saw. Walking a lead is ``_leads``' job.
"""

from __future__ import annotations

import collections
import contextlib
import functools
import itertools
from typing import TYPE_CHECKING, Literal

import attrs
import regex

from resparse import _lexicon
from resparse._language import has_profile, lexicon_file, lexicon_names, profile

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping, Sequence

Kind = Literal["pre", "op"]

ADVERBS = frozenset(a for a in _lexicon.LEAD_ADVERBS if " " not in a)
INTENSIFIERS = frozenset(_lexicon.LEAD_INTENSIFIERS)
_ADJECTIVES = frozenset(_lexicon.PREAMBULAR_ADJECTIVES)
_NON_LEADS = frozenset(_lexicon.NON_LEAD_WORDS)
# Words a lead never ends on
FUNCTION_WORDS = frozenset(_lexicon.FUNCTION_WORDS)
# Arabic vowel marks and the tatweel: optional in print ("ترحِّب", "أيضاً"), never in a key
_OPTIONAL_MARKS_RE = regex.compile(r"[\u064B-\u065F\u0670\u0640]")
# a Han character: Chinese leads are read character by character, never as adverbs
CHARACTER_RE = regex.compile(r"\p{Han}")


@functools.lru_cache(maxsize=1 << 16)
def word_key(token: str) -> str:
    """The form the lead tables count a word in: casefolded, one apostrophe, no vowel marks.

    Cached: the words that open clauses repeat from one document to the next.
    """
    key = token.casefold().replace("’", "'")
    return _OPTIONAL_MARKS_RE.sub("", key) if not key.isascii() else key


@attrs.define
class LeadNode:
    """A trie node for the first k words of clauses, and where the UN's lead ended.

    ``inside``: leads covering all k words; ``stop``: leads that ended just before the
    k-th word; ``shorter``: leads that ended earlier; ``ends``: leads ending at word k.
    """

    inside: int = 0
    stop: int = 0
    shorter: int = 0
    ends: int = 0
    children: dict[str, LeadNode] = attrs.field(factory=dict)


@attrs.frozen
class LeadTables:
    """The preambular and operative tries of one language (and body scope).

    ``tails``: by kind, the modifiers that finish a lead after many heads ("also",
    "avec satisfaction"), for pairs of head and modifier the tries never saw.
    ``bound``: pairs of words no lead of the tries ever ended between (see _bound_pairs).
    ``within``: words the tables saw inside leads past their first word (see _within_words).
    ``finals``: words the tables saw end leads past their first word (see _final_words).
    ``endings``: the characters that end Chinese leads after their head (see
    _character_endings).
    """

    pre: LeadNode
    op: LeadNode
    tails: dict[str, frozenset[tuple[str, ...]]] = attrs.field(factory=dict)
    inner: frozenset[str] = frozenset()
    objects: frozenset[str] = frozenset()
    bound: frozenset[tuple[str, str]] = frozenset()
    within: frozenset[str] = frozenset()
    finals: frozenset[str] = frozenset()
    endings: frozenset[str] = frozenset()

    def root(self, kind: Kind) -> LeadNode:
        """The trie for one kind of paragraph."""
        return self.pre if kind == "pre" else self.op


def _insert(root: LeadNode, phrase: str, counts: tuple[int, int, int, int]) -> None:
    node = root
    for word in phrase.split(" "):
        node = node.children.setdefault(word, LeadNode())
    node.inside, node.stop, node.shorter, node.ends = counts


def _overlay(base: LeadNode, scoped: LeadNode) -> None:
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
    pre, op = LeadNode(), LeadNode()
    tails: dict[str, set[tuple[str, ...]]] = {"pre": set(), "op": set()}
    for row in _read_rows(f"{language}.tsv"):
        _read_row(row, pre, op, tails)
    if scope:
        # a body's own table replaces the default's knowledge of every phrase it has seen
        scoped = (LeadNode(), LeadNode())
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
    return LeadTables(
        pre,
        op,
        found_tails,
        _inner_words(pre, op),
        _object_words(pre, op),
        _bound_pairs(pre, op),
        _within_words(pre, op),
        _final_words(pre, op, morphology(language).possessive_suffixes),
        _character_endings(pre, op),
    )


_INNER_MINIMUM = 2  # leads a word must be inside, never ending one, to count as inner


def _inner_words(*roots: LeadNode) -> frozenset[str]:
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


_BOUND_MINIMUM = 3  # leads that must go on from one word to the next for a bound pair
_BOUND_RATIO = 20  # ... for each lead that ended between them


def _bound_pairs(*roots: LeadNode) -> frozenset[tuple[str, str]]:
    """Pairs of words that leads went on through, wherever in a lead they stood.

    A node's ``stop`` counts the clauses whose lead ended just before its word, so for a
    pair (word, next word) the tries say how often a lead went on from one to the other
    and how often it ended between them. Where leads went on and (almost) never ended,
    the pair is one phrase: Arabic "بالغ القلق" (deep concern) after any head, though
    the tries never saw it after this one ("وإذ يساورها بالغ" is cut in the phrase).
    """
    went: collections.Counter[tuple[str, str]] = collections.Counter()
    ended: collections.Counter[tuple[str, str]] = collections.Counter()
    stack = [item for root in roots for item in root.children.items()]
    while stack:
        word, node = stack.pop()
        for following, child in node.children.items():
            went[word, following] += child.inside + child.ends
            ended[word, following] += child.stop
            stack.append((following, child))
    return frozenset(
        pair for pair, n in went.items() if n >= _BOUND_MINIMUM and ended[pair] * _BOUND_RATIO <= n
    )


def _within_words(*roots: LeadNode) -> frozenset[str]:
    """The words the tables saw in leads past the first word, at least twice.

    "обеспокоена" (concerned) is one, after many modifiers; "devant" or "quant", shaped
    like participles, are not: they follow "Exprimant sa préoccupation", outside it.
    """
    inside: collections.Counter[str] = collections.Counter()
    stack = [
        item
        for root in roots
        for _, head in root.children.items()
        for item in head.children.items()
    ]
    while stack:
        word, node = stack.pop()
        inside[word] += node.inside
        stack.extend(node.children.items())
    return frozenset(word for word, n in inside.items() if n >= _INNER_MINIMUM)


def _final_words(pre: LeadNode, op: LeadNode, after: tuple[str, ...]) -> frozenset[str]:
    """The words the tables saw end leads right after a noun with a possessive ending.

    "البالغ" (grave), "القوي" (strong): the adjectives that finish "قلقها البالغ", "دعمها
    القوي"; a lead that ends on such a noun where the tables never saw the pair takes
    them (see ``_leads._with_adjective``). Counted only after the language's
    ``possessive_suffixes`` (none: no such words), so that a noun that ends leads after a
    verb ("الالتزام", the commitment) is not taken for one; at least twice.
    """
    if not after:
        return frozenset()
    ended: collections.Counter[str] = collections.Counter()
    stack = list(pre.children.items()) + list(op.children.items())
    while stack:
        word, node = stack.pop()
        if word.endswith(after):
            for following, child in node.children.items():
                ended[following] += child.ends
        stack.extend(node.children.items())
    return frozenset(word for word, n in ended.items() if n >= _FINAL_MINIMUM)


_FINAL_MINIMUM = 2  # leads a word must end after a possessive noun to count as a final


def _character_endings(pre: LeadNode, op: LeadNode) -> frozenset[str]:
    """The runs of two to four characters that end Chinese leads after the characters before.

    "关切" ends "表示关切", "深为关切" ends "表示深为关切", "感谢" ends "谨表示感谢": where a
    head the tables know ("又表示", "仍深") is followed by characters they never saw
    after it, a run they saw end leads elsewhere finishes the lead whole, instead of one
    more character cutting a word ("又表示关"). Counted over leads of characters only,
    at least twice; the whole lead's run from its first character is not an ending.
    """
    ended: collections.Counter[str] = collections.Counter()
    stack: list[tuple[str, LeadNode]] = [
        (word, node)
        for root in (pre, op)
        for word, node in root.children.items()
        if len(word) == 1 and CHARACTER_RE.match(word)
    ]
    while stack:
        phrase, node = stack.pop()
        if node.ends and len(phrase) > 2:  # a head and a run of two at least
            for size in range(2, min(len(phrase) - 1, MAX_ENDING) + 1):
                ended[phrase[-size:]] += node.ends
        stack.extend(
            (phrase + word, child)
            for word, child in node.children.items()
            if len(word) == 1 and CHARACTER_RE.match(word)
        )
    return frozenset(run for run, n in ended.items() if n >= _ENDING_MINIMUM)


MAX_ENDING = 4  # characters an ending may run to
_ENDING_MINIMUM = 2  # leads a run must end to count as an ending


_OBJECT_MINIMUM = 3  # leads a word must end, second after a head, to count as an object


def _object_words(*roots: LeadNode) -> frozenset[str]:
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
        and word not in FUNCTION_WORDS
        and word not in ADVERBS
        and word not in INTENSIFIERS
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


def _add_agreement(node: LeadNode, rules: Sequence[AgreementRule], language: str) -> None:
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
    row: list[str], pre: LeadNode, op: LeadNode, tails: dict[str, set[tuple[str, ...]]]
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
        stack: list[tuple[tuple[str, ...], LeadNode]] = [
            ((word,), node) for word, node in tables(language, scope).root(kind).children.items()
        ]
        while stack:
            path, node = stack.pop()
            if node.ends or CHARACTER_RE.match(path[0]):
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
        node = node_at(tables(language).root(kind), words)
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
    adverbs: frozenset[str] = ADVERBS
    # how an adverb ends, for adverbs the tables have not seen before a verb
    # ("Unequivocally condemns"); empty where the language has no such ending
    adverb_suffixes: tuple[str, ...] = ()
    # whether such an adverb after the head belongs to the lead: the UN's French and
    # Spanish italics take it ("Déplorant vivement"), its English italics mostly stop
    # before it ("Condemns strongly" is italicized whole only a few times in four)
    adverbs_after_head: bool = False
    # shapes trusted only for the first word of a part already found, where the lead
    # finder asks what its lead is, never where the line classifier asks whether a line
    # opens a part: Arabic's operative verb opens with its person prefix ("تأسف",
    # "يقرر") and its preambular verbal noun ends in the accusative "ا" ("اقتناعا
    # منها"), shapes that at the start of any line would take nouns ("تقرير", "هذا")
    part_operative_prefixes: tuple[str, ...] = ()
    part_operative_suffixes: tuple[str, ...] = ()
    part_preamble_suffixes: tuple[str, ...] = ()
    # how many final letters a case ending may take: a word the tables lack whose stem
    # (four letters at least) a word they have at the same place shares is that word in
    # another case ("о своем" where the tables saw "о своей"); 0 where words do not decline
    case_endings: int = 0
    # the possessive endings of a noun ("قلقها", its concern), the article its adjective
    # then takes ("البالغ"), and the endings by which that adjective agrees in gender
    # ("القوية" beside "القوي"): see ``_leads._with_adjective``
    possessive_suffixes: tuple[str, ...] = ()
    article: str = ""
    gender_endings: tuple[str, ...] = ()
    # how an adjective declined for case ends ("безоговорочной", "глубоком"): one taken
    # into a lead past the tables' phrase brings the noun it agrees with
    adjective_suffixes: tuple[str, ...] = ()


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
        ADVERBS | frozenset(word_key(word) for word in data.get("adverbs", ())),
        tuple(data.get("adverb_suffixes", ())),
        bool(data.get("adverbs_after_head", False)),
        tuple(data.get("part_operative_prefixes", ())),
        tuple(data.get("part_operative_suffixes", ())),
        tuple(data.get("part_preamble_suffixes", ())),
        possessive_suffixes=tuple(data.get("possessive_suffixes", ())),
        article=str(data.get("article", "")),
        gender_endings=tuple(data.get("gender_endings", ())),
        case_endings=int(data.get("case_endings", 0)),
        adjective_suffixes=tuple(data.get("adjective_suffixes", ())),
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


def shaped_like_part_lead(word: str, kind: Kind, language: str) -> bool:
    """Whether the first word of a part already found has a lead's shape (see Morphology).

    The line classifier's shapes (``looks_like_lead_word``) and the shapes that hold
    only where the word is known to open a clause or a paragraph.
    """
    if looks_like_lead_word(word, kind, language):
        return True
    shape = morphology(language)
    if word in shape.non_leads or len(word) < _PART_LEAD_LENGTH or not word.isalpha():
        return False
    if kind == "pre":
        return bool(shape.part_preamble_suffixes) and word.endswith(shape.part_preamble_suffixes)
    return (
        bool(shape.part_operative_prefixes) and word.startswith(shape.part_operative_prefixes)
    ) or (bool(shape.part_operative_suffixes) and word.endswith(shape.part_operative_suffixes))


_PART_LEAD_LENGTH = 4  # "تأسف", "تفهم": the shortest verbs the shapes must take


def adverb_shaped(word: str, language: str) -> bool:
    """A word shaped like an adverb of manner in the language ("unequivocally", "vivement")."""
    suffixes = morphology(language).adverb_suffixes
    return bool(suffixes) and len(word) > _ADVERB_LENGTH and word.endswith(suffixes)


_ADVERB_LENGTH = 6  # shorter words in "-ly" are seldom adverbs of manner ("family", "supply")


def node_at(root: LeadNode, words: Sequence[str]) -> LeadNode | None:
    """The trie node of exactly these words, if the tables have it."""
    node: LeadNode | None = root
    for word in words:
        node = node.children.get(word) if node is not None else None
    return node
