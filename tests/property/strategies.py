"""Synthetic resolutions written from the lexicon, with the structure they were built from."""

from __future__ import annotations

import attrs
from hypothesis import strategies as st

PRE_LEADS = [
    "Recalling",
    "Recalling also",
    "Reaffirming",
    "Reaffirming further",
    "Deeply concerned",
    "Noting with appreciation",
    "Bearing in mind",
    "Welcoming",
    "Mindful",
    "Expressing deep concern",
    "Taking note with appreciation",
    "Having considered",
]
OP_LEADS = [
    "Decides",
    "Requests",
    "Also requests",
    "Calls upon",
    "Encourages",
    "Strongly condemns",
    "Takes note",
    "Urges",
    "Reaffirms",
    "Invites",
]
BODIES = [
    "General Assembly",
    "Security Council",
    "Human Rights Council",
    "Economic and Social Council",
]
# The Security Council italicizes shorter leads than the General Assembly ("Expressing"
# where the Assembly writes "Expressing deep concern"): its texts draw on its own phrases.
SC_PRE_LEADS = [
    "Recalling",
    "Reaffirming",
    "Welcoming",
    "Determining",
    "Stressing",
    "Condemning",
    "Noting",
]
SC_OP_LEADS = ["Decides", "Requests", "Urges", "Demands", "Encourages", "Welcomes", "Reaffirms"]
WORDS = [
    "the",
    "States",
    "report",
    "cooperation",
    "international",
    "all",
    "relevant",
    "rights",
    "peace",
    "development",
]


@attrs.frozen
class Built:
    """A synthetic text and the structure it was built with."""

    text: str
    pre_leads: tuple[str, ...]
    op_leads: tuple[str, ...]
    sub_counts: tuple[int, ...]
    italics: bool


def _filler(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=3, max_size=25))
    return " ".join(words)


@st.composite
def resolutions(draw: st.DrawFn) -> Built:
    """A resolution: header, formula, clauses, paragraphs with sub-paragraphs, maybe a vote."""
    body = draw(st.sampled_from(BODIES))
    italics = draw(st.booleans())
    wrap = draw(st.booleans())  # wrapped lines without blank lines, as PDF extractors give
    sep = "\n" if wrap else "\n\n"
    number = f"{draw(st.integers(1, 80))}/{draw(st.integers(1, 400))}"
    lines = [
        f"United Nations A/RES/{number}",
        "",
        "Distr.: General 3 May 2021",
        "",
        f"Resolution adopted by the {body} on 2 May 2021",
        "",
        f"{number}. A title about {_filler(draw)}",
        "",
        f"The {body},",
        "",
    ]
    council = body == "Security Council"
    pre = draw(
        st.lists(st.sampled_from(SC_PRE_LEADS if council else PRE_LEADS), min_size=0, max_size=8)
    )
    ops = draw(
        st.lists(st.sampled_from(SC_OP_LEADS if council else OP_LEADS), min_size=1, max_size=8)
    )
    subs = []

    def emph(lead: str) -> str:
        return f"*{lead}*" if italics else lead

    chunks = []
    for lead in pre:
        text = f"{emph(lead)} {_filler(draw)},"
        if wrap:
            cut = text.find(" ", len(lead) + 8)
            if cut > 0:
                text = text[:cut] + "\n" + text[cut + 1 :]
        chunks.append(text)
    for i, lead in enumerate(ops, start=1):
        n_sub = draw(st.integers(0, 3))
        subs.append(n_sub)
        end = "." if i == len(ops) else ";"
        if n_sub:
            items = [
                f"({chr(97 + k)}) {_filler(draw)}{';' if k + 1 < n_sub else end}"
                for k in range(n_sub)
            ]
            chunks.append(f"{i}. {emph(lead)} {_filler(draw)}:\n" + "\n".join(items))
        else:
            chunks.append(f"{i}. {emph(lead)} {_filler(draw)}{end}")
    if draw(st.booleans()):
        chunks.append("45th plenary meeting\n7 December 2023")
    text = "\n".join(lines) + sep.join(chunks) + "\n"
    return Built(text, tuple(pre), tuple(ops), tuple(subs), italics)


@st.composite
def mutated(draw: st.DrawFn, base: str) -> str:
    """A real text with random edits: lines cut, joined, dropped, characters swapped, noise added."""
    lines = base.split("\n")
    for _ in range(draw(st.integers(1, 8))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["cut", "join", "drop", "swap", "furniture", "blank", "noise"]))
        line = lines[i]
        if op == "cut" and len(line) > 2:
            k = draw(st.integers(1, len(line) - 1))
            lines[i : i + 1] = [line[:k], line[k:]]
        elif op == "join" and i + 1 < len(lines):
            lines[i : i + 2] = [line + " " + lines[i + 1]]
        elif op == "drop":
            del lines[i]
        elif op == "swap" and len(line) > 2:
            k = draw(st.integers(0, len(line) - 2))
            lines[i] = line[:k] + line[k + 1] + line[k] + line[k + 2 :]
        elif op == "furniture":
            lines.insert(
                i,
                draw(
                    st.sampled_from(
                        [
                            "2/7",
                            "23-24958 (E) 211223",
                            "*2324958*",
                            "\fA/RES/1/1",
                            "__________________",
                        ]
                    )
                ),
            )
        elif op == "blank":
            lines.insert(i, "")
        else:
            lines.insert(i, draw(st.text(max_size=40)))
    return "\n".join(lines)
