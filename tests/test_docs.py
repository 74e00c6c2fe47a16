"""The documentation runs: its code blocks, the package doctests and the tutorial notebook.

Each Markdown page of ``docs/`` (and the README, CONTRIBUTING and CHANGELOG) is read top
to bottom:

* every ```` ```python ```` block is executed, in order, in one namespace per page, with the
  repository root as working directory. A statement whose last line ends in ``# -> X`` is
  an expression whose ``repr`` must be exactly ``X``. Where an optional dependency
  (dask, pyarrow, selectolax, python-docx) is missing, the rest of that block is skipped;
* every line of a ```` ```sh ```` block that starts with ``resparse `` is run through
  ``resparse.cli.main`` in a scratch folder that links ``fixtures/``, and must exit 0
  (``resparse evaluate`` needs the development set and is left out; Parquet output is left
  out where pyarrow is not installed). Other shell lines (installs) are not run.

The notebook ``docs/tutorial.ipynb`` is executed with nbclient on a kernel started from
this interpreter. Nothing here needs the development set in ``../shared``.
"""

from __future__ import annotations

import ast
import contextlib
import doctest
import importlib.util
import json
import os
import pathlib
import shlex
import subprocess
import sys
from typing import TYPE_CHECKING, Any

import pytest
import regex

import resparse
from resparse.cli import main

if TYPE_CHECKING:
    from collections.abc import Iterator

ROOT = pathlib.Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGES = sorted(DOCS.glob("*.md"))
NOTEBOOK = DOCS / "tutorial.ipynb"
# pages outside docs/ whose examples must run too
EXTRA_PAGES = [ROOT / "README.md", ROOT / "CONTRIBUTING.md", ROOT / "CHANGELOG.md"]

FENCE_RE = regex.compile(r"^```(?P<info>[^\n`]*)\n(?P<body>.*?)^```[ \t]*$", regex.M | regex.S)
EXPECT_RE = regex.compile(r"#\s*->\s*(?P<want>.+?)\s*$")
HAS_PYARROW = importlib.util.find_spec("pyarrow") is not None
# optional dependencies an example may need; without them the rest of that block is skipped
OPTIONAL_MODULES = frozenset({"dask", "pyarrow", "matplotlib", "selectolax", "docx"})


def missing_optional(error: BaseException) -> bool:
    """Whether an error comes from an optional module that is not installed (or wraps one)."""
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, ImportError) and (cause.name or "").split(".")[0] in OPTIONAL_MODULES:
            return True
        cause = cause.__cause__
    return False


def blocks(page: pathlib.Path) -> list[tuple[str, str, int]]:
    """``(language, code, line number)`` of every fenced block of a page, in order."""
    text = page.read_text(encoding="utf-8")
    found = []
    for match in FENCE_RE.finditer(text):
        info = match["info"].split()
        if not info:
            continue
        line = text.count("\n", 0, match.start()) + 2
        found.append((info[0], match["body"], line))
    return found


@contextlib.contextmanager
def working_directory(path: pathlib.Path) -> Iterator[None]:
    before = pathlib.Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(before)


def run_python(code: str, namespace: dict[str, Any], where: str) -> None:
    """Execute a block statement by statement, checking each ``# ->`` expectation."""
    lines = code.splitlines()
    tree = ast.parse(code, filename=where)
    for statement in tree.body:
        last = lines[statement.end_lineno - 1] if statement.end_lineno else ""
        expected = EXPECT_RE.search(last)
        if expected is None:
            module = ast.Module(body=[statement], type_ignores=[])
            exec(compile(module, where, "exec"), namespace)  # noqa: S102 - our own docs
            continue
        assert isinstance(statement, ast.Expr), (
            f"{where}:{statement.lineno}: '# ->' needs an expression"
        )
        value = eval(compile(ast.Expression(statement.value), where, "eval"), namespace)  # noqa: S307
        got = repr(value)
        assert got == expected["want"], f"{where}:{statement.lineno}: got {got}"


def run_shell(code: str, scratch: pathlib.Path, where: str) -> None:
    """Run the ``resparse`` lines of a shell block in the scratch folder; each must exit 0."""
    for number, line in enumerate(code.splitlines()):
        if not line.startswith("resparse "):
            continue
        argv = shlex.split(line, comments=True)[1:]
        if argv[:1] == ["evaluate"] or (not HAS_PYARROW and any(".parquet" in a for a in argv)):
            continue
        with working_directory(scratch):
            status = main(argv)
        assert status == 0, f"{where}+{number}: `{line}` exited {status}"


