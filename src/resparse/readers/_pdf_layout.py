"""The PDF reader's layout: runs grouped into printed lines, raised markers joined to theirs.

A page's runs become lines by their baselines; small raised (or lowered) clusters join the
line they sit on, and a line is cut where a gap is as wide as a column's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

# Layout thresholds, in multiples of the font size involved.
_SAME_LINE = 0.3  # baselines closer than this belong to one printed line
_RAISED_SIZE = 0.85  # raised text at most this large relative to its line is a superscript
_RAISED_BY = 0.15  # ... when its baseline sits at least this far above the line's
_RAISED_REACH = 0.65  # a raised cluster joins the line below it within this distance
_LOWERED_REACH = 0.4  # a lowered small cluster joins the line above it within this distance
_NEAR = 2.0  # horizontal reach of a raised or lowered cluster towards its line
_COLUMN_GAP = 3.0  # a gap wider than this splits a printed line into separate output lines

_MARKER_START = frozenset("0123456789*†‡§¶#")


class _Run:
    """Consecutive characters of one text object: one font, one size, one baseline."""

    __slots__ = ("base", "height", "italic", "raised", "size", "text", "visible", "x0", "x1")

    def __init__(  # noqa: PLR0913 - one argument per slot
        self, text: str, x0: float, x1: float, base: float, size: float, *, italic: bool
    ) -> None:
        self.text = text
        self.x0 = x0
        self.x1 = x1
        self.base = base
        self.size = size
        self.italic = italic
        self.raised = False
        self.visible = bool(text) and not text.isspace()  # asked often: set once
        self.height = size  # printed height on the page, where known (see _runs)


class _Line:
    """One output line: runs left to right, its baseline, type size and left edge."""

    __slots__ = ("base", "group", "runs", "size", "x0", "x1")

    def __init__(self, runs: list[_Run], group: int) -> None:
        self.runs = runs
        self.group = group  # lines cut from one printed line share a group
        reference = max(runs, key=lambda run: (run.visible, run.size, len(run.text)))
        self.base = reference.base
        self.size = reference.size
        for run in runs:
            run.raised = (
                run.size <= _RAISED_SIZE * reference.size
                and run.base - reference.base >= _RAISED_BY * reference.size
                and run.visible
            )
        body = [run for run in runs if run.visible and not run.raised] or runs
        self.x0 = body[0].x0
        self.x1 = max(run.x1 for run in body)

    def opens_with_marker(self) -> bool:
        """Whether the line starts with a raised footnote marker."""
        for run in self.runs:
            if run.visible:
                return run.raised and run.text.lstrip()[0] in _MARKER_START
        return False


class _Page:
    __slots__ = ("lines",)

    def __init__(self, lines: list[_Line]) -> None:
        self.lines = lines


def _lines(runs: list[_Run]) -> list[_Line]:
    """Group runs into printed lines, top to bottom, each cut at wide column gaps."""
    clusters: list[list[_Run]] = []
    anchors: list[tuple[float, float]] = []  # (baseline, largest size) of each cluster
    for run in sorted(runs, key=lambda run: -run.base):
        if clusters:
            base, size = anchors[-1]
            if base - run.base <= _SAME_LINE * min(run.size, size):
                clusters[-1].append(run)
                anchors[-1] = (base, max(size, run.size))
                continue
        clusters.append([run])
        anchors.append((run.base, run.size))
    lines: list[_Line] = []
    for group, cluster in enumerate(_attach_raised(clusters)):
        cluster.sort(key=lambda run: run.x0 + run.x1)
        lines.extend(_Line(part, group) for part in _split_columns(cluster))
    return lines


def _visible(cluster: list[_Run]) -> list[_Run]:
    return [run for run in cluster if run.visible]


def _reference(cluster: list[_Run]) -> _Run:
    visible = _visible(cluster) or cluster
    return max(visible, key=lambda run: (run.size, len(run.text)))


def _near(small: list[_Run], line: list[_Run], size: float) -> bool:
    left = min(run.x0 for run in line) - _NEAR * size
    right = max(run.x1 for run in line) + _NEAR * size
    return any(left <= run.x1 and run.x0 <= right for run in small)


def _attach_raised(clusters: list[list[_Run]]) -> list[list[_Run]]:
    """Put clusters of small raised (or lowered) type into the line they belong to.

    Each cluster's reference run is found once, and again only for a cluster that grows.
    """
    references = [_reference(cluster) for cluster in clusters]
    kept: list[list[_Run]] = []
    kept_references: list[_Run] = []
    last = len(clusters) - 1
    for index, cluster in enumerate(clusters):
        own = references[index]
        if own.visible:
            if index < last:
                below, anchor = clusters[index + 1], references[index + 1]
                if (
                    own.size <= _RAISED_SIZE * anchor.size
                    and 0 < own.base - anchor.base <= _RAISED_REACH * anchor.size
                    and _near(cluster, below, anchor.size)
                ):
                    below.extend(cluster)
                    references[index + 1] = _reference(below)
                    continue
            if kept:
                above, anchor = kept[-1], kept_references[-1]
                if (
                    own.size <= _RAISED_SIZE * anchor.size
                    and 0 < anchor.base - own.base <= _LOWERED_REACH * anchor.size
                    and _near(cluster, above, anchor.size)
                ):
                    above.extend(cluster)
                    kept_references[-1] = _reference(above)
                    continue
        kept.append(cluster)
        kept_references.append(own)
    return kept


def _split_columns(cluster: list[_Run]) -> Iterable[list[_Run]]:
    """Cut a printed line where a gap is far wider than any space between words."""
    part: list[_Run] = []
    right: float | None = None
    for run in cluster:
        visible = run.visible
        if visible and right is not None and run.x0 - right > _COLUMN_GAP * run.size:
            yield part
            part, right = [], None
        part.append(run)
        if visible:
            right = run.x1 if right is None else max(right, run.x1)
    if right is not None:
        yield part
