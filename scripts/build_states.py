"""Write ``src/resparse/data/states.tsv``, the table that ``resparse.states`` reads.

The UN's own facts (its short names, admission dates, former States and the seats they
passed on) are kept by hand below. The ISO 3166 codes, and the ISO names that are added
as aliases, come from ``pycountry``, which is needed only here, at build time: the
package at run time reads the TSV alone.

Correlates of War state numbers (``cow``) come from ``countrycode`` (the Python port of
the codelist that political scientists maintain for R's countrycode; its ``cown``
column is the COW number), looked up by ISO alpha-3 for a Member and by name for a
former State, and needed only here too. Where it has no number, or where its name
matching folds a former State into a present one that COW counts apart, the number is
set in ``COW_GAPS`` below, each with its reason; a former name that it does not know
takes the number of the State that took over its seat.

Dates: an original Member counts from 24 October 1945, when the Charter entered into
force (the UN's list prints its ratification date instead); any other Member from the
date the General Assembly admitted it. A former name of a State (Burma, Zaire) sits from
the day the State took it while a Member to the day it dropped it, and names the State
that took over its seat in ``succeeded_by``; the counting treats such a chain as one seat.

Usage: python scripts/build_states.py [--out PATH] [--check]
"""

from __future__ import annotations

import argparse
import pathlib
import sys

import attrs
import pycountry

from resparse.states import TSV_COLUMNS, name_key

ROOT = pathlib.Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "src" / "resparse" / "data" / "states.tsv"
CHARTER = "1945-10-24"


@attrs.frozen
class Member:
    """A present Member State: ISO code, admission date, UN short name, other names."""

    alpha3: str
    admitted: str
    un_name: str
    aliases: tuple[str, ...] = ()


@attrs.frozen
class Former:
    """A State, or a name of a State, that no longer sits in the UN.

    ``iso`` names the ISO 3166-3 entry (by its alpha-3) to take codes and names from;
    ``alpha3`` and ``m49`` are given by hand where ISO kept no separate entry (Ceylon),
    or where the present State's code is the useful one (the Byelorussian SSR).
    """

    un_name: str
    admitted: str
    left: str
    succeeded_by: str = ""
    iso: str = ""
    alpha3: str = ""
    m49: str = ""
    aliases: tuple[str, ...] = ()


