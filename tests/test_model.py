"""The result types: immutability, validation, views over the source."""

from __future__ import annotations

import attrs
import pytest

from resparse.model import (
    Diagnostic,
    Furniture,
    Header,
    PreambularClause,
    Resolution,
    Span,
    SpanMap,
    SubParagraph,
)


@pytest.mark.parametrize(("start", "end"), [(-1, 3), (5, 4)])
def test_model_span_rejects_bad_ranges(start: int, end: int) -> None:
    with pytest.raises(ValueError, match=r"span|must be"):
        Span(start, end)


def test_model_span_views() -> None:
    outer, inner = Span(2, 10), Span(3, 5)
    assert outer.contains(inner)
    assert not inner.contains(outer)
    assert outer.overlaps(inner)
    assert not Span(0, 2).overlaps(outer)
    assert len(outer) == 8
    assert Span(1, 3).of("abcdef") == "bc"


def test_model_results_are_frozen_and_hashable() -> None:
    r = Resolution(source="x")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        r.source = "y"  # type: ignore[misc]
    assert hash(r) == hash(Resolution(source="x"))


def test_model_span_map_is_a_read_only_mapping() -> None:
    spans = SpanMap.from_pairs([("title", Span(9, 12)), ("symbol", Span(0, 5))])
    assert list(spans) == ["symbol", "title"]
    assert spans["title"] == Span(9, 12)
    assert spans.get("missing") is None
    assert dict(spans) == {"symbol": Span(0, 5), "title": Span(9, 12)}
    assert Header(spans=spans).span_of("symbol") == Span(0, 5)


def test_model_segments_let_the_innermost_part_win() -> None:
    source = "Recalling x\n2/7\nand y,"
    clause = PreambularClause(
        index=1, lead="Recalling", text="Recalling x and y,", span=Span(0, len(source))
    )
    furniture = Furniture("page_number", "2/7", Span(12, 15))
    r = Resolution(source=source, preamble=(clause,), furniture=(furniture,))
    kinds = [(s.kind, r.raw(s.span)) for s in r.segments()]
    assert kinds == [
        ("preambular", "Recalling x\n"),
        ("furniture", "2/7"),
        ("preambular", "\nand y,"),
    ]
    assert r.uncovered() == []


def test_model_uncovered_reports_orphan_text() -> None:
    r = Resolution(source="  lost words  ")
    assert r.uncovered() == [Span(2, 12)]


def test_model_subparagraph_walk_is_document_order() -> None:
    inner = SubParagraph("i", "x", Span(3, 4))
    outer = SubParagraph("a", "y", Span(0, 5), (inner,))
    assert [s.label for s in outer.walk()] == ["a", "i"]


def test_model_diagnostic_str_names_code_and_place() -> None:
    d = Diagnostic("vote.count_mismatch", "count 3, listed 2", "warning", Span(4, 9))
    assert str(d) == "warning: vote.count_mismatch at 4-9: count 3, listed 2"


def test_model_page_of_counts_form_feeds() -> None:
    r = Resolution(source="a\fb\fc")
    assert [r.page_of(i) for i in (0, 2, 4)] == [1, 2, 3]
