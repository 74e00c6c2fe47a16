"""Russian, Arabic and Chinese texts end to end: header, leads, numbers, labels, offsets."""

from __future__ import annotations

import datetime as dt

import pytest

import resparse
from resparse import _labels, _line_shape
from resparse._language import detect, profile

# The UN's layout as render_akn gives it: a line per element, a tab after a number.
RUSSIAN = """Организация Объединенных Наций
A/RES/77/100
Генеральная Ассамблея
Distr.: General
19 December 2022
Семьдесят седьмая сессия
Пункт 75 повестки дня
Доклад Комиссии Организации Объединенных Наций по праву международной торговли
Резолюция, принятая Генеральной Ассамблеей 7 декабря 2022 года
[по докладу Шестого комитета (A/77/413, пункт 11)]

77/100. Конвенция Организации Объединенных Наций о международных последствиях продажи судов

Генеральная Ассамблея,
ссылаясь на свою резолюцию 2205 (XXI) от 17 декабря 1966 года,
сознавая важную роль судоходства в международной торговле и перевозках,
будучи убеждена в том, что принятие конвенции будет содействовать развитию торговли,

1.\tвыражает признательность Комиссии за подготовку проекта конвенции;
2.\tпросит Генерального секретаря:
a)\tопубликовать Конвенцию;
b)\tраспространить ее как можно шире;
3.\tпостановляет провести церемонию открытия Конвенции для подписания.

47‑е пленарное заседание
7 декабря 2022 года
"""

ARABIC = """الأمــم المتحـدة
A/RES/77/100
الجمعية العامة
Distr.: General
19 December 2022
الدورة السابعة والسبعون
البند 75 من جدول الأعمال
تقرير لجنة الأمم المتحدة للقانون التجاري الدولي
قرار اتخذته الجمعية العامة في 7 كانون الأول/ديسمبر 2022
[بناء على تقرير اللجنة السادسة (A/77/413، الفقرة 11)]

77/100 اتفاقية الأمم المتحدة المتعلقة بالآثار الدولية للبيع القضائي للسفن

إن الجمعية العامة،
إذ تشير إلى قرارها 2205 (د-21) المؤرخ 17 كانون الأول/ديسمبر 1966،
وإذ تضع في اعتبارها الدور الحاسم الذي يؤديه النقل البحري في التجارة الدولية،
واقتناعاً منها بأن اعتماد اتفاقية بشأن البيع القضائي للسفن يساهم في التنمية،

1 -\tتثني على اللجنة لإعداد مشروع الاتفاقية؛
2 –\tتطلب إلى الأمين العام ما يلي:
(أ)\tأن ينشر الاتفاقية؛
(ب)\tأن يعممها على أوسع نطاق؛
(ج)\tأن يقدم تقريرا عن:
’1‘\tالتوقيعات؛
’2‘\tالتصديقات؛
3 -\tتقرر إقامة حفل لفتح باب التوقيع على الاتفاقية.

الجلسة العامة 47
7 كانون الأول/ديسمبر 2022
"""

CHINESE = """联合国
A/RES/77/100
大会
Distr.: General
19 December 2022
第七十七届会议
议程项目75
联合国国际贸易法委员会第五十五届会议工作报告
2022年12月7日大会决议
[根据第六委员会的报告 (A/77/413，第11段)]

77/100. 联合国船舶司法出售国际效力公约

大会，
回顾其1966年12月17日第2205(XXI)号决议，
铭记航运在国际贸易和运输中的关键作用，
表示满意地注意到委员会核准的公约草案，1

1.\t赞扬联合国国际贸易法委员会拟订公约草案；
2.\t请秘书长：
(a)\t公布《公约》；
(b)\t广为传播《公约》，包括：
㈠\t以所有正式语文；
㈡\t在网站上；
3.\t授权在北京举行《公约》开放供签署仪式。

第47次全体会议
2022年12月7日

__________________
1\t《大会正式记录，第七十七届会议，补编第17号》(A/77/17)。
"""

CASES = {
    "ru": (
        RUSSIAN,
        "Генеральная Ассамблея",
        "Генеральная Ассамблея,",
        ["ссылаясь", "сознавая", "будучи убеждена"],
        [(1, "выражает признательность"), (2, "просит"), (3, "постановляет")],
        ["a", "b"],
        "47‑е пленарное заседание",
    ),
    "ar": (
        ARABIC,
        "الجمعية العامة",
        "إن الجمعية العامة،",
        ["إذ تشير", "وإذ تضع في اعتبارها", "واقتناعاً منها"],
        [(1, "تثني"), (2, "تطلب"), (3, "تقرر")],
        ["أ", "ب", "ج", "1", "2"],
        "الجلسة العامة 47",
    ),
    "zh": (
        CHINESE,
        "大会",
        "大会，",
        ["回顾", "铭记", "表示满意地注意到"],
        [(1, "赞扬"), (2, "请"), (3, "授权")],
        ["a", "b", "㈠", "㈡"],
        "第47次全体会议",
    ),
}


