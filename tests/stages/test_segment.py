"""The segment stage on its own: small texts in, blocks out (table-driven)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

import resparse
from resparse import _classify
from resparse._furniture import RunningTitle, furniture_kinds
from resparse._language import profile
from resparse._locate import locate_body, read_header_zone
from resparse._scan import scan
from resparse._segment import segment
from resparse.readers.base import Document

if TYPE_CHECKING:
    from resparse._blocks import Segmentation

HEAD = "The General Assembly,\n\n"


def _segment(text: str, language: str = "en") -> Segmentation:
    """Every stage before the segmenter, then the segmenter, as the pipeline runs them."""
    lines = scan(text)
    located = locate_body(lines, language, [])
    assert located is not None
    formula_index, body_start = located
    head, body_start, part_heading, cover = read_header_zone(
        text, lines, formula_index, body_start, language
    )
    local = profile(language)
    start = body_start + 1 if formula_index is not None else body_start
    title = RunningTitle.of(head.header.symbol, head.header.title)
    furniture = furniture_kinds(lines[start:], title, local)
    kinds = _classify.classify_lines(lines, furniture, local, start=start)
    return segment(
        Document(text=text, reader="text"),
        kinds,
        local=local,
        start=start,
        italics=None,
        formula=lines[formula_index] if formula_index is not None else None,
        cover_furniture=cover,
        part_heading=part_heading,
    )


def _texts(text: str, blocks: tuple[object, ...]) -> list[str]:
    return [" ".join(text[a:b] for a, b in block.pieces) for block in blocks]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("body", "clauses", "numbers"),
    [
        ("Recalling a,\n\nNoting b,\n\n1. Decides c;\n\n2. Requests d.\n", 2, [1, 2]),
        # a number that the numbering does not allow stays in its paragraph
        ("Recalling a,\n\n1. Decides c in paragraph\n5. of the report;\n", 1, [1]),
        # a number without its period opens the next paragraph when a verb follows
        ("Recalling a,\n\n1. Decides c;\n2 Requests d;\n", 1, [1, 2]),
        # no numbers: an operative verb after the last clause opens the operative part
        ("Recalling a,\n\nDecides to act.\n", 1, [None]),
        # a clause's line that wraps continues the clause
        ("Recalling its resolution\nof last year,\n\n1. Decides c.\n", 1, [1]),
        # an excerpt opens its operative part past 1, and its loose number follows on
        ("Recalling a,\n\n25. Decides c;\n\n26 Condemns d;\n\n27. Calls e.\n", 1, [25, 26, 27]),
        ("25. Decides c;\n\n26. Requests d.\n", 0, [25, 26]),
        # but not a number inside an unfinished clause, nor one no verb follows
        ("Recalling a\n\n25. Decides c.\n", 1, []),
        ("Recalling a,\n\n25. The report c;\n\n1. Requests d.\n", 2, [1]),
        # a table's numbered rows after a paragraph's colon are the table's own
        (
            (
                "Recalling a,\n\n1. Approves as follows:\n2\tGeneral Assembly\t340 979 200\n"
                "3\tDisarmament\t12 859 200\n2. Requests d.\n"
            ),
            1,
            [1, 2],
        ),
    ],
)
def test_segment_zones(body: str, clauses: int, numbers: list[int | None]) -> None:
    result = _segment(HEAD + body)
    assert len(result.clauses) == clauses
    assert [p.number for p in result.paragraphs] == numbers


def test_segment_sub_paragraphs_nest() -> None:
    text = (
        HEAD
        + "Recalling a,\n\n1. Requests:\n(a) To report;\n(i) First;\n(ii) Second;\n(b) To act.\n"
    )
    (paragraph,) = _segment(text).paragraphs
    assert [c.label for c in paragraph.children] == ["a", "b"]
    assert [c.label for c in paragraph.children[0].children] == ["i", "ii"]


def test_segment_furniture_and_notes_leave_the_paragraph() -> None:
    text = HEAD + (
        "Recalling its resolution 1/1,1\n\n1. Decides to continue the\n"
        "__________\n1 See A/78/1.\n\fwork of the Council.\n"
    )
    result = _segment(text)
    (paragraph,) = result.paragraphs
    assert _texts(text, (paragraph,)) == ["Decides to continue the work of the Council."]
    assert [f.kind for f in result.furniture] == ["separator"]
    assert [[line.text for line in block] for block in result.note_blocks] == [["1 See A/78/1."]]


def test_segment_heading_before_a_numbered_section() -> None:
    text = HEAD + "Recalling a,\n\n1. Decides b;\n\nII\n\nFinancing\n\n2. Requests c.\n"
    result = _segment(text)
    assert [text[h.start : h.end] for h in result.headings] == ["II", "Financing"]
    assert [p.section for p in result.paragraphs] == [None, "II"]


def test_segment_adoption_record_and_annex() -> None:
    text = (
        HEAD
        + "Recalling a,\n\n1. Decides b.\n\n45th plenary meeting\n1 May 2024\n\nAnnex\n\nText.\n"
    )
    result = _segment(text)
    assert len(result.votes) == 1
    assert result.votes[0].meeting_line
    assert [a.label for a in result.annexes] == ["Annex"]


@pytest.mark.issue(16)
@pytest.mark.parametrize("label", ["B", "II", "III.", "Part B"])
def test_segment_section_label_before_its_opening_phrase(label: str) -> None:
    # "B" / "With regard to the trade in arms," / "8. ...": the label is a heading and the
    # phrase an unnumbered paragraph of its own, not both glued to the paragraph before
    text = HEAD + (
        "Recalling a,\n\n1. Decides b;\n\n"
        f"{label}\nWith regard to the trade in arms,\n2. Encourages c;\n3. Requests d.\n"
    )
    result = _segment(text)
    assert [text[h.start : h.end] for h in result.headings] == [label]
    assert [p.number for p in result.paragraphs] == [1, None, 2, 3]
    assert _texts(text, result.paragraphs)[:2] == [
        "Decides b;",
        "With regard to the trade in arms,",
    ]


@pytest.mark.issue(16)
def test_segment_no_opening_phrase_without_a_number_after_it() -> None:
    # a comma-ended line after the label that no numbered paragraph follows is no opening
    text = HEAD + (
        "Recalling a,\n\n1. Decides b;\n\nII\nWith regard to the trade in arms,\nand more\n"
        "2. Encourages c.\n"
    )
    result = _segment(text)
    assert [text[h.start : h.end] for h in result.headings] == []


RUSSIAN = (
    "ссылаясь на свои предыдущие резолюции по этому вопросу,\n"
    "вновь подтверждая свою приверженность суверенитету государства,\n"
    "ссылаясь также на свою резолюцию 67/19 от 29 ноября 2012 года,\n"
    "{line}\n"
    "1.\tпостановляет действовать в соответствии с этой резолюцией;\n"
    "2.\tпостановляет продолжать заниматься этим вопросом.\n"
)
PARTS = (
    "Recalling its resolution 70/1 of 25 September 2015 on the agenda,\n"
    "Keenly alive to the importance of the rule of law at all levels,\n"
    "Noting the report of the Secretary-General on the subject,\n"
    "1. Decides to act on this matter at its next session;\n"
    "2. Requests the Secretary-General to report on it next year.\n"
)


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("language", "head", "body", "clauses"),
    [
        # one line per part: a lead no table knows still opens a clause after a finished one
        ("en", HEAD, PARTS, 3),
        (
            "zh",
            "大会，\n",
            (
                "回顾其以往关于这一问题的各项决议，包括2021年12月9日第76/72号决议，\n"
                "倾听了世界各地人民的心声，希望所有国家均能更多地获得和利用天基服务，\n"
                "又回顾其关于海洋和海洋法的各项决议以及相关的其他决议，\n"
                "1. 决定继续审议这个问题，并在下届会议上作出决定；\n"
                "2. 请秘书长向大会第七十八届会议提交关于本决议的报告。\n"
            ),
            3,
        ),
        # leads in lower case: any word after a finished part, but a conjunction goes on
        ("ru", "Совет Безопасности,\n", RUSSIAN.format(line="утверждая право жить в мире,"), 4),
        ("ru", "Совет Безопасности,\n", RUSSIAN.format(line="и на содержащихся в ней нормах,"), 3),
        # after a colon the lines are the clause's own list or quotation
        (
            "en",
            HEAD,
            (
                "Recalling the following principles set out in the Charter:\n"
                "Sovereign equality of all its Members and the rights they hold,\n"
                "Peaceful settlement of disputes between all of the States,\n"
                "Noting the report of the Secretary-General on the subject,\n"
                "1. Decides to act on this matter at its next session.\n"
            ),
            2,
        ),
        # wrapped lines (most end in mid-sentence): an unknown opening goes on with the clause
        (
            "en",
            HEAD,
            (
                "Recalling its resolution 70/1 of 25 September 2015 on the\n"
                "agenda for sustainable development and the rule of law at\n"
                "all levels of government in the world,\n"
                "Keenly alive to the importance of the rule of law at all the\n"
                "levels of government in the world and in its regions,\n"
                "Noting the report of the Secretary-General on the subject,\n"
                "1. Decides to act on this matter at its next session.\n"
            ),
            2,
        ),
    ],
)
def test_segment_a_finished_part_ends_where_lines_are_parts(
    language: str, head: str, body: str, clauses: int
) -> None:
    result = _segment(head + body, language)
    assert len(result.clauses) == clauses


@pytest.mark.parametrize(
    ("text", "width"),
    [
        ("", 0),
        ("Recalling its resolution", 24),
        ("回顾其决议", 10),  # a Chinese character takes two columns
        ("第76/72号决议，", 15),  # digits and the slash one, "，" two
    ],
)
def test_columns(text: str, width: int) -> None:
    from resparse._zone_state import columns  # noqa: PLC0415 - one test's helper

    assert columns(text) == width


CHINESE_SECTIONS = (
    "大会，\n"
    "十八\n"
    "联合检查组毛额预算\n"
    "1.\t表示注意到秘书长提交的说明；\n"
    "2.\t核准联合检查组2023年毛额预算8 378 700美元；\n"
    "十九\n"
    "共同出资的联合国系统行政首长协调理事会毛额预算\n"
    "{opening}\n"
    "二十\n"
    "应急基金\n"
    "1.\t回顾其第76/246 A号决议，其中将应急基金数额定为核定方案预算的0.75%；\n"
    "2.\t决定将2024年应急基金数额定为2023年核定方案预算的0.75%。\n"
)


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("opening", "clauses", "paragraphs"),
    [
        # a section's only paragraph ends as a paragraph does and a heading follows: the
        # "1." further on belongs to the next section and does not make it a clause
        ("注意到联合国系统行政首长协调理事会2023年毛额预算4 047 500美元；", 0, 5),
        ("注意到联合国系统行政首长协调理事会2023年毛额预算4 047 500美元。", 0, 5),
        # one that ends with a comma is the section's preamble, whatever the heading after
        ("注意到联合国系统行政首长协调理事会2023年毛额预算的报告，", 1, 4),
    ],
)
def test_segment_chinese_section_closed_before_any_number(
    opening: str, clauses: int, paragraphs: int
) -> None:
    """Chinese shares its verbs between the parts; the line's end and a heading tell them."""
    result = _segment(CHINESE_SECTIONS.format(opening=opening), "zh")
    assert (len(result.clauses), len(result.paragraphs)) == (clauses, paragraphs)