# The 193 Member States with the UN's short names and admission dates.
MEMBERS: tuple[Member, ...] = (
    Member("AFG", "1946-11-19", "Afghanistan"),
    Member("ALB", "1955-12-14", "Albania"),
    Member("DZA", "1962-10-08", "Algeria"),
    Member("AND", "1993-07-28", "Andorra"),
    Member("AGO", "1976-12-01", "Angola"),
    Member("ATG", "1981-11-11", "Antigua and Barbuda"),
    Member("ARG", CHARTER, "Argentina"),
    Member("ARM", "1992-03-02", "Armenia"),
    Member("AUS", CHARTER, "Australia"),
    Member("AUT", "1955-12-14", "Austria"),
    Member("AZE", "1992-03-02", "Azerbaijan"),
    Member("BHS", "1973-09-18", "Bahamas"),
    Member("BHR", "1971-09-21", "Bahrain"),
    Member("BGD", "1974-09-17", "Bangladesh"),
    Member("BRB", "1966-12-09", "Barbados"),
    Member("BLR", CHARTER, "Belarus"),
    Member("BEL", CHARTER, "Belgium"),
    Member("BLZ", "1981-09-25", "Belize"),
    Member("BEN", "1960-09-20", "Benin"),
    Member("BTN", "1971-09-21", "Bhutan"),
    Member("BOL", CHARTER, "Bolivia (Plurinational State of)", ("Bolivia",)),
    Member("BIH", "1992-05-22", "Bosnia and Herzegovina"),
    Member("BWA", "1966-10-17", "Botswana"),
    Member("BRA", CHARTER, "Brazil"),
    Member("BRN", "1984-09-21", "Brunei Darussalam", ("Brunei",)),
    Member("BGR", "1955-12-14", "Bulgaria"),
    Member("BFA", "1960-09-20", "Burkina Faso"),
    Member("BDI", "1962-09-18", "Burundi"),
    Member("CPV", "1975-09-16", "Cabo Verde", ("Cape Verde",)),
    Member("KHM", "1955-12-14", "Cambodia"),
    Member("CMR", "1960-09-20", "Cameroon"),
    Member("CAN", CHARTER, "Canada"),
    Member("CAF", "1960-09-20", "Central African Republic"),
    Member("TCD", "1960-09-20", "Chad"),
    Member("CHL", CHARTER, "Chile"),
    Member("CHN", CHARTER, "China"),
    Member("COL", CHARTER, "Colombia"),
    Member("COM", "1975-11-12", "Comoros"),
    Member("COG", "1960-09-20", "Congo", ("Congo (Brazzaville)",)),
    Member("CRI", CHARTER, "Costa Rica"),
    Member("CIV", "1960-09-20", "Côte d'Ivoire", ("Ivory Coast",)),
    Member("HRV", "1992-05-22", "Croatia"),
    Member("CUB", CHARTER, "Cuba"),
    Member("CYP", "1960-09-20", "Cyprus"),
    Member("CZE", "1993-01-19", "Czechia", ("Czech Republic",)),
    Member("PRK", "1991-09-17", "Democratic People's Republic of Korea"),
    Member(
        "COD",
        "1960-09-20",
        "Democratic Republic of the Congo",
        ("Congo (Leopoldville)", "Congo (Kinshasa)", "Democratic Republic of Congo"),
    ),
    Member("DNK", CHARTER, "Denmark"),
    Member("DJI", "1977-09-20", "Djibouti"),
    Member("DMA", "1978-12-18", "Dominica"),
    Member("DOM", CHARTER, "Dominican Republic"),
    Member("ECU", CHARTER, "Ecuador"),
    Member("EGY", CHARTER, "Egypt"),
    Member("SLV", CHARTER, "El Salvador"),
    Member("GNQ", "1968-11-12", "Equatorial Guinea"),
    Member("ERI", "1993-05-28", "Eritrea"),
    Member("EST", "1991-09-17", "Estonia"),
    Member("SWZ", "1968-09-24", "Eswatini", ("Swaziland",)),
    Member("ETH", CHARTER, "Ethiopia"),
    Member("FJI", "1970-10-13", "Fiji"),
    Member("FIN", "1955-12-14", "Finland"),
    Member("FRA", CHARTER, "France"),
    Member("GAB", "1960-09-20", "Gabon"),
    Member("GMB", "1965-09-21", "Gambia"),
    Member("GEO", "1992-07-31", "Georgia"),
    Member("DEU", "1973-09-18", "Germany"),
    Member("GHA", "1957-03-08", "Ghana"),
    Member("GRC", CHARTER, "Greece"),
    Member("GRD", "1974-09-17", "Grenada"),
    Member("GTM", CHARTER, "Guatemala"),
    Member("GIN", "1958-12-12", "Guinea"),
    Member("GNB", "1974-09-17", "Guinea-Bissau"),
    Member("GUY", "1966-09-20", "Guyana"),
    Member("HTI", CHARTER, "Haiti"),
    Member("HND", CHARTER, "Honduras"),
    Member("HUN", "1955-12-14", "Hungary"),
    Member("ISL", "1946-11-19", "Iceland"),
    Member("IND", CHARTER, "India"),
    Member("IDN", "1950-09-28", "Indonesia"),
    Member("IRN", CHARTER, "Iran (Islamic Republic of)", ("Iran",)),
    Member("IRQ", CHARTER, "Iraq"),
    Member("IRL", "1955-12-14", "Ireland"),
    Member("ISR", "1949-05-11", "Israel"),
    Member("ITA", "1955-12-14", "Italy"),
    Member("JAM", "1962-09-18", "Jamaica"),
    Member("JPN", "1956-12-18", "Japan"),
    Member("JOR", "1955-12-14", "Jordan"),
    Member("KAZ", "1992-03-02", "Kazakhstan"),
    Member("KEN", "1963-12-16", "Kenya"),
    Member("KIR", "1999-09-14", "Kiribati"),
    Member("KWT", "1963-05-14", "Kuwait"),
    Member("KGZ", "1992-03-02", "Kyrgyzstan"),
    Member("LAO", "1955-12-14", "Lao People's Democratic Republic", ("Laos",)),
    Member("LVA", "1991-09-17", "Latvia"),
    Member("LBN", CHARTER, "Lebanon"),
    Member("LSO", "1966-10-17", "Lesotho"),
    Member("LBR", CHARTER, "Liberia"),
    Member("LBY", "1955-12-14", "Libya"),
    Member("LIE", "1990-09-18", "Liechtenstein"),
    Member("LTU", "1991-09-17", "Lithuania"),
    Member("LUX", CHARTER, "Luxembourg"),
    Member("MDG", "1960-09-20", "Madagascar", ("Malagasy Republic",)),
    Member("MWI", "1964-12-01", "Malawi"),
    Member("MYS", "1957-09-17", "Malaysia", ("Federation of Malaya", "Malaya")),
    Member("MDV", "1965-09-21", "Maldives"),
    Member("MLI", "1960-09-28", "Mali"),
    Member("MLT", "1964-12-01", "Malta"),
    Member("MHL", "1991-09-17", "Marshall Islands"),
    Member("MRT", "1961-10-27", "Mauritania"),
    Member("MUS", "1968-04-24", "Mauritius"),
    Member("MEX", CHARTER, "Mexico"),
    Member("FSM", "1991-09-17", "Micronesia (Federated States of)"),
    Member("MCO", "1993-05-28", "Monaco"),
    Member("MNG", "1961-10-27", "Mongolia"),
    Member("MNE", "2006-06-28", "Montenegro"),
    Member("MAR", "1956-11-12", "Morocco"),
    Member("MOZ", "1975-09-16", "Mozambique"),
    Member("MMR", "1948-04-19", "Myanmar"),
    Member("NAM", "1990-04-23", "Namibia"),
    Member("NRU", "1999-09-14", "Nauru"),
    Member("NPL", "1955-12-14", "Nepal"),
    Member("NLD", CHARTER, "Netherlands (Kingdom of the)", ("Netherlands",)),
    Member("NZL", CHARTER, "New Zealand"),
    Member("NIC", CHARTER, "Nicaragua"),
    Member("NER", "1960-09-20", "Niger"),
    Member("NGA", "1960-10-07", "Nigeria"),
    Member(
        "MKD",
        "1993-04-08",
        "North Macedonia",
        ("The former Yugoslav Republic of Macedonia",),
    ),
    Member("NOR", CHARTER, "Norway"),
    Member("OMN", "1971-10-07", "Oman"),
    Member("PAK", "1947-09-30", "Pakistan"),
    Member("PLW", "1994-12-15", "Palau"),
    Member("PAN", CHARTER, "Panama"),
    Member("PNG", "1975-10-10", "Papua New Guinea"),
    Member("PRY", CHARTER, "Paraguay"),
    Member("PER", CHARTER, "Peru"),
    Member("PHL", CHARTER, "Philippines"),
    Member("POL", CHARTER, "Poland"),
    Member("PRT", "1955-12-14", "Portugal"),
    Member("QAT", "1971-09-21", "Qatar"),
    Member("KOR", "1991-09-17", "Republic of Korea"),
    Member("MDA", "1992-03-02", "Republic of Moldova", ("Moldova",)),
    Member("ROU", "1955-12-14", "Romania", ("Roumania",)),
    Member("RUS", CHARTER, "Russian Federation", ("Russia",)),
    Member("RWA", "1962-09-18", "Rwanda"),
    Member("KNA", "1983-09-23", "Saint Kitts and Nevis", ("Saint Christopher and Nevis",)),
    Member("LCA", "1979-09-18", "Saint Lucia"),
    Member("VCT", "1980-09-16", "Saint Vincent and the Grenadines"),
    Member("WSM", "1976-12-15", "Samoa", ("Western Samoa",)),
    Member("SMR", "1992-03-02", "San Marino"),
    Member("STP", "1975-09-16", "Sao Tome and Principe"),
    Member("SAU", CHARTER, "Saudi Arabia"),
    Member("SEN", "1960-09-28", "Senegal"),
    Member("SRB", "2000-11-01", "Serbia"),
    Member("SYC", "1976-09-21", "Seychelles"),
    Member("SLE", "1961-09-27", "Sierra Leone"),
    Member("SGP", "1965-09-21", "Singapore"),
    Member("SVK", "1993-01-19", "Slovakia"),
    Member("SVN", "1992-05-22", "Slovenia"),
    Member("SLB", "1978-09-19", "Solomon Islands"),
    Member("SOM", "1960-09-20", "Somalia"),
    Member("ZAF", CHARTER, "South Africa"),
    Member("SSD", "2011-07-14", "South Sudan"),
    Member("ESP", "1955-12-14", "Spain"),
    Member("LKA", "1955-12-14", "Sri Lanka"),
    Member("SDN", "1956-11-12", "Sudan"),
    Member("SUR", "1975-12-04", "Suriname", ("Surinam",)),
    Member("SWE", "1946-11-19", "Sweden"),
    Member("CHE", "2002-09-10", "Switzerland"),
    Member("SYR", CHARTER, "Syrian Arab Republic", ("Syria",)),
    Member("TJK", "1992-03-02", "Tajikistan"),
    Member("THA", "1946-12-16", "Thailand"),
    Member("TLS", "2002-09-27", "Timor-Leste", ("East Timor",)),
    Member("TGO", "1960-09-20", "Togo"),
    Member("TON", "1999-09-14", "Tonga"),
    Member("TTO", "1962-09-18", "Trinidad and Tobago"),
    Member("TUN", "1956-11-12", "Tunisia"),
    Member("TUR", CHARTER, "Türkiye", ("Turkey",)),
    Member("TKM", "1992-03-02", "Turkmenistan"),
    Member("TUV", "2000-09-05", "Tuvalu"),
    Member("UGA", "1962-10-25", "Uganda"),
    Member("UKR", CHARTER, "Ukraine"),
    Member("ARE", "1971-12-09", "United Arab Emirates"),
    Member(
        "GBR",
        CHARTER,
        "United Kingdom of Great Britain and Northern Ireland",
        ("United Kingdom",),
    ),
    Member(
        "TZA",
        "1961-12-14",
        "United Republic of Tanzania",
        ("Tanzania", "United Republic of Tanganyika and Zanzibar"),
    ),
    Member("USA", CHARTER, "United States of America", ("United States",)),
    Member("URY", CHARTER, "Uruguay"),
    Member("UZB", "1992-03-02", "Uzbekistan"),
    Member("VUT", "1981-09-15", "Vanuatu"),
    Member("VEN", CHARTER, "Venezuela (Bolivarian Republic of)", ("Venezuela",)),
    Member("VNM", "1977-09-20", "Viet Nam", ("Vietnam",)),
    Member("YEM", "1947-09-30", "Yemen"),
    Member("ZMB", "1964-12-01", "Zambia"),
    Member("ZWE", "1980-08-25", "Zimbabwe"),
)

