"""The spaCy component: span groups on a blank pipeline, aligned with the parse."""

from __future__ import annotations

import importlib.metadata
import os
import pathlib
import pickle
import subprocess
import sys
import textwrap

import pytest

import resparse
from resparse.readers.akn import from_akn

spacy = pytest.importorskip("spacy")
pipeline = pytest.importorskip("resparse.pipeline")

from spacy.tokens import Doc, DocBin  # noqa: E402 - only once spaCy is known to be there

FIXTURES = pathlib.Path(__file__).resolve().parents[1] / "fixtures"
SEED_TEXT = (FIXTURES / "A_HRC_RES_46_13.txt").read_text(encoding="utf-8")
ENTRY_POINT = "resparse = resparse.pipeline:make_component"  # entry_points.txt has no quotes


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("resparse")
    return nlp


@pytest.fixture(scope="module")
def doc(nlp: spacy.language.Language) -> Doc:
    return nlp(SEED_TEXT)


def _covers_exactly_or_by_whitespace(span_text: str, raw: str) -> bool:
    """Expand alignment may only add whitespace around the part's own text."""
    if span_text == raw:
        return True
    head, _, tail = span_text.partition(raw)
    return raw in span_text and not head.strip() and not tail.strip()


def test_pipeline_counts_on_the_seed(doc: Doc) -> None:
    assert len(doc.spans["preambular"]) == 17
    assert len(doc.spans["operative"]) == 8
    assert len(doc.spans["leads"]) == 25
    assert doc._.resparse_misaligned == []


def test_pipeline_spans_are_the_raw_text_of_each_part(doc: Doc) -> None:
    r = doc._.resolution
    assert isinstance(r, resparse.Resolution)
    assert r == resparse.parse(SEED_TEXT)
    pairs = [
        *zip(doc.spans["preambular"], r.preamble, strict=True),
        *zip(doc.spans["operative"], r.operative, strict=True),
    ]
    for span, part in pairs:
        assert _covers_exactly_or_by_whitespace(span.text, r.raw(part.span))
    # On the seed every part starts and ends on a token boundary: the match is exact.
    assert all(span.text == r.raw(part.span) for span, part in pairs)
    leads = [c.lead_span for c in r.preamble] + [p.lead_span for p in r.operative]
    assert [s.text for s in doc.spans["leads"]] == [r.raw(span) for span in leads if span]


def test_pipeline_spans_are_labelled_and_named(doc: Doc) -> None:
    assert {s.label_ for s in doc.spans["preambular"]} == {"preambular"}
    assert {s.label_ for s in doc.spans["operative"]} == {"operative"}
    assert {s.label_ for s in doc.spans["leads"]} == {"lead"}
    assert doc.spans["preambular"][4].id_ == "preamble[4]"
    assert doc.spans["leads"][17].id_ == "operative[0].lead"
    assert doc.spans["leads"][17].text == "Calls upon"


def test_pipeline_runs_other_components_over_operative_paragraphs_only(doc: Doc) -> None:
    other = spacy.blank("en")
    other.add_pipe("sentencizer")
    paragraphs = list(other.pipe(span.text for span in doc.spans["operative"]))
    assert len(paragraphs) == 8
    assert all(p.text.lstrip("- ").startswith(f"{i}.") for i, p in enumerate(paragraphs, start=1))
    assert all(len(list(p.sents)) >= 1 for p in paragraphs)
    # Or a span as a Doc of its own, keeping the tokens of the whole-document parse.
    first = doc.spans["operative"][0].as_doc()
    assert first.text == doc.spans["operative"][0].text


def test_pipeline_resolution_survives_doc_serialization(
    nlp: spacy.language.Language, doc: Doc
) -> None:
    restored = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert restored._.resolution == doc._.resolution
    assert [s.text for s in restored.spans["leads"]] == [s.text for s in doc.spans["leads"]]
    docs = list(DocBin(store_user_data=True, docs=[doc]).get_docs(nlp.vocab))
    assert docs[0]._.resolution == doc._.resolution
    assert pickle.loads(pickle.dumps(doc))._.resolution == doc._.resolution  # noqa: S301