@pytest.mark.issue(16)
@pytest.mark.parametrize("ending", ["и", "или", "с учетом положений"])
def test_segment_a_lower_case_line_is_no_heading(ending: str) -> None:
    """Regression: wrapped Russian text (leads in lower case, so any short line without
    closing punctuation passed for a title) lost "сбора ... среду и" to a heading, silently."""
    text = (
        "Генеральная Ассамблея,\n"
        "сознавая сохраняющуюся необходимость изучения атомной и ионизирующей радиации,\n"
        f"сбора информации о ней и анализа ее воздействия на человека и среду {ending}\n"
        "сознавая также, что объем, сложность и разнообразие такой информации возросли,\n"
        "1. постановляет продолжать рассмотрение этого вопроса.\n"
    )
    result = _segment(text, "ru")
    assert result.headings == ()
    assert len(result.clauses) == 1


def test_segment_a_russian_title_in_capitals_is_still_a_heading() -> None:
    text = (
        "Генеральная Ассамблея,\n"
        "ссылаясь на свои предыдущие резолюции по этому вопросу,\n"
        "1. постановляет продолжать рассмотрение этого вопроса;\n"
        "Целевой фонд для Программы Десятилетия действий\n"
        "2. просит Генерального секретаря представить доклад.\n"
    )
    result = _segment(text, "ru")
    assert len(result.headings) == 1
    assert len(result.paragraphs) == 2