@pytest.fixture(scope="module", params=sorted(CASES))
def case(request: pytest.FixtureRequest) -> tuple[str, resparse.Resolution, tuple]:
    code = request.param
    return code, resparse.parse(CASES[code][0]), CASES[code]


def test_languages_rac_detected(case: tuple[str, resparse.Resolution, tuple]) -> None:
    code, result, _ = case
    assert result.language == code
    assert not any(d.code == "language.unsupported" for d in result.diagnostics)


def test_languages_rac_header(case: tuple[str, resparse.Resolution, tuple]) -> None:
    _, result, (_, body, formula, *_) = case
    h = result.header
    assert (h.symbol, h.number, h.session) == ("A/RES/77/100", "77/100", 77)
    assert h.adopted == dt.date(2022, 12, 7)
    assert h.issued == dt.date(2022, 12, 19)
    assert h.body == body
    assert h.enacting_formula == formula
    assert [a.number for a in h.agenda_items] == ["75"]
    assert h.title


def test_languages_rac_leads_and_numbers(case: tuple[str, resparse.Resolution, tuple]) -> None:
    _, result, (_, _, _, preamble, operative, labels, _) = case
    assert [c.lead for c in result.preamble] == preamble
    assert [(p.number, p.lead) for p in result.operative] == operative
    got = [s.label for p in result.operative for top in p.subparagraphs for s in top.walk()]
    assert got == labels


def test_languages_rac_offsets_are_exact(case: tuple[str, resparse.Resolution, tuple]) -> None:
    """Right-to-left and CJK text: every lead is exactly the source under its span."""
    _, result, _ = case
    parts = [*result.preamble, *result.operative]
    assert all(part.lead_span is not None for part in parts)
    for part in parts:
        assert part.lead_span is not None
        assert result.raw(part.lead_span) == part.lead
        assert result.source[part.span.start : part.span.end].strip()
    assert result.uncovered() == []


def test_languages_rac_adoption_record(case: tuple[str, resparse.Resolution, tuple]) -> None:
    _, result, (*_, meeting) = case
    assert result.vote is not None
    assert result.vote.meeting == meeting
    assert result.vote.date == dt.date(2022, 12, 7)


def test_languages_rac_lead_marking_is_read(case: tuple[str, resparse.Resolution, tuple]) -> None:
    """With the markup's emphasis on the leads, the runs give the leads (bold in Chinese)."""
    code, plain, (text, *_) = case
    spans = []
    for clause in [*plain.preamble, *plain.operative]:
        assert clause.lead_span is not None
        spans.append(clause.lead_span)
    document = resparse.Document(text=text, reader="akn", italics=tuple(spans))
    marked = resparse.parse_document(document)
    assert [c.lead for c in marked.preamble] == [c.lead for c in plain.preamble]
    assert all(c.lead_italic for c in marked.preamble)
    assert marked.language == code


@pytest.mark.parametrize(
    ("code", "line", "number"),
    [
        ("ar", "1 -\tتثني على اللجنة", 1),
        ("ar", "12 –\tتقرر", 12),
        ("ar", "3.\tتقرر", 3),
        ("ar", "2022 - 2023", None),
        ("ru", "1.\tпостановляет", 1),
        ("zh", "1.\t赞扬", 1),
    ],
)
def test_languages_rac_operative_numbers(code: str, line: str, number: int | None) -> None:
    match = profile(code).number_re.match(line)
    assert (int(match["n"]) if match else None) == number


@pytest.mark.parametrize(
    ("code", "previous", "label", "follows"),
    [
        ("ar", "أ", "ب", True),
        ("ar", "د", "هـ", True),
        ("ar", "د", "ه", True),
        ("ar", "ي", "ك", True),
        ("ar", "أ", "ج", False),
        ("ru", "а", "b", True),  # a Cyrillic "а" typed for the Latin one
        ("ru", "b", "с", True),
        ("zh", "㈠", "㈡", True),
        ("en", "a", "b", True),
        ("en", "h", "i", True),
    ],
)
def test_languages_rac_label_order(code: str, previous: str, label: str, follows: bool) -> None:
    alphabet = profile(code).alphabet
    style = _labels.label_style(previous, None, alphabet)
    assert _labels.follows(previous, label, style, alphabet) is follows


@pytest.mark.parametrize(
    ("code", "text", "ends"),
    [
        ("ar", "وإذ تشير إلى قرارها،", True),
        ("ar", "تقرر ما يلي؛", True),
        ("ar", "وإذ تحيط علما بتقرير اللجنة(1)،", True),
        ("zh", "回顾其决议，", True),
        ("zh", "审议了秘书长的报告，2", True),
        # a direction mark between the comma and the footnote marker (A/RES/77/272 in
        # Chinese), where the clause's line was read as a heading
        ("zh", "收到了禁止化学武器组织的2020年年度报告，\u200e1", True),
        ("zh", "收到了禁止化学武器组织的2020年年度报告\u200e1", False),
        ("zh", "请秘书长：", True),
        ("zh", "授权举行签署仪式。", True),
        ("zh", "联合国船舶司法出售国际效力公约", False),
        ("en", "Recalling its resolution,", True),
        ("en", "Recalling its resolution 1/1", False),
    ],
)
def test_languages_rac_terminators(code: str, text: str, ends: bool) -> None:
    assert _line_shape.ends_clause(text, profile(code).terminators) is ends


