"""Vote statements of every era and body, the checks on them, and votes as a table."""

from __future__ import annotations

import datetime as dt
import pathlib
import time

import attrs
import pytest
import regex

import resparse
from resparse import _vote_words
from resparse._build import is_state as _is_state
from resparse._language import LANGUAGES, profile
from resparse._vote import VoteFields, membership, read_vote, split_states
from resparse.exports.votes import COLUMNS, votes_frame
from resparse.model import Span, VoteRecord
from resparse.states import ga_membership

FIXTURES = pathlib.Path(__file__).resolve().parents[1] / "fixtures"
SC = "Security Council"
GA = "General Assembly"
HRC = "Human Rights Council"


def read(
    text: str,
    body: str | None = None,
    notes: dict[str, str] | None = None,
    language: str = "en",
) -> VoteFields:
    return read_vote(text, 0, is_state=_is_state, body=body, notes=notes, language=language)


def codes(fields: VoteFields) -> list[str]:
    return [d.code for d in fields.diagnostics]


def wrap(formula: str, vote: str) -> str:
    return (
        f"The {formula},\n\nRecalling its previous resolutions,\n\n"
        f"1. Decides to remain seized of the matter.\n\n{vote}\n"
    )


# --- every form: (text, body, method, counts, in favour, against, abstaining) -----------


def form(  # noqa: PLR0913 - one keyword per thing a form can print
    name: str,
    text: str,
    body: str | None,
    method: str,
    *,
    counts: tuple[int, int, int] | None = None,
    yes: tuple[str, ...] = (),
    no: tuple[str, ...] = (),
    abstain: tuple[str, ...] = (),
    language: str = "en",
) -> object:
    return pytest.param(text, body, method, counts, (yes, no, abstain), language, id=name)