_LIST = (
    "1. Recalls the adoption of the following decisions:\n"
    "(a) The first decision of the Conference{end}\n(b) The second decision of the Council{end}\n"
)
_AFTER = "2. Requests a report on the matter at its next session.\n"
_EN = HEAD + "Recalling its resolution 1/1 of 1 May 2020,\n"
_FR = "L’Assemblée générale,\n\nRappelant sa résolution 1/1 du 1er mai 2020,\n"
_RU = "Генеральная Ассамблея,\n\nссылаясь на свою резолюцию 1/1 от 1 мая 2020 года,\n"


@pytest.mark.parametrize(
    ("language", "opening", "end", "after_list", "wraps_up"),
    [
        # a conjunction in lower case after a finished item: the paragraph's own sentence
        ("en", _EN, ";", "and stresses their importance;", True),
        ("fr", _FR, ";", "et souligne leur importance;", True),
        ("ru", _RU, ";", "и подчеркивает их важность;", True),
        # a lower-case line that opens with no conjunction stays in the item
        ("en", _EN, ";", "as well as their importance;", False),
        # the item did not end: the line goes on with it
        ("en", _EN, ",", "and stresses their importance;", False),
    ],
)
def test_segment_the_sentence_after_a_list_goes_back_to_its_paragraph(
    language: str, opening: str, end: str, after_list: str, *, wraps_up: bool
) -> None:
    text = opening + _LIST.format(end=end) + after_list + "\n" + _AFTER
    first = _segment(text, language).paragraphs[0]
    own = _texts(text, (first,))[0]
    last_item = _texts(text, (first.children[-1],))[0]
    assert (after_list in own) is wraps_up
    assert (after_list in last_item) is not wraps_up


