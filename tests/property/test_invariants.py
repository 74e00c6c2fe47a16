"""Invariants on any input: coverage, nesting, determinism, round trips, never a crash."""

from __future__ import annotations

import itertools
import pathlib

from hypothesis import assume, given
from hypothesis import strategies as st

import resparse
from tests.property.strategies import Built, mutated, resolutions

FIXTURES = pathlib.Path(__file__).resolve().parents[2] / "fixtures"
SEED = (FIXTURES / "A_HRC_RES_46_13.txt").read_text(encoding="utf-8")
# every real text of the golden set, in every language and extraction shape it holds
REAL_TEXTS = [
    SEED,
    *(p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "golden").glob("*.txt"))),
]


def check_invariants(r: resparse.Resolution) -> None:  # noqa: C901 - one assertion family each
    """Every property a result must have, whatever the input."""
    n = len(r.source)
    segments = r.segments()
    for a, b in itertools.pairwise(segments):
        assert a.span.end <= b.span.start, (a, b)
    assert r.uncovered() == [], r.uncovered()
    for kind, _, span in r.top_level():
        assert 0 <= span.start <= span.end <= n, (kind, span)
    content = [
        (k, s) for k, _, s in r.top_level() if k not in {"footnote", "footnote_marker", "furniture"}
    ]
    for (ka, a), (kb, b) in itertools.pairwise(content):
        assert a.end <= b.start, (ka, a, kb, b)
    for clause in r.preamble:
        if clause.lead_span is not None:
            assert clause.span.contains(clause.lead_span)
    for para in r.operative:
        if para.lead_span is not None:
            assert para.span.contains(para.lead_span)
        previous_end = para.span.start
        for top in para.subparagraphs:
            for sub in top.walk():
                assert para.span.contains(sub.span)
            assert top.span.start >= previous_end
            previous_end = top.span.end
            for child in top.subparagraphs:
                assert top.span.contains(child.span)


@given(st.text(max_size=2000))
def test_invariants_arbitrary_text_never_raises(text: str) -> None:
    r = resparse.parse(text)
    check_invariants(r)
    assert resparse.Resolution.from_dict(r.to_dict()) == r


@given(resolutions())
def test_invariants_synthetic_resolutions_give_back_their_structure(built: Built) -> None:
    r = resparse.parse(built.text)
    check_invariants(r)
    assert [c.lead for c in r.preamble] == list(built.pre_leads)
    assert [p.lead for p in r.operative] == list(built.op_leads)
    assert [p.number for p in r.operative] == list(range(1, len(built.op_leads) + 1))
    assert [len(p.subparagraphs) for p in r.operative] == list(built.sub_counts)
    expected_italic = True if built.italics else None
    assert {c.lead_italic for c in r.preamble} <= {expected_italic}
    assert {p.lead_italic for p in r.operative} == {expected_italic}


@given(st.sampled_from(REAL_TEXTS).flatmap(mutated))
def test_invariants_mutated_real_text(text: str) -> None:
    r = resparse.parse(text)
    check_invariants(r)
    assert resparse.parse(text) == r
    assert resparse.Resolution.from_json(r.to_json()) == r
    assert r.to_json() == resparse.parse(text).to_json()


@given(resolutions(), st.integers(min_value=60, max_value=120))
def test_invariants_wrapped_text_gives_back_the_same_structure(built: Built, width: int) -> None:
    """A page's wrapping (lines filled to a width) changes no clause and no paragraph."""
    from resparse._eval_cases import as_wrapped  # noqa: PLC0415 - the evaluation's wrapper

    assume(not built.italics)  # markdown emphasis is not wrapped across lines
    wrapped = as_wrapped(built.text, width)
    r = resparse.parse(wrapped)
    check_invariants(r)
    assert [c.lead for c in r.preamble] == list(built.pre_leads)
    assert [p.lead for p in r.operative] == list(built.op_leads)
    assert [len(p.subparagraphs) for p in r.operative] == list(built.sub_counts)
