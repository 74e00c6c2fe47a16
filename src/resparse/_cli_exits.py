"""The ``resparse`` command's exit codes, and how it tells the user what went wrong.

Every subcommand returns these codes and reports on standard error the same way, so they
live apart from any one subcommand (and from ``cli``, which imports the subcommands).
"""

from __future__ import annotations

import sys

EXIT_OK = 0
EXIT_PARSE_PROBLEMS = 1
EXIT_USAGE = 2
EXIT_INPUT = 3
EXIT_INTERRUPTED = 130  # the shell's own code for a process stopped by SIGINT

EXIT_LINES = {
    EXIT_OK: "done",
    EXIT_PARSE_PROBLEMS: "parse problems found with --strict (the other files are still written)",
    EXIT_USAGE: "usage: bad arguments, or an optional extra the command needs is missing",
    EXIT_INPUT: "a file could not be read (missing, not text, damaged) or the output not written",
    EXIT_INTERRUPTED: "interrupted (Ctrl-C); rerun with --resume to go on",
}


class UsageError(Exception):
    """A request that cannot be carried out as asked; exits with code 2."""


def complain(message: str) -> None:
    """``resparse: message`` on standard error, the one shape every problem is told in."""
    print(f"resparse: {message}", file=sys.stderr)
