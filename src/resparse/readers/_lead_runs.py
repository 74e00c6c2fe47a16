"""Which runs a reader hands on as lead marking: italic ones, or bold ones in a bold language.

The UN sets lead phrases in italics, except in Chinese, whose texts set them in bold
(``lead_emphasis`` in the language's profile). A reader of a page or a Word file sees
both kinds of run before it knows the language; it keeps both and asks here, once the
text is laid out, which to hand on as the Document's ``italics`` (the lead-marking runs,
as ``render_akn`` hands on the markup's).
"""

from __future__ import annotations

from resparse._language import detect, has_profile, profile


def lead_runs(
    text: str, italic: list[tuple[int, int]], bold: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The bold runs where the text's language sets its leads in bold and has some; else italic."""
    if not bold:
        return italic
    language = detect(text)
    if has_profile(language) and profile(language).lead_emphasis == "bold":
        return bold
    return italic
