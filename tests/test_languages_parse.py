"""French and Spanish texts end to end, and language detection."""

from __future__ import annotations

import datetime as dt
import pathlib

import pytest

import resparse
from resparse._language import detect

FRENCH = """Nations Unies
A/RES/77/100
Assemblée générale
Distr. générale
19 décembre 2022
Soixante-dix-septième session
Point 75 de l’ordre du jour
Rapport de la Commission des Nations Unies pour le droit commercial international
Résolution adoptée par l’Assemblée générale le 7 décembre 2022
[sur la base du rapport de la Sixième Commission (A/77/413, par. 11)]

77/100. Convention des Nations Unies sur les effets internationaux des ventes judiciaires de navires

L’Assemblée générale,

Rappelant sa résolution 2205 (XXI) du 17 décembre 1966,

Consciente que le transport maritime joue un rôle crucial,

Profondément préoccupée par la situation,

1. Félicite la Commission d’avoir établi le projet de convention ;

2. Prie le Secrétaire général :
a) De publier la Convention ;
b) De la diffuser largement ;

3. Décide de rester saisie de la question.

47e séance plénière
7 décembre 2022
"""

SPANISH = """Naciones Unidas
S/RES/2561 (2021)
Consejo de Seguridad
Distr. general
29 de enero de 2021
Resolución 2561 (2021)
Aprobada por el Consejo de Seguridad en su 8710a sesión, celebrada el 29 de enero de 2021

El Consejo de Seguridad,

Acogiendo con beneplácito los informes del Secretario General,

Recordando todas sus resoluciones pertinentes sobre Chipre,

1. Decide prorrogar el mandato hasta el 31 de enero de 2022;

2. Exhorta a las partes a que cooperen.
"""


def test_languages_french_general_assembly() -> None:
    r = resparse.parse(FRENCH)
    assert r.language == "fr"
    h = r.header
    assert (h.symbol, h.number, h.session, h.adopted) == (
        "A/RES/77/100",
        "77/100",
        77,
        dt.date(2022, 12, 7),
    )
    assert h.body == "Assemblée générale"
    assert h.issued == dt.date(2022, 12, 19)
    assert [a.number for a in h.agenda_items] == ["75"]
    assert h.enacting_formula == "L’Assemblée générale,"
    assert [c.lead for c in r.preamble] == ["Rappelant", "Consciente", "Profondément préoccupée"]
    assert [(p.number, p.lead) for p in r.operative] == [
        (1, "Félicite"),
        (2, "Prie"),
        (3, "Décide"),
    ]
    assert [s.label for s in r.operative[1].subparagraphs] == ["a", "b"]
    assert r.vote is not None
    assert r.vote.meeting == "47e séance plénière"
    assert r.vote.date == dt.date(2022, 12, 7)
    assert r.uncovered() == []


def test_languages_spanish_security_council() -> None:
    r = resparse.parse(SPANISH)
    assert r.language == "es"
    h = r.header
    assert (h.symbol, h.number, h.adopted) == (
        "S/RES/2561 (2021)",
        "2561 (2021)",
        dt.date(2021, 1, 29),
    )
    assert [c.lead for c in r.preamble] == ["Acogiendo con beneplácito", "Recordando"]
    assert [(p.number, p.lead) for p in r.operative] == [(1, "Decide"), (2, "Exhorta")]
    assert r.uncovered() == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (FRENCH, "fr"),
        (SPANISH, "es"),
        ("The General Assembly,\n\nRecalling its resolution 1/1,\n", "en"),
        # short French, with none of the listed small words: its elisions say it (issue 16)
        ("L’Assemblée générale,\n\nRappelant sa résolution 53/199,\n\n1. Décide d’agir ;", "fr"),
        ("The States’ obligations, the Council's work and don't (d) (l)", "en"),
        ("Генеральная Ассамблея,\n\nссылаясь на свою резолюцию", "ru"),
        ("إن الجمعية العامة، إذ تشير إلى قرارها", "ar"),
        ("大会，回顾其1966年12月17日第2205(XXI)号决议", "zh"),
        ("", "en"),
        ("12345 ---", "en"),
    ],
)
def test_languages_detect(text: str, code: str) -> None:
    assert detect(text) == code


def test_languages_forcing_an_unknown_code_is_an_error() -> None:
    with pytest.raises(ValueError, match="no language profile"):
        resparse.parse("text", language="xx")


def test_languages_forced_language_is_used() -> None:
    r = resparse.parse("The General Assembly,\n\nRecalling x,\n\n1. Decides y.\n", language="en")
    assert r.language == "en"


_GOLDEN = pathlib.Path(__file__).parent.parent / "fixtures" / "golden"


@pytest.mark.parametrize(
    ("fixture", "language", "warns"),
    [
        # an Arabic text given as Chinese (the Chinese folder of session 77 holds one)
        ("markup_ar_A_RES_77_8-2225409A.txt", "zh", True),
        ("markup_ar_A_RES_77_8-2225409A.txt", "ar", False),
        # a French text given as English (the English folder of session 75 holds one)
        ("markup_75_274_F.txt", "en", True),
        ("markup_75_274_F.txt", "fr", False),
        ("markup_75_274_E.txt", "en", False),
    ],
)
def test_a_language_the_text_does_not_read_as_is_kept_with_a_warning(
    fixture: str, language: str, warns: bool
) -> None:
    text = (_GOLDEN / fixture).read_text(encoding="utf-8")
    result = resparse.parse(text, language=language)
    assert result.language == language
    codes = [d.code for d in result.diagnostics]
    assert ("language.mismatch" in codes) is warns


def test_a_short_latin_text_does_not_outweigh_the_language_given() -> None:
    """A few lines give too few of the words that tell French from Spanish or English."""
    result = resparse.parse(FRENCH, language="es")
    assert "language.mismatch" not in [d.code for d in result.diagnostics]


@pytest.mark.parametrize("text", ["", "   ", "12345 678"])
def test_a_text_without_words_reads_as_no_other_language(text: str) -> None:
    result = resparse.parse(text, language="zh")
    assert "language.mismatch" not in [d.code for d in result.diagnostics]
