"""resparse as a spaCy pipeline component, so NLP users get clauses as ``doc.spans``.

``nlp.add_pipe("resparse")`` works on any pipeline, ``spacy.blank("en")`` included (no
model download), and finds this factory through the ``spacy_factories`` entry point, so
nothing needs importing first. The component parses ``doc.text`` and sets:

* ``doc.spans["preambular"]``, ``doc.spans["operative"]`` and ``doc.spans["leads"]``,
  labelled ``"preambular"``, ``"operative"`` and ``"lead"``; each span's ``id_`` names
  its part (``"preamble[0]"``, ``"operative[2].lead"``, 0-based as in the tuples);
* ``doc._.resolution``: the :class:`~resparse.model.Resolution`; it is kept in
  ``doc.user_data`` as its JSON, so ``doc.to_bytes()`` and ``DocBin`` still work;
* ``doc._.resparse_misaligned``: the ``id_`` of every part left out of the span groups
  because its characters map to no tokens (an empty span, or offsets past the text);
  empty when all parts are there.

Spans are aligned with ``Doc.char_span(..., alignment_mode="expand")``: a part that
starts or ends inside a token takes the whole token. Only this module imports spaCy;
``import resparse`` does not.
"""

# No ``from __future__ import annotations`` here: spaCy validates a factory's arguments
# from its annotations, and spaCy 3.7 cannot resolve them when they are strings.
import functools
from collections.abc import Iterator

from resparse.errors import MissingExtraError

try:
    from spacy.language import Language
    from spacy.tokens import Doc, Span
except ImportError as error:  # the component is an extra: say which, not just "no spacy"
    raise MissingExtraError(feature="the spaCy component", extra="spacy") from error

from resparse.model import Resolution
from resparse.model import Span as SourceSpan
from resparse.parser import parse

FACTORY = "resparse"
GROUPS: tuple[str, ...] = ("preambular", "operative", "leads")
_DATA_KEY = "resparse.resolution"  # doc.user_data key holding the Resolution's JSON


class ResparseComponent:
    """Parses each Doc's text as a resolution and marks its clauses as span groups."""

    def __init__(self, name: str = FACTORY) -> None:
        self.name = name
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        """Annotate ``doc`` with the parse of its own text."""
        _annotate(doc, parse(doc.text))
        return doc


@Language.factory(
    FACTORY,
    assigns=["doc.spans", "doc._.resolution", "doc._.resparse_misaligned"],
)
def make_component(nlp: Language, name: str) -> ResparseComponent:  # noqa: ARG001 - spaCy's signature
    """The factory behind ``nlp.add_pipe("resparse")`` and the entry point."""
    return ResparseComponent(name)


def resolution_to_doc(resolution: Resolution, nlp: Language, *, run_pipeline: bool = False) -> Doc:
    """A Doc of ``resolution.source`` carrying the given parse, not a new one.

    Useful for results that did not come from ``parse`` (Akoma Ntoso, a stored JSON).
    The Doc is only tokenized; with ``run_pipeline=True`` every component of ``nlp`` then
    runs over it, except resparse components, which would replace the given parse.
    """
    register_extensions()
    doc = nlp.make_doc(resolution.source)
    _annotate(doc, resolution)
    if run_pipeline:
        for _name, component in nlp.pipeline:
            if not isinstance(component, ResparseComponent):
                doc = component(doc)
    return doc


def register_extensions() -> None:
    """Declare ``doc._.resolution`` and ``doc._.resparse_misaligned`` once per process."""
    if not Doc.has_extension("resolution"):
        Doc.set_extension("resolution", getter=_get_resolution, setter=_set_resolution)
    if not Doc.has_extension("resparse_misaligned"):
        Doc.set_extension("resparse_misaligned", default=None)


def _get_resolution(doc: Doc) -> Resolution | None:
    data = doc.user_data.get(_DATA_KEY)
    return None if data is None else _from_json(data)


def _set_resolution(doc: Doc, value: Resolution | None) -> None:
    doc.user_data[_DATA_KEY] = None if value is None else value.to_json()


@functools.lru_cache(maxsize=32)
def _from_json(text: str) -> Resolution:
    """Rebuilding is cached, so reading ``doc._.resolution`` twice costs one rebuild."""
    return Resolution.from_json(text)


def _parts(resolution: Resolution) -> Iterator[tuple[str, str, str, SourceSpan]]:
    """Every part to mark as ``(group, label, id, span)``, in document order per group."""
    for i, clause in enumerate(resolution.preamble):
        yield "preambular", "preambular", f"preamble[{i}]", clause.span
    for i, paragraph in enumerate(resolution.operative):
        yield "operative", "operative", f"operative[{i}]", paragraph.span
    for i, clause in enumerate(resolution.preamble):
        if clause.lead_span is not None:
            yield "leads", "lead", f"preamble[{i}].lead", clause.lead_span
    for i, paragraph in enumerate(resolution.operative):
        if paragraph.lead_span is not None:
            yield "leads", "lead", f"operative[{i}].lead", paragraph.lead_span


def _annotate(doc: Doc, resolution: Resolution) -> None:
    """Set the span groups and extensions of ``doc`` from ``resolution``."""
    groups: dict[str, list[Span]] = {name: [] for name in GROUPS}
    misaligned: list[str] = []
    length = len(doc.text)
    for group, label, span_id, part in _parts(resolution):
        # An empty span would expand to a neighbouring token, so it counts as unaligned.
        span = None
        if part.start < part.end <= length:
            span = doc.char_span(
                part.start, part.end, label=label, alignment_mode="expand", span_id=span_id
            )
        if span is None:
            misaligned.append(span_id)
        else:
            groups[group].append(span)
    for name, spans in groups.items():
        doc.spans[name] = spans
    doc._.resolution = resolution
    doc._.resparse_misaligned = misaligned