FORMS = [
    form(
        "hrc-annex",
        "[Adopted by a recorded vote of 3 to 2, with 1 abstention. The voting was as follows:\n\nIn favour:\n\nArgentina, Bolivia (Plurinational State of) and Côte d'Ivoire\n\nAgainst:\n\nAustria and United Kingdom of Great Britain and Northern Ireland\n\nAbstaining:\n\nArmenia]",
        HRC,
        "recorded",
        counts=(3, 2, 1),
        yes=("Argentina", "Bolivia (Plurinational State of)", "Côte d'Ivoire"),
        no=("Austria", "United Kingdom of Great Britain and Northern Ireland"),
        abstain=("Armenia",),
    ),
    form(
        "hrc-footnote-markers",
        "[Adopted by a recorded vote of 2 to 1, with 1 abstentions.* The voting was as follows:3\n\nIn favour:\n\nCuba* and Türkiye\n\nAgainst:\n\nNetherlands (Kingdom of the)\n\nAbstaining:\n\nTrinidad and Tobago]",
        HRC,
        "recorded",
        counts=(2, 1, 1),
        yes=("Cuba", "Türkiye"),
        no=("Netherlands (Kingdom of the)",),
        abstain=("Trinidad and Tobago",),
    ),
    form(
        "hrc-no-abstentions",
        "[Adopted by a recorded vote of 2 to 1, with no abstentions. The voting was as follows:\n\nIn favour:\n\nAntigua and Barbuda and Bahamas\n\nAgainst:\n\nJapan]",
        HRC,
        "recorded",
        counts=(2, 1, 0),
        yes=("Antigua and Barbuda", "Bahamas"),
        no=("Japan",),
    ),
    form(
        "hrc-older",
        "[Resolution adopted by a recorded vote of 2 votes to 1, with 0 abstentions. The voting was as follows: In favour: China, Cuba; Against: France]",
        HRC,
        "recorded",
        counts=(2, 1, 0),
        yes=("China", "Cuba"),
        no=("France",),
    ),
    form(
        "hrc-against-none",
        "[Adopted by a recorded vote of 1 to none, with 1 abstention. The voting was as follows:\nIn favour:\nChile\nAgainst:\nNone\nAbstaining:\nPeru]",
        HRC,
        "recorded",
        counts=(1, 0, 1),
        yes=("Chile",),
        abstain=("Peru",),
    ),
    form("hrc-without", "[Adopted without a vote.]", HRC, "without_vote"),
    form("sc-unanimous", "Adopted unanimously at the 1382nd meeting.", SC, "unanimous"),
    form(
        "sc-1990",
        "Adopted at the 2963rd meeting by\n12 votes to 2 (Cuba and Yemen),\nwith 1 abstention (China).",
        SC,
        "non_recorded",
        counts=(12, 2, 1),
        no=("Cuba", "Yemen"),
        abstain=("China",),
    ),
    form(
        "sc-1961",
        "Adopted at the 942nd meeting\nby 9 votes to none, with 2 abstentions (France, Union of\nSoviet Socialist Republics).",
        SC,
        "non_recorded",
        counts=(9, 0, 2),
        abstain=("France", "Union of Soviet Socialist Republics"),
    ),
    form(
        "sc-no-lists",
        "Adopted at the 8700th meeting by 13 votes to none, with 2 abstentions.",
        SC,
        "non_recorded",
        counts=(13, 0, 2),
    ),
    form(
        "sc-1982",
        "Adopted at the 2350th meeting\nby 10 votes to 1 (Panama), with\n4 abstentions (China, Poland,\nSpain, Union of Soviet Socialist\nRepublics).",
        SC,
        "non_recorded",
        counts=(10, 1, 4),
        no=("Panama",),
        abstain=("China", "Poland", "Spain", "Union of Soviet Socialist Republics"),
    ),
    form(
        "sc-ocr-no-comma",
        "Adopted at the 298Ist meeting by 12\nvotes to 1 (Cuba) with 2 abstentions\n(Ecuador, Yemen).",
        SC,
        "non_recorded",
        counts=(12, 1, 2),
        no=("Cuba",),
        abstain=("Ecuador", "Yemen"),
    ),
    form(
        "sc-not-participating",
        "Adopted at the 2932nd meeting\nby 14 votes to none. One member\n(Yemen) did not participate in the\nvote.",
        SC,
        "non_recorded",
        counts=(14, 0, 0),
    ),
    form(
        "sc-short-form",
        "Adopted 13-0-2, 8712th meeting, 4 March 2020.",
        SC,
        "non_recorded",
        counts=(13, 0, 2),
    ),
    form("sc-voting-by-mail", "Adopted unanimously; voting by mail, 3 June 2020.", SC, "unanimous"),
    form("sc-acclamation", "Adopted by acclamation at the 8789th meeting.", SC, "unanimous"),
    form(
        "sc-veto",
        "Not adopted owing to the negative vote of a permanent member. The vote was 13 in favour, 1 against (United States of America) and 1 abstention (United Kingdom of Great Britain and Northern Ireland).",
        SC,
        "rejected",
        counts=(13, 1, 1),
        no=("United States of America",),
        abstain=("United Kingdom of Great Britain and Northern Ireland",),
    ),
    form(
        "sc-failed-majority",
        "The draft resolution failed of adoption, having received 7 votes in favour, 2 against and 6 abstentions.",
        SC,
        "rejected",
        counts=(7, 2, 6),
    ),
    form(
        "ga-recorded",
        "Adopted by a recorded vote of 150 to 7, with 17 abstentions",
        GA,
        "recorded",
        counts=(150, 7, 17),
    ),
    form(
        "ga-non-recorded",
        "Adopted by a non-recorded vote of 120 to 2, with 10 abstentions.",
        GA,
        "non_recorded",
        counts=(120, 2, 10),
    ),
    form(
        "ga-in-favour-against",
        "Adopted by 150 votes in favour to 7 against, with 17 abstentions.",
        GA,
        "non_recorded",
        counts=(150, 7, 17),
    ),
    form("ga-without", "Adopted without a vote.", GA, "without_vote"),
    form("ga-consensus", "Adopted by consensus.", GA, "consensus"),
    form(
        "ga-separate-paragraph",
        "The draft resolution as a whole was adopted by a recorded vote of 150 to 7, with 17 abstentions. Operative paragraph 7 was retained by a recorded vote of 110 to 39, with 12 abstentions.",
        GA,
        "recorded",
        counts=(150, 7, 17),
    ),
    form(
        "fr",
        "[Adoptée sans vote.]",
        "Conseil des droits de l'homme",
        "without_vote",
        language="fr",
    ),
    form(
        "es",
        "[Aprobada sin votación.]",
        "Consejo de Derechos Humanos",
        "without_vote",
        language="es",
    ),
    form("fr-consensus", "Adoptée par consensus.", None, "consensus", language="fr"),
    form("es-unanimous", "Aprobada por unanimidad.", None, "unanimous", language="es"),
    form(
        "french-labels",
        "[Adoptée à l’issue d’un vote enregistré par 1 voix contre 1, avec 1 abstention. "
        "Les voix se sont réparties comme suit :\nPour : Chile\nContre : Peru\nAbstentions : Cuba]",
        "Conseil des droits de l’homme",
        "recorded",
        counts=(1, 1, 1),
        yes=("Chile",),
        no=("Peru",),
        abstain=("Cuba",),
        language="fr",
    ),
    form(
        "french-sc",
        "Adoptée par 13 voix contre zéro, avec 2 abstentions (China, France).",
        "Conseil de sécurité",
        "non_recorded",
        counts=(13, 0, 2),
        abstain=("China", "France"),
        language="fr",
    ),
    form(
        "spanish-labels",
        "[Aprobada en votación registrada por 1 voto contra 1 y 1 abstención. "
        "Votos a favor: Chile\nEn contra: Peru\nAbstenciones: Cuba]",
        "Consejo de Derechos Humanos",
        "recorded",
        counts=(1, 1, 1),
        yes=("Chile",),
        no=("Peru",),
        abstain=("Cuba",),
        language="es",
    ),
    form(
        "spanish-sc",
        "Aprobada por 13 votos contra ninguno y 2 abstenciones.",
        "Consejo de Seguridad",
        "non_recorded",
        counts=(13, 0, 2),
        language="es",
    ),
]


