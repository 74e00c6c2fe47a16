"""State-name resolution: printed names, upper case, former States, membership counts."""

from __future__ import annotations

import datetime as dt
import importlib.util
import pathlib
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resparse import states
from resparse.states import (
    State,
    ga_membership,
    is_member_state,
    name_key,
    resolve_state,
    resolve_states,
)

ROOT = pathlib.Path(__file__).resolve().parents[1]
D = dt.date

# Names as printed in resolutions, with the State's UN short name and codes.
PRINTED: tuple[tuple[str, str, str, str], ...] = (
    ("Bolivia (Plurinational State of)", "Bolivia (Plurinational State of)", "BOL", "068"),
    ("Netherlands (Kingdom of the)", "Netherlands (Kingdom of the)", "NLD", "528"),
    ("Netherlands", "Netherlands (Kingdom of the)", "NLD", "528"),
    ("Türkiye", "Türkiye", "TUR", "792"),
    ("Turkey", "Türkiye", "TUR", "792"),
    ("Côte d'Ivoire", "Côte d'Ivoire", "CIV", "384"),
    ("Côte d\u2019Ivoire", "Côte d'Ivoire", "CIV", "384"),
    ("Cote d'Ivoire", "Côte d'Ivoire", "CIV", "384"),
    (
        "Democratic People's Republic of Korea",
        "Democratic People's Republic of Korea",
        "PRK",
        "408",
    ),
    ("Iran (Islamic Republic of)", "Iran (Islamic Republic of)", "IRN", "364"),
    ("Micronesia (Federated States of)", "Micronesia (Federated States of)", "FSM", "583"),
    (
        "United Kingdom of Great Britain and Northern Ireland",
        "United Kingdom of Great Britain and Northern Ireland",
        "GBR",
        "826",
    ),
    ("United Republic of Tanzania", "United Republic of Tanzania", "TZA", "834"),
    ("Venezuela (Bolivarian Republic of)", "Venezuela (Bolivarian Republic of)", "VEN", "862"),
    ("Lao People's Democratic Republic", "Lao People's Democratic Republic", "LAO", "418"),
    ("Republic of Moldova", "Republic of Moldova", "MDA", "498"),
    ("Syrian Arab Republic", "Syrian Arab Republic", "SYR", "760"),
    ("State of Palestine", "State of Palestine", "PSE", "275"),
    ("Holy See", "Holy See", "VAT", "336"),
    ("Czechia", "Czechia", "CZE", "203"),
    ("Czech Republic", "Czechia", "CZE", "203"),
    ("Eswatini", "Eswatini", "SWZ", "748"),
    ("Swaziland", "Eswatini", "SWZ", "748"),
    ("North Macedonia", "North Macedonia", "MKD", "807"),
    ("The former Yugoslav Republic of Macedonia", "North Macedonia", "MKD", "807"),
    ("Cabo Verde", "Cabo Verde", "CPV", "132"),
    ("Cape Verde", "Cabo Verde", "CPV", "132"),
    ("Congo", "Congo", "COG", "178"),
    ("Democratic Republic of the Congo", "Democratic Republic of the Congo", "COD", "180"),
    ("United States of America", "United States of America", "USA", "840"),
    ("Viet Nam", "Viet Nam", "VNM", "704"),
    ("Gambia", "Gambia", "GMB", "270"),
    ("The Gambia", "Gambia", "GMB", "270"),
    ("Yemen", "Yemen", "YEM", "887"),
    ("South Sudan", "South Sudan", "SSD", "728"),
    ("Sao Tome and Principe", "Sao Tome and Principe", "STP", "678"),
    ("São Tomé and Príncipe", "Sao Tome and Principe", "STP", "678"),
    ("Timor-Leste", "Timor-Leste", "TLS", "626"),
    ("Guinea-Bissau", "Guinea-Bissau", "GNB", "624"),
    ("Afghanistan", "Afghanistan", "AFG", "004"),
)

