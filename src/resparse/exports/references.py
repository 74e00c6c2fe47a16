"""Citations as an edge table, as GraphML and as a networkx graph.

One edge per :class:`~resparse.model.Reference`: the citing resolution's symbol, the
cited target, the kind of target, where in the citing text it sits (part and index) and
its span. The table joins to other citation networks on the symbols; GraphML opens in
Gephi, Cytoscape or igraph without resparse. pandas and networkx are optional and are
imported only by the function that needs them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from resparse.errors import MissingExtraError
from resparse.model import Resolution

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from networkx import MultiDiGraph  # type: ignore[import-untyped, unused-ignore]
    from pandas import DataFrame  # type: ignore[import-untyped, unused-ignore]

__all__ = ["REFERENCE_COLUMNS", "references_frame", "references_graph", "to_graphml"]

REFERENCE_COLUMNS: tuple[str, ...] = (
    "citing",
    "cited",
    "kind",
    "cited_body",
    "cited_date",
    "part",
    "index",
    "in_range",
    "start",
    "end",
    "text",
)
_DTYPES: dict[str, str] = {
    **dict.fromkeys(("citing", "cited", "kind", "cited_body", "part", "text"), "string"),
    "cited_date": "datetime64[ns]",
    "index": "Int64",
    "in_range": "bool",
    "start": "int64",
    "end": "int64",
}


def _items(resolutions: Resolution | Iterable[Resolution], name: str) -> Iterator[Resolution]:
    items = (resolutions,) if isinstance(resolutions, Resolution) else resolutions
    for item in items:
        if not isinstance(item, Resolution):
            msg = f"{name} takes Resolution objects, not {type(item).__name__}"
            raise TypeError(msg)
        yield item


def reference_rows(resolutions: Resolution | Iterable[Resolution]) -> Iterator[dict[str, Any]]:
    """The edges as plain dicts, in the order of :data:`REFERENCE_COLUMNS`."""
    for item in _items(resolutions, "references_frame"):
        for ref in item.references:
            yield {
                "citing": item.header.symbol,
                "cited": ref.target,
                "kind": ref.kind,
                "cited_body": ref.body,
                "cited_date": ref.date,
                "part": ref.part,
                "index": ref.index,
                "in_range": ref.in_range,
                "start": ref.span.start,
                "end": ref.span.end,
                "text": ref.text,
            }


def references_frame(resolutions: Resolution | Iterable[Resolution]) -> DataFrame:
    """One row per citation: citing symbol, cited symbol, kind, part, index and span.

    Raises:
        MissingExtraError: if pandas (the ``pandas`` extra) is not installed.
        TypeError: if an item is not a ``Resolution``.
    """
    try:
        import pandas as pd  # type: ignore[import-untyped, unused-ignore]  # noqa: PLC0415
    except ImportError as error:
        raise MissingExtraError(feature="references_frame", extra="pandas") from error
    frame = pd.DataFrame.from_records(
        list(reference_rows(resolutions)), columns=list(REFERENCE_COLUMNS)
    )
    frame["cited_date"] = pd.to_datetime(frame["cited_date"])
    return frame.astype(_DTYPES)


def _edges(resolutions: Iterable[Resolution]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(citing, cited, attributes) for every citation of a result that has a symbol."""
    for row in reference_rows(resolutions):
        if row["citing"] is None:
            continue
        attributes = {
            "kind": row["kind"],
            "part": row["part"],
            "index": -1 if row["index"] is None else row["index"],
            "start": row["start"],
            "end": row["end"],
        }
        yield row["citing"], row["cited"], attributes


def to_graphml(resolutions: Resolution | Iterable[Resolution]) -> str:
    """The citation network as GraphML text: a node per symbol, a directed edge per citation.

    Nodes carry ``kind`` (``"resolution"`` for the citing ones, else the cited kind);
    edges carry ``kind``, ``part``, ``index`` (``-1`` for none) and the span.
    """
    items = list(_items(resolutions, "to_graphml"))
    edges = list(_edges(items))
    nodes: dict[str, str] = {}
    for item in items:
        if item.header.symbol is not None:
            nodes[item.header.symbol] = "resolution"
    for _, cited, attributes in edges:
        nodes.setdefault(cited, attributes["kind"])
    from xml.sax.saxutils import quoteattr  # noqa: PLC0415 - it imports urllib: not at start-up

    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
        '  <key id="nkind" for="node" attr.name="kind" attr.type="string"/>',
        '  <key id="kind" for="edge" attr.name="kind" attr.type="string"/>',
        '  <key id="part" for="edge" attr.name="part" attr.type="string"/>',
        '  <key id="index" for="edge" attr.name="index" attr.type="int"/>',
        '  <key id="start" for="edge" attr.name="start" attr.type="int"/>',
        '  <key id="end" for="edge" attr.name="end" attr.type="int"/>',
        '  <graph id="references" edgedefault="directed">',
    ]
    for node, kind in nodes.items():
        lines.append(
            f'    <node id={quoteattr(node)}><data key="nkind">{_text(kind)}</data></node>'
        )
    for number, (citing, cited, attributes) in enumerate(edges):
        data = "".join(
            f'<data key="{name}">{_text(str(value))}</data>' for name, value in attributes.items()
        )
        lines.append(
            f'    <edge id="e{number}" source={quoteattr(citing)} target={quoteattr(cited)}>'
            f"{data}</edge>"
        )
    lines += ["  </graph>", "</graphml>", ""]
    return "\n".join(lines)


def _text(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def references_graph(resolutions: Resolution | Iterable[Resolution]) -> MultiDiGraph:
    """The citation network as a networkx ``MultiDiGraph`` (one edge per citation).

    Raises:
        MissingExtraError: if networkx (the ``graph`` extra) is not installed.
    """
    try:
        import networkx as nx  # type: ignore[import-untyped, unused-ignore]  # noqa: PLC0415
    except ImportError as error:
        raise MissingExtraError(
            feature="references_graph", extra="graph", package="networkx"
        ) from error
    items = list(_items(resolutions, "references_graph"))
    graph = nx.MultiDiGraph()
    for item in items:
        if item.header.symbol is not None:
            graph.add_node(item.header.symbol, kind="resolution")
    for citing, cited, attributes in _edges(items):
        if cited not in graph:
            graph.add_node(cited, kind=attributes["kind"])
        graph.add_edge(citing, cited, **attributes)
    return graph