@pytest.mark.parametrize(("text", "body", "method", "counts", "lists", "language"), FORMS)
def test_vote_reads_every_form(  # noqa: PLR0913, PLR0917 - one parameter per column of FORMS
    text: str,
    body: str | None,
    method: str,
    counts: tuple[int, int, int] | None,
    lists: tuple[tuple[str, ...], ...],
    language: str,
) -> None:
    fields = read(text, body, language=language)
    assert fields.method == method
    got = (fields.in_favour, fields.against, fields.abstaining)
    assert got == (counts or (None, None, None))
    assert (fields.in_favour_states, fields.against_states, fields.abstaining_states) == lists
    assert [d for d in fields.diagnostics if d.severity != "info"] == []


@pytest.mark.parametrize(
    ("text", "meeting", "repaired"),
    [
        ("Adopted unanimously at the\n1382nd meeting.", "1382nd meeting", False),
        ("Adopted unanimously at the l382nd meeting.", "1382nd meeting", True),
        ("Adopted at the 298Ist meeting by 12 votes to 1 (Cuba).", "2981st meeting", True),
        ("Adopted at the 473rd_ meeting\nby 9 votes to none.", "473rd meeting", True),
        ("Adopted at the 2nd meeting. 22", "2nd meeting", False),
        ("Adopted without a vote at its 45th plenary meeting.", "45th plenary meeting", False),
    ],
)
def test_vote_meeting_through_ocr_slips(text: str, meeting: str, *, repaired: bool) -> None:
    fields = read(text, SC)
    assert fields.meeting == meeting
    assert ("ocr.meeting_repaired" in codes(fields)) is repaired


def test_vote_ocr_counts_are_read_with_a_diagnostic() -> None:
    fields = read("Adopted at the 2000th meeting by l2 votes to 1 (Cuba).", SC)
    assert (fields.in_favour, fields.against) == (12, 1)
    assert "ocr.count_repaired" in codes(fields)


# --- members that took no part, failed drafts, separate votes, footnotes ------------------