# Non-member observer States: they appear in resolutions but never vote in the Assembly.
OBSERVERS: tuple[Member, ...] = (
    Member("VAT", "", "Holy See"),
    Member("PSE", "", "State of Palestine", ("Palestine",)),
)

# States and names that are gone. Renamings made at a change of regime or constitution
# are kept as their own rows; later changes of spelling (Turkey, Swaziland) are aliases.
FORMERS: tuple[Former, ...] = (
    Former(
        "Union of Soviet Socialist Republics",
        CHARTER,
        "1991-12-24",  # the Russian Federation continued the seat
        "Russian Federation",
        iso="SUN",
        aliases=("USSR", "Soviet Union"),
    ),
    Former(
        "Byelorussian Soviet Socialist Republic",
        CHARTER,
        "1991-09-19",
        "Belarus",
        iso="BYS",
        alpha3="BLR",
        m49="112",
        aliases=("Byelorussian SSR", "Byelorussia"),
    ),
    Former(
        "Ukrainian Soviet Socialist Republic",
        CHARTER,
        "1991-08-24",
        "Ukraine",
        alpha3="UKR",
        m49="804",
        aliases=("Ukrainian SSR",),
    ),
    Former(
        "Yugoslavia",
        CHARTER,
        "2000-11-01",  # the seat lapsed when the Federal Republic was admitted anew
        iso="YUG",
        aliases=(
            "Socialist Federal Republic of Yugoslavia",
            "Federal People's Republic of Yugoslavia",
        ),
    ),
    Former(
        "Serbia and Montenegro",
        "2000-11-01",
        "2006-06-03",  # Serbia continued the seat after Montenegro's independence
        "Serbia",
        iso="SCG",
        aliases=("Federal Republic of Yugoslavia", "State Union of Serbia and Montenegro"),
    ),
    Former(
        "Czechoslovakia",
        CHARTER,
        "1993-01-01",
        iso="CSK",
        aliases=("Czech and Slovak Federal Republic", "Czechoslovak Socialist Republic"),
    ),
    Former("German Democratic Republic", "1973-09-18", "1990-10-03", iso="DDR"),
    Former(
        "Federal Republic of Germany",
        "1973-09-18",
        "1990-10-03",
        "Germany",
        alpha3="DEU",
        m49="276",
        aliases=("Germany, Federal Republic of",),
    ),
    Former(
        "Zaire",
        "1971-10-27",
        "1997-05-17",
        "Democratic Republic of the Congo",
        iso="ZAR",
        aliases=("Republic of Zaire",),
    ),
    Former(
        "Democratic Yemen",
        "1967-12-14",  # admitted as Southern Yemen
        "1990-05-22",
        iso="YMD",
        aliases=("Southern Yemen", "People's Democratic Republic of Yemen"),
    ),
    Former(
        "Yemen Arab Republic",
        "1947-09-30",  # printed "Yemen" until the union of 1990
        "1990-05-22",
        "Yemen",
        alpha3="YEM",
        m49="886",
    ),
    Former(
        "Tanganyika",
        "1961-12-14",
        "1964-04-26",
        "United Republic of Tanzania",
        alpha3="TZA",
        m49="834",
    ),
    Former(
        "Zanzibar",
        "1963-12-16",
        "1964-04-26",
        alpha3="TZA",
        m49="834",
        aliases=("People's Republic of Zanzibar",),
    ),
    Former("United Arab Republic", "1958-02-21", "1971-09-02", "Egypt", alpha3="EGY", m49="818"),
    Former(
        "Khmer Republic",
        "1970-10-09",
        "1975-04-17",
        "Democratic Kampuchea",
        alpha3="KHM",
        m49="116",
    ),
    Former(
        "Democratic Kampuchea",
        "1975-04-17",
        "1990-09-18",  # the seat was Cambodia's again from the forty-fifth session
        "Cambodia",
        alpha3="KHM",
        m49="116",
        aliases=("Kampuchea",),
    ),
    Former(
        "Upper Volta",
        "1960-09-20",
        "1984-08-04",
        "Burkina Faso",
        iso="HVO",
        aliases=("Republic of Upper Volta",),
    ),
    Former(
        "Dahomey", "1960-09-20", "1975-11-30", "Benin", iso="DHY", aliases=("Republic of Dahomey",)
    ),
    Former(
        "Burma",
        "1948-04-19",
        "1989-06-18",
        "Myanmar",
        iso="BUR",
        aliases=("Union of Burma", "Socialist Republic of the Union of Burma"),
    ),
    Former("Ceylon", "1955-12-14", "1972-05-22", "Sri Lanka", alpha3="LKA", m49="144"),
    Former("Siam", "1946-12-16", "1949-05-11", "Thailand", alpha3="THA", m49="764"),
    Former("Union of South Africa", CHARTER, "1961-05-31", "South Africa", alpha3="ZAF", m49="710"),
    Former(
        "Central African Empire",
        "1976-12-04",
        "1979-09-21",
        "Central African Republic",
        alpha3="CAF",
        m49="140",
    ),
    Former(
        "Libyan Arab Jamahiriya",
        "1969-09-01",  # the Libyan Arab Republic until 1977, under the same regime
        "2011-09-16",
        "Libya",
        alpha3="LBY",
        m49="434",
        aliases=(
            "Libyan Arab Republic",
            "Socialist People's Libyan Arab Jamahiriya",
            "Great Socialist People's Libyan Arab Jamahiriya",
        ),
    ),
)

