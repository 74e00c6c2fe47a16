"""Corpus tables a researcher joins on, and the codebook that describes every column.

One codebook, :data:`TABLES`, names, types and describes each column of the four tables
that ``resparse corpus`` and ``resparse tables`` write, so the CSV and Parquet headers and
the Frictionless ``datapackage.json`` beside them come from the same place and cannot
drift apart:

- ``documents``: one row per file, with the header fields (symbol, body, session,
  number, title, adoption date, agenda items), the sponsors of a draft with their codes,
  the vote (method, outcome, counts), the worst diagnostic severity and the diagnostic
  codes, or the error of a file that failed;
- ``rows``: one row per preambular clause, operative paragraph and sub-paragraph (the
  columns of :func:`resparse.to_frame` after a leading ``path``);
- ``votes``: the full roll call of every vote, one row per Member State on the day
  (:func:`resparse.roll_call`), with ISO, M49, Correlates of War and Voeten codes;
- ``references``: one row per citation (:attr:`resparse.Resolution.references`).

:func:`result_tables` turns one parsed resolution into the rows of all four as plain data
(text, numbers, booleans, ISO dates as text), which is what a corpus worker sends back and
journals. Only the standard library is used here: the tables need neither pandas nor pyarrow.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import pathlib
from typing import TYPE_CHECKING, Any, TextIO

from resparse.model import SEVERITIES

if TYPE_CHECKING:
    import os
    from collections.abc import Iterable, Iterator, Mapping, Sequence

    from resparse.model import Resolution

__all__ = [
    "TABLES",
    "CsvTables",
    "TableField",
    "columns",
    "datapackage",
    "failure_tables",
    "read_table",
    "result_tables",
    "table_rows",
    "write_csv",
    "write_tables",
]

# (name, Frictionless type, description, the codes the column may hold or ())
TableField = tuple[str, str, str, tuple[Any, ...]]

_VOTE_METHODS = ("recorded", "non_recorded", "without_vote", "unanimous", "consensus", "rejected")
_OUTCOMES = ("adopted", "not_adopted", "vetoed")
_VOTES = ("yes", "no", "abstain", "absent", "not_member")
_VOETEN = (1, 2, 3, 8, 9)
_ROW_KINDS = ("preambular", "operative", "subparagraph")
_REFERENCE_KINDS = ("resolution", "decision", "document", "treaty")
_PLACES = ("preambular", "operative", "footnote", "annex")
_PATH = ("path", "string", "the file as recorded: relative to the folder read, or as given", ())

TABLES: dict[str, tuple[TableField, ...]] = {
    "documents": (
        _PATH,
        ("symbol", "string", "the document symbol, e.g. A/RES/78/1 or S/RES/2334 (2016)", ()),
        ("body", "string", "the adopting body as printed, e.g. General Assembly", ()),
        ("session", "integer", "the session number (General Assembly, Human Rights Council)", ()),
        ("number", "string", "the resolution number as printed, e.g. 78/1", ()),
        ("title", "string", "the title", ()),
        ("adopted", "date", "the adoption date (ISO 8601)", ()),
        ("agenda", "string", "the agenda item numbers, separated by '; '", ()),
        ("document_type", "string", "resolution, or draft resolution for a draft", ()),
        ("sponsors", "string", "a draft's sponsors as printed, separated by '; '", ()),
        (
            "sponsor_codes",
            "string",
            (
                "ISO alpha-3 code of each sponsor, in the order of sponsors, separated by '; ';"
                " '-' for a sponsor that is no State's name"
            ),
            (),
        ),
        ("language", "string", "ISO 639-1 code of the text's language", ()),
        ("reader", "string", "the reader that read the file (text, pdf, akn, ...)", ()),
        ("n_preambular", "integer", "preambular clauses", ()),
        ("n_operative", "integer", "operative paragraphs", ()),
        ("n_subparagraphs", "integer", "sub-paragraphs at every depth", ()),
        ("n_references", "integer", "citations (rows of the references table)", ()),
        ("vote_method", "string", "how the resolution was adopted", _VOTE_METHODS),
        ("vote_outcome", "string", "what the vote decided", _OUTCOMES),
        ("in_favour", "integer", "votes in favour", ()),
        ("against", "integer", "votes against", ()),
        ("abstaining", "integer", "abstentions", ()),
        ("n_diagnostics", "integer", "diagnostics of every severity", ()),
        ("worst_severity", "string", "the worst diagnostic; empty if none", SEVERITIES),
        (
            "diagnostic_codes",
            "string",
            "the distinct diagnostic codes, sorted, separated by ' '",
            (),
        ),
        ("error", "string", "why the file gave no result (then the other columns are empty)", ()),
        ("seconds", "number", "seconds reading and parsing took (empty with --no-timings)", ()),
    ),
    "rows": (
        _PATH,
        ("symbol", "string", "the document symbol", ()),
        ("body", "string", "the adopting body as printed", ()),
        ("kind", "string", "what the row is", _ROW_KINDS),
        (
            "index",
            "integer",
            (
                "preambular: the clause's 0-based index; operative: the 1-based position;"
                " subparagraph: the 1-based position inside its paragraph"
            ),
            (),
        ),
        ("number", "integer", "the operative paragraph's number (repeated on its items)", ()),
        ("label", "string", "a sub-paragraph's label as printed, e.g. a or ii", ()),
        ("parent", "string", "the label path of what holds a sub-paragraph, e.g. 3(a)", ()),
        ("part", "string", "the lettered part (A, B) of a resolution in parts", ()),
        ("section", "string", "the numbered heading (II) the row stands under", ()),
        ("lead", "string", "the lead phrase or verb, e.g. Recalling or Decides", ()),
        ("lead_italic", "boolean", "whether the input set the lead in italics", ()),
        ("text", "string", "the clean text of the clause, paragraph or item", ()),
        ("start", "integer", "start offset of the row's span in the source text", ()),
        ("end", "integer", "end offset (exclusive) of the row's span in the source text", ()),
    ),
    "votes": (
        _PATH,
        ("symbol", "string", "the resolution voted on", ()),
        ("part", "string", "the lettered part (A, B) of a resolution voted in parts", ()),
        ("date", "date", "the day of the vote (ISO 8601); membership is the day's", ()),
        ("body", "string", "the voting body as printed", ()),
        ("state", "string", "the State's UN name on the day", ()),
        ("printed", "string", "the name as the vote lists print it; empty if not listed", ()),
        ("alpha3", "string", "ISO 3166-1 alpha-3 code (ISO 3166-3 for most former States)", ()),
        ("alpha2", "string", "ISO 3166-1 alpha-2 code; empty for a former State", ()),
        ("m49", "string", "UN M49 code, three digits", ()),
        ("cow", "integer", "Correlates of War state number", ()),
        (
            "vote",
            "string",
            (
                "the State's vote: absent covers absent and not voting; not_member a State"
                " that did not sit on the body that day"
            ),
            _VOTES,
        ),
        (
            "voeten",
            "integer",
            "Voeten's code: 1 yes, 2 abstain, 3 no, 8 absent, 9 not a member",
            _VOETEN,
        ),
    ),
    "references": (
        _PATH,
        ("citing", "string", "the symbol of the citing resolution", ()),
        ("cited", "string", "the cited symbol (A/RES/77/1, S/RES/2334 (2016)) or treaty", ()),
        ("kind", "string", "what is cited", _REFERENCE_KINDS),
        ("cited_body", "string", "the body whose series the cited symbol is in", ()),
        ("cited_date", "date", "the date printed with the citation (ISO 8601)", ()),
        ("part", "string", "where the citation sits", _PLACES),
        ("index", "integer", "the 0-based index of that clause, paragraph, footnote or annex", ()),
        ("in_range", "boolean", "an item between the printed ends of a range", ()),
        ("start", "integer", "start offset of the citation in the source text", ()),
        ("end", "integer", "end offset (exclusive) of the citation in the source text", ()),
    ),
}
_DESCRIPTIONS = {
    "documents": "One row per file read: header fields, sponsors, vote, diagnostics, or its error.",
    "rows": "One row per preambular clause, operative paragraph and sub-paragraph.",
    "votes": "The full roll call of every vote: one row per Member State on the day.",
    "references": "One row per citation: which resolution cites which symbol, and where.",
}
_MEDIATYPES = {"csv": "text/csv", "parquet": "application/vnd.apache.parquet"}


def columns(table: str) -> tuple[str, ...]:
    """The column names of one table, in order."""
    return tuple(field[0] for field in TABLES[table])


def _field(name: str, kind: str, what: str, codes: tuple[Any, ...]) -> dict[str, Any]:
    field: dict[str, Any] = {"name": name, "type": kind, "description": what}
    if codes:
        field["constraints"] = {"enum": list(codes)}
    return field


def datapackage(
    paths: Mapping[str, str] | None = None, *, data_format: str = "csv"
) -> dict[str, Any]:
    """The Frictionless Tabular Data Package that describes the tables at ``paths``.

    ``paths`` maps a table to its file, relative to the descriptor (default: the three
    tables ``resparse tables`` writes, as ``NAME.csv``); ``data_format`` is ``csv`` or
    ``parquet``.
    """
    if paths is None:
        paths = {name: f"{name}.csv" for name in ("documents", "votes", "references")}
    resource_extra = {"encoding": "utf-8"} if data_format == "csv" else {}
    return {
        "profile": "tabular-data-package",
        "name": "resparse-corpus",
        "title": "United Nations resolutions parsed by resparse",
        "sources": [{"title": "United Nations (the resolutions' texts)"}],
        "resources": [
            {
                "name": name,
                "path": path,
                "profile": "tabular-data-resource",
                "format": data_format,
                "mediatype": _MEDIATYPES[data_format],
                **resource_extra,
                "description": _DESCRIPTIONS[name],
                "schema": {
                    "fields": [_field(*field) for field in TABLES[name]],
                    "missingValues": [""],
                },
            }
            for name, path in paths.items()
        ],
    }


# --- rows of one result -------------------------------------------------------------------


def result_tables(
    key: str, result: Resolution, seconds: float | None = None
) -> dict[str, list[dict[str, Any]]]:
    """The rows of all four tables for one parsed file, as plain data (dates as ISO text).

    ``key`` is the path to record. Plain data, so a worker's result pickles cheaply and
    journals as JSON.
    """
    from resparse.exports.frame import _rows as frame_rows  # noqa: PLC0415 - one row, not two
    from resparse.exports.references import reference_rows  # noqa: PLC0415

    return {
        "documents": [_document(key, result, seconds)],
        "rows": [_plain({"path": key, **row}) for row in frame_rows(result)],
        "votes": list(_vote_rows(key, result)),
        # the edge table's rows, without the cited words (the span points at them)
        "references": [
            _plain({"path": key, **{k: v for k, v in row.items() if k != "text"}})
            for row in reference_rows(result)
        ],
    }


def failure_tables(
    key: str, error: str, seconds: float | None = None
) -> dict[str, list[dict[str, Any]]]:
    """The rows of a file that gave no result: a documents row with its error, nothing else."""
    document: dict[str, Any] = dict.fromkeys(columns("documents"))
    document.update(path=key, error=error, seconds=seconds)
    return {"documents": [document], "rows": [], "votes": [], "references": []}


def _vote_rows(key: str, result: Resolution) -> Iterator[dict[str, Any]]:
    from resparse.rollcall import roll_call  # noqa: PLC0415 - loads the State table

    votes = result.votes or ((result.vote,) if result.vote is not None else ())
    for vote in votes:
        for entry in roll_call(result, vote):
            yield _plain(
                {
                    "path": key,
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


def _document(key: str, result: Resolution, seconds: float | None) -> dict[str, Any]:
    from resparse.mentions import sponsor_states  # noqa: PLC0415 - loads the State table

    header = result.header
    vote = result.vote
    severities = {d.severity for d in result.diagnostics}
    sponsors = sponsor_states(result)
    return _plain(
        {
            "path": key,
            "symbol": header.symbol,
            "body": header.body,
            "session": header.session,
            "number": header.number,
            "title": header.title,
            "adopted": header.adopted,
            "agenda": "; ".join(item.number for item in header.agenda_items) or None,
            "document_type": header.document_type,
            "sponsors": "; ".join(name for name, _ in sponsors) or None,
            "sponsor_codes": "; ".join(s.alpha3 if s else "-" for _, s in sponsors) or None,
            "language": result.language,
            "reader": result.reader,
            "n_preambular": len(result.preamble),
            "n_operative": len(result.operative),
            "n_subparagraphs": sum(
                1 for p in result.operative for top in p.subparagraphs for _ in top.walk()
            ),
            "n_references": len(result.references),
            "vote_method": None if vote is None else vote.method,
            "vote_outcome": None if vote is None else vote.outcome,
            "in_favour": None if vote is None else vote.in_favour,
            "against": None if vote is None else vote.against,
            "abstaining": None if vote is None else vote.abstaining,
            "n_diagnostics": len(result.diagnostics),
            "worst_severity": next((s for s in SEVERITIES if s in severities), None),
            "diagnostic_codes": " ".join(sorted({d.code for d in result.diagnostics})) or None,
            "error": None,
            "seconds": seconds,
        }
    )


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    """The row with dates as ISO text, the form JSON, CSV and the journal all keep."""
    return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in row.items()}


def table_rows(
    results: Iterable[tuple[str, Resolution | None, str | None]],
) -> dict[str, list[dict[str, Any]]]:
    """The rows of the four tables for ``(path, result, error)`` triples."""
    tables: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for path, result, error in results:
        if result is None:
            found = failure_tables(path, error or "no result")
        else:
            found = result_tables(path, result)
        for name, rows in found.items():
            tables[name].extend(rows)
    return tables


# --- CSV ----------------------------------------------------------------------------------


def _cell(value: object) -> str:
    """A CSV cell: empty for missing, true/false for booleans, ISO for dates."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