# The Member States of one recorded Human Rights Council vote, as printed there.
HRC_VOTE: tuple[tuple[str, str], ...] = (
    ("Argentina", "ARG"),
    ("Bahrain", "BHR"),
    ("Bangladesh", "BGD"),
    ("Bolivia (Plurinational State of)", "BOL"),
    ("Brazil", "BRA"),
    ("Burkina Faso", "BFA"),
    ("Cameroon", "CMR"),
    ("China", "CHN"),
    ("Côte d'Ivoire", "CIV"),
    ("Cuba", "CUB"),
    ("Eritrea", "ERI"),
    ("Gabon", "GAB"),
    ("Indonesia", "IDN"),
    ("Mauritania", "MRT"),
    ("Mexico", "MEX"),
    ("Namibia", "NAM"),
    ("Nepal", "NPL"),
    ("Pakistan", "PAK"),
    ("Philippines", "PHL"),
    ("Russian Federation", "RUS"),
    ("Senegal", "SEN"),
    ("Somalia", "SOM"),
    ("Sudan", "SDN"),
    ("Togo", "TGO"),
    ("Uruguay", "URY"),
    ("Venezuela (Bolivarian Republic of)", "VEN"),
    ("Austria", "AUT"),
    ("Bulgaria", "BGR"),
    ("Czechia", "CZE"),
    ("Denmark", "DNK"),
    ("France", "FRA"),
    ("Germany", "DEU"),
    ("India", "IND"),
    ("Italy", "ITA"),
    ("Japan", "JPN"),
    ("Marshall Islands", "MHL"),
    ("Netherlands", "NLD"),
    ("Poland", "POL"),
    ("Republic of Korea", "KOR"),
    ("Ukraine", "UKR"),
    ("United Kingdom of Great Britain and Northern Ireland", "GBR"),
    ("Armenia", "ARM"),
    ("Bahamas", "BHS"),
    ("Fiji", "FJI"),
    ("Libya", "LBY"),
    ("Malawi", "MWI"),
    ("Uzbekistan", "UZB"),
)

# Upper-case forms from the UN's data files (data_extract JSON, Akoma Ntoso meta).
UPPER_CASE: tuple[tuple[str, str], ...] = (
    ("BOLIVIA (PLURINATIONAL STATE OF)", "BOL"),
    ("UNITED KINGDOM", "GBR"),
    ("UNITED STATES", "USA"),
    ("TURKIYE", "TUR"),
    ("TÜRKIYE", "TUR"),
    ("TÜRKİYE", "TUR"),
    ("TURKEY", "TUR"),
    ("COTE D'IVOIRE", "CIV"),
    ("CÔTE D'IVOIRE", "CIV"),
    ("NETHERLANDS (KINGDOM OF THE)", "NLD"),
    ("DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA", "PRK"),
    ("LAO PEOPLE'S DEMOCRATIC REPUBLIC", "LAO"),
    ("MICRONESIA (FEDERATED STATES OF)", "FSM"),
    ("SAINT VINCENT AND THE GRENADINES", "VCT"),
    ("GUINEA-BISSAU", "GNB"),
    ("TIMOR-LESTE", "TLS"),
    ("VIET NAM", "VNM"),
    ("ESWATINI", "SWZ"),
    ("CZECHIA", "CZE"),
)

