"""Pair the clauses and paragraphs of one resolution's language versions by structure.

The six versions of a resolution share their structure, not their words: the same
preambular clauses in the same order, the same numbered paragraphs, the same
sub-paragraphs, whatever the labels look like ("(a)", "a)", "أ)", "(一)"). So parts are
paired by position: a clause by its part and its place in that part's preamble, a
paragraph by its part and number (its place where it has none), a sub-paragraph by its
place under its parent. Where the versions do not agree (a clause more in one, a
paragraph numbered differently, a list one item short), the row keeps ``None`` for the
versions that lack the part and :attr:`Alignment.differences` says what differs, so a
reader sees both the pairs and the doubts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal, TypeVar

import attrs

from resparse.model import OperativeParagraph, PreambularClause, Resolution, SubParagraph

__all__ = ["AlignedRow", "Alignment", "align"]

Part = PreambularClause | OperativeParagraph | SubParagraph
RowKind = Literal["preambular", "operative", "subparagraph"]
_P = TypeVar("_P", PreambularClause, OperativeParagraph)


@attrs.frozen
class AlignedRow:
    """One part of the resolution in every version (``None`` where a version lacks it).

    ``key`` names the place: ``"A/pre/3"`` is the third preambular clause of part A,
    ``"op/4"`` operative paragraph 4, ``"op/4/2/1"`` the first sub-item of its second
    sub-paragraph.
    """

    kind: RowKind
    key: str
    parts: tuple[Part | None, ...]


@attrs.frozen
class Alignment:
    """The rows of paired parts and the structural differences between the versions."""

    languages: tuple[str, ...]
    rows: tuple[AlignedRow, ...]
    differences: tuple[str, ...]

    @property
    def same_structure(self) -> bool:
        """Whether every version has every part."""
        return not self.differences

    def texts(self, key: str) -> tuple[str | None, ...]:
        """The clean text of the part at ``key`` in each version."""
        for row in self.rows:
            if row.key == key:
                return tuple(part.text if part is not None else None for part in row.parts)
        raise KeyError(key)


def align(versions: Sequence[Resolution] | Mapping[str, Resolution]) -> Alignment:
    """Pair the parts of several versions of one resolution; the first is the reference.

    ``versions`` is a sequence of results (each named by its ``language``) or a mapping
    from a name of the caller's choosing to a result.
    """
    if isinstance(versions, Mapping):
        names, results = tuple(versions), tuple(versions.values())
    else:
        results = tuple(versions)
        names = tuple(r.language or f"version {i + 1}" for i, r in enumerate(results))
    if not results:
        msg = "align() needs at least one version"
        raise ValueError(msg)
    rows: list[AlignedRow] = []
    differences: list[str] = []
    _preamble(results, names, rows, differences)
    _operative(results, names, rows, differences)
    return Alignment(languages=names, rows=tuple(rows), differences=tuple(differences))


def _counts(names: Sequence[str], counts: Sequence[int], noun: str) -> str:
    """How many of a thing each version has, in words: "2 clauses in en, 1 in fr"."""
    pairs = [f"{count} in {name}" for name, count in zip(names, counts, strict=True)]
    return f"{counts[0]} {noun} in {names[0]}, " + ", ".join(pairs[1:])


def _preamble(
    results: Sequence[Resolution],
    names: Sequence[str],
    rows: list[AlignedRow],
    differences: list[str],
) -> None:
    groups = [_by_part(r.preamble) for r in results]
    for part in _parts_in_order(groups):
        lists = [group.get(part, []) for group in groups]
        counts = [len(items) for items in lists]
        where = f"part {part} " if part else ""
        if len(set(counts)) > 1:
            differences.append(f"{where}preamble: {_counts(names, counts, 'clauses')}")
        prefix = f"{part}/" if part else ""
        for i in range(max(counts)):
            parts = tuple(items[i] if i < len(items) else None for items in lists)
            rows.append(AlignedRow("preambular", f"{prefix}pre/{i + 1}", parts))


def _operative(
    results: Sequence[Resolution],
    names: Sequence[str],
    rows: list[AlignedRow],
    differences: list[str],
) -> None:
    groups = [_by_part(r.operative) for r in results]
    for part in _parts_in_order(groups):
        keyed = [_numbered(group.get(part, [])) for group in groups]
        order: list[str] = []
        for mapping in keyed:
            order.extend(key for key in mapping if key not in order)
        prefix = f"{part}/" if part else ""
        for number in order:
            parts = tuple(mapping.get(number) for mapping in keyed)
            key = f"{prefix}op/{number}"
            missing = [name for name, p in zip(names, parts, strict=True) if p is None]
            if missing:
                differences.append(f"{key}: missing in {', '.join(missing)}")
            rows.append(AlignedRow("operative", key, parts))
            _subparagraphs(
                key, [p.subparagraphs if p else None for p in parts], names, rows, differences
            )


def _subparagraphs(
    key: str,
    lists: Sequence[tuple[SubParagraph, ...] | None],
    names: Sequence[str],
    rows: list[AlignedRow],
    differences: list[str],
) -> None:
    present = [items for items in lists if items is not None]
    if not any(present):
        return
    counts = [len(items) if items is not None else 0 for items in lists]
    if len({count for items, count in zip(lists, counts, strict=True) if items is not None}) > 1:
        differences.append(f"{key}: {_counts(names, counts, 'sub-paragraphs')}")
    for i in range(max(counts)):
        parts = tuple(items[i] if items is not None and i < len(items) else None for items in lists)
        child = f"{key}/{i + 1}"
        rows.append(AlignedRow("subparagraph", child, parts))
        _subparagraphs(
            child, [p.subparagraphs if p else None for p in parts], names, rows, differences
        )


def _by_part(items: Sequence[_P]) -> dict[str, list[_P]]:
    groups: dict[str, list[_P]] = {}
    for item in items:
        groups.setdefault(item.part or "", []).append(item)
    return groups


def _parts_in_order(groups: Sequence[Mapping[str, object]]) -> list[str]:
    order: list[str] = []
    for group in groups:
        order.extend(part for part in group if part not in order)
    return order


def _numbered(paragraphs: Sequence[OperativeParagraph]) -> dict[str, OperativeParagraph]:
    """Paragraphs by number; an unnumbered one by its place ("#1")."""
    keyed: dict[str, OperativeParagraph] = {}
    for place, paragraph in enumerate(paragraphs, start=1):
        key = str(paragraph.number) if paragraph.number is not None else f"#{place}"
        while key in keyed:  # a number printed twice keeps both paragraphs
            key += "'"
        keyed[key] = paragraph
    return keyed
