"""Learning the tables from the markup, and parsing with tables given in memory."""

from __future__ import annotations

import collections
import pathlib

import pytest

from resparse import _hyphens, _lead_tables, _leads, _learn, _learn_folders

FIXTURES = pathlib.Path(__file__).resolve().parent.parent / "fixtures" / "akn"


def test_learn_table_counts_where_the_leads_end() -> None:
    openings = [
        (["noting", "with", "concern", "the"], 3),
        (["noting", "with", "concern", "that"], 3),
        (["noting", "the", "report"], 1),
    ]
    rows = {row[0]: row[1:] for row in _learn.table(openings)}
    # inside, stop, shorter, ends
    assert rows["noting"] == ("3", "0", "0", "1")
    assert rows["noting with concern"] == ("2", "0", "0", "2")
    assert "noting the" not in rows  # the lead never reached it: nothing to learn there


def test_learn_openings_of_a_file_match_its_italic_leads() -> None:
    found = _learn.openings_of(str(FIXTURES / "A_RES_78_109.xml"))
    assert len(found["pre"]) == 4
    assert all(0 < n <= len(words) for words, n in found["pre"] + found["op"])


def test_learn_lead_table_text_is_what_the_parser_reads() -> None:
    found = _learn.collect([str(FIXTURES / "A_RES_78_109.xml"), str(FIXTURES / "A_RES_77_5.xml")])
    text = _learn.lead_table_text(found, 2, "test resolutions")
    rows = [line.split("\t") for line in text.splitlines() if not line.startswith("#")]
    assert rows
    assert all(len(row) == 6 and row[0] in ("pre", "op") for row in rows)
    assert "2 files" in text


def test_learn_hyphen_words_keep_and_join() -> None:
    counts = collections.Counter(
        {
            "capacity-building": 5,
            "capacitybuilding": 1,
            "inter-agency": 3,
            "inter-state": 3,
            "inter-regional": 3,
            "international": 40,
            "interstate": 2,
        }
    )
    kept, joined = _learn.hyphen_words(counts, "en")
    assert kept == ["capacity-building", "inter-agency", "inter-regional", "inter-state"]
    # "inter-" is a common first half, but the UN writes these whole
    assert joined == ["international", "interstate"]


def test_leads_replaced_tables_swap_and_restore() -> None:
    words = ["noting", "with", "deep", "concern", "the", "report"]
    shipped = _leads.lead_length(words, "pre")
    assert shipped == 4
    with _lead_tables.replaced_tables({"en.tsv": "", "en.sc.tsv": ""}):
        # no learned table: morphology alone takes the participle
        assert _leads.lead_length(words, "pre") == 1
        assert not _lead_tables.known_first_word("noting", "pre")
    assert _leads.lead_length(words, "pre") == shipped
    assert _lead_tables.known_first_word("noting", "pre")


def test_leads_replaced_tables_restore_after_an_error() -> None:
    words = ["noting", "with", "deep", "concern"]
    with pytest.raises(RuntimeError), _lead_tables.replaced_tables({"en.tsv": ""}):
        raise RuntimeError
    assert _leads.lead_length(words, "pre") == 4


def test_hyphens_replaced_tables_swap_and_restore() -> None:
    assert _hyphens.keeps_hyphen("capacity", "building")
    with _hyphens.replaced_tables({"en.hyphens.tsv": "join\tcapacitybuilding\n"}):
        assert not _hyphens.keeps_hyphen("capacity", "building")
    assert _hyphens.keeps_hyphen("capacity", "building")


def test_learn_modifiers_finish_leads_after_several_heads() -> None:
    openings = [
        (["requests", "also", "the"], 2),
        (["requests", "the"], 1),
        (["urges", "also", "all"], 2),
        (["urges", "states"], 1),
        (["decides", "also", "to"], 2),
        (["decides", "to"], 1),
        # "with" follows whole leads outside them as often as inside: no modifier
        (["notes", "with", "concern"], 1),
        (["notes", "the"], 1),
        (["welcomes", "with", "appreciation"], 2),
        (["welcomes", "the"], 1),
    ]
    rows = {row[0]: row[1:] for row in _learn.modifiers(openings)}
    assert rows == {"also": ("3", "0", "3")}
    text = _learn.lead_table_text({"pre": [], "op": openings}, 1, "test")
    assert "op+\talso\t3\t0\t3" in text.splitlines()


@pytest.mark.issue(16)
def test_learn_a_lone_preposition_is_no_modifier() -> None:
    # "Calls on", "Calls again on", "Decides on": "on" finishes leads after several heads,
    # but it is the verb's own preposition, not a modifier that finishes any head
    openings = [
        (["calls", "on", "states"], 2),
        (["calls", "again", "on", "states"], 3),
        (["calls", "again", "the"], 2),
        (["decides", "on", "the"], 2),
        (["decides", "to"], 1),
        (["calls", "the"], 1),
    ]
    assert [row[0] for row in _learn.modifiers(openings)] == []


@pytest.mark.parametrize(
    ("path", "learned"),
    [
        # the older Council texts, marked in another style, stay unseen too
        ("unxml/sc/2005/English/S_RES_1600.xml", False),
        ("unxml/sc/2021/French/S_RES_2600.xml", True),
        ("unxml/ga/77session/Arabic/A_RES_77_1.xml", True),
        # the drafts not adopted stay texts the shipped tables have never seen
        ("unxml/sc/drafts-not-adopted/Arabic/S_2023_970.xml", False),
    ],
)
def test_learn_which_folders_the_shipped_tables_learn_from(path: str, learned: bool) -> None:
    assert _learn_folders.learned_from(path) is learned
