r"""resparse: UN resolutions as typed, source-anchored objects.

Read a resolution's text into a :class:`Resolution`: its header, the preambular clauses
with their leads, the operative paragraphs with their numbers, verbs and sub-paragraphs,
and the vote. Every part keeps the span of the source it came from; text the parser
cannot place comes back as ``unclassified`` with a diagnostic, never dropped.

>>> import resparse
>>> text = "The General Assembly,\n\nRecalling its resolution 77/1,\n\n1. Decides to act."
>>> r = resparse.parse(text)
>>> [c.lead for c in r.preamble], [(p.number, p.lead) for p in r.operative]
(['Recalling'], [(1, 'Decides')])

Entry points:

* :func:`parse` a string, :func:`parse_file` a file (text, markdown, HTML, Word, PDF,
  Akoma Ntoso, picked by content), :func:`parse_document` what a reader produced, and
  :func:`parse_all` a text holding several resolutions (a printed volume);
* :func:`from_akn` the UN's Akoma Ntoso markup, and :func:`from_json` a result saved with
  ``Resolution.to_json()``; ``Resolution.to_akn()`` writes Akoma Ntoso back;
* :func:`to_frame` and :func:`votes_frame` pandas tables (the ``pandas`` extra),
  :func:`align` the language versions of one resolution, :func:`json_schema` the JSON
  Schema of ``to_json()``;
* :func:`register_language` a language from lexicon files of one's own (docs/languages.md);
* ``resparse.pipeline``, a spaCy component (the ``spacy`` extra), and ``resparse.corpus``
  and the ``resparse`` command for folders.

Errors: everything raised on purpose derives from :class:`ResparseError`.
:class:`ResolutionParseError` (``strict=True`` found problems; ``ParseError`` is the same
class under a shorter name), :class:`InputError` and its subclasses (a file that cannot be
read), :class:`ParseTimeoutError`, :class:`SchemaError` (``from_json`` given something
else) and :class:`MissingExtraError` (an optional dependency is not installed; the message
says which extra to install).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from resparse._version import __version__
from resparse.align import AlignedRow, Alignment, align
from resparse.errors import (
    InputDecodeError,
    InputError,
    InputTooLargeError,
    MissingExtraError,
    ParseError,
    ParseTimeoutError,
    ResolutionParseError,
    ResparseError,
    SchemaError,
    SchemaVersionError,
    UnsafeInputError,
)
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
from resparse.readers.base import Document
from resparse.schema import json_schema

if TYPE_CHECKING:
    from resparse._language import LexiconError, UnknownLanguageError, register_language
    from resparse.exports.frame import to_frame
    from resparse.exports.references import references_frame, references_graph, to_graphml
    from resparse.exports.votes import vote_matrix, votes_frame
    from resparse.mentions import StateMention, sponsor_states, states_named
    from resparse.parser import (
        from_akn,
        from_json,
        parse,
        parse_all,
        parse_document,
        parse_file,
    )
    from resparse.rollcall import RollCallEntry, roll_call

# The parser and the exports load on first use (PEP 562): ``import resparse`` then costs
# the model and the errors only, and a program that reads saved results, or asks for
# ``--version``, never compiles the parser's patterns. The model stays eager, so that
# ``isinstance(x, resparse.Resolution)`` needs nothing loaded first.
_LAZY = {
    "to_frame": "resparse.exports.frame",
    "references_frame": "resparse.exports.references",
    "references_graph": "resparse.exports.references",
    "to_graphml": "resparse.exports.references",
    "vote_matrix": "resparse.exports.votes",
    "votes_frame": "resparse.exports.votes",
    "StateMention": "resparse.mentions",
    "sponsor_states": "resparse.mentions",
    "states_named": "resparse.mentions",
    "from_akn": "resparse.parser",
    "from_json": "resparse.parser",
    "parse": "resparse.parser",
    "parse_all": "resparse.parser",
    "parse_document": "resparse.parser",
    "parse_file": "resparse.parser",
    "RollCallEntry": "resparse.rollcall",
    "roll_call": "resparse.rollcall",
    "LexiconError": "resparse._language",
    "UnknownLanguageError": "resparse._language",
    "register_language": "resparse._language",
}


def __getattr__(name: str) -> Any:  # noqa: ANN401 - any of the names above
    """Load the module that defines ``name`` on first use, and keep the name."""
    module = _LAZY.get(name)
    if module is None:
        msg = f"module 'resparse' has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


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
    "LexiconError",
    "MissingExtraError",
    "OperativeParagraph",
    "ParseError",
    "ParseTimeoutError",
    "PreambularClause",
    "Reference",
    "Resolution",
    "ResolutionParseError",
    "ResparseError",
    "RollCallEntry",
    "SchemaError",
    "SchemaVersionError",
    "Segment",
    "Span",
    "SpanMap",
    "StateMention",
    "SubParagraph",
    "Unclassified",
    "UnknownLanguageError",
    "UnsafeInputError",
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
    "register_language",
    "roll_call",
    "sponsor_states",
    "states_named",
    "to_frame",
    "to_graphml",
    "vote_matrix",
    "votes_frame",
]