@pytest.mark.parametrize(
    ("code", "line", "body"),
    [
        ("ru", "Генеральная Ассамблея,", "Генеральная Ассамблея"),
        ("ru", "Совет Безопасности,", "Совет Безопасности"),
        ("ar", "إن الجمعية العامة،", "الجمعية العامة"),
        ("ar", "إن الجمعية العامة ،", "الجمعية العامة"),
        ("zh", "大会，", "大会"),
        ("zh", "安全理事会，", "安全理事会"),
    ],
)
def test_languages_rac_formula(code: str, line: str, body: str) -> None:
    match = profile(code).formula_re.match(line)
    assert match is not None
    assert match["body"] == body


@pytest.mark.parametrize(
    ("code", "line"),
    [
        ("ru", "ссылаясь на Генеральную Ассамблею,"),
        ("ar", "إن الدول الأطراف في هذه الاتفاقية،"),
        ("zh", "回顾大会，"),
    ],
)
def test_languages_rac_formula_rejects(code: str, line: str) -> None:
    assert profile(code).formula_re.match(line) is None


@pytest.mark.parametrize(
    ("code", "line", "meeting"),
    [
        ("ru", "47‑е пленарное заседание", "47‑е пленарное заседание"),
        (
            "ru",
            "56-е (возобновленное) пленарное заседание",
            "56-е (возобновленное) пленарное заседание",
        ),
        ("ar", "الجلسة العامة 47", "الجلسة العامة 47"),
        ("ar", "الجلسة العامة 56 (المستأنفة)", "الجلسة العامة 56 (المستأنفة)"),
        ("zh", "第47次全体会议", "第47次全体会议"),
        ("zh", "第56次全体会议(续会)", "第56次全体会议(续会)"),
    ],
)
def test_languages_rac_meeting_line(code: str, line: str, meeting: str) -> None:
    match = profile(code).meeting_re.match(line)
    assert match is not None
    assert match["meeting"] == meeting


@pytest.mark.parametrize(
    ("code", "text", "date"),
    [
        ("ru", "7 декабря 2022 года", dt.date(2022, 12, 7)),
        ("ru", "19 December 2022", dt.date(2022, 12, 19)),
        ("ar", "7 كانون الأول/ديسمبر 2022", dt.date(2022, 12, 7)),
        ("ar", "22 حزيران/ يونيه 2005", dt.date(2005, 6, 22)),
        ("zh", "2022年12月7日", dt.date(2022, 12, 7)),
        ("zh", "19 December 2022", dt.date(2022, 12, 19)),
    ],
)
def test_languages_rac_dates(code: str, text: str, date: dt.date) -> None:
    from resparse._dates import find_date  # noqa: PLC0415 - the helper under test

    assert find_date(text, language=code)[0] == date


@pytest.mark.parametrize(
    ("text", "code"),
    [(RUSSIAN, "ru"), (ARABIC, "ar"), (CHINESE, "zh")],
)
def test_languages_rac_detect(text: str, code: str) -> None:
    assert detect(text) == code


@pytest.mark.parametrize("code", ["ru", "ar", "zh"])
@pytest.mark.parametrize("chunk", ["а ", "أ", "大", "(", "1 ", " -", "第1", "’1‘ ", "ال "])
def test_languages_rac_patterns_are_linear(code: str, chunk: str) -> None:
    """Every pattern of the profile on long runs of its own script stays fast."""
    local = profile(code)
    patterns = [
        local.formula_re,
        local.meeting_re,
        local.date_re,
        local.date_line_re,
        local.vote_start_re,
        local.annex_re,
        local.recycle_re,
        local.number_re,
        local.label_re,
        local.lettered_part_re,
        *(p for p in (local.section_re, local.part_re) if p is not None),
        *(p for _, p in local.header_fields),
    ]
    for pattern in patterns:
        pattern.match(chunk * 3000 + "!", timeout=2.0)


@pytest.mark.issue(5)
def test_languages_rac_arabic_lettered_parts_of_a_staffing_table() -> None:
    """Arabic names the parts of a paragraph's table in words: "ألف -", "باء -"."""
    head, _, _ = ARABIC.partition("1 -\t")
    text = head + (
        "1 -\tتوافق على إدخال تغييرات على ملاك الموظفين على النحو المبين في الجدول أدناه:\n"
        "ألف -\tإدارة المعاشات التقاعدية\n"
        "وظيفة جديدة\tموظف قانوني\tف-3\t1\n"
        "باء -\tمكتب إدارة الاستثمارات\n"
        "وظيفة جديدة\tموظف استثمارات\tف-4\t1\n"
        "2 -\tتقرر أن تبقي المسألة قيد نظرها.\n"
    )
    r = resparse.parse(text, language="ar")
    first = r.operative[0]
    assert [s.label for s in first.subparagraphs] == ["ألف", "باء"]
    assert first.subparagraphs[0].text.startswith("إدارة المعاشات التقاعدية")
    assert [p.number for p in r.operative] == [1, 2]