class CsvTables:
    """Tables being written as CSV into a folder, then ``datapackage.json`` beside them.

    Each table goes to a temporary file and is moved into place by :meth:`close`, so a
    reader never sees half a table; several tables fill in one pass over the data.
    ``names`` maps a table to its file name (default ``NAME.csv``).
    """

    def __init__(
        self,
        folder: str | os.PathLike[str],
        tables: Sequence[str],
        names: Mapping[str, str] | None = None,
    ) -> None:
        self.folder = pathlib.Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.files = {name: (names or {}).get(name, f"{name}.csv") for name in tables}
        self.counts = dict.fromkeys(tables, 0)
        self._handles: dict[str, TextIO] = {}
        self._writers: dict[str, Any] = {}  # csv writers
        for name, file in self.files.items():
            handle = (self.folder / (file + ".tmp")).open("w", encoding="utf-8", newline="")
            self._handles[name] = handle
            self._writers[name] = csv.writer(handle)
            self._writers[name].writerow(columns(name))

    def write(self, table: str, rows: Iterable[Mapping[str, Any]]) -> None:
        """Add rows to one table, each cell in the column order of the codebook."""
        header = columns(table)
        writer = self._writers[table]
        for row in rows:
            writer.writerow([_cell(row.get(c)) for c in header])
            self.counts[table] += 1

    def close(self) -> dict[str, int]:
        """Move the tables into place and write ``datapackage.json``; rows per table."""
        for name, handle in self._handles.items():
            handle.close()
            file = self.folder / self.files[name]
            file.with_name(file.name + ".tmp").replace(file)
        package = json.dumps(datapackage(self.files), indent=1, ensure_ascii=False, sort_keys=True)
        (self.folder / "datapackage.json").write_text(package + "\n", encoding="utf-8")
        return dict(self.counts)

    def discard(self) -> None:
        """Drop the temporary files of a write that failed."""
        for name, handle in self._handles.items():
            handle.close()
            (self.folder / (self.files[name] + ".tmp")).unlink(missing_ok=True)


