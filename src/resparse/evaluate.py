"""Score parse results against the UN's own Akoma Ntoso markup, field by field.

The markup (``from_akn``) is the gold standard. For each resolution the same document is
read in one or more *shapes* (the text rendered from the markup with or without its
italics, the official PDF, pdftotext output) and parsed; predicted clauses and paragraphs
are aligned in order with the gold ones by the words they share. Scores follow the usual
field-level practice of document-structure evaluation: precision, recall and F1 for the
preambular clauses and the operative paragraphs; exact-match accuracy, over aligned pairs,
for leads (those the markup marks), paragraph numbers, sub-paragraph labels and the text
itself (spaces, the non-breaking hyphen and direction marks aside); exact match for
header fields; crashes and seconds per document. Reports group by shape, body and
language.

Every run also scores the parser's self-checks: of the documents with a structural error
against the gold, the share that carry a warning or error with a span, and of the
documents with none, the share that carry no such diagnostic.

Where the markup puts the last preambular clause in the body, as an unnumbered paragraph
that ends with a comma before paragraph 1, the gold is normalised by one rule
(``normalise_gold``) before scoring; ``--gold-as-marked`` scores the markup as it is.

``--held-out`` scores what the development set cannot flatter: every table learned from
the markup (the lead tables ``<lang>.tsv`` and ``<lang>.sc.tsv``, the hyphen tables
``<lang>.hyphens.tsv``) is rebuilt in memory without one part (a General Assembly
session, a quarter of a language's session, a block of Security Council years), and the
parser is scored on that part; beside it, the same cases with the tables rebuilt from
everything.

Run ``python -m resparse.evaluate [--shared ../shared] [--held-out]``; without the shared
folder it says so and exits cleanly.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import contextvars
import os
import pathlib
import shutil
import subprocess
import sys
import time
from typing import TYPE_CHECKING

import attrs
import regex

from resparse.errors import ResparseError
from resparse.model import PreambularClause
from resparse.parser import parse_document
from resparse.readers.base import Document

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence

    from resparse.model import Resolution

_WORD_RE = regex.compile(r"[^\W\d_]{2,}")
_MATCH_AT = 0.6
_WINDOW = 6
PDF_SHAPES = ("pdf", "pdftotext", "pdftotext-layout", "pdftotext-nobreaks")
SHAPES = ("markup-italic", "markup-plain", *PDF_SHAPES)
HEADER_FIELDS = ("symbol", "number", "title", "adopted", "session", "body")
LANGUAGE_FOLDERS = {
    "English": "en",
    "French": "fr",
    "Spanish": "es",
    "Russian": "ru",
    "Arabic": "ar",
    "Chinese": "zh",
}


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


def _words(text: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in _WORD_RE.findall(text[:600]))


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


# --- the gold, where the markup misplaces a clause ---------------------------------------

# what a preambular clause ends with, in the scripts of the six languages
_CLAUSE_COMMAS = (",", "\u060c", "\uff0c")

# Whether ``run`` scores against the markup as it is (``--gold-as-marked``) rather than
# with the misplaced clauses moved back (see ``normalise_gold``).
GOLD_AS_MARKED: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "gold_as_marked", default=False
)


def normalise_gold(gold: Resolution) -> Resolution:
    """The gold with the last preambular clause the markup put in the body moved back.

    The UN's markup sometimes puts the last clause of the preamble ("*Remaining* fully
    committed to ...,") in the main body, as an unnumbered paragraph before paragraph 1.
    A resolution's operative paragraphs are all numbered or (one alone) none, and an
    operative paragraph ends with a semicolon, a full stop or a colon, never a comma: so
    an unnumbered first paragraph that is followed by numbered ones, has no
    sub-paragraphs and ends with a comma is read as the preamble's last clause. Nothing
    else in the markup is changed.
    """
    operative = gold.operative
    if len(operative) < 2:
        return gold
    first, second = operative[0], operative[1]
    if (
        first.number is not None
        or second.number is None
        or first.subparagraphs
        or not first.text.rstrip().endswith(_CLAUSE_COMMAS)
    ):
        return gold
    clause = PreambularClause(
        index=len(gold.preamble) + 1,
        lead=first.lead,
        text=first.text,
        span=first.span,
        lead_span=first.lead_span,
        lead_italic=first.lead_italic,
        part=first.part,
        section=first.section,
        more_leads=first.more_leads,
        more_lead_spans=first.more_lead_spans,
    )
    return attrs.evolve(gold, preamble=(*gold.preamble, clause), operative=operative[1:])


def gold_of(path: pathlib.Path) -> Resolution:
    """The gold of one case: the markup, normalised unless ``GOLD_AS_MARKED`` is set."""
    from resparse.readers.akn import from_akn  # noqa: PLC0415 - lxml loads on demand

    gold = from_akn(path)
    return gold if GOLD_AS_MARKED.get() else normalise_gold(gold)


# --- shapes ---------------------------------------------------------------------------


@attrs.frozen
class Case:
    """One document in one shape: how to read it, and the gold it is scored against."""

    name: str
    shape: str
    body: str
    language: str
    read: Callable[[], Document]
    gold_path: pathlib.Path


def _markup_cases(xml: pathlib.Path, body: str, language: str, shapes: set[str]) -> Iterator[Case]:
    from resparse.readers.akn import render_akn  # noqa: PLC0415 - lxml loads on demand

    if "markup-italic" in shapes:
        yield Case(xml.name, "markup-italic", body, language, lambda: render_akn(xml), xml)
    if "markup-plain" in shapes:

        def plain() -> Document:
            return Document(text=render_akn(xml).text, reader="text")

        yield Case(xml.name, "markup-plain", body, language, plain, xml)


def _pdftotext(pdf: pathlib.Path, *, layout: bool, breaks: bool = True) -> Document:
    """The text poppler's pdftotext reads from a PDF.

    Without ``breaks`` its form feeds become line ends, as extractors that mark no page
    break give the text (pypdf, many web pipelines).
    """
    args = ["pdftotext", *(["-layout"] if layout else []), str(pdf), "-"]
    out = subprocess.run(args, capture_output=True, check=True, timeout=60)  # noqa: S603 - fixed tool, our path
    text = out.stdout.decode("utf-8", "replace")
    return Document(text=text if breaks else text.replace("\f", "\n"), reader="pdftotext")


def _pdf_cases(pdf: pathlib.Path, xml: pathlib.Path, shapes: set[str]) -> Iterator[Case]:
    from resparse.readers.pdf import read_pdf  # noqa: PLC0415 - pdfium loads on demand

    if "pdf" in shapes:
        yield Case(pdf.name, "pdf", "GA", "en", lambda: read_pdf(pdf), xml)
    if shutil.which("pdftotext"):
        if "pdftotext" in shapes:
            yield Case(
                pdf.name, "pdftotext", "GA", "en", lambda: _pdftotext(pdf, layout=False), xml
            )
        if "pdftotext-layout" in shapes:
            yield Case(
                pdf.name, "pdftotext-layout", "GA", "en", lambda: _pdftotext(pdf, layout=True), xml
            )
        if "pdftotext-nobreaks" in shapes:

            def no_breaks() -> Document:
                return _pdftotext(pdf, layout=False, breaks=False)

            yield Case(pdf.name, "pdftotext-nobreaks", "GA", "en", no_breaks, xml)


def _markup_for_pdf(pdf: pathlib.Path, folder: pathlib.Path) -> pathlib.Path | None:
    match = regex.match(r"A_RES_(\d+)_(\d+)", pdf.stem)
    if match is None:
        return None
    session, number = match.groups()
    pattern = regex.compile(rf"(?:A_RES_)?{session}_{number}(?![\d])")
    for xml in sorted(folder.glob("*.xml")):
        if pattern.match(xml.name):
            return xml
    return None


def cases(
    shared: pathlib.Path, shapes: Iterable[str], languages: Iterable[str] = ("en",)
) -> list[Case]:
    """Every (document, shape) pair the shared folder allows."""
    wanted, langs = set(shapes), set(languages)
    found: list[Case] = []
    unxml = shared / "unxml"
    for body, pattern in (("GA", "ga/*session/*"), ("SC", "sc/*/*")):
        for folder in sorted(unxml.glob(pattern)):
            language = LANGUAGE_FOLDERS.get(folder.name)
            if language not in langs:
                continue
            for xml in sorted(folder.glob("*.xml")):
                found.extend(_markup_cases(xml, body, language, wanted))
    pdf_folder = shared / "pdf" / "ga78"
    markup_folder = unxml / "ga" / "78session" / "English"
    if "en" in langs and pdf_folder.is_dir() and wanted & set(PDF_SHAPES):
        for pdf in sorted(pdf_folder.glob("*.pdf")):
            markup = _markup_for_pdf(pdf, markup_folder)
            if markup is not None:
                found.extend(_pdf_cases(pdf, markup, wanted))
    return found


# --- running --------------------------------------------------------------------------


@attrs.define
class Report:
    """Tallies by (shape, body, language) and the documents that went worst."""

    groups: dict[tuple[str, str, str], Tally] = attrs.field(factory=dict)
    worst: list[tuple[float, str, str]] = attrs.field(factory=list)
    errors: list[tuple[str, str, str]] = attrs.field(factory=list)
    skipped: list[tuple[str, str, str]] = attrs.field(factory=list)

    def total(self, shape: str) -> Tally:
        """All groups of one shape folded together."""
        tally = Tally()
        for (group_shape, _, _), group in self.groups.items():
            if group_shape == shape:
                tally.add(group)
        return tally


def run(selected: Sequence[Case], *, progress: Callable[[int, int], None] | None = None) -> Report:
    """Parse every case and score it against its gold markup."""
    report = Report()
    gold_cache: dict[pathlib.Path, Resolution] = {}
    for i, case in enumerate(selected):
        tally = report.groups.setdefault((case.shape, case.body, case.language), Tally())
        tally.documents += 1
        gold = gold_cache.get(case.gold_path)
        if gold is None:
            try:
                gold = gold_cache[case.gold_path] = gold_of(case.gold_path)
            except ResparseError as error:  # the UN's file itself is broken: nothing to score
                tally.documents -= 1
                report.skipped.append((case.shape, case.name, str(error)))
                continue
        try:
            started = time.perf_counter()
            predicted = parse_document(case.read(), language=case.language)
            tally.seconds += time.perf_counter() - started
        except Exception as error:  # noqa: BLE001 - a crash is a result to count, not to hide
            tally.crashes += 1
            report.errors.append((case.shape, case.name, f"{type(error).__name__}: {error}"))
            continue
        counts = score(gold, predicted)
        tally.counts.update(counts)
        misses = sum(counts[f"{k}.fp"] + counts[f"{k}.fn"] for k in ("pre", "op"))
        misses += sum(counts[f"{k}.lead.n"] - counts[f"{k}.lead.ok"] for k in ("pre", "op"))
        if misses:
            report.worst.append((misses, case.shape, case.name))
        if progress is not None:
            progress(i + 1, len(selected))
    report.worst.sort(reverse=True)
    return report


# --- held out ------------------------------------------------------------------------

# The emphasis that marks a lead where a language has no profile saying otherwise.
_LEAD_EMPHASIS_DEFAULT = "italic"
# Security Council folders added to the development set after the shipped tables were
# learned (the 2000-2012 resolutions and the drafts not adopted): the shipped tables have
# never seen them, so they are held out whatever the fold.
ADDED_LATER = frozenset({*(str(year) for year in range(2000, 2013)), "drafts-not-adopted"})


@attrs.frozen
class Fold:
    """A part of the development set held out: tables are learned without its files."""

    name: str
    files: frozenset[pathlib.Path]


class Learner:
    """Every table learned from the markup, rebuilt in memory from any subset of it.

    Each file is read once; a fold's tables are then counted from the files outside it,
    with the functions that wrote the shipped tables (``resparse._learn``).
    """

    def __init__(self, shared: pathlib.Path, *, everything: bool = False) -> None:
        """Index the markup of every language under ``shared/unxml``.

        By default the tables learn from the folders the shipped tables were built from,
        so that "in sample" is the package as shipped; ``everything`` adds the folders
        that came later (``ADDED_LATER``), as a rebuild of the tables today would.
        """
        from resparse import _learn  # noqa: PLC0415 - lxml loads on demand

        self._learn = _learn
        self.unxml = shared / "unxml"
        self.general: dict[str, list[pathlib.Path]] = {}
        self.council: dict[str, list[pathlib.Path]] = {}

        def kept(path: pathlib.Path) -> bool:
            return everything or path.parent.parent.name not in ADDED_LATER

        for code, folder in _learn.FOLDERS.items():
            self.general[code] = sorted(self.unxml.glob(f"ga/*/{folder}/*.xml"))
            council = self.unxml.glob(f"sc/*/{folder}/*.xml")
            self.council[code] = sorted(path for path in council if kept(path))
        self._openings: dict[pathlib.Path, dict[str, list[tuple[list[str], int]]]] = {}
        self._words: dict[pathlib.Path, collections.Counter[str]] = {}
        self._all_words: dict[str, collections.Counter[str]] = {}

    def _emphasis(self, code: str) -> str:
        from resparse._language import has_profile, profile  # noqa: PLC0415

        return profile(code).lead_emphasis if has_profile(code) else _LEAD_EMPHASIS_DEFAULT

    def _lead_text(self, files: Sequence[pathlib.Path], code: str, what: str) -> str:
        emphasis = self._emphasis(code)
        parts = []
        for path in files:
            if path not in self._openings:
                self._openings[path] = self._learn.openings_of(str(path), emphasis)
            parts.append(self._openings[path])
        return self._learn.lead_table_text(self._learn.merge(parts), len(files), what)

    def _hyphen_text(self, code: str, left_out: Sequence[pathlib.Path]) -> str:
        files = self.general[code] + self.council[code]
        if code not in self._all_words:
            total: collections.Counter[str] = collections.Counter()
            for path in files:
                self._words[path] = self._learn.words_of(str(path))
                total.update(self._words[path])
            self._all_words[code] = total
        counts = collections.Counter(self._all_words[code])
        for path in left_out:
            counts.subtract(self._words[path])
        counts = collections.Counter({w: n for w, n in counts.items() if n > 0})
        return self._learn.hyphen_table_text(counts, code, len(files) - len(left_out))

    def texts(self, without: frozenset[pathlib.Path] = frozenset()) -> dict[str, dict[str, str]]:
        """The lead and hyphen table texts, by file name, learned without ``without``.

        Returned as ``{"leads": {...}, "hyphens": {...}}``, for ``replaced_tables``.
        """
        leads: dict[str, str] = {}
        hyphens: dict[str, str] = {}
        for code in self._learn.FOLDERS:
            general = [p for p in self.general[code] if p not in without]
            council = [p for p in self.council[code] if p not in without]
            if self.general[code]:
                leads[f"{code}.tsv"] = self._lead_text(
                    general, code, "General Assembly resolutions"
                )
                if self.council[code]:
                    leads[f"{code}.sc.tsv"] = self._lead_text(
                        council, code, "Security Council resolutions"
                    )
            elif self.council[code]:
                leads[f"{code}.tsv"] = self._lead_text(
                    council, code, "Security Council resolutions"
                )
            if code in self._learn.HYPHEN_LANGUAGES and self.general[code] + self.council[code]:
                left_out = [p for p in self.general[code] + self.council[code] if p in without]
                hyphens[f"{code}.hyphens.tsv"] = self._hyphen_text(code, left_out)
        return {"leads": leads, "hyphens": hyphens}


def folds(shared: pathlib.Path, *, quarters: int = 4) -> list[Fold]:
    """The parts held out in turn.

    Each General Assembly session of the English markup; session 77 of the other
    languages, the only one they have, in quarters (every fourth file); the Security
    Council's 2000-2012 resolutions as one block, its 2020-2022 ones as another (every
    language), and its drafts that were not adopted (six languages).
    """
    unxml = shared / "unxml"
    found: list[Fold] = []
    for session in sorted(unxml.glob("ga/*session")):
        english = frozenset((session / "English").glob("*.xml"))
        if english:
            found.append(Fold(f"GA {session.name.removesuffix('session')} en", english))
        for folder in sorted(session.iterdir()):
            if folder.name == "English" or not folder.is_dir():
                continue
            files = sorted(folder.glob("*.xml"))
            for k in range(quarters):
                part = frozenset(files[k::quarters])
                if part:
                    name = f"GA {session.name.removesuffix('session')} {folder.name} {k + 1}/4"
                    found.append(Fold(name, part))
    blocks = (
        ("SC 2000-2012", [str(year) for year in range(2000, 2013)]),
        ("SC 2020-2022", ["2020", "2021", "2022"]),
        ("SC drafts not adopted", ["drafts-not-adopted"]),
    )
    for name, years in blocks:
        block = frozenset(p for year in years for p in (unxml / "sc" / year).glob("*/*.xml"))
        if block:
            found.append(Fold(name, block))
    return found


@contextlib.contextmanager
def _tables(texts: dict[str, dict[str, str]]) -> Iterator[None]:
    from resparse import _hyphens, _leads  # noqa: PLC0415

    with _leads.replaced_tables(texts["leads"]), _hyphens.replaced_tables(texts["hyphens"]):
        yield


@attrs.define
class HeldOut:
    """The same cases scored twice: tables learned from everything, and without their fold."""

    in_sample: Report
    held_out: Report
    folds: list[tuple[str, int]]
    by_fold: dict[str, Report] = attrs.field(factory=dict)


def run_held_out(
    selected: Sequence[Case],
    shared: pathlib.Path,
    *,
    everything: bool = False,
    progress: Callable[[str], None] | None = None,
) -> HeldOut:
    """Score each case with tables learned from all the markup, then without its fold.

    A case belongs to the fold that holds its gold file; cases whose gold is in no fold
    are scored in sample only. ``everything``: learn from the folders added after the
    shipped tables too (see ``Learner``).
    """
    learner = Learner(shared, everything=everything)
    with _tables(learner.texts()):
        in_sample = run(selected)
    if progress is not None:
        progress(f"in sample: {len(selected)} cases")
    held_out = Report()
    done: list[tuple[str, int]] = []
    by_fold: dict[str, Report] = {}
    for fold in folds(shared):
        mine = [case for case in selected if case.gold_path in fold.files]
        if not mine:
            continue
        with _tables(learner.texts(fold.files)):
            part = run(mine)
        for key, tally in part.groups.items():
            held_out.groups.setdefault(key, Tally()).add(tally)
        held_out.worst.extend(part.worst)
        held_out.errors.extend(part.errors)
        held_out.skipped.extend(part.skipped)
        done.append((fold.name, len(mine)))
        by_fold[fold.name] = part
        if progress is not None:
            progress(f"held out {fold.name}: {len(mine)} cases")
    held_out.worst.sort(reverse=True)
    return HeldOut(in_sample, held_out, done, by_fold)


def _pair(a: float | None, b: float | None) -> str:
    return f"{_pct(a).strip():>6}/{_pct(b).strip():<6}"


def format_held_out(result: HeldOut) -> str:
    """One row per shape, body and language: each figure in sample / held out."""
    columns = ("pre F1", "op F1", "pre lead", "op lead", "text", "header")
    head = f"{'shape':<19}{'body':<5}{'lang':<5}{'docs':>5}  " + "".join(
        f"{c + ' in/out':^16}" for c in columns
    )
    rows = [head, "-" * len(head)]
    keys = sorted(result.in_sample.groups)
    shapes = sorted({k[0] for k in keys})
    for key in keys + [(s, "all", "all") for s in shapes]:
        pair = [_group(report, key) for report in (result.in_sample, result.held_out)]
        figures = [_figures(tally) for tally in pair]
        rows.append(
            f"{key[0]:<19}{key[1]:<5}{key[2]:<5}{pair[0].documents:>5}  "
            + "".join(f"{_pair(a, b):^16}" for a, b in zip(*figures, strict=True))
        )
    return "\n".join(rows)


def format_folds(result: HeldOut) -> str:
    """One row per part held out and shape: the figures with the part's tables left out."""
    columns = ("pre F1", "op F1", "pre lead", "op lead", "text", "header")
    head = f"{'part held out':<26}{'shape':<19}{'docs':>5}" + "".join(f"{c:>9}" for c in columns)
    rows = [head, "-" * len(head)]
    for name, report in result.by_fold.items():
        for shape in sorted({key[0] for key in report.groups}):
            tally = report.total(shape)
            figures = "".join(f"{_pct(v):>9}" for v in _figures(tally))
            rows.append(f"{name:<26}{shape:<19}{tally.documents:>5}{figures}")
    return "\n".join(rows)


