"""Parse a corpus on Dask: the ``corpus`` command's per-file function, on a cluster.

>>> bag = parse_bag(paths, root="corpus/")               # doctest: +SKIP
>>> rows, documents = to_dataframes(bag)                  # doctest: +SKIP
>>> rows, documents = dask.compute(rows, documents)       # doctest: +SKIP

Each element of the bag is a :class:`resparse.corpus.DocumentResult` from
:func:`resparse.corpus.parse_path`, the same function ``resparse corpus`` runs, so the
tables have the same columns and values (bar ``seconds``). Dask is an optional extra
(``pip install 'resparse[dask]'``) imported only inside these functions.

With a timeout, each partition is parsed in a worker process of its own (the ``corpus``
command's pool), so that a file stuck past twice its time limit, even inside a native
library, is killed and recorded as ``ParseTimeoutError`` instead of hanging the task for
good. Where the Dask worker may not start processes, the partition is parsed in place, with
the parser's cooperative deadline alone.
"""

from __future__ import annotations

import importlib
import os
import pathlib
from typing import TYPE_CHECKING, Any

from resparse.corpus import DocumentResult, documents_frame, parse_path, rows_frame, run_pool
from resparse.errors import MissingExtraError

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["parse_bag", "to_dataframes"]


def _dask(name: str) -> Any:  # noqa: ANN401 - a module, typed or not depending on the install
    """Import a part of dask on first use: resparse itself never needs it."""
    try:
        return importlib.import_module(name)
    except ImportError as error:
        raise MissingExtraError(feature="resparse.dask", extra="dask") from error


def _parse_partition(
    tasks: Iterable[tuple[str, str]], timeout: float | None
) -> list[DocumentResult]:
    """The results of one partition's tasks, in their order, each within its time limit."""
    todo = list(tasks)
    if timeout is None or not todo:
        return [parse_path(path, timeout, key=key) for path, key in todo]
    try:
        # a worker past twice the limit is killed: the cooperative deadline could not stop it
        results = {r.path: r for r in run_pool(todo, jobs=1, timeout=timeout, grace=timeout)}
    except (AssertionError, OSError):  # a daemonic Dask worker may not have children
        return [parse_path(path, timeout, key=key) for path, key in todo]
    return [results[key] for _, key in todo]


def parse_bag(
    paths: Iterable[str | os.PathLike[str]],
    *,
    root: str | os.PathLike[str] | None = None,
    partition_size: int = 32,
    timeout: float | None = 60.0,
) -> Any:  # noqa: ANN401 - a dask.bag.Bag; dask ships no type information
    """A ``dask.bag.Bag`` with one :class:`~resparse.corpus.DocumentResult` per path.

    Paths are sorted so partitions, and the tables built from them, come out in the same
    order as the ``corpus`` command's. With ``root`` each file is recorded by its path
    relative to it, as the command records files under its folder; otherwise as given.
    ``partition_size`` is the number of files per task: a few dozen keeps the scheduler's
    overhead small next to the parse (milliseconds for text, tens of them for a PDF).
    """
    db = _dask("dask.bag")
    tasks = []
    for path in paths:
        text = os.fspath(path)
        key = text if root is None else pathlib.Path(text).relative_to(root).as_posix()
        tasks.append((text, key))
    tasks.sort(key=lambda task: task[1])
    bag = db.from_sequence(tasks, partition_size=partition_size)
    return bag.map_partitions(_parse_partition, timeout=timeout)


def to_dataframes(bag: Any) -> tuple[Any, Any]:  # noqa: ANN401 - dask types, see above
    """The rows and documents tables of a bag from :func:`parse_bag`, as Dask DataFrames.

    Columns and dtypes are those of :func:`resparse.corpus.rows_frame` and
    :func:`resparse.corpus.documents_frame`. Both frames are built from the same bag
    partitions: compute them together (``dask.compute(rows, documents)``) or persist the
    bag first, or every file is parsed twice.
    """
    delayed = _dask("dask").delayed
    dd = _dask("dask.dataframe")
    partitions = bag.to_delayed()
    rows = dd.from_delayed([delayed(rows_frame)(part) for part in partitions], meta=rows_frame([]))
    documents = dd.from_delayed(
        [delayed(documents_frame)(part) for part in partitions], meta=documents_frame([])
    )
    return rows, documents
