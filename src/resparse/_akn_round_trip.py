"""What an Akoma Ntoso round trip must keep, and where two results part.

``from_akn(to_akn(r))`` cannot give ``r`` back byte for byte: its source is the text the
markup renders to, not the text ``r`` was parsed from, so every span points elsewhere (into
that rendering, where each part's span is checked like any result's), and what only the
source knew (page furniture, where a line broke, which words a PDF set in italics) is not
in the markup. "Equal" is therefore equality of :func:`content`: every field of the model
that says *what* the resolution holds, with the spans, the source and the reading's own
bookkeeping (diagnostics, furniture, reader, offset, references, the typography of leads)
left out. Two more things the markup cannot keep: the characters XML 1.0 cannot hold
(control characters, lone surrogates, U+FFFE) are taken out of every text, as the writer
drops them, and a run of spaces and line breaks reads as one space (the reader's rendering
collapses them; a dropped character may leave two side by side). Footnotes are compared as
a set of (marker, text): the markup puts each note where its marker stands, which need not
be the order of the notes below the text. The round trip is exact when
:func:`differences` is empty.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import regex

from resparse._akn_header import FIELDS, NOT_XML_RE

if TYPE_CHECKING:
    from resparse.model import (
        Header,
        OperativeParagraph,
        PreambularClause,
        Resolution,
        SubParagraph,
        VoteRecord,
    )

__all__ = ["content", "differences"]

_SPACES_RE = regex.compile(r"[^\S\xa0\u202f]+")  # no-break spaces are text
_HEADER_FIELDS = FIELDS  # every header field the export keeps is compared
_VOTE_FIELDS = (
    "method",
    "in_favour",
    "against",
    "abstaining",
    "in_favour_states",
    "against_states",
    "abstaining_states",
    "meeting",
    "date",
    "text",
    "part",
    "outcome",
    "absent_states",
    "not_participating_states",
    "vetoed_by",
)


def _header(header: Header) -> dict[str, Any]:
    out: dict[str, Any] = {name: getattr(header, name) for name in _HEADER_FIELDS}
    out["agenda_items"] = [(item.number, item.title) for item in header.agenda_items]
    return out


def _sub(sub: SubParagraph) -> tuple[Any, ...]:
    return (sub.label, sub.text, [_sub(child) for child in sub.subparagraphs])


def _clause(clause: PreambularClause) -> tuple[Any, ...]:
    return (clause.lead, clause.text, clause.part, clause.section, clause.more_leads)


def _paragraph(para: OperativeParagraph) -> tuple[Any, ...]:
    subs = [_sub(sub) for sub in para.subparagraphs]
    return (para.number, para.lead, para.text, subs, para.part, para.section, para.more_leads)


def _vote(vote: VoteRecord) -> tuple[Any, ...]:
    return tuple(getattr(vote, name) for name in _VOTE_FIELDS)


def _carried(value: object) -> object:
    """``value`` with what XML cannot carry taken out of every string in it."""
    if isinstance(value, str):
        return _text(value)
    if isinstance(value, tuple):
        return tuple(_carried(item) for item in value)
    if isinstance(value, list):
        return [_carried(item) for item in value]
    if isinstance(value, dict):
        return {key: _carried(item) for key, item in value.items()}
    return value


def _text(text: str) -> str:
    return _SPACES_RE.sub(" ", NOT_XML_RE.sub("", text)).strip()


def content(res: Resolution) -> dict[str, object]:
    """Everything the model says about the resolution, without where the source says it.

    A clause, paragraph, heading or unclassified piece that holds no character XML can
    carry (a line of control characters the parser read as a clause) is left out: there
    is no text to write.
    """
    votes = res.votes or ((res.vote,) if res.vote is not None else ())
    return {
        "language": res.language,
        "header": _carried(_header(res.header)),
        "preamble": _carried([_clause(c) for c in res.preamble if _text(c.text).strip()]),
        "operative": _carried(
            [_paragraph(p) for p in res.operative if _text(p.text).strip() or p.subparagraphs]
        ),
        "votes": _carried([_vote(v) for v in votes]),
        "footnotes": sorted((_text(f.marker), _text(f.text)) for f in res.footnotes),
        "unclassified": [
            (_text(u.text), u.reason) for u in res.unclassified if _text(u.text).strip()
        ],
        "headings": [_text(h.text) for h in res.headings if _text(h.text).strip()],
        "annexes": _carried([(a.label, a.title, a.text) for a in res.annexes]),
    }


def differences(expected: Resolution, actual: Resolution) -> list[str]:
    """Each part of :func:`content` where ``actual`` differs from ``expected``, in words."""
    want, got = content(expected), content(actual)
    out: list[str] = []
    for key, value in want.items():
        other = got[key]
        if value == other:
            continue
        if isinstance(value, dict) and isinstance(other, dict):
            out.extend(
                f"header.{name}: {field!r} != {other[name]!r}"
                for name, field in value.items()
                if field != other[name]
            )
        elif isinstance(value, list) and isinstance(other, list) and len(value) != len(other):
            out.append(f"{key}: {len(value)} expected, {len(other)} found")
        elif isinstance(value, list) and isinstance(other, list):
            at = next(i for i, (a, b) in enumerate(zip(value, other, strict=True)) if a != b)
            out.append(f"{key}[{at}]: {value[at]!r} != {other[at]!r}")
        else:
            out.append(f"{key}: {value!r} != {other!r}")
    return out