def _group(report: Report, key: tuple[str, str, str]) -> Tally:
    """One group's tally, all of a shape for its "all" row, empty where none was scored."""
    if key[1] == "all":
        return report.total(key[0])
    return report.groups.get(key) or Tally()


def _figures(tally: Tally) -> list[float | None]:
    header_n = sum(tally.counts[f"header.{f}.n"] for f in HEADER_FIELDS)
    header_ok = sum(tally.counts[f"header.{f}.ok"] for f in HEADER_FIELDS)
    return [
        tally.f1("pre")[2] if tally.documents else None,
        tally.f1("op")[2] if tally.documents else None,
        tally.accuracy("pre.lead"),
        tally.accuracy("op.lead"),
        tally.accuracy("text"),
        header_ok / header_n if header_n else None,
    ]


def format_self_check(report: Report) -> str:
    """How well the parser's own warnings tell wrong documents from right ones, by group.

    ``wrong warned``: of the documents with a structural error against the gold (a clause
    or paragraph missed or invented, a number or label wrong), the share that carry a
    warning or error with a span; ``right quiet``: of the documents with none, the share
    that carry no such diagnostic.
    """
    head = f"{'shape':<19}{'body':<5}{'lang':<5}{'wrong':>7}{'warned':>9}{'right':>7}{'quiet':>9}"
    rows = [head, "-" * len(head)]
    keys = sorted(report.groups)
    shapes = sorted({k[0] for k in keys})
    for key in keys + [(s, "all", "all") for s in shapes]:
        tally = report.groups.get(key) or report.total(key[0])
        c = tally.counts
        warned = c["check.wrong_warned"] / c["check.wrong"] if c["check.wrong"] else None
        quiet = c["check.right_quiet"] / c["check.right"] if c["check.right"] else None
        rows.append(
            f"{key[0]:<19}{key[1]:<5}{key[2]:<5}{c['check.wrong']:>7}{_pct(warned):>9}"
            f"{c['check.right']:>7}{_pct(quiet):>9}"
        )
    return "\n".join(rows)


