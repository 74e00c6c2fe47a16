"""Find the lead phrase of a clause when the input has lost its italics.

The tables in ``lexicon/<language>.tsv`` are tries over casefolded words, learned from the
UN's own markup: a node is there when the UN's italic lead covered that word more often
than it stopped just before it. Walking the trie word by word reproduces the UN's choice
("Reaffirming also", "Noting with deep concern", "Calls upon"). Words the tables have never
seen fall back to morphology: a participle or a listed adjective opens a preambular lead,
a verb in ``-s`` an operative one, each with the adverbs that may follow it.
"""

from __future__ import annotations

import functools
import importlib.resources
from typing import TYPE_CHECKING, Literal

import attrs

from resparse import _lexicon

if TYPE_CHECKING:
    from collections.abc import Sequence

Kind = Literal["pre", "op"]

_ADVERBS = frozenset(a for a in _lexicon.LEAD_ADVERBS if " " not in a)
_INTENSIFIERS = frozenset(_lexicon.LEAD_INTENSIFIERS)
_ADJECTIVES = frozenset(_lexicon.PREAMBULAR_ADJECTIVES)
_NON_LEADS = frozenset(_lexicon.NON_LEAD_WORDS)
_MAX_WORDS = 12


@attrs.define
class _Node:
    """A trie node: how often the UN's lead covered this word, and ended on it."""

    inside: int = 0
    ends: int = 0
    children: dict[str, _Node] = attrs.field(factory=dict)


@attrs.frozen
class LeadTables:
    """The preambular and operative tries of one language (and body scope)."""

    pre: _Node
    op: _Node

    def root(self, kind: Kind) -> _Node:
        """The trie for one kind of paragraph."""
        return self.pre if kind == "pre" else self.op


def _insert(root: _Node, phrase: str, inside: int, ends: int) -> None:
    node = root
    for word in phrase.split(" "):
        node = node.children.setdefault(word, _Node())
    node.inside = max(node.inside, inside)
    node.ends = max(node.ends, ends)


def _read_rows(name: str) -> list[list[str]]:
    resource = importlib.resources.files("resparse.lexicon").joinpath(name)
    if not resource.is_file():
        return []
    lines = resource.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line and not line.startswith("#")]


@functools.lru_cache(maxsize=32)
def tables(language: str = "en", scope: str | None = None) -> LeadTables:
    """Load (once) the lead tries of a language, with a body's own phrases added.

    ``<language>.extra.tsv`` holds hand-kept phrases with an optional scope column: a
    body whose italics differ from the General Assembly's ("Guided by" in the Human Rights
    Council's texts) lists its phrases under its scope.
    """
    pre, op = _Node(), _Node()
    for row in _read_rows(f"{language}.tsv"):
        kind, phrase, inside, _stop, ends = row[:5]
        _insert(pre if kind == "pre" else op, phrase, int(inside), int(ends))
    for row in _read_rows(f"{language}.extra.tsv"):
        kind, phrase, inside, ends = row[:4]
        row_scope = row[4] if len(row) > 4 and row[4] else None
        if row_scope is None or row_scope == scope:
            _insert(pre if kind == "pre" else op, phrase, int(inside), int(ends))
    return LeadTables(pre, op)


def known_first_word(word: str, kind: Kind, language: str = "en", *, minimum: int = 2) -> bool:
    """Whether the UN's markup opens enough leads of this kind with this word."""
    node = tables(language).root(kind).children.get(word)
    return node is not None and node.inside >= minimum


def looks_like_lead_word(word: str, kind: Kind) -> bool:
    """Morphology for words the tables have not seen (casefolded input)."""
    if word in _NON_LEADS or len(word) < 4:
        return False
    if kind == "pre":
        return word.endswith(("ing", "ed")) or word in _ADJECTIVES
    return word.endswith("s") and not word.endswith(("ss", "us", "is"))


def lead_length(
    words: Sequence[str], kind: Kind, language: str = "en", scope: str | None = None
) -> int:
    """How many of ``words`` (casefolded, in order) form the lead; 0 when none is found."""
    if not words:
        return 0
    node = tables(language, scope).root(kind).children.get(words[0])
    if node is None:
        return _morphological_length(words, kind)
    n = 1
    limit = min(len(words), _MAX_WORDS)
    while n < limit:
        child = node.children.get(words[n])
        if child is None:
            if node.ends == 0 and words[n] not in _ADVERBS:
                n += 1  # a phrase never seen whole ("Noting with interest"): take its head
            break
        node = child
        n += 1
    if n < limit and words[n] in _ADVERBS and node.children.get(words[n]) is None:
        n += 1  # "Recognizing moreover": an adverb the tables did not see after this phrase
    return n


def _morphological_length(words: Sequence[str], kind: Kind) -> int:
    first = words[0]
    n = 0
    if first in _INTENSIFIERS and len(words) > 1 and looks_like_lead_word(words[1], kind):
        n = 2
    elif looks_like_lead_word(first, kind):
        n = 1
    if n == 0:
        return 0
    while n < len(words) and words[n] in _ADVERBS:
        n += 1
    return n