# Former States and former names, with the codes the table gives them.
HISTORICAL: tuple[tuple[str, str, str], ...] = (
    ("Union of Soviet Socialist Republics", "SUN", "810"),
    ("USSR", "SUN", "810"),
    ("Yugoslavia", "YUG", "891"),
    ("Serbia and Montenegro", "SCG", "891"),
    ("Czechoslovakia", "CSK", "200"),
    ("German Democratic Republic", "DDR", "278"),
    ("Federal Republic of Germany", "DEU", "276"),
    ("Byelorussian Soviet Socialist Republic", "BLR", "112"),
    ("Ukrainian Soviet Socialist Republic", "UKR", "804"),
    ("Zaire", "ZAR", "180"),
    ("Democratic Yemen", "YMD", "720"),
    ("Yemen Arab Republic", "YEM", "886"),
    ("Tanganyika", "TZA", "834"),
    ("Zanzibar", "TZA", "834"),
    ("United Arab Republic", "EGY", "818"),
    ("Democratic Kampuchea", "KHM", "116"),
    ("Khmer Republic", "KHM", "116"),
    ("Upper Volta", "HVO", "854"),
    ("Dahomey", "DHY", "204"),
    ("Burma", "BUR", "104"),
    ("Ceylon", "LKA", "144"),
    ("Siam", "THA", "764"),
    ("Union of South Africa", "ZAF", "710"),
    ("Libyan Arab Jamahiriya", "LBY", "434"),
    ("UNION OF SOVIET SOCIALIST REPUBLICS", "SUN", "810"),
)

NOT_STATES: tuple[str, ...] = (
    "European Union",
    "Abstaining",
    "Against",
    "In favour",
    "Bolivia Plurinational",
    "Bolivia (Plurinational",
    "Korea",
    "Micronesia",
    "Macedonia",
    "Congo Republic",
    "United",
    "Republic of",
    "Kingdom of the",
    "the",
    "Taiwan",
    "Kosovo",
    "Puerto Rico",
    "Greenland",
    "General Assembly",
    "Africa",
    "Asia-Pacific States",
    "",
    "   ",
    "\n",
)

# Different spellings of one name that must share a key.
NORMALISED: tuple[tuple[str, str], ...] = (
    ("Côte d\u2019Ivoire", "Côte d'Ivoire"),
    ("Côte d\u2018Ivoire", "Côte d'Ivoire"),
    ("Côte d\u02bcIvoire", "Côte d'Ivoire"),
    ("Democratic People\u2019s Republic of Korea", "Democratic People's Republic of Korea"),
    (
        "United Kingdom of Great Britain and\nNorthern Ireland",
        "United Kingdom of Great Britain and Northern Ireland",
    ),
    ("Venezuela (Bolivarian\r\nRepublic of)", "Venezuela (Bolivarian Republic of)"),
    ("  Bolivia  ( Plurinational State of )  ", "Bolivia (Plurinational State of)"),
    ("Bolivia(Plurinational State of)", "Bolivia (Plurinational State of)"),
    ("Guinea\u2013Bissau", "Guinea-Bissau"),
    ("Guinea-\nBissau", "Guinea-Bissau"),
    ("Timor\u2011Leste", "Timor-Leste"),
    ("Saint\u00a0Lucia", "Saint Lucia"),
    ("Bah\u00adrain", "Bahrain"),
    ("the Netherlands", "Netherlands"),
    ("Antigua & Barbuda", "Antigua and Barbuda"),
    ("Bahamas,", "Bahamas"),
    ("Fiji;", "Fiji"),
    ("ﬁji", "Fiji"),
)

# Members on a date, from the UN's yearly growth of membership (end of each year).
MEMBERSHIP: tuple[tuple[dt.date, int], ...] = (
    (D(1945, 10, 23), 0),
    (D(1945, 10, 24), 51),
    (D(1945, 12, 31), 51),
    (D(1946, 12, 31), 55),
    (D(1950, 12, 31), 60),
    (D(1955, 12, 31), 76),
    (D(1958, 12, 31), 82),
    (D(1960, 12, 31), 99),
    (D(1961, 12, 31), 104),
    (D(1963, 12, 31), 113),
    (D(1964, 12, 31), 115),
    (D(1965, 12, 31), 117),
    (D(1966, 12, 31), 122),
    (D(1971, 12, 31), 132),
    (D(1973, 12, 31), 135),
    (D(1975, 12, 31), 144),
    (D(1980, 12, 31), 154),
    (D(1984, 12, 31), 159),
    (D(1990, 12, 31), 159),
    (D(1991, 12, 31), 166),
    (D(1992, 12, 31), 179),
    (D(1993, 12, 31), 184),
    (D(1994, 12, 31), 185),
    (D(1999, 12, 31), 188),
    (D(2000, 12, 31), 189),
    (D(2002, 12, 31), 191),
    (D(2006, 12, 31), 192),
    (D(2011, 7, 13), 192),
    (D(2011, 7, 14), 193),
    (D(2024, 9, 10), 193),
    (D(2100, 1, 1), 193),
)

