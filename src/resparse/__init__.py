r"""resparse: UN resolutions as typed, source-anchored objects.

>>> import resparse
>>> text = "The General Assembly,\n\nRecalling its resolution 77/1,\n\n1. Decides to act."
>>> r = resparse.parse(text)
>>> [c.lead for c in r.preamble], [(p.number, p.lead) for p in r.operative]
(['Recalling'], [(1, 'Decides')])
"""

from resparse._version import __version__
from resparse.align import AlignedRow, Alignment, align
from resparse.errors import (
    InputDecodeError,
    InputError,
    InputTooLargeError,
    ParseError,
    ParseTimeoutError,
    ResolutionParseError,
    ResparseError,
)
from resparse.exports.frame import to_frame
from resparse.exports.references import references_frame, references_graph, to_graphml
from resparse.exports.votes import vote_matrix, votes_frame
from resparse.mentions import StateMention, sponsor_states, states_named
from resparse.model import (
    AgendaItem,
    Annex,
    Diagnostic,
    Footnote,
    Furniture,
    Header,
    Heading,
    OperativeParagraph,
    PreambularClause,
    Reference,
    Resolution,
    Segment,
    Span,
    SpanMap,
    SubParagraph,
    Unclassified,
    VoteRecord,
)
from resparse.parser import (
    from_akn,
    from_json,
    parse,
    parse_all,
    parse_document,
    parse_file,
)
from resparse.readers.base import Document
from resparse.rollcall import RollCallEntry, roll_call
from resparse.schema import json_schema

__all__ = [
    "AgendaItem",
    "AlignedRow",
    "Alignment",
    "Annex",
    "Diagnostic",
    "Document",
    "Footnote",
    "Furniture",
    "Header",
    "Heading",
    "InputDecodeError",
    "InputError",
    "InputTooLargeError",
    "OperativeParagraph",
    "ParseError",
    "ParseTimeoutError",
    "PreambularClause",
    "Reference",
    "Resolution",
    "ResolutionParseError",
    "ResparseError",
    "RollCallEntry",
    "Segment",
    "Span",
    "SpanMap",
    "StateMention",
    "SubParagraph",
    "Unclassified",
    "VoteRecord",
    "__version__",
    "align",
    "from_akn",
    "from_json",
    "json_schema",
    "parse",
    "parse_all",
    "parse_document",
    "parse_file",
    "references_frame",
    "references_graph",
    "roll_call",
    "sponsor_states",
    "states_named",
    "to_frame",
    "to_graphml",
    "vote_matrix",
    "votes_frame",
]
