"""Measure the vote reader against the UN's own vote data and the printed Security Council texts.

The UN's ``data_extract`` files (``unxml/ga`` and ``unxml/sc``, JSON lines) give, for every
resolution of the development set, how it was adopted, the counts and the upper-case lists
of Member States. From each record this script writes the vote as a resolution prints it,
wraps it in a minimal resolution (formula, one preambular clause, one operative paragraph,
the vote), parses it with ``resparse.parse`` and compares what comes back with the record:

- each recorded General Assembly vote, as the Human Rights Council prints its annex
  ("[Adopted by a recorded vote of 150 to 7, with 17 abstentions. The voting was as
  follows: In favour: ... Against: ... Abstaining: ...]", UN short names, the last two
  joined by "and");
- each Security Council resolution in two forms: the printed volumes' adoption line
  ("Adopted at the 8700th meeting by 13 votes to none, with 2 abstentions (China, Russian
  Federation).", "Adopted unanimously at the 8956th meeting.") and the short form the UN's
  records use today ("Adopted 13-0-2, 8712th meeting", "Adopted unanimously; voting by
  mail"), which carries counts but no lists.

It also parses the 26 texts of ``corpus/cr-unsc`` and reports which give a vote. The
written texts follow the records exactly, so where a record contradicts itself (a count
that is not the length of its list) the figures stay exact and the parser's diagnostics
name the contradiction. Skips cleanly when the shared folder is absent.

Usage: python scripts/eval_votes.py [SHARED] [--verbose]
"""

from __future__ import annotations

import argparse
import collections
import json
import pathlib
import sys
import time
from typing import TYPE_CHECKING, Any

import regex

import resparse
from resparse._build import is_state as _is_state
from resparse._vote import read_vote
from resparse.states import resolve_state

if TYPE_CHECKING:
    from collections.abc import Iterator

DEFAULT_SHARED = pathlib.Path(__file__).resolve().parents[2] / "shared"
LISTS = (
    ("in favour", "MS_in_favour", "in_favour_states", "in_favour_codes"),
    ("against", "MS_against", "against_states", "against_codes"),
    ("abstaining", "MS_abstaining", "abstaining_states", "abstaining_codes"),
)
MEETING = regex.compile(r"\d{1,5}(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting")
SC_COUNTS = regex.compile(r"Adopted\s+\d{1,2}-\d{1,2}-\d{1,2}")