MEMBER_ON: tuple[tuple[str, dt.date | None, bool], ...] = (
    ("France", D(1945, 10, 24), True),
    ("France", None, True),
    ("South Sudan", D(2011, 7, 13), False),
    ("South Sudan", D(2011, 7, 14), True),
    ("Switzerland", D(2002, 9, 9), False),
    ("Switzerland", D(2002, 9, 10), True),
    ("Zaire", D(1980, 1, 1), True),
    ("Zaire", D(2000, 1, 1), False),
    ("Zaire", None, False),
    ("Union of Soviet Socialist Republics", D(1991, 12, 23), True),
    ("Union of Soviet Socialist Republics", D(1991, 12, 24), False),
    ("Syrian Arab Republic", D(1960, 1, 1), False),
    ("Syrian Arab Republic", D(1962, 1, 1), True),
    ("Indonesia", D(1966, 1, 1), False),
    ("Holy See", None, False),
    ("State of Palestine", D(2020, 1, 1), False),
    ("European Union", None, False),
)


@pytest.mark.parametrize(("printed", "name", "alpha3", "m49"), PRINTED)
def test_states_resolve_printed_names(printed: str, name: str, alpha3: str, m49: str) -> None:
    assert resolve_state(printed) == State(name=name, alpha3=alpha3, m49=m49, historical=False)


@pytest.mark.parametrize(("printed", "alpha3"), HRC_VOTE)
def test_states_resolve_human_rights_council_vote(printed: str, alpha3: str) -> None:
    state = resolve_state(printed)
    assert state is not None
    assert (state.alpha3, state.historical) == (alpha3, False)


@pytest.mark.parametrize(("printed", "alpha3"), UPPER_CASE)
def test_states_resolve_upper_case(printed: str, alpha3: str) -> None:
    state = resolve_state(printed)
    assert state is not None
    assert state.alpha3 == alpha3


@pytest.mark.parametrize(("printed", "alpha3", "m49"), HISTORICAL)
def test_states_resolve_historical(printed: str, alpha3: str, m49: str) -> None:
    state = resolve_state(printed)
    assert state is not None
    assert (state.alpha3, state.m49, state.historical) == (alpha3, m49, True)


@pytest.mark.parametrize("text", NOT_STATES)
def test_states_reject_non_states(text: str) -> None:
    assert resolve_state(text) is None


@pytest.mark.parametrize(("variant", "name"), NORMALISED)
def test_states_normalise(variant: str, name: str) -> None:
    assert name_key(variant) == name_key(name)
    assert resolve_state(variant) == resolve_state(name) is not None


@pytest.mark.parametrize(("on", "count"), MEMBERSHIP)
def test_states_ga_membership(on: dt.date, count: int) -> None:
    assert ga_membership(on) == count


def test_states_ga_membership_steps_count_the_seats_of_the_table() -> None:
    """The stepped count equals counting the seats of every row that sits, day by day."""
    from resparse.states import _membership_steps, _table  # noqa: PLC0415

    def counted(day: dt.date) -> int:
        return len({e.seat for e in _table().entries if e.sits_on(day)})

    days, _ = _membership_steps()
    probes = {dt.date(1945, 1, 1), dt.date(2030, 1, 1)}
    for day in days:
        probes.update((day - dt.timedelta(days=1), day, day + dt.timedelta(days=1)))
    assert len(days) > 50
    assert [ga_membership(day) for day in sorted(probes)] == [counted(d) for d in sorted(probes)]