# Stretches in which a Member's seat was empty.
ABSENCES: dict[str, tuple[str, ...]] = {
    "Syrian Arab Republic": ("1958-02-21/1961-10-13",),  # within the United Arab Republic
    "Indonesia": ("1965-01-20/1966-09-28",),  # withdrew by letter, then resumed its seat
}

EXPECTED_CODES: dict[str, tuple[str, str]] = {
    "Union of Soviet Socialist Republics": ("SUN", "810"),
    "Yugoslavia": ("YUG", "891"),
    "Serbia and Montenegro": ("SCG", "891"),
    "Czechoslovakia": ("CSK", "200"),
    "German Democratic Republic": ("DDR", "278"),
    "Zaire": ("ZAR", "180"),
    "Democratic Yemen": ("YMD", "720"),
}


# COW numbers that countrycode does not give, keyed by ISO alpha-3 (a Member) or UN name
# (a former State). Observers (the Holy See, the State of Palestine) get none: they are
# not Members, and COW's 327 is the Papal States of 1816-1860, not the Holy See.
COW_GAPS = {
    "SRB": "345",  # countrycode has none; COW keeps Yugoslavia's 345 for Serbia
    "Federal Republic of Germany": "260",  # countrycode matches it to Germany (255)
}


def cow_numbers(keys: list[str], origin: str) -> dict[str, str]:
    """COW number of each key (ISO alpha-3 or English name) that countrycode knows."""
    from countrycode import countrycode  # noqa: PLC0415 - build time only

    numbers = countrycode(list(keys), origin=origin, destination="cown")
    return {k: str(int(n)) for k, n in zip(keys, numbers, strict=True) if n is not None}