def records(folder: pathlib.Path) -> Iterator[dict[str, Any]]:
    """Every JSON record of a data_extract folder, file by file."""
    for path in sorted(folder.glob("*.json")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                yield json.loads(line)


def un_name(upper: str) -> str:
    """The UN short name in title case, as vote annexes print it."""
    state = resolve_state(upper)
    return upper.title() if state is None else state.name


def joined(names: list[str]) -> str:
    """Names as the annexes join them: "A, B and C"."""
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def count(value: str) -> int:
    """A count of the records, which may be zero-padded ("013") or empty."""
    return int(value or 0)


def wrap(formula: str, vote: str) -> str:
    """A minimal resolution: the formula, one clause, one paragraph, then the vote."""
    return (
        f"The {formula},\n\nRecalling its previous resolutions on the question,\n\n"
        f"1. Decides to remain seized of the matter.\n\n{vote}\n"
    )


def abstentions(n: int) -> str:
    """The abstentions clause: "no abstentions", "1 abstention", "6 abstentions"."""
    if n == 0:
        return "no abstentions"
    return "1 abstention" if n == 1 else f"{n} abstentions"


def ga_annex(record: dict[str, Any]) -> tuple[str, dict[str, list[str]]]:
    """The Human Rights Council form of a General Assembly recorded vote."""
    yes, no, abst = (count(record[f"MS_{k}_count"]) for k in ("in_favour", "against", "abstaining"))
    lists = {field: [un_name(n) for n in record[field]] for _, field, _, _ in LISTS}
    against = "none" if no == 0 else str(no)
    statement = f"[Adopted by a recorded vote of {yes} to {against}, with {abstentions(abst)}."
    lines = [
        f"{record['adoption_meeting']}\n{record['adoption_date']}\n",
        f"{statement} The voting was as follows:",
    ]
    for label, field, _, _ in LISTS:
        if lists[field]:
            lines.append(f"\n{label[0].upper()}{label[1:]}:\n\n{joined(lists[field])}")
    return "\n".join(lines) + "]", lists


def sc_expected_method(adoption_type: str) -> str:
    """The method resparse should give for a record's adoption type."""
    folded = adoption_type.casefold()
    if "without vote" in folded:
        return "without_vote"
    if "non-unanimously" in folded:
        return "non_recorded"
    if "unanimously" in folded or "acclamation" in folded:
        return "unanimous"
    return "non_recorded"


def sc_printed(record: dict[str, Any]) -> str:
    """The adoption line of the printed volumes."""
    meeting = record["adoption_meeting"]
    at = (
        f"at the {meeting}"
        if MEETING.fullmatch(meeting)
        else f"by voting by mail, on {record['adoption_date']}"
    )
    method = sc_expected_method(record["adoption_type"])
    if method == "unanimous":
        how = "unanimously" if "unanimously" in record["adoption_type"] else "by acclamation"
        return f"Adopted {how} {at}."
    if method == "without_vote":
        return f"Adopted without a vote {at}."
    yes, no, abst = (count(record[f"MS_{k}_count"]) for k in ("in_favour", "against", "abstaining"))
    against = "none" if no == 0 else f"{no} ({joined([un_name(n) for n in record['MS_against']])})"
    line = f"Adopted {at} by {yes} votes to {against}"
    if abst:
        names = ", ".join(un_name(n) for n in record["MS_abstaining"])
        line += f", with {abstentions(abst)} ({names})"
    return line + "."


def sc_modern(record: dict[str, Any]) -> str:
    """The short form of the UN's records: "Adopted 13-0-2, 8712th meeting, 4 March 2022."."""
    line = record["adoption_type"]
    meeting = record["adoption_meeting"]
    if meeting and meeting.casefold() not in line.casefold():
        line += f", {meeting.casefold() if meeting.startswith('Voting') else meeting}"
    return f"{line}, {record['adoption_date']}."


class Tally:
    """Exact-match counters: how many checked, how many right, and the misses."""

    def __init__(self) -> None:
        self.checked: collections.Counter[str] = collections.Counter()
        self.right: collections.Counter[str] = collections.Counter()
        self.misses: dict[str, list[str]] = collections.defaultdict(list)
        self.diagnostics: collections.Counter[str] = collections.Counter()
        self.flagged: dict[str, list[str]] = collections.defaultdict(list)

    def check(self, what: str, ok: bool, symbol: str) -> None:  # noqa: FBT001
        """Count one comparison, keeping the symbol of a miss."""
        self.checked[what] += 1
        if ok:
            self.right[what] += 1
        else:
            self.misses[what].append(symbol)

    def report(self, title: str, *, verbose: bool) -> None:
        """Print the figures, the first misses and the warnings the checks raised."""
        print(f"\n{title}")
        for what in self.checked:
            n, ok = self.checked[what], self.right[what]
            print(f"  {what:<34} {ok:>4}/{n:<4} {100 * ok / n:6.2f}%")
            if self.misses[what]:
                shown = self.misses[what] if verbose else self.misses[what][:5]
                print(f"    misses: {', '.join(shown)}")
        if self.diagnostics:
            print("  warnings raised by the vote checks:")
            for code, n in sorted(self.diagnostics.items()):
                print(f"    {code:<30} {n:>4}  ({', '.join(sorted(set(self.flagged[code])))})")


def note_warnings(tally: Tally, res: resparse.Resolution, symbol: str) -> None:
    """Keep the vote warnings: on this data they point at records that contradict themselves."""
    for d in res.diagnostics:
        if d.severity != "info" and (d.code.startswith("vote.") or d.code.startswith("ocr.")):
            tally.diagnostics[d.code] += 1
            tally.flagged[d.code].append(symbol)


def eval_ga(unxml: pathlib.Path, names: dict[str, bool]) -> Tally:
    """Each recorded General Assembly vote, written as an annex and read back."""
    tally = Tally()
    for record in records(unxml / "ga" / "data_extract"):
        if record["adoption_type"] != "By a recorded vote":
            continue
        symbol = record["symbol"]
        annex, lists = ga_annex(record)
        res = resparse.parse(wrap("General Assembly", annex))
        vote = res.vote
        note_warnings(tally, res, symbol)
        tally.check("vote found", vote is not None, symbol)
        if vote is None:
            continue
        tally.check("method", vote.method == "recorded", symbol)
        expected = tuple(
            count(record[f"MS_{k}_count"]) for k in ("in_favour", "against", "abstaining")
        )
        tally.check("counts", (vote.in_favour, vote.against, vote.abstaining) == expected, symbol)
        tally.check("meeting", vote.meeting == record["adoption_meeting"], symbol)
        for label, field, attr, codes in LISTS:
            tally.check(f"{label} list", getattr(vote, attr) == tuple(lists[field]), symbol)
            wanted = tuple(_alpha3(n) for n in record[field])
            tally.check(f"{label} codes", getattr(vote, codes) == wanted, symbol)
            for upper, printed in zip(record[field], getattr(vote, attr), strict=False):
                names[upper] = resolve_state(upper) is not None
                names[printed] = resolve_state(printed) is not None
    return tally


def _alpha3(name: str) -> str | None:
    state = resolve_state(name)
    return None if state is None else state.alpha3


def eval_sc(unxml: pathlib.Path, names: dict[str, bool]) -> tuple[Tally, Tally]:
    """Each Security Council resolution, in the printed form and in the short form."""
    printed, modern = Tally(), Tally()
    for record in records(unxml / "sc" / "data_extract"):
        for upper in (*record["MS_in_favour"], *record["MS_against"], *record["MS_abstaining"]):
            names[upper] = resolve_state(upper) is not None
        check_sc_printed(printed, record, names)
        check_sc_modern(modern, record)
    return printed, modern


def _expected_counts(record: dict[str, Any]) -> tuple[int, int, int]:
    yes, no, abst = (count(record[f"MS_{k}_count"]) for k in ("in_favour", "against", "abstaining"))
    return yes, no, abst


def check_sc_printed(tally: Tally, record: dict[str, Any], names: dict[str, bool]) -> None:
    """The printed volumes' line: method, meeting, counts and lists where it prints them."""
    symbol = record["symbol"]
    method = sc_expected_method(record["adoption_type"])
    res = resparse.parse(wrap("Security Council", sc_printed(record)))
    vote = res.vote
    note_warnings(tally, res, symbol)
    tally.check("vote found", vote is not None, symbol)
    if vote is None:
        return
    tally.check("method", vote.method == method, symbol)
    if MEETING.fullmatch(record["adoption_meeting"]):
        tally.check("meeting", vote.meeting == record["adoption_meeting"], symbol)
    if method != "non_recorded":
        return
    got = (vote.in_favour, vote.against, vote.abstaining)
    tally.check("counts (printed when not unanimous)", got == _expected_counts(record), symbol)
    for label, field, attr, codes in LISTS[1:]:
        want = tuple(un_name(n) for n in record[field])
        tally.check(f"{label} list", getattr(vote, attr) == want, symbol)
        want_codes = tuple(_alpha3(n) for n in record[field])
        tally.check(f"{label} codes", getattr(vote, codes) == want_codes, symbol)
        for name in getattr(vote, attr):
            names[name] = resolve_state(name) is not None


def check_sc_modern(tally: Tally, record: dict[str, Any]) -> None:
    """The short form: method, meeting, and the counts where the form carries them."""
    symbol = record["symbol"]
    res = resparse.parse(wrap("Security Council", sc_modern(record)))
    vote = res.vote
    note_warnings(tally, res, symbol)
    tally.check("vote found", vote is not None, symbol)
    if vote is None:
        return
    tally.check("method", vote.method == sc_expected_method(record["adoption_type"]), symbol)
    if SC_COUNTS.match(record["adoption_type"]):
        got = (vote.in_favour, vote.against, vote.abstaining)
        tally.check("counts (where the form has them)", got == _expected_counts(record), symbol)
    if MEETING.fullmatch(record["adoption_meeting"]):
        tally.check("meeting", vote.meeting == record["adoption_meeting"], symbol)


def eval_corpus(folder: pathlib.Path, *, verbose: bool) -> None:
    """Which printed Security Council texts give a vote, and what their footnotes would add."""
    paths = sorted(folder.glob("*.txt"))
    print(f"\ncr-unsc printed texts ({len(paths)} files)")
    with_record = with_method = with_counts = 0
    with_notes = collections.Counter[str]()
    for path in paths:
        res = resparse.parse_file(path)
        vote = res.vote
        notes = {f.marker: f.text for f in res.footnotes}
        line = f"  {path.name[:14]:<15}"
        if vote is None:
            adoption = res.header.adoption_line or ""
            line += f"no vote record; header: {adoption[:70]!r}"
            print(line)
            continue
        with_record += 1
        with_method += vote.method is not None
        with_counts += vote.in_favour is not None
        tally = (
            f"{vote.in_favour}-{vote.against}-{vote.abstaining}"
            if vote.in_favour is not None
            else "-"
        )
        line += f"{vote.method or '(none)':<13} {tally:<8} {vote.meeting or '':<16}"
        if vote.against_states or vote.abstaining_states:
            line += f" no={list(vote.against_states)} abst={list(vote.abstaining_states)}"
        # What the footnote on the statement adds, once the assembler passes the notes on.
        fields = read_vote(
            res.raw(vote.span),
            vote.span.start,
            is_state=_is_state,
            body=res.header.body,
            notes=notes,
        )
        extra = [
            f"took no part {list(fields.not_participating)}" if fields.not_participating else "",
            f"absent {list(fields.absent)}" if fields.absent else "",
            "voted on in parts" if fields.in_parts else "",
        ]
        if fields.marker is not None:
            if fields.method != vote.method:
                extra.insert(0, f"method {fields.method}")
                with_notes["method"] += 1
            extra.insert(0, f"note {fields.marker}")
        told = "; ".join(e for e in extra if e)
        if told:
            line += f"  [{told}]"
        if verbose or vote.method is None:
            line += f"  <- {vote.text[:60]!r}"
        print(line)
    print(
        f"  vote record: {with_record}/{len(paths)}, method: {with_method}/{len(paths)}, "
        f"counts: {with_counts}/{len(paths)}; reading the footnote on the adoption line "
        f"would add the method of {with_notes['method']} more"
    )


def main(argv: list[str] | None = None) -> int:
    """Run every measurement; exit 0, also when the shared folder is absent."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared", nargs="?", type=pathlib.Path, default=DEFAULT_SHARED)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    unxml = args.shared / "unxml"
    if not (unxml / "ga" / "data_extract").is_dir():
        print(f"skipped: {unxml} is absent (the development set is not on this machine)")
        return 0
    started = time.perf_counter()
    names: dict[str, bool] = {}
    ga = eval_ga(unxml, names)
    sc_printed_tally, sc_modern_tally = eval_sc(unxml, names)
    ga.report(
        "General Assembly recorded votes, written as Human Rights Council annexes",
        verbose=args.verbose,
    )
    sc_printed_tally.report("Security Council, printed-volume adoption lines", verbose=args.verbose)
    sc_modern_tally.report("Security Council, short form of the UN's records", verbose=args.verbose)
    unresolved = sorted(n for n, ok in names.items() if not ok)
    upper = [n for n in names if n.isupper()]
    print(
        f"\nState names resolved to codes: {len(names) - len(unresolved)}/{len(names)} distinct "
        f"({len(upper)} upper-case names of the records, {len(names) - len(upper)} names as "
        "parsed back from the written texts)"
    )
    if unresolved:
        print(f"  unresolved: {', '.join(unresolved)}")
    corpus = args.shared / "corpus" / "cr-unsc"
    if corpus.is_dir():
        eval_corpus(corpus, verbose=args.verbose)
    else:
        print(f"\nskipped the printed texts: {corpus} is absent")
    print(f"\n{time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
