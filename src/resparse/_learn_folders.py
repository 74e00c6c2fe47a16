"""Which folders of the UN's markup the shipped tables learn from.

Kept apart from ``_learn`` (which loads lxml) so that the evaluator can name them
without reading any XML.
"""

from __future__ import annotations

import pathlib

# Folders of the markup the shipped tables never learn from: the Security Council's
# drafts that were not adopted, and its 2000-2012 resolutions. The older resolutions are
# marked in another style (shorter leads: "Recalling" where the recent ones have
# "Recalling in particular"); learned with the recent ones they raised the Council's
# leads overall but cost the recent texts theirs (two leads of S/RES/2574 (2021) in the
# golden files). Both stay bodies of texts the tables have never seen.
NOT_LEARNED = frozenset({*(str(year) for year in range(2000, 2013)), "drafts-not-adopted"})


def learned_from(path: str | pathlib.Path) -> bool:
    """Whether the shipped tables learn from a markup file (``sc/<folder>/<language>/x.xml``)."""
    return pathlib.PurePath(path).parent.parent.name not in NOT_LEARNED