def test_segment_a_caseless_line_after_a_list_wraps_up_where_lines_are_parts() -> None:
    """Chinese has no case: only a text that breaks lines between parts tells a wrap-up."""
    head = "大会，\n\n"
    preamble = "回顾其关于这一问题的各项决议，包括2020年5月1日第1/1号决议，\n"
    items = "1. 回顾通过了下列决定：\n(a) 缔约国会议第一届特别会议的第一项决定；\n(b) 执行理事会第九十四届会议的第二项决定；\n"
    wrap_up = "并强调必须按照公约执行这些决定；"
    rest = "2. 请秘书长向大会下届会议提交关于本决议执行情况的报告。\n3. 决定继续处理此案。\n"
    text = head + preamble + items + wrap_up + "\n" + rest
    first = _segment(text, "zh").paragraphs[0]
    assert wrap_up in _texts(text, (first,))[0]
    assert wrap_up not in _texts(text, (first.children[-1],))[0]


_FILLER = (
    "the work of the organizations of the United Nations system and of the States concerned "
    "in the region and beyond, in cooperation with the regional organizations"
)


@pytest.mark.parametrize(
    ("noting", "clauses"),
    [
        # the line left room for the next word: the clause ended there, without its comma
        ("Noting the report of the Secretary-General on the matter\n", 3),
        # the line was filled to the width: the sentence may go on, and does
        ("Noting the work of the organizations of the United Nations system and of all\n", 2),
    ],
)
def test_segment_wrapped_a_clause_that_lost_its_comma_ends_where_its_line_did(
    noting: str, clauses: int
) -> None:
    """In wrapped text, a line that left room for the next word ended its paragraph.

    "... en los países de renta media" then "Tomando nota también ...": the clause lost
    its comma, and a frequent lead on the next line still opens the next clause.
    """
    from resparse._eval_cases import as_wrapped  # noqa: PLC0415 - the evaluator's wrapping

    recalling = f"Recalling {_FILLER}, and recalling also {_FILLER} in the period under review,\n"
    rest = (
        f"Recognizing {_FILLER}, and recognizing also {_FILLER} in all its forms,\n"
        f"1. Decides {_FILLER}, and decides also {_FILLER};\n"
        f"2. Requests {_FILLER}, and requests also {_FILLER}.\n"
    )
    text = HEAD + as_wrapped(recalling) + noting + as_wrapped(rest)
    assert len(_segment(text).clauses) == clauses


_BUDGET = (
    "Resolves that, for 2021:\n\n"
    "1.\tEstimates of income totalling 302,522,600 dollars are approved as follows:\n"
    "Income section\tAmount (United States dollars)\n"
    "1. Income from staff assessment\t283 437 900\n"
    "2. General income\t19 265 100\n"
    "3. Services to the public\t–\n"
    "Total\t302 522 600\n"
    "2.\tThe income from staff assessment shall be credited to the Fund;\n\n"
    "3.\tDirect expenses of the Postal Administration shall be charged against it.\n"
)