def test_vote_members_not_participating_and_absent() -> None:
    fields = read(
        "Adopted at the 1000th meeting by 9 votes to none, with 3 abstentions (Bulgaria, "
        "France, United Kingdom), one member (China) not participating in the vote. Two "
        "members (Egypt, India) were absent.",
        SC,
    )
    assert fields.not_participating == ("China",)
    assert fields.absent == ("Egypt", "India")
    assert {"vote.not_participating", "vote.absent"} <= set(codes(fields))
    assert "vote.over_membership" not in codes(fields)  # 9 + 3 + 1 + 2 = 15
    fields = read(
        "Adopted at the 1000th meeting by 12 votes to none, with 3 abstentions (Bulgaria, "
        "France, United Kingdom), one member (China) not participating in the vote.",
        SC,
    )
    assert "vote.over_membership" in codes(fields)  # 12 + 3 + 1 = 16


def test_vote_veto_names_the_permanent_member_against() -> None:
    fields = read(
        "The draft resolution was not adopted owing to the negative vote of a permanent member "
        "of the Council. The vote was 13 in favour, 2 against (Russian Federation, Syrian Arab "
        "Republic) and 0 abstentions.",
        SC,
    )
    assert fields.method == "rejected"
    assert fields.vetoed
    veto = next(d for d in fields.diagnostics if d.code == "vote.veto")
    assert "Russian Federation" in veto.message
    assert "Syrian" not in veto.message


def test_vote_separate_votes_are_kept_apart() -> None:
    fields = read(
        "The draft resolution as a whole was adopted by a recorded vote of 150 to 7, with 17 "
        "abstentions. Operative paragraph 7 was retained by a recorded vote of 110 to 39, with "
        "12 abstentions. The seventh preambular paragraph was adopted without a vote.",
        GA,
    )
    assert [
        (s.subject, s.outcome, s.in_favour, s.against, s.abstaining) for s in fields.separate
    ] == [
        ("Operative paragraph 7", "retained", 110, 39, 12),
        ("The seventh preambular paragraph", "adopted without a vote", None, None, None),
    ]
    assert codes(fields).count("vote.separate") == 2


def test_vote_footnote_on_the_statement_completes_it() -> None:
    text = "Adopted at the 1747th meeting by 14 votes to none 27"
    bare = read(text, SC)
    assert bare.marker == "27"
    assert (bare.in_favour, bare.against, bare.abstaining) == (14, 0, 0)
    assert "vote.footnote_unread" in codes(bare)
    told = read(text, SC, notes={"27": "One member (China) did not participate in the voting."})
    assert told.not_participating == ("China",)
    assert "vote.footnote_unread" not in codes(told)
    note = read("Adopted at the 2nd meeting. 22", SC, notes={"22": "Adopted without vote."})
    assert note.method == "without_vote"
    parts = read(
        "Adopted at the 173rd meeting. 6",
        SC,
        notes={
            "6": "The draft resolution was voted on in parts. No vote was taken on the text as a whole."
        },
    )
    assert parts.method is None
    assert "vote.in_parts" in codes(parts)


def test_vote_last_count_is_not_a_footnote_marker() -> None:
    fields = read("Adopted at the 2000th meeting by 12 votes to 2", SC)
    assert fields.marker is None
    assert fields.against == 2


# --- the checks: one diagnostic code each --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "body", "code"),
    [
        pytest.param(
            "[Adopted by a recorded vote of 3 to 1, with 0 abstentions. The voting was as follows:"
            " In favour: Chile and Peru Against: Cuba]",
            HRC,
            "vote.count_mismatch",
            id="count",
        ),
        pytest.param(
            "[Adopted by a recorded vote of 3 to 0, with 0 abstentions. The voting was as follows:"
            " In favour: Chile, Peru and Chile]",
            HRC,
            "vote.duplicate_state",
            id="twice",
        ),
        pytest.param(
            "[Adopted by a recorded vote of 2 to 0, with 0 abstentions. The voting was as follows:"
            " In favour: United Kingdom and United Kingdom of Great Britain and Northern Ireland]",
            HRC,
            "vote.duplicate_state",
            id="twice-under-two-names",
        ),
        pytest.param(
            "Adopted at the 100th meeting by 9 votes to 1 (France), with 1 abstention (France).",
            SC,
            "vote.state_in_two_lists",
            id="two-lists",
        ),
        pytest.param(
            "Adopted at the 100th meeting by 9 votes to 1 (European Union).",
            SC,
            "vote.unknown_state",
            id="unknown",
        ),
        pytest.param(
            "Adopted at the 100th meeting by 14 votes to 1 (Cuba), with 1 abstention (China).",
            SC,
            "vote.over_membership",
            id="sc-16",
        ),
        pytest.param(
            "[Adopted by a recorded vote of 30 to 15, with 3 abstentions.]",
            HRC,
            "vote.over_membership",
            id="hrc-48",
        ),
        pytest.param(
            "Adopted by a recorded vote of 150 to 30, with 14 abstentions.",
            GA,
            "vote.over_membership",
            id="ga-194",
        ),
    ],
)
def test_vote_checks_each_raise_their_code(text: str, body: str, code: str) -> None:
    fields = read_vote(text, 100, is_state=_is_state, body=body)
    found = [d for d in fields.diagnostics if d.code == code]
    assert found, codes(fields)
    assert all(d.span == Span(100, 100 + len(text)) and d.severity == "warning" for d in found)


