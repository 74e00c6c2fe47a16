"""English's closed word classes, read from ``lexicon/en.toml``: the words live there.

The lead finder's tables and fallbacks (``_lead_tables``, ``_leads``, ``_classify``) and
the Akoma Ntoso writer use these names; the words themselves are data, in the ``[words]``
table and the ``months`` of ``lexicon/en.toml``, so that every per-language word sits in
that language's lexicon. Other languages give their own under the same keys, read from
``Profile.words``.
"""

from __future__ import annotations

import importlib.resources
import sys
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]


def _english() -> dict[str, Any]:
    """The English lexicon as data (no patterns compiled: this module stays cheap)."""
    text = importlib.resources.files("resparse.lexicon").joinpath("en.toml").read_text("utf-8")
    data: dict[str, Any] = tomllib.loads(text)
    return data


_DATA = _english()
_WORDS: dict[str, list[str]] = _DATA["words"]

# Words that may follow a lead's head word and still belong to the lead when the learned
# tables have never seen the phrase ("Recalling also", "Noting further").
LEAD_ADVERBS: tuple[str, ...] = tuple(_WORDS["lead_adverbs"])
# Words a lead phrase does not end on.
FUNCTION_WORDS: tuple[str, ...] = tuple(_WORDS["function_words"])
# Words that open a noun phrase: a lead phrase never ends on one.
DETERMINERS: tuple[str, ...] = tuple(_WORDS["determiners"])
# Adverbs that open a lead and bind to the next word ("Deeply concerned", "Also requests").
LEAD_INTENSIFIERS: tuple[str, ...] = tuple(_WORDS["lead_intensifiers"])
# Adjectives that open preambular clauses without being participles.
PREAMBULAR_ADJECTIVES: tuple[str, ...] = tuple(_WORDS["preamble_adjectives"])
# Capitalized words that end in "-s" or "-ing" but never open a clause.
NON_LEAD_WORDS: tuple[str, ...] = tuple(_WORDS["non_lead_words"])
