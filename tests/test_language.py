"""Language profiles: each language's patterns, table-driven, and profile loading."""

from __future__ import annotations

import pytest

from resparse import _language
from resparse._language import UnknownLanguageError, profile

EN = profile("en")


@pytest.mark.parametrize(
    ("line", "body"),
    [
        ("The General Assembly,", "General Assembly"),
        ("The Human Rights Council,", "Human Rights Council"),
        ("The Security Council,", "Security Council"),
        ("*The General Assembly*,", "General Assembly"),
        # markdown of S/RES/1978 (2011): the markup italicizes the body's name alone
        ("The *Security Council*,", "Security Council"),
        ("The Economic and Social Council,", "Economic and Social Council"),
        ("The Conference of the Parties,", "Conference of the Parties"),
    ],
)
def test_language_en_formula_matches(line: str, body: str) -> None:
    match = EN.formula_re.match(line)
    assert match is not None
    assert " ".join(match["body"].split()) == body


@pytest.mark.parametrize(
    "line",
    [
        "The General Assembly decides to convene a meeting,",
        "Recalling the General Assembly,",
        "the General Assembly,",
    ],
)
def test_language_en_formula_rejects(line: str) -> None:
    assert EN.formula_re.match(line) is None


@pytest.mark.parametrize(
    ("line", "meeting", "date"),
    [
        ("49th meeting 23 March 2021", "49th meeting", "23 March 2021"),
        ("45th plenary meeting", "45th plenary meeting", None),
        ("56th (resumed) plenary meeting", "56th (resumed) plenary meeting", None),
        ("41st plenary meeting, 10 December 2020", "41st plenary meeting", "10 December 2020"),
    ],
)
def test_language_en_meeting_line(line: str, meeting: str, date: str | None) -> None:
    match = EN.meeting_re.match(line)
    assert match is not None
    assert match["meeting"] == meeting
    assert match["date"] == date


@pytest.mark.parametrize("line", ["49th meeting of the Council, decides", "the 49th meeting"])
def test_language_en_meeting_line_rejects(line: str) -> None:
    assert EN.meeting_re.match(line) is None


@pytest.mark.parametrize(
    ("attribute", "line", "matches"),
    [
        ("recycle_re", "Please recycle", True),
        ("annex_re", "Annex", True),
        ("annex_re", "Annex II", True),
        ("annex_re", "Annex to resolution 70/1", False),
        ("vote_start_re", "[Adopted by a recorded vote of 26 to 15, with 6 abstentions.", True),
        ("vote_start_re", "[Adopted without a vote.]", True),
        ("vote_start_re", "Adopted unanimously at the 1382nd meeting.", True),
        ("vote_start_re", "[Resolution adopted by a recorded vote of 2 votes to 1", True),
        ("vote_start_re", "adopted by the General Assembly in its resolution 70/1,", False),
        ("date_line_re", "7 December 2023", True),
        ("date_line_re", "7 December 2023 and later", False),
    ],
)
def test_language_en_line_patterns(attribute: str, line: str, matches: bool) -> None:
    assert (getattr(EN, attribute).match(line) is not None) is matches


def test_language_profiles_load_once_and_unknown_is_an_error() -> None:
    assert profile("en") is profile("en")
    with pytest.raises(UnknownLanguageError):
        profile("xx")


@pytest.mark.parametrize("code", _language.LANGUAGES)
def test_language_every_profile_compiles_and_is_linear(code: str) -> None:
    try:
        local = profile(code)
    except UnknownLanguageError:
        pytest.skip(f"no profile for {code} yet")
    for pattern in [
        local.formula_re,
        local.meeting_re,
        local.date_re,
        *(p for _, p in local.header_fields),
    ]:
        for chunk in ("a ", "A", "1", "(", " ", "-", "Aa ", "of "):
            pattern.match(chunk * 3000 + "!", timeout=2.0)


def test_the_quick_latin_check_clears_no_character_of_the_three_scripts() -> None:
    """What the standard-library search lets through never holds Han, Arabic or Cyrillic."""
    from resparse._language import _BEYOND_LATIN_RE, _detection  # noqa: PLC0415

    found = _detection()
    assert found.prefilter
    assert found.non_latin_re is not None
    cleared = [chr(c) for c in range(0x110000) if _BEYOND_LATIN_RE.match(chr(c)) is None]
    assert len(cleared) == 0x400 + 0x70
    assert [c for c in cleared if found.non_latin_re.match(c) is not None] == []


@pytest.mark.parametrize(
    ("language", "line", "body"),
    [
        # markdown may emphasise the body's name after the article
        ("fr", "Le *Conseil de sécurité*,", "Conseil de sécurité"),
        ("es", "El *Consejo de Seguridad*,", "Consejo de Seguridad"),
        ("ar", "إن *مجلس الأمن*،", "مجلس الأمن"),
        # the Spanish and French markup of the budget resolutions A/RES/77/264 and 77/266
        # print the formula with no comma over "Resuelve que:" / "Décide ce qui suit :"
        ("es", "La Asamblea General", "Asamblea General"),
        ("fr", "L’Assemblée générale", "Assemblée générale"),
        ("es", "La Conferencia de las Partes,", "Conferencia de las Partes"),
        ("fr", "La Conférence des Parties,", "Conférence des Parties"),
    ],
)
def test_language_formula_matches(language: str, line: str, body: str) -> None:
    """The formula of each language, emphasised or with a known body's comma left out."""
    match = profile(language).formula_re.match(line)
    assert match is not None
    assert " ".join(match["body"].split()) == body


@pytest.mark.parametrize(
    ("language", "line"),
    [
        # a title that names some other body is no formula without the comma
        ("es", "La Conferencia de las Naciones Unidas sobre el Agua"),
        ("fr", "La Conférence des Nations Unies sur l’eau"),
        ("es", "La Asamblea General decide"),
    ],
)
def test_language_formula_of_another_name_needs_its_comma(language: str, line: str) -> None:
    assert profile(language).formula_re.match(line) is None