def test_vote_unknown_names_are_kept_as_written() -> None:
    fields = read("Adopted at the 100th meeting by 9 votes to 1 (Atlantis).", SC)
    assert fields.against_states == ("Atlantis",)


def test_vote_membership_follows_body_and_date() -> None:
    assert membership(SC, dt.date(1950, 6, 1)) == 11
    assert membership(SC, dt.date(1990, 11, 29)) == 15
    assert membership(SC, None) == 15
    assert membership(HRC, None) == 47
    assert membership(GA, dt.date(1950, 6, 1)) == ga_membership(dt.date(1950, 6, 1))
    assert membership("Economic and Social Council", None) is None
    assert membership(None, None) is None
    # 70 votes were impossible in the General Assembly of 1950, though not today.
    text = "Adopted by 60 votes to 5, with 5 abstentions, on 1 June 1950."
    assert "vote.over_membership" in codes(read(text, GA))
    assert "vote.over_membership" not in codes(read(text.replace("1950", "1990"), GA))


def test_vote_body_reaches_the_checks_through_parse() -> None:
    res = resparse.parse(
        wrap(SC, "Adopted at the 100th meeting by 14 votes to 1 (Cuba), with 1 abstention (China).")
    )
    assert res.header.body == SC
    assert "vote.over_membership" in [d.code for d in res.diagnostics]


# --- codes beside the names ------------------------------------------------------------------


def test_vote_record_codes_resolve_each_name() -> None:
    vote = VoteRecord(
        method="recorded",
        span=Span(0, 1),
        in_favour_states=("Bolivia (Plurinational State of)", "TÜRKIYE", "Atlantis"),
        against_states=("Union of Soviet Socialist Republics",),
        abstaining_states=("Côte d’Ivoire",),
    )
    assert vote.in_favour_codes == ("BOL", "TUR", None)
    assert vote.in_favour_m49 == ("068", "792", None)
    assert vote.against_codes == ("SUN",)
    assert vote.against_m49 == ("810",)
    assert vote.abstaining_codes == ("CIV",)
    assert vote.abstaining_m49 == ("384",)


def test_vote_codes_stay_out_of_the_json(fixtures: pathlib.Path) -> None:
    res = resparse.parse_file(fixtures / "A_HRC_RES_46_13.txt")
    assert res.vote is not None
    assert not [key for key in res.to_dict()["vote"] if key.endswith(("_codes", "_m49"))]
    assert None not in res.vote.in_favour_codes + res.vote.against_codes + res.vote.abstaining_codes


# --- votes as a table ------------------------------------------------------------------------


def test_vote_frame_seed_has_one_row_per_state() -> None:
    pytest.importorskip("pandas")
    frame = votes_frame([resparse.parse_file(FIXTURES / "A_HRC_RES_46_13.txt")])
    assert list(frame.columns) == list(COLUMNS)
    assert len(frame) == 47
    assert frame["vote"].value_counts().to_dict() == {"yes": 26, "no": 15, "abstain": 6}
    assert not frame["alpha3"].isna().any()
    assert not frame["m49"].isna().any()
    assert frame["state"].nunique() == 47
    first = frame.iloc[0]
    assert (first["symbol"], first["state"], first["alpha3"], first["m49"]) == (
        "A/HRC/RES/46/13",
        "Argentina",
        "ARG",
        "032",
    )
    assert str(first["date"].date()) == "2021-03-23"
    assert set(frame["body"]) == {HRC}
    assert set(frame["method"]) == {"recorded"}
    assert frame[frame["state"] == "Côte d'Ivoire"]["alpha3"].tolist() == ["CIV"]