def test_segment_a_table_of_figures_stays_in_its_paragraph_and_ends_it() -> None:
    """A budget paragraph's table: its numbered rows are no paragraphs, its last row ends it.

    The rows end in amounts, with no sentence punctuation; the paragraph after the table
    opens with no operative verb ("2. The income ... shall be credited"), and the column
    heads are no section heading before the rows' own "1.", "2.".
    """
    result = _segment(HEAD + _BUDGET)
    assert [p.number for p in result.paragraphs] == [None, 1, 2, 3]
    assert not result.headings
    assert not result.diagnostics
    table = _texts(HEAD + _BUDGET, (result.paragraphs[1],))[0]
    assert "General income" in table
    assert table.rstrip().endswith("302 522 600")


@pytest.mark.parametrize(
    ("received", "clauses"),
    [
        # the clause lost its comma (its footnote marker glued to the year): where each
        # line is a part, a frequent lead on the next line still opens the next clause
        ("Having received the report of the Agency for 20221\n", 3),
        ("Having received the report of the Agency for 2022,1\n", 3),
    ],
)
def test_segment_where_lines_are_parts_a_clause_that_lost_its_comma_ends_on_its_line(
    received: str, clauses: int
) -> None:
    body = (
        received
        + "Taking note of the statement by the Director General of the Agency on its work,\n"
        + "Recognizing the importance of the work of the Agency in the world today,\n"
        + "1. Takes note with appreciation of the report of the Agency;\n"
        + "2. Requests the Secretary-General to transmit the records of the session.\n"
    )
    result = _segment(HEAD + body)
    assert len(result.clauses) == clauses
    assert _texts(HEAD + body, result.clauses)[1].startswith("Taking note")


_SECTIONS_AFTER_COMMON = (
    "Recalling its resolution 44/198 of 21 December 1989,\n"
    "1. Takes note of the report of the Commission for the year;\n"
    "2. Invites the Secretary-General to report on the matter without undue delay;\n"
    "Conditions of service of staff in the Professional and higher categories\n"
    "A\n"
    "Base/floor salary scale\n"
    "Recalling its resolution 44/198, by which it established a floor salary level,\n"
    "Approves, with effect from 1 January 2021, the revised unified salary scale;\n"
    "B\n"
    "Evolution of the margin\n"
    "Recalling section I.B of its resolution 51/216,\n"
    "1. Reaffirms that the range of 110 to 120 for the margin should be maintained;\n"
)


def test_segment_a_subject_heading_over_a_lettered_section_is_a_heading() -> None:
    """A heading over "A", its title and the section's own clause: none of it is text.

    The section opens with a clause and one unnumbered paragraph ("Approves ..."), so
    no number stands within reach of the subject heading; the letter under it says that
    a section starts (A/RES/75/245).
    """
    text = HEAD + _SECTIONS_AFTER_COMMON
    result = _segment(text)
    headings = [text[h.start : h.end] for h in result.headings]
    assert headings[0].startswith("Conditions of service")
    assert "A" in headings
    assert [c.section for c in result.clauses] == [None, "A", "B"]
    assert [p.number for p in result.paragraphs] == [1, 2, None, 1]
    assert _texts(text, result.paragraphs)[1].endswith("without undue delay;")


def test_segment_where_lines_are_parts_a_caseless_lead_after_an_open_line_goes_on() -> None:
    """Only a lead in capitals opens a clause after a line that did not end one.

    Where leads have no case (or open in lower case), a line the text's shape calls a
    part may still be wrapped: "... 并表示严重" / "关切和平进程 ..." is one clause.
    """
    text = (
        "大会，\n"
        "回顾安全理事会1981年12月17日第497(1981)号决议，\n"
        "又回顾大会以往各项有关决议，最近一项是2021年12月9日第76/81号决议，\n"
        "欢迎在马德里举行的中东和平会议，旨在实现公正、全面和持久的和平，并表示严重\n"
        "关切和平进程陷入全面停顿状态，\n"
        "1. 促请占领国以色列遵守关于被占领的叙利亚戈兰的各项有关决议；\n"
        "2. 请秘书长向大会第七十八届会议报告本决议的执行情况。\n"
    )
    result = _segment(text, "zh")
    assert len(result.clauses) == 3
    assert _texts(text, result.clauses)[2].endswith("全面停顿状态，")