def add_cow(rows: list[dict[str, str]]) -> None:
    """Fill the ``cow`` column: Members by code, former States by name, then seats passed on."""
    members = [r for r in rows if r["historical"] == "false" and r["admitted"]]
    by_code = cow_numbers([r["alpha3"] for r in members], "iso3c")
    for row in members:
        row["cow"] = COW_GAPS.get(row["alpha3"], by_code.get(row["alpha3"], ""))
    formers = [r for r in rows if r["historical"] == "true"]
    by_name = cow_numbers([r["un_name"] for r in formers], "country.name.en")
    for row in formers:
        row["cow"] = COW_GAPS.get(row["un_name"], by_name.get(row["un_name"], ""))
    named = {r["un_name"]: r for r in rows}
    for row in formers:
        name, seen = row["succeeded_by"], set()
        while name and name in named and name not in seen:
            seen.add(name)
            if named[name]["historical"] == "false":
                row["cow"] = row["cow"] or named[name].get("cow", "")
                if row["alpha3"] == named[name]["alpha3"]:
                    row["alpha2"] = named[name]["alpha2"]  # an earlier name, same code
                break
            name = named[name]["succeeded_by"]
    missing = [r["un_name"] for r in (*members, *formers) if not r["cow"]]
    if missing:
        msg = f"no COW number for {missing}"
        raise SystemExit(msg)