def test_vote_frame_empty_and_wrong_input() -> None:
    pytest.importorskip("pandas")
    assert list(votes_frame([]).columns) == list(COLUMNS)
    unanimous = resparse.parse(wrap(SC, "Adopted unanimously at the 1382nd meeting."))
    assert len(votes_frame(unanimous)) == 0
    with pytest.raises(TypeError):
        votes_frame(["not a resolution"])  # type: ignore[list-item]


def test_vote_frame_keeps_unknown_names_with_missing_codes() -> None:
    pd = pytest.importorskip("pandas")
    res = resparse.parse(wrap(SC, "Adopted at the 100th meeting by 9 votes to 1 (Atlantis)."))
    frame = votes_frame(res)
    assert frame["state"].tolist() == ["Atlantis"]
    assert frame["alpha3"].tolist() == [pd.NA]


# --- printed Security Council texts (fixtures/sc) --------------------------------------------

PRINTED = [
    pytest.param(
        "S_RES_0082_1950_EN_GOLD.txt",
        "non_recorded",
        (9, 0, 1),
        ((), ("Yugoslavia",)),
        "473rd meeting",
        id="82",
    ),
    pytest.param(
        "S_RES_0338_1973_EN_GOLD.txt",
        "non_recorded",
        (14, 0, 0),
        ((), ()),
        "1747th meeting",
        id="338",
    ),
    pytest.param(
        "S_RES_0678_1990_EN_GOLD.txt",
        "non_recorded",
        (12, 2, 1),
        (("Cuba", "Yemen"), ("China",)),
        "2963rd meeting",
        id="678",
    ),
    pytest.param(
        "S_RES_0687_1991_EN_GOLD.txt",
        "non_recorded",
        (12, 1, 2),
        (("Cuba",), ("Ecuador", "Yemen")),
        "2981st meeting",
        id="687",
    ),
]


@pytest.mark.parametrize(("name", "method", "counts", "lists", "meeting"), PRINTED)
def test_vote_printed_security_council_texts(
    name: str,
    method: str,
    counts: tuple[int, int, int],
    lists: tuple[tuple[str, ...], tuple[str, ...]],
    meeting: str,
) -> None:
    res = resparse.parse_file(FIXTURES / "sc" / name)
    vote = res.vote
    assert vote is not None
    assert vote.method == method
    assert (vote.in_favour, vote.against, vote.abstaining) == counts
    assert (vote.against_states, vote.abstaining_states) == lists
    assert vote.meeting == meeting
    assert None not in vote.against_codes + vote.abstaining_codes
    assert not [d for d in res.diagnostics if d.code.startswith("vote.") and d.severity != "info"]


@pytest.mark.parametrize(
    ("name", "not_participating", "absent"),
    [
        ("S_RES_0082_1950_EN_GOLD.txt", (), ("Union of Soviet Socialist Republics",)),
        ("S_RES_0338_1973_EN_GOLD.txt", ("China",), ()),
    ],
)
def test_vote_printed_texts_with_their_footnotes(
    name: str, not_participating: tuple[str, ...], absent: tuple[str, ...]
) -> None:
    res = resparse.parse_file(FIXTURES / "sc" / name)
    assert res.vote is not None
    notes = {f.marker: f.text for f in res.footnotes}
    fields = read_vote(
        res.raw(res.vote.span), res.vote.span.start, is_state=_is_state, body=SC, notes=notes
    )
    assert fields.not_participating == not_participating
    assert fields.absent == absent


# --- regressions -----------------------------------------------------------------------------


@pytest.mark.issue(4)
def test_vote_non_recorded_is_not_recorded() -> None:
    assert read("Adopted by a non-recorded vote of 120 to 2, with 10 abstentions.", GA).method == (
        "non_recorded"
    )


@pytest.mark.issue(4)
def test_vote_non_unanimous_is_not_unanimous() -> None:
    assert read("Adopted non-unanimously; voting by mail, 25 February 2021.", SC).method == (
        "non_recorded"
    )