# the preamble of A/RES/77/271 (Chinese), as the UN's markup gives it: the sixth clause runs
# on through "其中大会通过了 ..." (in which the Assembly adopted) to its end
_AFRICA_PREAMBLE = (
    (
        "回顾非洲境内冲突起因和促进持久和平与可持续发展不限成员名额特设工作组的报告、"
        "其1998年12月7日第53/92号决议和其后各年度决议，包括2022年7月21日第76/298号决议，"
        "以及其关于非洲发展新伙伴关系的所有决议、其2012年9月17日第66/293号决议，"
        "其中大会决定设立一个监测机制，负责审查对非洲发展所作承诺，"
    ),
    (
        "又回顾《2005年世界首脑会议成果》，其中世界各国领导人重申致力于满足非洲的特殊需求，"
        "并回顾大会2006年6月30日第60/265号决议，"
    ),
    (
        "重申以往以协商一致方式通过的关于非洲境内冲突起因和促进持久和平与可持续发展的所有"
        "其他决议和成果文件，包括安全理事会关于非洲和平与安全、关于妇女与和平与安全、"
        "关于青年与和平与安全、关于儿童与武装冲突的决议，"
    ),
    (
        "特别重申2020年12月21日关于审查联合国建设和平架构的安全理事会第2558(2020)号决议"
        "和大会第75/201号决议，其中强调必须持续执行关于建设和平和保持和平的各项决议，"
        "重点关注在外地一级产生的影响，"
    ),
    (
        "强调必须采取综合办法保持和平，尤其是通过预防冲突和消除所有冲突根源，包括为此加强"
        "法治、善治、民主、问责、性别平等，强化尊重和保护人权与基本自由，从各个方面促进"
        "非洲的和平、安全与发展，表示有必要继续支持非洲国家，考虑到它们各自国内的优先事项"
        "和需求，"
    ),
    (
        "重申大会2015年9月25日题为“变革我们的世界：2030年可持续发展议程”的第70/1号决议，"
        "其中大会通过了一套全面、意义深远和以人为中心的具有普遍性和变革性的可持续发展目标"
        "和具体目标，承诺做出不懈努力，使这一议程在2030年前得到全面执行，认识到消除一切形"
        "式和表现的贫困，包括消除极端贫困，是世界的最大挑战，对实现可持续发展必不可少，并"
        "决心采用统筹兼顾的方式，从经济、社会和环境这三个方面实现可持续发展，在巩固实施千"
        "年发展目标成果的基础上，争取完成它们尚未完成的事业，"
    ),
    (
        "又重申大会2015年7月27日题为“第三次发展筹资问题国际会议亚的斯亚贝巴行动议程”的"
        "第69/313号决议，该议程有助于将《2030年可持续发展议程》的执行手段与具体政策和行动"
        "联系起来，也有助于应对挑战，在各级为可持续发展筹措资金和创造有利环境，"
    ),
)


@pytest.mark.parametrize("marker", ["", "1"])
def test_segment_wrapped_caseless_lines_that_run_on_are_no_heading(marker: str) -> None:
    """Where no capital tells a title, lines that fill the width go on with the sentence.

    In Chinese wrapped to a width, a clause's line that ends on "，" at the width may go on:
    the lines after it ("其中大会通过了 ...") fill the width too and reach a line that opens
    with a lead ("决心采用 ..."). A heading is never so long; they are the clause's text.
    """
    from resparse._eval_cases import as_wrapped  # noqa: PLC0415 - the evaluator's wrapping

    clauses = list(_AFRICA_PREAMBLE)
    # a footnote marker after the clause's comma does not hide where the line ended
    clauses[5] = clauses[5].replace("第70/1号决议，", f"第70/1号决议，{marker}")
    body = "\n".join(clauses) + "\n1. 表示注意到秘书长关于促进非洲持久和平与可持续发展的报告；\n"
    text = "大会，\n\n" + as_wrapped(body)
    result = _segment(text, "zh")
    assert not result.headings
    clauses = _texts(text, result.clauses)
    reaffirming = next(c for c in clauses if c.startswith("重申大会2015年9月25日"))
    assert "其中大会通过了一套全面" in reaffirming


def test_segment_a_formula_in_mid_sentence_opens_no_part() -> None:
    """A body's name that ends a sentence broken at a line is no new part's formula.

    A/RES/77/2 (Russian) wraps "... по распределению, устанавливаемому" / "Генеральной
    Ассамблеей," (apportioned by the General Assembly): the line reads as a formula with
    its comma, but the clause before it has not ended, so the sentence goes on.
    """
    text = (
        "Генеральная Ассамблея,\n\n"
        "рассмотрев главу V доклада Комитета по взносам о работе его восемьдесят второй сессии,\n"
        "подтверждая обязанность государств-членов согласно статье 17 Устава Организации\n"
        "Объединенных Наций нести расходы Организации по распределению, устанавливаемому\n"
        "Генеральной Ассамблеей,\n\n"
        "1. подтверждает свою роль согласно положениям статьи 19 Устава Организации;\n"
        "2. постановляет продолжать заниматься этим вопросом.\n"
    )
    result = _segment(text, "ru")
    assert not result.headings
    assert _texts(text, result.clauses)[-1].endswith("устанавливаемому Генеральной Ассамблеей,")