def test_pipeline_to_doc_keeps_a_result_that_did_not_come_from_parse() -> None:
    nlp = spacy.blank("en")
    r = from_akn(FIXTURES / "akn" / "A_RES_78_64.xml")
    doc = r.to_doc(nlp)
    assert doc.text == r.source
    assert doc._.resolution == r
    assert len(doc.spans["preambular"]) == len(r.preamble)
    assert len(doc.spans["operative"]) == len(r.operative)
    assert [s.text for s in doc.spans["operative"]] == [r.raw(p.span) for p in r.operative]


def test_pipeline_to_doc_can_run_the_pipeline_but_not_reparse() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("resparse")
    r = resparse.Resolution(
        source="Recalling x,\n\n1. Decides y.",
        preamble=(resparse.PreambularClause(1, None, "Recalling x,", resparse.Span(0, 12)),),
    )
    plain = r.to_doc(nlp)
    assert not plain.has_annotation("SENT_START")
    ran = r.to_doc(nlp, run_pipeline=True)
    assert ran.has_annotation("SENT_START")
    assert ran._.resolution == r  # the resparse component did not replace it with a parse
    assert len(ran.spans["operative"]) == 0


def test_pipeline_skips_and_lists_spans_that_cannot_align() -> None:
    nlp = spacy.blank("en")
    clause = resparse.PreambularClause(
        1, "Recalling", "Recalling x,", resparse.Span(0, 12), lead_span=resparse.Span(0, 0)
    )
    beyond = resparse.PreambularClause(2, None, "lost", resparse.Span(10, 99))
    r = resparse.Resolution(source="Recalling x,", preamble=(clause, beyond))
    doc = pipeline.resolution_to_doc(r, nlp)
    assert [s.text for s in doc.spans["preambular"]] == ["Recalling x,"]
    assert len(doc.spans["leads"]) == 0
    assert doc._.resparse_misaligned == ["preamble[1]", "preamble[0].lead"]


def test_pipeline_expand_alignment_takes_whole_tokens() -> None:
    nlp = spacy.blank("en")
    clause = resparse.PreambularClause(1, None, "call", resparse.Span(2, 6))
    r = resparse.Resolution(source="Recalling x,", preamble=(clause,))
    doc = r.to_doc(nlp)
    assert doc.spans["preambular"][0].text == "Recalling"


def test_pipeline_handles_text_that_is_no_resolution(nlp: spacy.language.Language) -> None:
    for text in ["", "   \n\f", "hello world"]:
        doc = nlp(text)
        assert doc._.resolution == resparse.parse(text)
        assert doc._.resparse_misaligned == []


def test_pipeline_extensions_are_registered_once() -> None:
    pipeline.register_extensions()
    pipeline.register_extensions()
    assert Doc.has_extension("resolution")
    assert Doc.has_extension("resparse_misaligned")


def test_pipeline_import_resparse_does_not_import_spacy() -> None:
    code = "import resparse, sys; assert 'spacy' not in sys.modules, 'spacy was imported'"
    # A fresh interpreter is the only clean way to see what an import alone does.
    subprocess.run([sys.executable, "-c", code], check=True)  # noqa: S603


def test_pipeline_entry_point_is_registered_after_install() -> None:
    names = {ep.name: ep.value for ep in importlib.metadata.entry_points(group="spacy_factories")}
    if "resparse" not in names:
        pytest.skip("no spacy_factories entry point: pyproject.toml does not declare it yet")
    assert names["resparse"] == "resparse.pipeline:make_component"


def test_pipeline_entry_point_line_lets_spacy_find_the_factory(tmp_path: pathlib.Path) -> None:
    # A stand-in distribution that declares only the entry point, as pyproject.toml will:
    # spaCy must find the factory without resparse.pipeline being imported first.
    info = tmp_path / "resparse_entry_point_probe-0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: resparse-entry-point-probe\nVersion: 0\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(f"[spacy_factories]\n{ENTRY_POINT}\n", encoding="utf-8")
    code = textwrap.dedent(
        """
        import sys, spacy
        assert "resparse.pipeline" not in sys.modules
        nlp = spacy.blank("en")
        nlp.add_pipe("resparse")
        doc = nlp("The General Assembly,\\n\\nRecalling x,\\n\\n1. Decides y.")
        assert len(doc.spans["operative"]) == 1, doc.spans
        """
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), *sys.path])}
    subprocess.run([sys.executable, "-c", code], check=True, env=env)  # noqa: S603
