"""The evaluation held out: every learned table rebuilt without one part, scored on that part.

The development set cannot flatter tables that never saw the documents they are scored
on; ``run_held_out`` scores the same cases both ways.
"""

from __future__ import annotations

import collections
import contextlib
from typing import TYPE_CHECKING

import attrs

from resparse._eval_run import Report, run
from resparse._eval_score import Tally
from resparse._learn_folders import NOT_LEARNED

if TYPE_CHECKING:
    import pathlib
    from collections.abc import Callable, Iterator, Sequence

    from resparse._eval_cases import Case


# The emphasis that marks a lead where a language has no profile saying otherwise.
_LEAD_EMPHASIS_DEFAULT = "italic"
# Security Council folders the shipped tables never learn from (its 2000-2012
# resolutions and the drafts not adopted): they are held out whatever the fold.
ADDED_LATER = NOT_LEARNED


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
        they never learn from (``ADDED_LATER``: SC 2000-2012 and the drafts not adopted).
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
    from resparse import _hyphens, _lead_tables  # noqa: PLC0415

    with _lead_tables.replaced_tables(texts["leads"]), _hyphens.replaced_tables(texts["hyphens"]):
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
