"""The public entry points: text or a file in, a Resolution out."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import attrs

from resparse._deadline import Deadline, deadline_scope
from resparse._language import (
    DETECTION_SAMPLE,
    LANGUAGES,
    detect,
    has_profile,
    own_script,
    profile,
)
from resparse._pipeline import run as assemble
from resparse._split import split_resolutions
from resparse.errors import InputTooLargeError, ResolutionParseError
from resparse.model import Diagnostic, Span
from resparse.readers.base import Document

if TYPE_CHECKING:
    from resparse.model import Resolution


def parse(
    text: str,
    *,
    strict: bool = False,
    language: str | None = None,
    max_chars: int | None = None,
    timeout: float | None = None,
) -> Resolution:
    """Parse the text of one resolution.

    Never raises on odd text: what cannot be placed comes back in ``unclassified`` with a
    diagnostic. An HTML page or Akoma Ntoso file passed as a string is read by its reader,
    as :func:`parse_file` reads it, with an ``input.markup`` note; spans then point into
    ``result.source``, the text the reader laid out. With ``strict=True`` any diagnostic
    of severity ``"error"`` or ``"warning"`` raises
    :class:`~resparse.errors.ResolutionParseError` instead. ``max_chars`` and ``timeout``
    (seconds) bound the work for callers that run unattended: a longer text raises
    :class:`~resparse.errors.InputTooLargeError`, a slower parse
    :class:`~resparse.errors.ParseTimeoutError`.
    """
    if not isinstance(text, str):
        msg = f"parse() takes the text of a resolution as str, not {type(text).__name__}"
        raise TypeError(msg)
    document = Document(text=text)
    if text[:512].lstrip()[:1] == "<":
        from resparse.readers.dispatch import markup_as_document  # noqa: PLC0415 - rare

        document = markup_as_document(text) or document
    return parse_document(
        document, strict=strict, language=language, max_chars=max_chars, timeout=timeout
    )


def parse_document(
    document: Document,
    *,
    strict: bool = False,
    language: str | None = None,
    max_chars: int | None = None,
    timeout: float | None = None,
) -> Resolution:
    """Parse what a reader produced (text with italics, page breaks and notes).

    ``language`` (an ISO 639-1 code: en, fr, es, ru, ar, zh) forces the language;
    otherwise it is detected from the text. ``max_chars`` and ``timeout`` as for
    :func:`parse`.
    """
    if max_chars is not None and len(document.text) > max_chars:
        msg = f"the text has {len(document.text):,} characters; the limit is {max_chars:,}"
        raise InputTooLargeError(msg, path=document.path)
    with deadline_scope(Deadline.after(timeout) if timeout is not None else None):
        return _parse_document(document, strict=strict, language=language)


def _parse_document(document: Document, *, strict: bool, language: str | None) -> Resolution:
    """:func:`parse_document` with the deadline in force (the caller's or an outer one)."""
    if language is not None:
        profile(language)  # an unknown code is an error, not a silent fall-back
        mismatch = _language_mismatch(document.text, language)
        if mismatch is not None:
            document = attrs.evolve(document, diagnostics=(*document.diagnostics, mismatch))
    else:
        language = detect(document.text)
        if not has_profile(language):
            message = (
                f"the text reads as {language!r}, which resparse cannot parse yet; read as English"
            )
            note = Diagnostic("language.unsupported", message, "warning")
            document = attrs.evolve(document, diagnostics=(*document.diagnostics, note))
            language = "en"
    result = with_references(assemble(document, language=language))
    if strict:
        problems = [d for d in result.diagnostics if d.severity in {"error", "warning"}]
        if problems:
            raise ResolutionParseError(problems, result.source)
    return result


# characters a text must have before the words that tell French, Spanish and English
# apart outweigh the language the caller gave (a script tells at any length)
_MISMATCH_EVIDENCE = 2000


def _language_mismatch(text: str, language: str) -> Diagnostic | None:
    """A warning where the text reads as another language than the one asked for.

    The caller's language is kept (a quotation or a mixed file may mislead detection),
    but a text in another script, or a long text in another Latin-script language, is
    most likely mislabelled: an Arabic file in a Chinese folder parses as no resolution.
    Only the shipped languages are compared: detection may not know a registered one.
    """
    if language not in LANGUAGES:
        return None
    if not any(char.isalpha() for char in text[:DETECTION_SAMPLE]):
        return None  # no word to read a language from (an empty text says so itself)
    detected = detect(text)
    if detected not in LANGUAGES:
        return None
    if detected == language:
        return None
    if not (own_script(detected) or own_script(language)) and len(text) < _MISMATCH_EVIDENCE:
        return None
    message = (
        f"the text reads as {detected!r}, not {language!r} as asked; it was parsed as "
        f"{language!r} (leave the language out to detect it)"
    )
    return Diagnostic("language.mismatch", message, "warning", Span(0, len(text)))


def parse_all(
    text: str,
    *,
    strict: bool = False,
    language: str | None = None,
    timeout: float | None = None,
) -> list[Resolution]:
    """Parse a text that holds several resolutions (an annual volume, concatenated files).

    Each result's ``source`` is its own piece of ``text`` and ``offset`` says where that
    piece starts, so ``text[r.offset + span.start : r.offset + span.end]`` is a part's raw
    text in the whole. A text holding one resolution gives a list of one.
    """
    if not isinstance(text, str):
        msg = f"parse_all() takes text as str, not {type(text).__name__}"
        raise TypeError(msg)
    forced = language if language is not None and has_profile(language) else None
    with deadline_scope(Deadline.after(timeout) if timeout is not None else None):
        pieces = split_resolutions(text, forced)
        results = []
        for start, end in pieces:
            piece = parse(text[start:end], strict=strict, language=language)
            results.append(attrs.evolve(piece, offset=start))
    return results


def parse_file(
    path: str | os.PathLike[str],
    *,
    strict: bool = False,
    language: str | None = None,
    max_bytes: int | None = None,
    encoding: str | None = None,
) -> Resolution:
    """Read a file and parse it; the reader is chosen by content, then suffix.

    PDF, Word (.docx), HTML, Akoma Ntoso XML, markdown and plain text are read; a file
    larger than ``max_bytes`` (by default :data:`~resparse.readers.dispatch.READ_LIMIT`,
    256 MiB) raises :class:`~resparse.errors.InputTooLargeError`. Text is read as UTF-8
    (or UTF-16/32 with a byte-order mark); ``encoding`` (``"cp1252"``, ``"latin-1"``)
    decodes text, markdown or HTML that is not, with an ``input.encoding`` diagnostic.
    """
    from resparse.readers.dispatch import read_file  # noqa: PLC0415 - readers load on demand

    document = read_file(os.fspath(path), max_bytes=max_bytes, encoding=encoding)
    return parse_document(document, strict=strict, language=language)


def from_akn(xml: str | bytes | os.PathLike[str]) -> Resolution:
    """Read an Akoma Ntoso file (the UN's AKN4UN, or resparse's own export) into a result.

    ``xml`` is a path, XML bytes or XML text. The result's ``source`` is the text the
    markup prints, so its spans work as for a parsed text. Leads are the italic runs that
    open clauses and paragraphs; where the markup leaves a lead in roman (as the print
    had it), the lead tables read it from the words and ``lead_italic`` is ``False``.
    The XML is untrusted: entities are not expanded, DTDs are not loaded and nothing is
    fetched from the network.
    """
    from resparse.readers.akn import from_akn as read  # noqa: PLC0415 - lxml loads only when used

    return with_references(read(xml))


def with_references(result: Resolution) -> Resolution:
    """The result with its citations (a post-pass: it reads the parts, never the parse)."""
    from resparse._references import find_references  # noqa: PLC0415 - loads on first parse

    return attrs.evolve(result, references=find_references(result))


def from_json(text: str | bytes) -> Resolution:
    """Rebuild a result from ``Resolution.to_json()`` output (``resparse parse --format jsonl``).

    Raises ``SchemaError`` when the text is not a serialized result.
    """
    from resparse.serialize import from_json as read  # noqa: PLC0415 - cattrs loads only when used

    return read(text)