@pytest.mark.parametrize(("name", "on", "expected"), MEMBER_ON)
def test_states_is_member_state(name: str, on: dt.date | None, expected: bool) -> None:
    assert is_member_state(name, on) is expected


def test_states_resolve_states_keeps_order_and_misses() -> None:
    found = resolve_states(["CHINA", "Abstaining", "Viet Nam"])
    assert [s.alpha3 if s else None for s in found] == ["CHN", None, "VNM"]


def test_states_resolve_rejects_non_str() -> None:
    with pytest.raises(TypeError):
        resolve_state(None)  # type: ignore[arg-type]


def test_states_table_every_name_resolves_to_its_row() -> None:
    table = states._table()
    assert len(table.entries) == len({e.state.name for e in table.entries})
    for entry in table.entries:
        assert resolve_state(entry.state.name) == entry.state
        assert resolve_state(entry.state.name.upper()) == entry.state
    present = [e for e in table.entries if not e.state.historical and e.periods]
    assert len(present) == 193


def test_states_table_loads_lazily() -> None:
    code = "import resparse.states as s; assert s._table.cache_info().currsize == 0"
    # A fresh interpreter is the only clean way to see what an import alone does.
    subprocess.run([sys.executable, "-c", code], check=True)  # noqa: S603


def test_states_table_is_built_from_the_script(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("pycountry")
    pytest.importorskip("countrycode")
    spec = importlib.util.spec_from_file_location(
        "build_states", ROOT / "scripts" / "build_states.py"
    )
    assert spec is not None
    assert spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    assert script.main(["--check"]) == 0, capsys.readouterr().out


def test_states_parse_table_rejects_conflicting_names() -> None:
    header = "\t".join(states.TSV_COLUMNS)
    row = "AAA\t001\tAland\tfalse\t\t\t\t\t{}\t\t"  # aliases, then alpha2 and cow empty
    text = "\n".join([header, row.format("Bland"), row.replace("Aland", "Bland").format("")])
    with pytest.raises(ValueError, match="names both"):
        states._parse_table(text)


@given(st.text())
def test_states_resolve_never_raises(text: str) -> None:
    state = resolve_state(text)
    assert state is None or isinstance(state, State)
    assert isinstance(is_member_state(text, D(2000, 1, 1)), bool)


def test_states_cow_numbers_tell_successor_states_apart() -> None:
    """COW counts Czechia (316) apart from Czechoslovakia (315), and the Federal Republic
    (260) apart from united Germany (255), where Gleditsch-Ward numbers do not; Serbia keeps
    Yugoslavia's 345. The table once gave Czechia 315 (issue 17)."""
    cow = {
        name: state.cow
        for name in (
            "Czechia",
            "Czechoslovakia",
            "Germany",
            "Federal Republic of Germany",
            "German Democratic Republic",
            "Serbia",
            "Yugoslavia",
            "Russian Federation",
        )
        if (state := resolve_state(name)) is not None
    }
    assert cow == {
        "Czechia": 316,
        "Czechoslovakia": 315,
        "Germany": 255,
        "Federal Republic of Germany": 260,
        "German Democratic Republic": 265,
        "Serbia": 345,
        "Yugoslavia": 345,
        "Russian Federation": 365,
    }


def test_states_cow_numbers_agree_with_countrycode() -> None:
    """Every Member's COW number is countrycode's, or a gap the build script names."""
    countrycode = pytest.importorskip("countrycode")
    spec = importlib.util.spec_from_file_location(
        "build_states", ROOT / "scripts" / "build_states.py"
    )
    assert spec is not None
    assert spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    table = states._table()
    members = [e.state for e in table.entries if not e.state.historical and e.periods]
    codes = [m.alpha3 for m in members]
    expected = countrycode.countrycode(codes, origin="iso3c", destination="cown")
    differ = {
        m.alpha3: (m.cow, number)
        for m, number in zip(members, expected, strict=True)
        if number is None or m.cow != int(number)
    }
    assert set(differ) <= set(script.COW_GAPS), differ