def _pct(value: float | None) -> str:
    return "   -  " if value is None else f"{100 * value:6.2f}"


def format_report(report: Report) -> str:
    """A plain-text table of the figures, one row per shape, body and language."""
    head = (
        f"{'shape':<19}{'body':<5}{'lang':<5}{'docs':>5}{'crash':>6}"
        f"{'pre F1':>8}{'op F1':>8}{'pre lead':>9}{'op lead':>9}{'number':>8}{'labels':>8}"
        f"{'text':>8}{'header':>8}{'ms/doc':>8}"
    )
    rows = [head, "-" * len(head)]
    keys = sorted(report.groups)
    shapes = sorted({k[0] for k in keys})
    for key in keys + [(s, "all", "all") for s in shapes]:
        tally = report.groups.get(key) or report.total(key[0])
        header_n = sum(tally.counts[f"header.{f}.n"] for f in HEADER_FIELDS)
        header_ok = sum(tally.counts[f"header.{f}.ok"] for f in HEADER_FIELDS)
        ms = 1000 * tally.seconds / max(1, tally.documents - tally.crashes)
        rows.append(
            f"{key[0]:<19}{key[1]:<5}{key[2]:<5}{tally.documents:>5}{tally.crashes:>6}"
            f"{_pct(tally.f1('pre')[2]):>8}{_pct(tally.f1('op')[2]):>8}"
            f"{_pct(tally.accuracy('pre.lead')):>9}{_pct(tally.accuracy('op.lead')):>9}"
            f"{_pct(tally.accuracy('op.number')):>8}{_pct(tally.accuracy('op.labels')):>8}"
            f"{_pct(tally.accuracy('text')):>8}"
            f"{_pct(header_ok / header_n if header_n else None):>8}{ms:>8.1f}"
        )
    return "\n".join(rows)


