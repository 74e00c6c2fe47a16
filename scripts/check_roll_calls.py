"""Check the full roll call of every recorded vote of the development set.

Each English Akoma Ntoso file of ``unxml`` is read with ``resparse.from_akn``; for every
vote whose markup lists States, ``resparse.roll_call`` must give

* ``yes``, ``no`` and ``abstain`` rows whose States are exactly the printed lists
  (compared as ISO alpha-3 sets, and as counts, so a State listed twice shows);
* no row for a printed name that is no Member State on the day;
* for the General Assembly, as many Member rows (every vote but ``not_member``) as the
  UN had Members on the day (``resparse.states.ga_membership``); for the Security Council
  and the Human Rights Council, lists and named absentees that fill the body's seats.

It prints the figures and every failure. Skips cleanly when the shared folder is absent.

Usage: python scripts/check_roll_calls.py [SHARED] [--verbose]
"""

from __future__ import annotations

import argparse
import collections
import pathlib
import sys

import resparse
from resparse._vote import membership
from resparse.states import ga_membership, resolve_state

FOLDERS = ("ga/*session/English", "sc/*/English")


def main() -> int:
    """Check every recorded vote and print the counts."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("shared", nargs="?", default="../shared")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    root = pathlib.Path(args.shared) / "unxml"
    if not root.is_dir():
        print(f"skipped: {root} is not there (the development set is not part of the repository)")
        return 0
    files = sorted(p for folder in FOLDERS for p in root.glob(f"{folder}/*.xml"))
    figures: collections.Counter[str] = collections.Counter()
    for path in files:
        result = resparse.from_akn(path)
        for vote in result.votes or ((result.vote,) if result.vote else ()):
            if not (vote.in_favour_states or vote.against_states or vote.abstaining_states):
                continue
            figures["recorded votes"] += 1
            problems = check(result, vote)
            if problems:
                figures["failed"] += 1
                for problem in problems:
                    print(f"{path.name}: {problem}")
            else:
                figures["passed"] += 1
            figures[f"body: {result.header.body}"] += 1
    for name, value in sorted(figures.items()):
        print(f"{name}: {value}")
    return 1 if figures["failed"] else 0


def check(result: resparse.Resolution, vote: resparse.VoteRecord) -> list[str]:
    """What is wrong with the roll call of one vote (empty when it is right)."""
    rows = resparse.roll_call(result, vote)
    if not rows:
        return ["no roll call (no date)"]
    problems: list[str] = []
    by_vote: dict[str, list[str | None]] = collections.defaultdict(list)
    for row in rows:
        by_vote[row.vote].append(row.alpha3)
    for value, names in (
        ("yes", vote.in_favour_states),
        ("no", vote.against_states),
        ("abstain", vote.abstaining_states),
    ):
        printed = sorted(s.alpha3 if (s := resolve_state(n)) else f"?{n}" for n in names)
        got = sorted(code or "?" for code in by_vote[value])
        if printed != got:
            problems.append(f"{value}: printed {len(printed)} {set(printed) ^ set(got)}")
    strays = [row.printed for row in rows if row.alpha3 is None]
    if strays:
        problems.append(f"printed names that are no Member on the day: {strays}")
    day = rows[0].date
    assert day is not None
    members = sum(1 for row in rows if row.vote != "not_member")
    body = (result.header.body or "").casefold()
    if "general assembly" in body:
        if members != ga_membership(day):
            problems.append(f"{members} Member rows, {ga_membership(day)} Members on {day}")
    else:
        seats = membership(result.header.body, day)
        if seats is not None and members != seats:
            problems.append(f"{members} seats accounted for, the body has {seats}")
    return problems


if __name__ == "__main__":
    sys.exit(main())