def iso_names(record: object) -> list[str]:
    """The ISO names of a pycountry record: its name, official name and common name."""
    return [
        value
        for field in ("name", "official_name", "common_name")
        if isinstance(value := getattr(record, field, None), str)
    ]


def build_rows() -> list[dict[str, str]]:
    """Merge the hand-kept table with pycountry's codes and names into TSV rows."""
    rows: list[dict[str, str]] = []
    iso_aliases: list[list[str]] = []
    for member in (*MEMBERS, *OBSERVERS):
        country = pycountry.countries.get(alpha_3=member.alpha3)
        if country is None:
            msg = f"pycountry has no country {member.alpha3} ({member.un_name})"
            raise SystemExit(msg)
        rows.append(
            {
                "alpha3": country.alpha_3,
                "m49": country.numeric,
                "un_name": member.un_name,
                "historical": "false",
                "admitted": member.admitted,
                "left": "",
                "succeeded_by": "",
                "absent": "|".join(ABSENCES.get(member.un_name, ())),
                "aliases": "|".join(member.aliases),
                "alpha2": country.alpha_2,
                "cow": "",
            }
        )
        iso_aliases.append(iso_names(country))
    for former in FORMERS:
        record = pycountry.historic_countries.get(alpha_3=former.iso) if former.iso else None
        if former.iso and record is None:
            msg = f"pycountry has no former country {former.iso} ({former.un_name})"
            raise SystemExit(msg)
        alpha3 = former.alpha3 or (record.alpha_3 if record else "")
        m49 = former.m49 or (record.numeric if record else "")
        expected = EXPECTED_CODES.get(former.un_name, (alpha3, m49))
        if (alpha3, m49) != expected or not alpha3 or not m49:
            msg = f"{former.un_name}: codes {alpha3}/{m49}, expected {expected}"
            raise SystemExit(msg)
        rows.append(
            {
                "alpha3": alpha3,
                "m49": m49,
                "un_name": former.un_name,
                "historical": "true",
                "admitted": former.admitted,
                "left": former.left,
                "succeeded_by": former.succeeded_by,
                "absent": "",
                "aliases": "|".join(former.aliases),
                "alpha2": "",
                "cow": "",
            }
        )
        iso_aliases.append(iso_names(record) if record else [])
    add_iso_aliases(rows, iso_aliases)
    add_cow(rows)
    check(rows)
    return sorted(rows, key=lambda r: (r["historical"], name_key(r["un_name"])))