def test_segment_a_formula_under_an_annex_heading_stays_in_the_annex() -> None:
    """ "Annex" / "The Security Council," opens the declaration the resolution adopts.

    S/RES/1318 (2000) and S/RES/1377 (2001) adopt a declaration set out in their annex; the
    declaration has its own formula and numbered-like paragraphs, and the UN's markup keeps
    it out of the resolution's operative part.
    """
    text = (
        "The Security Council,\n\n"
        "Decides to adopt the attached declaration on the role of the Council.\n\n"
        "Annex\n"
        "The Security Council,\n"
        "Meeting at the level of Heads of State and Government,\n"
        "Pledges to uphold the Purposes and Principles of the Charter of the United Nations;\n"
        "Reaffirms the importance of the principles of the non-use of force.\n"
    )
    result = _segment(text)
    assert len(result.paragraphs) == 1
    assert not result.clauses
    assert not result.headings


@pytest.mark.parametrize(
    "record",
    [
        "第27次全体会议\n2022年11月2日\n\n附件\n",  # the meeting line, then the annex heading
        "第27次全体会议\n2022年11月2日\n\n",  # the meeting line alone
        "附件\n",  # the annex heading alone
    ],
)
def test_segment_an_annexs_numbering_after_the_record_leaves_a_chinese_paragraph_operative(
    record: str,
) -> None:
    """An annex's "1." after the adoption record is no paragraph of the resolution.

    Chinese uses one verb for both kinds, so a clause before the next "1." stays in the
    preamble; A/RES/77/5's one paragraph ("决定通过本决议附件所载的 ...。") came before the
    meeting line, the annex heading and the annex's own "1.", and was read as a clause.
    """
    text = (
        "大会，\n\n"
        "回顾其关于海洋和海洋法的各项决议，\n"
        "决定通过本决议附件所载的2022年12月8日和9日全体会议的组织安排。\n\n"
        + record
        + "全体会议的组织安排\n"
        "1.\t大会应于12月8日和9日举行四次全体会议；\n"
        "2.\t会议开幕式应由大会主席主持。\n"
    )
    result = _segment(text, "zh")
    assert len(result.clauses) == 1
    assert [p.number for p in result.paragraphs] == [None]
    assert _texts(text, result.paragraphs)[0].startswith("决定通过本决议附件")


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("line", "texts"),
    [
        ("regional and international ---", ["regional and international", "---"]),
        ("the end of the page ______", ["the end of the page", "______"]),
        ("a dash -- is text", ["a dash -- is text"]),
        ("---", ["---"]),
        ("a word---", ["a word---"]),
    ],
)
def test_scan_cuts_a_rule_run_onto_a_line_of_text(line: str, texts: list[str]) -> None:
    """Regression (GA 80/22, 80/23 as PDF text, outside the development set): the rule
    over a page's notes, run onto the last line of text ("... international ---"), stayed
    in the paragraph ("international ---levels") and the notes with it. Rule: three hyphens
    or underscores after a space at a line's end are a line of their own."""
    lines = scan(f"{line}\n")
    assert [x.text for x in lines] == texts
    assert all(line[x.start : x.end] == x.text for x in lines)


