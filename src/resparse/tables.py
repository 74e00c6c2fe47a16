"""Corpus tables a researcher joins on, with a Frictionless data package that describes them.

:func:`write_tables` writes, for a set of parsed resolutions, three CSV files and a
``datapackage.json`` beside them:

- ``documents.csv``: one row per file, with the header fields (symbol, body, session,
  number, title, adoption date, agenda items), the vote (method, outcome, counts), the
  worst diagnostic severity and the diagnostic codes, or the error of a file that failed;
- ``votes.csv``: the full roll call of every vote, one row per Member State on the day
  (:func:`resparse.roll_call`), with ISO, M49 and Correlates of War codes;
- ``references.csv``: one row per citation (:attr:`resparse.Resolution.references`).

Every column is named, typed and described in :data:`TABLES`, which writes both the CSV
header and the data package, so the two cannot drift apart. Only the standard library
is used: the tables need neither pandas nor pyarrow.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import pathlib
from typing import TYPE_CHECKING, Any

from resparse.exports.references import reference_rows
from resparse.model import SEVERITIES

if TYPE_CHECKING:
    import os
    from collections.abc import Iterable, Iterator

    from resparse.model import Resolution

__all__ = ["TABLES", "TableField", "corpus_fields", "datapackage", "table_rows", "write_tables"]

# (name, Frictionless type, description)
TableField = tuple[str, str, str]

TABLES: dict[str, tuple[TableField, ...]] = {
    "documents": (
        ("path", "string", "the file as given, relative to the folder read"),
        ("symbol", "string", "the document symbol, e.g. A/RES/78/1 or S/RES/2334 (2016)"),
        ("body", "string", "the adopting body as printed, e.g. General Assembly"),
        ("session", "integer", "the session number (General Assembly, Human Rights Council)"),
        ("number", "string", "the resolution number as printed, e.g. 78/1"),
        ("title", "string", "the title"),
        ("adopted", "date", "the adoption date (ISO 8601)"),
        ("agenda", "string", "the agenda item numbers, separated by '; '"),
        ("document_type", "string", "resolution, or draft resolution for a draft"),
        ("sponsors", "string", "a draft's sponsors as printed, separated by '; '"),
        ("language", "string", "ISO 639-1 code of the text's language"),
        ("reader", "string", "the reader that read the file (text, pdf, akn, ...)"),
        ("n_preambular", "integer", "preambular clauses"),
        ("n_operative", "integer", "operative paragraphs"),
        ("n_references", "integer", "citations (rows of references.csv)"),
        (
            "vote_method",
            "string",
            "recorded, non_recorded, without_vote, unanimous, consensus or rejected",
        ),
        ("vote_outcome", "string", "adopted, not_adopted or vetoed"),
        ("in_favour", "integer", "votes in favour"),
        ("against", "integer", "votes against"),
        ("abstaining", "integer", "abstentions"),
        ("worst_severity", "string", "the worst diagnostic: error, warning or info; empty if none"),
        ("diagnostic_codes", "string", "the distinct diagnostic codes, sorted, separated by ' '"),
        ("error", "string", "why the file gave no result (then the other columns are empty)"),
    ),
    "votes": (
        ("symbol", "string", "the resolution voted on"),
        ("part", "string", "the lettered part (A, B) of a resolution voted in parts"),
        ("date", "date", "the day of the vote (ISO 8601); membership is the day's"),
        ("body", "string", "the voting body as printed"),
        ("state", "string", "the State's UN name on the day"),
        ("printed", "string", "the name as the vote lists print it; empty if not listed"),
        ("alpha3", "string", "ISO 3166-1 alpha-3 code (ISO 3166-3 for most former States)"),
        ("alpha2", "string", "ISO 3166-1 alpha-2 code; empty for a former State"),
        ("m49", "string", "UN M49 code, three digits"),
        ("cow", "integer", "Correlates of War state number"),
        ("vote", "string", "yes, no, abstain, absent (absent or not voting) or not_member"),
        ("voeten", "integer", "Voeten's code: 1 yes, 2 abstain, 3 no, 8 absent, 9 not a member"),
    ),
    "references": (
        ("citing", "string", "the symbol of the citing resolution"),
        ("cited", "string", "the cited symbol (A/RES/77/1, S/RES/2334 (2016)) or treaty"),
        ("kind", "string", "resolution, decision, document or treaty"),
        ("cited_body", "string", "the body whose series the cited symbol is in"),
        ("cited_date", "date", "the date printed with the citation (ISO 8601)"),
        ("part", "string", "where the citation sits: preambular, operative, footnote, annex"),
        ("index", "integer", "the 0-based index of that clause, paragraph, footnote or annex"),
        ("in_range", "boolean", "an item between the printed ends of a range"),
        ("start", "integer", "start offset of the citation in the source text"),
        ("end", "integer", "end offset (exclusive) of the citation in the source text"),
    ),
}
_DESCRIPTIONS = {
    "documents": "One row per file read: header fields, vote, diagnostics.",
    "votes": "The full roll call of every vote: one row per Member State on the day.",
    "references": "One row per citation: which resolution cites which symbol, and where.",
}


def datapackage() -> dict[str, Any]:
    """The Frictionless Tabular Data Package that describes the three tables."""
    return {
        "profile": "tabular-data-package",
        "name": "resparse-corpus",
        "title": "United Nations resolutions parsed by resparse",
        "sources": [{"title": "United Nations (the resolutions' texts)"}],
        "resources": [
            {
                "name": name,
                "path": f"{name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "description": _DESCRIPTIONS[name],
                "schema": {
                    "fields": [
                        {"name": field, "type": kind, "description": what}
                        for field, kind, what in fields
                    ],
                    "missingValues": [""],
                },
            }
            for name, fields in TABLES.items()
        ],
    }


def table_rows(
    results: Iterable[tuple[str, Resolution | None, str | None]],
) -> dict[str, list[dict[str, Any]]]:
    """The rows of the three tables for ``(path, result, error)`` triples."""
    from resparse.rollcall import roll_call  # noqa: PLC0415 - loads the State table

    tables: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for path, result, error in results:
        if result is None:
            tables["documents"].append({"path": path, "error": error or "no result"})
            continue
        tables["documents"].append(_document(path, result))
        votes = result.votes or ((result.vote,) if result.vote is not None else ())
        for vote in votes:
            for entry in roll_call(result, vote):
                tables["votes"].append(
                    {
                        "symbol": result.header.symbol,
                        "part": vote.part,
                        "date": entry.date,
                        "body": result.header.body,
                        "state": entry.state,
                        "printed": entry.printed,
                        "alpha3": entry.alpha3,
                        "alpha2": entry.alpha2,
                        "m49": entry.m49,
                        "cow": entry.cow,
                        "vote": entry.vote,
                        "voeten": entry.voeten,
                    }
                )
        # the edge table's rows, without the cited words (the span points at them)
        tables["references"].extend(
            {name: value for name, value in row.items() if name != "text"}
            for row in reference_rows(result)
        )
    return tables


def _document(path: str, result: Resolution) -> dict[str, Any]:
    header = result.header
    vote = result.vote
    severities = {d.severity for d in result.diagnostics}
    worst = next((s for s in SEVERITIES if s in severities), None)
    return {
        "path": path,
        "symbol": header.symbol,
        "body": header.body,
        "session": header.session,
        "number": header.number,
        "title": header.title,
        "adopted": header.adopted,
        "agenda": "; ".join(item.number for item in header.agenda_items) or None,
        "document_type": header.document_type,
        "sponsors": "; ".join(header.sponsors) or None,
        "language": result.language,
        "reader": result.reader,
        "n_preambular": len(result.preamble),
        "n_operative": len(result.operative),
        "n_references": len(result.references),
        "vote_method": None if vote is None else vote.method,
        "vote_outcome": None if vote is None else vote.outcome,
        "in_favour": None if vote is None else vote.in_favour,
        "against": None if vote is None else vote.against,
        "abstaining": None if vote is None else vote.abstaining,
        "worst_severity": worst,
        "diagnostic_codes": " ".join(sorted({d.code for d in result.diagnostics})) or None,
        "error": None,
    }


def corpus_fields(result: Resolution) -> dict[str, Any]:
    """The documents-table fields ``resparse corpus`` adds: header fields and diagnostics.

    Plain data (the date as ISO text), so a corpus record pickles and writes as before.
    """
    full = _document("", result)
    return {
        "session": full["session"],
        "number": full["number"],
        "title": full["title"],
        "adopted": _cell(full["adopted"]) or None,
        "worst_severity": full["worst_severity"],
        "diagnostic_codes": full["diagnostic_codes"],
    }


def _cell(value: object) -> str:
    """A CSV cell: empty for missing, ISO for dates, true/false for booleans."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def write_tables(
    results: Iterable[tuple[str, Resolution | None, str | None]],
    folder: str | os.PathLike[str],
) -> dict[str, int]:
    """Write the three CSV tables and ``datapackage.json`` into ``folder``; rows per table."""
    out = pathlib.Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    tables = table_rows(results)
    for name, fields in TABLES.items():
        columns = [field for field, _, _ in fields]
        with (out / f"{name}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(columns)
            writer.writerows([_cell(row.get(c)) for c in columns] for row in tables[name])
    package = json.dumps(datapackage(), indent=1, ensure_ascii=False, sort_keys=True)
    (out / "datapackage.json").write_text(package + "\n", encoding="utf-8")
    return {name: len(rows) for name, rows in tables.items()}


def read_table(folder: str | os.PathLike[str], name: str) -> Iterator[dict[str, str]]:
    """The rows of one written table as strings (empty cell: missing)."""
    with (pathlib.Path(folder) / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)
