"""The evaluation's scoring of one document: predicted parts aligned with the gold, counted.

Clauses and paragraphs are paired in order by the words they share (in Chinese, the pairs
of characters); the counts of one document (``score``) are what every report adds up.
"""

from __future__ import annotations

import collections
from typing import TYPE_CHECKING

import attrs
import regex

if TYPE_CHECKING:
    from collections.abc import Sequence

    from resparse.model import Resolution


_WORD_RE = regex.compile(r"[^\W\d_]{2,}")
_MATCH_AT = 0.6
_WINDOW = 6
HEADER_FIELDS = ("symbol", "number", "title", "adopted", "session", "body")


@attrs.define
class Tally:
    """Counts for one group (shape, body, language): what was right, out of what."""

    documents: int = 0
    crashes: int = 0
    seconds: float = 0.0
    counts: collections.Counter[str] = attrs.field(factory=collections.Counter)

    def add(self, other: Tally) -> None:
        """Fold another tally into this one."""
        self.documents += other.documents
        self.crashes += other.crashes
        self.seconds += other.seconds
        self.counts.update(other.counts)

    def f1(self, kind: str) -> tuple[float, float, float]:
        """Precision, recall and F1 of ``kind`` ("pre" or "op")."""
        tp, fp, fn = (self.counts[f"{kind}.{k}"] for k in ("tp", "fp", "fn"))
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1

    def accuracy(self, field: str) -> float | None:
        """Exact-match accuracy of a field over the pairs where it was compared."""
        total = self.counts[f"{field}.n"]
        return self.counts[f"{field}.ok"] / total if total else None


# a run of Chinese characters: the script writes no space between its words
_HAN_RE = regex.compile(r"\p{Han}+")


def _words(text: str) -> frozenset[str]:
    """The words an item is aligned by; in Chinese, the pairs of characters of each run.

    Chinese prints a whole clause with no space, so a "word" there is a run between two
    punctuation marks: one heading or footnote marker joined to a paragraph changes most
    of its few runs, and the pair is missed. Character pairs (the usual word-overlap
    unit for a text with no spaces) measure how much of its text two items share.
    """
    head = text[:600]
    found = {w.casefold() for w in _WORD_RE.findall(_HAN_RE.sub(" ", head))}
    for run in _HAN_RE.findall(head):
        found.update(run[i : i + 2] for i in range(len(run) - 1))
    return frozenset(found)


def _similarity(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 1.0 if a == b else 0.0
    return len(a & b) / len(a | b)


def align(gold: Sequence[str], predicted: Sequence[str]) -> list[tuple[int, int]]:
    """Pairs (gold index, predicted index), in order, of items that share most of their words."""
    gold_words = [_words(t) for t in gold]
    pred_words = [_words(t) for t in predicted]
    pairs: list[tuple[int, int]] = []
    start = 0
    for g, words in enumerate(gold_words):
        best, best_score = -1, _MATCH_AT
        for p in range(start, min(len(pred_words), start + _WINDOW)):
            score = _similarity(words, pred_words[p])
            if score >= best_score and (best == -1 or score > best_score):
                best, best_score = p, score
        if best >= 0:
            pairs.append((g, best))
            start = best + 1
    return pairs


def _lead(text: str | None) -> str:
    return " ".join((text or "").split()).rstrip(",;:.").casefold()


# Characters a page prints like others: the non-breaking hyphen as "-", direction marks
# as nothing.
_PRINTED_ALIKE = str.maketrans({"\u2011": "-", "\u200e": None, "\u200f": None})


def _text(text: str) -> str:
    return " ".join(text.translate(_PRINTED_ALIKE).split())


def _labels(paragraph: object) -> list[str]:
    subs = getattr(paragraph, "subparagraphs", ())
    return [sub.label for top in subs for sub in top.walk()]


def score(gold: Resolution, predicted: Resolution) -> collections.Counter[str]:
    """Field-level counts for one document."""
    counts: collections.Counter[str] = collections.Counter()
    for kind, gold_items, pred_items in (
        ("pre", gold.preamble, predicted.preamble),
        ("op", gold.operative, predicted.operative),
    ):
        gold_texts = [item.text for item in gold_items]
        pred_texts = [item.text for item in pred_items]
        pairs = align(gold_texts, pred_texts)
        counts[f"{kind}.tp"] += len(pairs)
        counts[f"{kind}.fp"] += len(pred_items) - len(pairs)
        counts[f"{kind}.fn"] += len(gold_items) - len(pairs)
        for g, p in pairs:
            gold_item, pred_item = gold_items[g], pred_items[p]
            counts["text.n"] += 1
            counts["text.ok"] += _text(gold_item.text) == _text(pred_item.text)
            # the markup's marked leads only: a lead from_akn read from roman words came from
            # the same tables the parser uses, and scoring the parser on it would be circular
            if gold_item.lead and gold_item.lead_italic:
                counts[f"{kind}.lead.n"] += 1
                counts[f"{kind}.lead.ok"] += _lead(gold_item.lead) == _lead(pred_item.lead)
            if kind == "op":
                counts["op.number.n"] += 1
                counts["op.number.ok"] += getattr(gold_item, "number", None) == getattr(
                    pred_item, "number", None
                )
                gold_labels = _labels(gold_item)
                if gold_labels or _labels(pred_item):
                    counts["op.labels.n"] += 1
                    counts["op.labels.ok"] += gold_labels == _labels(pred_item)
    _self_check(counts, predicted)
    for field in HEADER_FIELDS:
        expected = getattr(gold.header, field)
        if expected in (None, ""):
            continue
        got = getattr(predicted.header, field)
        counts[f"header.{field}.n"] += 1
        if isinstance(expected, str) and isinstance(got, str):
            counts[f"header.{field}.ok"] += " ".join(expected.split()) == " ".join(got.split())
        else:
            counts[f"header.{field}.ok"] += expected == got
    return counts


def structural_errors(counts: collections.Counter[str]) -> int:
    """Clauses or paragraphs missed or invented, and paragraph numbers or labels wrong."""
    errors = sum(counts[f"{kind}.{k}"] for kind in ("pre", "op") for k in ("fp", "fn"))
    for field in ("op.number", "op.labels"):
        errors += counts[f"{field}.n"] - counts[f"{field}.ok"]
    return errors


def flagged(result: Resolution) -> bool:
    """Whether the parser raised a warning or an error that points at a place in the text."""
    return any(
        d.severity in ("warning", "error") and d.span is not None for d in result.diagnostics
    )


def _self_check(counts: collections.Counter[str], predicted: Resolution) -> None:
    """Count whether the parser's own warnings told a wrong document from a right one."""
    warned = flagged(predicted)
    if structural_errors(counts):
        counts["check.wrong"] += 1
        counts["check.wrong_warned"] += warned
    else:
        counts["check.right"] += 1
        counts["check.right_quiet"] += not warned