@pytest.mark.issue(16)
def test_a_sentence_broken_by_a_page_of_notes_goes_on_after_them() -> None:
    """Regression (the same texts): after the notes under a rule, a line in small letters
    that goes on with the unfinished paragraph ("levels, on the role ...") was read as the
    last note's text. Rule: in a cased language, a lowercase line after a blank, while the
    open part has not ended its sentence, leaves the notes."""
    text = (
        HEAD + "Recalling its resolution 70/1,1\n\n"
        "1. Encourages events at the national, regional and international ---\n\n"
        "1 A/80/237.\n\nlevels, on the role of science;\n\n2. Decides to remain seized.\n"
    )
    r = resparse.parse(text)
    assert [p.text for p in r.operative] == [
        (
            "Encourages events at the national, regional and international levels, on the role "
            "of science;"
        ),
        "Decides to remain seized.",
    ]
    assert [(n.marker, n.text) for n in r.footnotes] == [("1", "A/80/237.")]
    assert [f.kind for f in r.furniture] == ["separator"]


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("title", "body", "title_line", "expected_clause"),
    [
        # the whole title between two clauses, under a rule and a note
        (
            "Regional disarmament",
            (
                "Noting the guidelines of the tenth special session,1\n\n---\n\n"
                "1 Resolution S-10/2.\n\nRegional disarmament\n\nRecalling the guidelines of 1993,"
            ),
            "Regional disarmament",
            "Recalling the guidelines of 1993,",
        ),
        # a long title's first line in the middle of a sentence, after a rule run on
        (
            "Possible risks of the integration of artificial intelligence into command systems",
            (
                "Recalling its resolution 70/1,1\n\nConcerned about the possibility of induced ---"
                "\n\n1 Resolution S-10/2.\n\nPossible risks of the integration of\n\n"
                "distortions in decision-making,"
            ),
            "Possible risks of the integration of",
            "Concerned about the possibility of induced distortions in decision-making,",
        ),
    ],
    ids=["whole", "first-line"],
)
def test_the_title_at_the_top_of_the_page_after_the_notes_is_furniture(
    title: str, body: str, title_line: str, expected_clause: str
) -> None:
    """Regression (GA 80/27, 80/23 as PDF text with no page breaks, outside the development
    set): the running title after a page's notes became a heading, or was glued into the
    clause it broke, silently. Rule: right after a page's notes, a line that repeats the
    document's title (whole, its first line of 12 characters or more, or cut with "...") is
    the next page's running header."""
    r = resparse.parse(f"80/27. {title}\n\n{HEAD}{body}\n\n1. Decides to act.\n")
    assert expected_clause in [c.text for c in r.preamble]
    assert [f.text for f in r.furniture if f.kind == "running_header"] == [title_line]
    assert not r.headings


@pytest.mark.issue(16)
def test_a_note_cut_short_goes_on_after_a_blank_line() -> None:
    """Regression (pdfminer's text of A/RES/78/189, 78/208, 78/72: blank lines between a
    note's lines): the rule that a lowercase line after the notes goes back to the broken
    sentence took a note's own second line ("corrigenda (A/69/53/Add.1), chap. IV.") out of
    it, and the notes after it. Rule: only a note that ended with its full stop is left."""
    text = (
        HEAD + "Reaffirming the Declaration on the Rights of Indigenous\n"
        "Peoples,1 which addresses the rights of Indigenous Peoples\n\n__________________\n\n"
        "1 See Official Records, Supplement No. 53A and\n\n"
        "corrigenda (A/69/53/Add.1), chap. IV, sect. A.\n\n"
        "2 Ibid., Seventieth Session.\n\n"
        "and of their members,\n\n1. Decides to act.\n"
    )
    r = resparse.parse(text)
    assert [(n.marker, n.text) for n in r.footnotes] == [
        (
            "1",
            "See Official Records, Supplement No. 53A and corrigenda (A/69/53/Add.1), chap. IV, sect. A.",
        ),
        ("2", "Ibid., Seventieth Session."),
    ]
    assert r.preamble[0].text.endswith("rights of Indigenous Peoples and of their members,")


@pytest.mark.issue(16)
def test_a_numbered_arabic_paragraph_is_no_unruled_note() -> None:
    """Regression (A/RES/77/137 in Arabic, development set: operative F1 of its quarter
    99.79 -> 99.66): "1 -\t1 - تعيد ..." (the markup prints the number twice) was taken for
    note 1, a "(1)" standing in the preamble, and the operative part was lost. Rule: a line
    the classifier reads as a numbered paragraph is never a note without a rule."""
    text = (
        "إن الجمعية العامة،\n\nإذ تشير إلى الانتخابات العامة التي أجريت في عام 2019(1)،\n"
        "وإذ تشير أيضا إلى القرارات ذات الصلة،\n\n"
        "1 -\t1 - تعيد تأكيد حق الشعب في تقرير المصير؛\n"
        "2 -\tتعيد أيضا تأكيد أنه لا بديل عن ذلك؛\n"
        "3 -\tتقرر أن تواصل النظر في المسألة.\n"
    )
    r = resparse.parse(text)
    assert [p.number for p in r.operative] == [1, 2, 3]
    assert not r.footnotes