@pytest.mark.issue(4)
def test_vote_rejected_paragraph_does_not_reject_the_resolution() -> None:
    fields = read(
        "The draft resolution was adopted by a recorded vote of 120 to 10, with 5 abstentions. "
        "Operative paragraph 3 was rejected by a recorded vote of 40 to 80, with 10 abstentions.",
        GA,
    )
    assert fields.method == "recorded"
    assert (fields.in_favour, fields.against, fields.abstaining) == (120, 10, 5)
    assert fields.separate[0].outcome == "rejected"


@pytest.mark.issue(4)
def test_vote_ocr_l_is_not_dropped_from_the_meeting() -> None:
    # "l382nd" used to be read as the 382nd meeting.
    assert read("Adopted unanimously at the l382nd meeting.", SC).meeting == "1382nd meeting"


@pytest.mark.issue(4)
def test_vote_ocr_underscore_after_the_ordinal() -> None:
    # "473rd_ meeting" (resolution 82 (1950)) used to give no meeting at all.
    assert read("Adopted at the 473rd_ meeting by 9 votes to none.", SC).meeting == "473rd meeting"


@pytest.mark.issue(4)
def test_vote_printed_empty_list_is_checked_against_its_count() -> None:
    fields = read(
        "[Adopted by a recorded vote of 1 to 2, with 0 abstentions. The voting was as follows:"
        " In favour: Chile Against: None]",
        HRC,
    )
    assert fields.against_states == ()
    assert "vote.count_mismatch" in codes(fields)


@pytest.mark.issue(4)
def test_vote_long_and_chain_is_split_in_linear_time() -> None:
    # Splitting "A and B and C ..." used to retry every cut against the State table.
    started = time.perf_counter()
    names = split_states("Atlantis and " * 3000 + "Cuba", _is_state)
    assert time.perf_counter() - started < 5.0
    assert len(names) == 3001
    assert names[-1] == "Cuba"


@pytest.mark.issue(4)
def test_vote_line_broken_names_are_mended() -> None:
    assert split_states("Union of Soviet Social-\nist Republics, Czecho-\nslovakia", _is_state) == (
        "Union of Soviet Socialist Republics",
        "Czechoslovakia",
    )
    assert split_states("Guinea-\nBissau and Timor-\nLeste", _is_state) == (
        "Guinea-Bissau",
        "Timor-Leste",
    )


def test_vote_lists_drop_page_furniture() -> None:
    fields = read(
        "[Adopted by a recorded vote of 3 to 0, with 0 abstentions. The voting was as follows:\n"
        "In favour:\nArgentina, Bahrain,\nGE.21-04704 5\n\fA/HRC/RES/46/13\n2\nChile]",
        HRC,
    )
    assert fields.in_favour_states == ("Argentina", "Bahrain", "Chile")


# --- every pattern is linear ---------------------------------------------------------------

CHUNKS = (
    "a ", "A", "1", "(", ")", "_", "*", " ", "-", "Aa ", "of ", "The ", ", ", "and ", "1 ",
    "by 1 to ", "(a", "l", "1st ", ". A", "\n", "\n1\n", "Cuba and ", "In favour: ",
    "with 1 ", "One member (", "paragraph ", "1-",
    "i", "s", "f", "I", "ß", "ﬁ", "İ",  # full case folding made SEPARATE_RE exponential (issue 18)
)  # fmt: skip


def _vote_patterns() -> list[object]:
    """Every vote pattern: the shared ones and each language's, compiled from its lexicon."""
    found: list[object] = [
        pytest.param(getattr(_vote_words, n), id=n) for n in dir(_vote_words) if n.endswith("_RE")
    ]
    for code in LANGUAGES:
        words = profile(code).vote
        for field in attrs.fields(type(words)):
            value = getattr(words, field.name)
            if isinstance(value, regex.Pattern):
                found.append(pytest.param(value, id=f"{code}-{field.name}"))
    return found


@pytest.mark.parametrize("pattern", _vote_patterns())
def test_vote_patterns_are_linear_on_adversarial_input(pattern: regex.Pattern[str]) -> None:
    for chunk in CHUNKS:
        text = chunk * 3000 + "!"
        pattern.search(text, timeout=2.0)


