"""The Akoma Ntoso round trip is exact on damaged real texts (issue 18).

``from_akn(r.to_akn())`` must give back every part of ``r`` that the model carries:
``resparse._akn_round_trip.content`` says what that is (all but spans, the source and the
reading's bookkeeping). The damage is the property suite's own: lines cut, joined,
dropped, characters swapped, furniture and noise put in.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

pytest.importorskip("lxml", reason="the Akoma Ntoso round trip needs lxml")

import resparse
from resparse._akn_round_trip import differences
from resparse.readers.akn import from_akn
from tests.property.strategies import mutated
from tests.property.test_invariants import REAL_TEXTS


@pytest.mark.issue(18)
@given(st.sampled_from(REAL_TEXTS).flatmap(mutated))
def test_akn_round_trip_of_damaged_real_text_is_exact(text: str) -> None:
    r = resparse.parse(text)
    back = from_akn(r.to_akn())
    assert differences(r, back) == []
    assert back.uncovered() == []
