"""What the UN's markup says about a vote beyond its three counts: outcome, veto, absentees.

The UN writes a failed draft's fate as a ``workflow/step`` whose ``outcome`` is
``notAdopted`` or ``veto`` and whose ``by`` is the sentence of the verbatim record ("... the
negative vote of a permanent member of the Security Council (Russian Federation)").
resparse's own writer adds ``count`` elements for members absent or not participating.
Kept apart from :mod:`resparse.readers.akn` so that reader stays one walk of the markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from resparse._vote import VETO_NAMES_RE, split_states
from resparse.states import resolve_state

if TYPE_CHECKING:
    from lxml import etree

# workflow step outcome -> VoteRecord.outcome
FAILED_STEPS = {"veto": "vetoed", "notAdopted": "not_adopted"}
# count refersTo -> the VoteRecord field of the names it holds
EXTRA_COUNTS = {"absent": "absent", "notParticipating": "not_participating"}


@attrs.frozen
class AknOutcome:
    """The outcome of a vote as the markup gives it; empty where it says nothing."""

    outcome: str | None = None
    vetoed_by: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    not_participating: tuple[str, ...] = ()


def _local(element: etree._Element) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _is_state(name: str) -> bool:
    return resolve_state(name) is not None


def failed_step(meta: etree._Element | None) -> etree._Element | None:
    """The workflow step that records a draft's defeat, if the markup has one."""
    if meta is None:
        return None
    return next(
        (e for e in meta.iter() if _local(e) == "step" and e.get("outcome") in FAILED_STEPS),
        None,
    )


def read_outcome(meta: etree._Element | None, method: str | None) -> AknOutcome:
    """Outcome, vetoing members and the members named absent or not participating."""
    if meta is None:
        return AknOutcome()
    names: dict[str, tuple[str, ...]] = {}
    for count in (e for e in meta.iter() if _local(e) == "count"):
        field = EXTRA_COUNTS.get((count.get("refersTo") or "").lstrip("#"))
        if field is not None:
            names[field] = tuple(
                " ".join("".join(e.itertext()).split())
                for e in count.iter()
                if _local(e) == "organization"
            )
    step = failed_step(meta)
    if step is None:
        outcome = "adopted" if method is not None else None
        return AknOutcome(outcome, (), names.get("absent", ()), names.get("not_participating", ()))
    by = " ".join((step.get("by") or "").split())
    vetoers = VETO_NAMES_RE.search(by)
    vetoed_by = split_states(vetoers["names"], _is_state) if vetoers is not None else ()
    return AknOutcome(
        FAILED_STEPS[step.get("outcome") or ""],
        vetoed_by,
        names.get("absent", ()),
        names.get("not_participating", ()),
    )
