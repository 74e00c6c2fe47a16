"""parse_all: a text holding several resolutions, cut into one result each."""

from __future__ import annotations

import pathlib

from hypothesis import given
from hypothesis import strategies as st

import resparse

FIXTURES = pathlib.Path(__file__).resolve().parent.parent / "fixtures"
GOLDEN = sorted((FIXTURES / "golden").glob("*.txt"))
PRINTED = sorted((FIXTURES / "sc").glob("*.txt"))


def _check_tiling(text: str, results: list[resparse.Resolution]) -> None:
    assert results
    assert results[0].offset == 0
    position = 0
    for result in results:
        assert result.offset == position
        assert text[result.offset : result.offset + len(result.source)] == result.source
        position += len(result.source)
    assert position == len(text)


def test_split_golden_texts_joined_come_back_one_by_one() -> None:
    texts = [p.read_text(encoding="utf-8") for p in GOLDEN]
    whole = "\n".join(texts)
    results = resparse.parse_all(whole)
    _check_tiling(whole, results)
    singles = [resparse.parse(t) for t in texts]
    assert [r.header.symbol for r in results] == [s.header.symbol for s in singles]
    assert [(len(r.preamble), len(r.operative)) for r in results] == [
        (len(s.preamble), len(s.operative)) for s in singles
    ]
    assert all(r.unclassified == () and r.uncovered() == [] for r in results)


def test_split_printed_volume_texts() -> None:
    texts = [p.read_text(encoding="utf-8") for p in PRINTED]
    whole = "\n\n".join(texts)
    results = resparse.parse_all(whole)
    _check_tiling(whole, results)
    assert [r.header.number for r in results] == [resparse.parse(t).header.number for t in texts]


def test_split_one_resolution_is_a_list_of_one() -> None:
    text = (FIXTURES / "A_HRC_RES_46_13.txt").read_text(encoding="utf-8")
    assert resparse.parse_all(text) == [resparse.parse(text)]


def test_split_running_headers_do_not_cut() -> None:
    text = (FIXTURES / "golden" / "pdftotext_A_RES_78_232.txt").read_text(encoding="utf-8")
    assert len(resparse.parse_all(text)) == 1


@given(st.text(max_size=1500))
def test_split_never_raises_and_tiles(text: str) -> None:
    _check_tiling(text, resparse.parse_all(text))


def test_split_same_resolution_in_two_languages_gives_two() -> None:
    # regression: the French cover repeats the English symbol, so only the publisher line
    # above it ("Nations Unies") tells a new cover from a running header
    english = (FIXTURES / "golden" / "markup_75_274_E.txt").read_text(encoding="utf-8")
    french = (FIXTURES / "golden" / "markup_75_274_F.txt").read_text(encoding="utf-8")
    results = resparse.parse_all(english + "\n" + french)
    assert [r.language for r in results] == ["en", "fr"]
    assert [r.header.symbol for r in results] == ["A/RES/75/274", "A/RES/75/274"]


def test_split_cover_naming_the_body_is_not_the_formula() -> None:
    # regression: "Генеральная Ассамблея" on a Russian cover read as the enacting formula
    texts = [
        (FIXTURES / "golden" / name).read_text(encoding="utf-8")
        for name in ("markup_ru_A_RES_77_219-2228963R.txt", "markup_ru_A_RES_77_272-R.txt")
    ]
    results = resparse.parse_all("\n".join(texts))
    assert [r.header.symbol for r in results] == ["A/RES/77/219", "A/RES/77/272"]
