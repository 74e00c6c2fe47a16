"""pandas export: one row per clause, paragraph and sub-paragraph, anchored in the source."""

from __future__ import annotations

import pathlib
import sys

import pytest

import resparse
from resparse.exports.frame import COLUMNS, to_frame
from resparse.readers.akn import from_akn

pd = pytest.importorskip("pandas")

FIXTURES = pathlib.Path(__file__).resolve().parents[1] / "fixtures"
NESTED = (
    "United Nations A/RES/80/7\n\nThe General Assembly,\n\n*Recalling* its resolution 79/1,\n\n"
    "1. *Decides*:\n(a) to act;\n(i) at once;\n(ii) in full;\n(b) to report;\n"
    "2. *Requests* the Secretary-General to report.\n"
)


@pytest.fixture(scope="module")
def seed() -> resparse.Resolution:
    return resparse.parse_file(FIXTURES / "A_HRC_RES_46_13.txt")


def test_frame_seed_has_a_row_per_clause_and_paragraph(seed: resparse.Resolution) -> None:
    frame = to_frame(seed)
    assert list(frame.columns) == list(COLUMNS)
    assert frame["kind"].value_counts().to_dict() == {"preambular": 17, "operative": 8}
    assert set(frame["symbol"]) == {"A/HRC/RES/46/13"}
    assert set(frame["body"]) == {"Human Rights Council"}
    operative = frame[frame["kind"] == "operative"]
    assert operative["number"].tolist() == list(range(1, 9))
    assert operative["lead"].tolist()[:3] == ["Calls upon", "Calls upon", "Reiterates"]
    assert operative["lead_italic"].tolist() == [p.lead_italic for p in seed.operative]
    preamble = frame[frame["kind"] == "preambular"]
    assert preamble["index"].tolist() == list(range(1, 18))
    assert preamble["number"].isna().all()
    assert preamble["lead"].iloc[4] == "Reaffirming also"


def test_frame_offsets_point_back_into_the_source(seed: resparse.Resolution) -> None:
    frame = to_frame(seed)
    parts = [*seed.preamble, *seed.operative]
    assert [(row.start, row.end) for row in frame.itertuples()] == [
        (p.span.start, p.span.end) for p in parts
    ]
    assert frame["text"].tolist() == [p.text for p in parts]
    first = frame.iloc[0]
    assert seed.source[first["start"] : first["end"]].startswith("Guided by")


def test_frame_sub_paragraphs_carry_their_parent_path() -> None:
    frame = to_frame(resparse.parse(NESTED))
    subs = frame[frame["kind"] == "subparagraph"]
    assert subs["label"].tolist() == ["a", "i", "ii", "b"]
    assert subs["parent"].tolist() == ["1", "1(a)", "1(a)", "1"]
    assert subs["number"].tolist() == [1, 1, 1, 1]
    assert subs["index"].tolist() == [1, 2, 3, 4]
    assert subs["lead"].isna().all()
    assert frame["kind"].tolist() == [
        "preambular",
        "operative",
        "subparagraph",
        "subparagraph",
        "subparagraph",
        "subparagraph",
        "operative",
    ]
    # Filtering on the number gives a paragraph together with all its items.
    assert len(frame[frame["number"] == 1]) == 5


def test_frame_keeps_parts_and_many_resolutions_in_order(seed: resparse.Resolution) -> None:
    parted = from_akn(FIXTURES / "akn" / "A_RES_77_256_A-B.xml")
    frame = to_frame(r for r in (seed, parted))
    assert frame["symbol"].drop_duplicates().tolist() == ["A/HRC/RES/46/13", "A/RES/77/256 A-B"]
    rows = frame[frame["symbol"] == "A/RES/77/256 A-B"]
    assert set(rows["part"].dropna()) == {"A", "B"}
    expected = len(parted.preamble) + sum(
        1 + sum(1 for top in p.subparagraphs for _ in top.walk()) for p in parted.operative
    )
    assert len(rows) == expected


def test_frame_unnumbered_paragraph_is_its_own_parent_by_position() -> None:
    r = resparse.Resolution(
        source="x",
        operative=(
            resparse.OperativeParagraph(
                number=None,
                lead=None,
                text="x",
                span=resparse.Span(0, 1),
                subparagraphs=(resparse.SubParagraph("a", "x", resparse.Span(0, 1)),),
            ),
        ),
    )
    frame = to_frame(r)
    assert frame["number"].isna().all()
    assert frame["parent"].tolist()[1] == "1"


def test_frame_missing_values_are_na_in_every_column() -> None:
    frame = to_frame(resparse.parse(NESTED))
    for column in ("number", "label", "parent", "part", "lead_italic"):
        assert frame[column].isna().any()
        assert all(value is pd.NA for value in frame[column] if pd.isna(value))


def test_frame_of_nothing_has_the_columns_and_types() -> None:
    empty, full = to_frame([]), to_frame(resparse.parse(NESTED))
    assert list(empty.columns) == list(COLUMNS)
    assert len(empty) == 0
    assert empty.dtypes.to_dict() == full.dtypes.to_dict()


def test_frame_refuses_what_is_not_a_resolution() -> None:
    with pytest.raises(TypeError, match="Resolution"):
        to_frame(["United Nations A/RES/1/1"])  # type: ignore[list-item]


def test_frame_without_pandas_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # None in sys.modules makes the import fail
    with pytest.raises(ImportError, match=r"pip install '\.\[pandas\]'"):
        to_frame(resparse.parse(NESTED))
