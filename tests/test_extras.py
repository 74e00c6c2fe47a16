"""The package as a new user meets it: optional extras, install hints, the public names,
``help(resparse)`` and the pages that say what the code reads."""

from __future__ import annotations

import importlib
import io
import json
import pathlib
import pickle
import sys
import zipfile

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - tomli is a dependency on 3.10
    import tomli as tomllib

import resparse
from resparse import errors, serialize
from resparse._language import LANGUAGES
from resparse.errors import MissingExtraError, install_hint

ROOT = pathlib.Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SEED = ROOT / "fixtures" / "A_HRC_RES_46_13.txt"


def _names(requirements: list[str]) -> set[str]:
    return {req.split(";")[0].split(">")[0].split("[")[0].strip().lower() for req in requirements}


# --- extras --------------------------------------------------------------------------------


@pytest.mark.issue(19)
def test_extras_heavy_readers_are_not_core_dependencies() -> None:
    project = PYPROJECT["project"]
    core = _names(project["dependencies"])
    extras = project["optional-dependencies"]
    for extra, package in (("spacy", "spacy"), ("docx", "python-docx"), ("html", "selectolax")):
        assert package not in core
        assert _names(extras[extra]) == {package}
        assert any(f"{extra}>=" in req or f"{package}>=" in req for req in extras[extra])
    assert "resparse[spacy,docx,html]" in extras["test"]  # the whole suite still runs


@pytest.mark.issue(19)
def test_extras_install_hint_is_quoted_and_works_from_a_checkout() -> None:
    assert install_hint("pandas") == (
        "pip install 'resparse[pandas]' (from a checkout: pip install '.[pandas]')"
    )


def _docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        archive.writestr("[Content_Types].xml", "<Types/>")
    return buffer.getvalue()


@pytest.mark.issue(19)
@pytest.mark.parametrize(
    ("blocked", "call", "extra"),
    [
        (("docx",), lambda: resparse.readers.docx.read_docx(_docx_bytes()), "docx"),
        (
            ("selectolax", "selectolax.lexbor"),
            lambda: resparse.readers.html.read_html("<p>x</p>"),
            "html",
        ),
        (("pandas",), lambda: resparse.to_frame([]), "pandas"),
        (("pandas",), lambda: resparse.votes_frame([]), "pandas"),
        (
            ("spacy", "spacy.language", "spacy.tokens"),
            lambda: importlib.import_module("resparse.pipeline"),
            "spacy",
        ),
    ],
)
def test_extras_missing_one_raises_a_typed_error_naming_it(
    monkeypatch: pytest.MonkeyPatch, blocked: tuple[str, ...], call: object, extra: str
) -> None:
    importlib.import_module("resparse.readers.docx")
    importlib.import_module("resparse.readers.html")
    for name in blocked:
        monkeypatch.setitem(sys.modules, name, None)  # importing it now raises ImportError
    monkeypatch.delitem(sys.modules, "resparse.pipeline", raising=False)
    with pytest.raises(MissingExtraError) as caught:
        call()  # type: ignore[operator]
    error = caught.value
    assert isinstance(error, ImportError)
    assert isinstance(error, resparse.ResparseError)
    assert error.extra == extra
    assert f"pip install '.[{extra}]'" in str(error)
    assert f"pip install 'resparse[{extra}]'" in str(error)


@pytest.mark.issue(19)
def test_extras_missing_extra_error_survives_pickling() -> None:
    error = MissingExtraError(feature="reading HTML", extra="html", package="selectolax")
    copy = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own bytes
    assert type(copy) is MissingExtraError
    assert (copy.feature, copy.extra, copy.package, str(copy)) == (
        "reading HTML",
        "html",
        "selectolax",
        str(error),
    )


@pytest.mark.issue(19)
def test_extras_no_unquoted_install_hint_left_in_the_sources() -> None:
    for path in (ROOT / "src" / "resparse").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "pip install resparse[" not in text, path


# --- the public names ----------------------------------------------------------------------


@pytest.mark.issue(19)
def test_extras_every_error_class_is_exported() -> None:
    for name in (
        "SchemaError",
        "SchemaVersionError",
        "MissingExtraError",
        "UnsafeInputError",
        "InputDecodeError",
    ):
        assert name in resparse.__all__
        assert getattr(resparse, name) is getattr(errors, name)
    assert resparse.SchemaError is serialize.SchemaError
    with pytest.raises(resparse.SchemaError):
        resparse.from_json('{"schema_version": "1.1", "no": "such field"}')


@pytest.mark.issue(19)
def test_extras_parse_error_is_a_documented_alias() -> None:
    assert resparse.ParseError is resparse.ResolutionParseError
    api = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    assert "`resparse.ParseError` is the same class" in api
    assert "ParseError" in (resparse.__doc__ or "")


@pytest.mark.issue(19)
def test_extras_package_docstring_names_the_entry_points() -> None:
    doc = resparse.__doc__ or ""
    assert doc.index("Entry points") > doc.index(">>> import resparse")
    for name in ("parse", "parse_file", "parse_document", "parse_all", "from_akn", "from_json"):
        assert f":func:`{name}`" in doc
        assert name in resparse.__all__
    for name in ("to_frame", "votes_frame", "align", "json_schema"):
        assert f":func:`{name}`" in doc


# --- the pages say what the code does ------------------------------------------------------

ENGLISH_NAMES = {
    "en": "English",
    "fr": "French",
    "es": "Spanish",
    "ru": "Russian",
    "ar": "Arabic",
    "zh": "Chinese",
}


@pytest.mark.issue(19)
@pytest.mark.parametrize("page", ["index.md", "languages.md"])
def test_extras_docs_name_every_language_read(page: str) -> None:
    assert set(LANGUAGES) <= set(ENGLISH_NAMES)  # a new language needs its name here
    text = " ".join((ROOT / "docs" / page).read_text(encoding="utf-8").split())
    opening = text.split("## ")[0] if page == "languages.md" else text.split("## Where")[0]
    for code in LANGUAGES:
        assert ENGLISH_NAMES[code] in opening, (page, code)
    assert "English, French and Spanish," not in text


@pytest.mark.issue(19)
def test_extras_tutorial_uses_the_public_akn_api() -> None:
    notebook = json.loads((ROOT / "docs" / "tutorial.ipynb").read_text(encoding="utf-8"))
    code = "\n".join("".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "code")
    assert "resparse.readers" not in code
    assert "hasattr" not in code
    assert "resparse.from_akn(" in code
    assert ".to_akn()" in code