def write_csv(
    tables: Mapping[str, Iterable[Mapping[str, Any]]],
    folder: str | os.PathLike[str],
    names: Mapping[str, str] | None = None,
) -> dict[str, int]:
    """Write each table as CSV into ``folder`` with ``datapackage.json``; rows per table."""
    out = CsvTables(folder, list(tables), names)
    try:
        for name, rows in tables.items():
            out.write(name, rows)
    except BaseException:
        out.discard()
        raise
    return out.close()


def write_tables(
    results: Iterable[tuple[str, Resolution | None, str | None]],
    folder: str | os.PathLike[str],
    tables: Sequence[str] = ("documents", "votes", "references"),
) -> dict[str, int]:
    """Write ``tables`` as CSV and ``datapackage.json`` into ``folder``; rows per table."""
    found = table_rows(results)
    return write_csv({name: found[name] for name in tables}, folder)


def read_table(folder: str | os.PathLike[str], name: str) -> Iterator[dict[str, str]]:
    """The rows of one written table as strings (empty cell: missing)."""
    with (pathlib.Path(folder) / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


def typed(table: str, row: Mapping[str, str]) -> dict[str, Any]:
    """A CSV row back as plain data: each cell read by its column's type, empty as missing."""
    out: dict[str, Any] = {}
    for name, kind, _what, _codes in TABLES[table]:
        cell = row.get(name, "")
        if cell == "":
            out[name] = None
        elif kind == "integer":
            out[name] = int(cell)
        elif kind == "number":
            out[name] = float(cell)
        elif kind == "boolean":
            out[name] = cell == "true"
        else:
            out[name] = cell
    return out