@pytest.mark.parametrize("page", [*PAGES, *EXTRA_PAGES], ids=lambda p: p.name)
def test_docs_page_code_runs(
    page: pathlib.Path, tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "fixtures").symlink_to(ROOT / "fixtures")
    namespace: dict[str, Any] = {"__name__": f"docs_{page.stem}"}
    for language, code, line in blocks(page):
        where = f"{page.relative_to(ROOT)}:{line}"
        if language == "python":
            with working_directory(ROOT):
                try:
                    run_python(code, namespace, where)
                except Exception as error:
                    if not missing_optional(error):
                        raise
        elif language in {"sh", "console", "bash"}:
            run_shell(code, tmp_path, where)
    capsys.readouterr()  # examples print; keep pytest's output short


def test_docs_pages_all_in_the_site_navigation() -> None:
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    missing = [page.name for page in PAGES if f": {page.name}" not in nav]
    assert missing == []


def test_docs_site_builds_strictly(tmp_path: pathlib.Path) -> None:
    """``mkdocs build --strict``: a broken link, a missing page or a bad docstring fails."""
    for module in ("mkdocs", "material", "mkdocstrings"):
        if importlib.util.find_spec(module) is None:
            pytest.skip(f"building the site needs {module} (the test and docs extras install it)")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path)]
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(  # noqa: S603 - our own interpreter, fixed arguments
        command, cwd=ROOT, capture_output=True, text=True, env=environment, check=False
    )
    assert done.returncode == 0, done.stderr[-4000:]
    assert (tmp_path / "index.html").is_file()
    assert (tmp_path / "api" / "index.html").is_file()


# where a diagnostic code is written in the sources: Diagnostic("code", ...), the Akoma Ntoso
# reader's self.note("code", ...), and `code = "code"` or `code, message = "code", ...`
CODE_RE = regex.compile(
    r'(?:Diagnostic\(|\.note\(|\bcode\s*=\s*|code,\s*message\s*=\s*\(?)\s*"(?P<code>[a-z]+\.[a-z_]+)"'
)


def test_docs_every_diagnostic_code_is_documented() -> None:
    sources = (ROOT / "src" / "resparse").rglob("*.py")
    codes = {m["code"] for path in sources for m in CODE_RE.finditer(path.read_text("utf-8"))}
    assert len(codes) > 20
    page = (DOCS / "how-it-works.md").read_text(encoding="utf-8")
    undocumented = sorted(code for code in codes if f"| `{code}` |" not in page)
    assert undocumented == [], "add these codes to the table in docs/how-it-works.md"


def test_docs_package_doctests() -> None:
    failures, tried = doctest.testmod(resparse, optionflags=doctest.ELLIPSIS)
    assert tried > 0
    assert failures == 0


# --- the tutorial notebook ---------------------------------------------------------------


def test_docs_notebook_is_committed_without_outputs() -> None:
    notebook = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            assert cell.get("outputs") == [], "clear the notebook's outputs before committing"
            assert cell.get("execution_count") is None


def test_docs_notebook_executes(tmp_path: pathlib.Path) -> None:
    for module in ("nbclient", "nbformat", "ipykernel", "matplotlib", "pandas"):
        if importlib.util.find_spec(module) is None:
            pytest.skip(f"the tutorial notebook needs {module} (the test extra installs it)")
    import nbformat  # noqa: PLC0415
    from jupyter_client.kernelspec import KernelSpecManager  # noqa: PLC0415
    from jupyter_client.manager import AsyncKernelManager  # noqa: PLC0415
    from nbclient import NotebookClient  # noqa: PLC0415

    # a kernel spec of our own, so the notebook runs on this interpreter and no other
    spec = tmp_path / "kernels" / "resparse-tests"
    spec.mkdir(parents=True)
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    kernel = {"argv": argv, "display_name": "resparse tests", "language": "python"}
    (spec / "kernel.json").write_text(json.dumps(kernel), encoding="utf-8")
    specs = KernelSpecManager(kernel_dirs=[str(tmp_path / "kernels")])
    manager = AsyncKernelManager(kernel_name="resparse-tests", kernel_spec_manager=specs)

    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(
        notebook,
        km=manager,
        timeout=120,
        kernel_name="resparse-tests",
        resources={"metadata": {"path": str(ROOT)}},
    )
    os.environ.setdefault("MPLBACKEND", "Agg")
    client.execute()
    errors = [
        output
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
        if output.output_type == "error"
    ]
    assert errors == []