def test_vote_reader_is_fast_on_adversarial_input() -> None:
    for chunk in CHUNKS:
        started = time.perf_counter()
        read(chunk * 3000 + "!", GA)
        assert time.perf_counter() - started < 2.0, repr(chunk)


# --- each language reads its own words, and only those ------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "method"),
    [
        ("[Adopted without a vote.]", "en", "without_vote"),
        ("[Adopted without a vote.]", "fr", None),  # English words are not French
        ("[Adoptée sans vote.]", "en", None),  # nor French words English
        ("[Adoptée sans vote.]", "fr", "without_vote"),
        ("[Aprobada sin votación.]", "fr", None),
        ("[Adopted without a vote.]", "ru", None),  # a language with no [vote] reads none
    ],
)
def test_vote_words_are_the_language_s_own(text: str, language: str, method: str | None) -> None:
    assert read(text, language=language).method == method


def test_vote_lists_cut_at_the_language_s_joiner_only() -> None:
    english = read("[In favour: Chile and Peru]", language="en")
    assert english.in_favour_states == ("Chile", "Peru")
    # French lists keep "et": State names are known in English only (see fr.toml)
    french = read("[Pour : Chili et Pérou]", language="fr")
    assert french.in_favour_states == ("Chili et Pérou",)


def test_vote_membership_knows_a_body_by_its_local_name() -> None:
    assert membership("Conseil de sécurité", dt.date(2021, 1, 1), "fr") == 15
    assert membership("Consejo de Derechos Humanos", None, "es") == 47
    assert membership("Conseil de sécurité", dt.date(2021, 1, 1), "en") is None


def test_vote_lists_printed_one_state_to_a_line() -> None:
    """A list copied from a table keeps no commas: each line names one State."""
    fields = read(
        "[Adopted by a recorded vote of 3 to 2, with 1 abstention. The voting was as follows:\n"
        "In favour:\nArgentina\nBolivia (Plurinational\nState of)\nand Chile\n"
        "Against:\nDenmark\nFrance\nAbstaining:\nFiji]",
        HRC,
    )
    assert fields.in_favour_states == ("Argentina", "Bolivia (Plurinational State of)", "Chile")
    assert fields.against_states == ("Denmark", "France")
    assert not codes(fields)


def test_vote_lines_that_together_name_one_state_stay_one_name() -> None:
    fields = read(
        "[Adopted by a recorded vote of 1 to 1. The voting was as follows:\n"
        "In favour:\nUnited Kingdom of Great Britain\nand Northern Ireland\nAgainst:\nFrance]",
        HRC,
    )
    assert fields.in_favour_states == ("United Kingdom of Great Britain and Northern Ireland",)


def test_vote_statement_without_brackets_keeps_its_lists() -> None:
    """Without "[...]", the lists after the meeting line and statement are the vote's.

    Regression: the seed with its brackets removed read the counts but none of the 47
    names, and gave six ``text.unclassified`` warnings; a statement ending with its full
    stop lost the lists after it the same way.
    """
    seed = (FIXTURES / "A_HRC_RES_46_13.txt").read_text(encoding="utf-8")
    at = seed.index("[Adopted")
    for record in (
        seed[at:].strip().removeprefix("[").removesuffix("]"),
        (
            "Adopted by a recorded vote of 3 to 2, with 1 abstention.\n\n"
            "In favour:\n\nArgentina, Brazil and Chile\n\nAgainst:\n\nDenmark and France\n\n"
            "Abstaining:\n\nFiji"
        ),
    ):
        result = resparse.parse(seed[:at] + record)
        vote = result.vote
        assert vote is not None
        counts = (vote.in_favour, vote.against, vote.abstaining)
        names = (len(vote.in_favour_states), len(vote.against_states))
        assert names == counts[:2]
        assert len(vote.abstaining_states) == counts[2]
        assert not result.unclassified
        assert not result.diagnostics


def test_vote_recorded_vote_whose_counts_are_unread_is_reported() -> None:
    fields = read("[Adopted by a recorded vote of twenty-six to fifteen, with six abstentions.]")
    assert fields.method == "recorded"
    assert codes(fields) == ["vote.counts_unread"]