def add_iso_aliases(rows: list[dict[str, str]], iso_aliases: list[list[str]]) -> None:
    """Add ISO names as aliases, unless another row already answers to that name."""
    owner: dict[str, int] = {}
    for i, row in enumerate(rows):
        for name in (row["un_name"], *filter(None, row["aliases"].split("|"))):
            key = name_key(name)
            if owner.setdefault(key, i) != i:
                holder = rows[owner[key]]["un_name"]
                msg = f"{name!r} is given to both {holder} and {row['un_name']}"
                raise SystemExit(msg)
    for i, (row, names) in enumerate(zip(rows, iso_aliases, strict=True)):
        extra: list[str] = []
        for name in names:
            key = name_key(name)
            if owner.setdefault(key, i) != i:
                holder = rows[owner[key]]["un_name"]
                print(f"skipped ISO name {name!r} of {row['un_name']}: it names {holder}")
                continue
            known = {name_key(a) for a in (row["un_name"], *row["aliases"].split("|"), *extra)}
            if key not in known:
                extra.append(name)
        row["aliases"] = "|".join(filter(None, (*row["aliases"].split("|"), *extra)))


def seats_on(rows: list[dict[str, str]], day: str) -> int:
    """How many seats were filled on ``day`` (ISO date), a row's successors sharing its seat.

    A plain re-count, kept apart from ``resparse.states`` so that each checks the other.
    """
    successor = {r["un_name"]: r["succeeded_by"] for r in rows}
    seats: set[str] = set()
    for row in rows:
        end = row["left"] or "9999-12-31"
        absent = any(
            start <= day < stop
            for start, stop in (gap.split("/") for gap in filter(None, row["absent"].split("|")))
        )
        if row["admitted"] and row["admitted"] <= day < end and not absent:
            seat = row["un_name"]
            while successor[seat]:
                seat = successor[seat]
            seats.add(seat)
    return len(seats)


def check(rows: list[dict[str, str]]) -> None:
    """Guard the facts that the counting relies on."""
    names = {r["un_name"] for r in rows}
    unknown = [r["succeeded_by"] for r in rows if r["succeeded_by"] not in names | {""}]
    if unknown:
        msg = f"successors not in the table: {unknown}"
        raise SystemExit(msg)
    expected = {CHARTER: 51, "2011-07-13": 192, "2011-07-14": 193, "2100-01-01": 193}
    found = {day: seats_on(rows, day) for day in expected}
    current = sum(1 for r in rows if r["historical"] == "false" and r["admitted"])
    if found != expected or current != 193:
        msg = f"Member counts {found} (expected {expected}); {current} present Members"
        raise SystemExit(msg)


def render(rows: list[dict[str, str]]) -> str:
    """The TSV text: a header row, then one row per State."""
    lines = ["\t".join(TSV_COLUMNS)]
    lines.extend("\t".join(row[c] for c in TSV_COLUMNS) for row in rows)
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write the table, or with --check tell whether the written one is up to date."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=pathlib.Path, default=DEFAULT_OUT)
    parser.add_argument("--check", action="store_true", help="fail if the file would change")
    args = parser.parse_args(argv)
    text = render(build_rows())
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if current != text:
            print(f"{args.out} is out of date: run scripts/build_states.py")
            return 1
        print(f"{args.out} is up to date")
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {text.count(chr(10)) - 1} States to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
