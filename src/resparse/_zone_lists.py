"""Sub-paragraph nesting: where "(b)", "(ii)", "A." or an inner "2." belongs.

A label opens a sub-paragraph of the open paragraph when it fits the nesting (the next
sibling of an open item, or the first label of a new level) and the text before it
allows a list (a colon, a finished item, or a sibling that follows).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from resparse import _labels, _line_shape
from resparse._zone_state import State, Unit

if TYPE_CHECKING:
    from resparse._classify import ClassifiedLine
    from resparse._scan import Line

_SIBLING_REACH = 30  # lines searched for a first label's next sibling


class Lists(State):
    """Places labelled lines in the open paragraph's nesting of sub-paragraphs."""

    def try_list_item(self, line: Line, kind: ClassifiedLine) -> bool:
        """A sub-paragraph, lettered ("(b)") or numbered inside a paragraph ("2.")."""
        if kind.number is not None and self.try_numbered_item(line, kind):
            return True
        if kind.number is None and kind.sub_label is None and self.try_lettered_part(line, kind):
            return True
        return (
            kind.sub_label is not None
            and self.current is not None
            and self.try_subparagraph(line, kind.sub_label, kind.content_start)
        )

    def try_lettered_part(self, line: Line, kind: ClassifiedLine) -> bool:
        """A lettered part of what a paragraph sets out: "A. Pension Administration".

        "6. Approves the changes to the staffing table as set out in the table below:" is
        followed by "A. Pension Administration", its table, "B. Office of Investment
        Management" and its table: parts A and B of the paragraph. "A." opens them only
        right after the paragraph's colon, and "B." only while "A." is open; anywhere else
        "A. Title" is a heading.
        """
        if self.current is None:
            return False
        match = self.profile.lettered_part_re.match(line.text, kind.content_start - line.start)
        if match is None:
            return False
        letter = match["label"]
        alphabet = self.profile.alphabet
        if _labels.first_label(letter, alphabet):
            if self.sub_stack or not self.text_of_unit().rstrip().endswith((":", "：")):
                return False
        elif not any(
            item.style == "upper"
            and item.label is not None
            and _labels.follows(item.label, letter, "upper", alphabet)
            for item in self.sub_stack
        ):
            return False
        return self.try_subparagraph(line, letter, line.start + match.end())

    def try_numbered_item(self, line: Line, kind: ClassifiedLine) -> bool:
        """A numbered list inside a paragraph: an agenda after "... agenda:", "1." to "7."."""
        number = kind.number
        if number is None or self.current is None or number > self.last_number:
            return False
        if self.sub_stack:
            item = self.sub_stack[-1]
            if item.style != "digit" or item.label != str(number - 1):
                return False
        elif number != 1 or not self.text_of_unit().rstrip().endswith((":", "：")):
            return False
        return self.try_subparagraph(line, str(number), kind.content_start)

    def open_list_on_number_line(self, line: Line, start: int) -> None:
        """A paragraph that opens straight into its list: "11. (a) Expresses concern ..."."""
        current = self.current
        label = self.profile.label_re.match(line.text, start - line.start)
        if current is None or label is None:
            return
        name = label["label"]
        if not _labels.first_label(name, self.profile.alphabet):
            return
        content = line.start + label.end()
        while content < line.end and self.source[content] in " \t":
            content += 1
        if content >= line.end:
            return
        current.pieces = []
        style = _labels.label_style(name, None, self.profile.alphabet)
        unit = Unit(
            "sub",
            line.start + label.start(),
            [(content, line.end)],
            label=name,
            style=style,
            head_end=line.end,
        )
        current.children.append(unit)
        self.sub_stack.append(unit)

    def try_subparagraph(self, line: Line, label: str, content: int) -> bool:
        """Place "(b)" or "(ii)" in the open nesting, or refuse when it does not fit."""
        alphabet = self.profile.alphabet
        if (
            (
                not self.sub_stack
                and not self.terminated()
                and not self.text_of_unit().rstrip().endswith((":", "："))
            )
            and (not _labels.first_label(label, alphabet) or line.blanks_before == 0)
            and not self.sibling_follows(line, label)
        ):
            return False
        level_index = self.place_label(label)
        if level_index is None:
            return False
        # a sibling keeps its list's style: "(j)" after an alphabetic "(i)" is alphabetic too
        if level_index < len(self.sub_stack):
            style = self.sub_stack[level_index].style
        else:
            style = _labels.label_style(label, None, alphabet)
        del self.sub_stack[level_index:]
        unit = Unit(
            "sub",
            line.start,
            [(content, line.end)] if content < line.end else [],
            label=label,
            style=style,
            head_end=line.end,
        )
        parent = self.sub_stack[-1] if self.sub_stack else self.current
        assert parent is not None  # noqa: S101 - a paragraph is open
        parent.children.append(unit)
        self.sub_stack.append(unit)
        return True

    def sibling_follows(self, line: Line, label: str) -> bool:
        """A first label whose list goes on: the next label line is its next sibling.

        "... shall" then "(a) prioritize ...;" and "(b) further advise ..." is a list even
        without a colon before it; a lone "(a)" that a wrapped line put at a line start
        ("paragraph 3" / "(a) above") is not followed by "(b)".
        """
        alphabet = self.profile.alphabet
        if not _labels.first_label(label, alphabet):
            return False
        style = _labels.label_style(label, None, alphabet)
        for following in self.kinds[line.index + 1 : line.index + 1 + _SIBLING_REACH]:
            if following.bare_number:
                return False
            if following.bare_label is not None:
                return _labels.follows(label, following.bare_label, style, alphabet)
        return False

    def place_label(self, label: str) -> int | None:
        """The nesting level a label belongs to: a sibling of an open item, or a new level."""
        alphabet = self.profile.alphabet
        for depth in range(len(self.sub_stack) - 1, -1, -1):
            open_item = self.sub_stack[depth]
            if open_item.label is not None and _labels.follows(
                open_item.label, label, open_item.style, alphabet
            ):
                return depth
        if _labels.first_label(label, alphabet):
            style = _labels.label_style(label, None, alphabet)
            if self.sub_stack and style == self.sub_stack[-1].style:
                return self.restart_list()
            return len(self.sub_stack)
        return None

    def restart_list(self) -> int | None:
        """A list that starts again at "(a)" under a new intro, at the open item's level.

        A quoted statute prints "Article 10", its intro, "(a)" to "(d)", then "Article 11",
        its intro ending in a colon, and "(a)" again. The lines after the open item's last
        finished sentence are that new intro: they go back to the parent, and the new "(a)"
        is a sibling. Without a finished sentence before a colon, "(a)" is refused as before.
        """
        item = self.sub_stack[-1]
        if not self.text_of_unit().rstrip().endswith((":", "：")):
            return None
        terminators = self.profile.terminators
        cut = next(
            (
                k + 1
                for k in range(len(item.pieces) - 2, -1, -1)
                if _line_shape.ends_clause(self.source[slice(*item.pieces[k])], terminators)
            ),
            None,
        )
        if cut is None:
            return None
        parent = self.sub_stack[-2] if len(self.sub_stack) > 1 else self.current
        if parent is None:
            return None
        parent.pieces.extend(item.pieces[cut:])
        del item.pieces[cut:]
        return len(self.sub_stack) - 1