def _score_and_print(
    selected: Sequence[Case], shared: pathlib.Path, *, held_out: bool, everything: bool
) -> Report:
    """Run the cases (in sample and held out, or once), print the tables, give the report."""
    if held_out:

        def progress(line: str) -> None:
            print(line, file=sys.stderr)

        result = run_held_out(selected, shared, everything=everything, progress=progress)
        print("in sample / held out (tables learned from everything / without the part scored)")
        print(format_held_out(result))
        print("\nby part held out:")
        print(format_folds(result))
        report = result.held_out
        print("\nself-check, held out:")
    else:
        report = run(selected)
        print(format_report(report))
        print("\nself-check:")
    print(format_self_check(report))
    return report


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python -m resparse.evaluate``."""
    parser = argparse.ArgumentParser(prog="resparse evaluate", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--shared",
        default=os.environ.get("RESPARSE_SHARED", "../shared"),
        metavar="DIR",
        help="the development set: a folder holding unxml/ (default: $RESPARSE_SHARED, "
        "else ../shared); without it the command says so and exits 0",
    )
    parser.add_argument(
        "--shape",
        action="append",
        choices=SHAPES,
        help="input shapes to score (default: all available)",
    )
    parser.add_argument(
        "--language",
        action="append",
        choices=sorted(set(LANGUAGE_FOLDERS.values())),
        help="languages to score, one per --language (default: en)",
    )
    parser.add_argument(
        "--limit", type=int, default=None, help="score at most N documents per shape"
    )
    parser.add_argument(
        "--worst", type=int, default=10, help="list the N documents with most misses"
    )
    parser.add_argument(
        "--held-out",
        action="store_true",
        help="learn every table without each part in turn and score the parser on that part,"
        " beside the figures with tables learned from everything",
    )
    parser.add_argument(
        "--learn-all",
        action="store_true",
        help="with --held-out: learn from the folders added after the shipped tables too"
        " (SC 2000-2012, the drafts not adopted)",
    )
    parser.add_argument(
        "--gold-as-marked",
        action="store_true",
        help="score against the markup as it is, without moving back the last preambular"
        " clause it puts in the body (see normalise_gold)",
    )
    args = parser.parse_args(argv)
    GOLD_AS_MARKED.set(args.gold_as_marked)
    shared = pathlib.Path(args.shared)
    if not (shared / "unxml").is_dir():
        print(f"resparse evaluate: skipped, no development set at {shared / 'unxml'}")
        return 0
    shapes = args.shape or list(SHAPES)
    selected = cases(shared, shapes, args.language or ["en"])
    if args.limit is not None:
        per_shape: collections.Counter[str] = collections.Counter()
        kept = []
        for case in selected:
            per_shape[case.shape] += 1
            if per_shape[case.shape] <= args.limit:
                kept.append(case)
        selected = kept
    report = _score_and_print(selected, shared, held_out=args.held_out, everything=args.learn_all)
    for shape, name, why in report.skipped[:10]:
        print(f"skipped (unreadable markup) {shape:<17} {name}: {why[:100]}")
    if report.errors:
        print("\ncrashes:")
        for shape, name, error in report.errors[:20]:
            print(f"  {shape:<17} {name}: {error}")
    if args.worst and report.worst:
        print(f"\n{args.worst} documents with the most misses (clauses, paragraphs and leads):")
        for misses, shape, name in report.worst[: args.worst]:
            print(f"  {misses:>4}  {shape:<17} {name}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
