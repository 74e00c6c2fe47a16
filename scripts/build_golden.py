"""Cut golden fixtures from the development set: real texts plus the UN's structure.

For a seeded random sample of resolutions, writes ``fixtures/golden/<name>.txt`` (the
text as a user gets it: rendered from the UN's markup without italics, or pdftotext
output of the official PDF) and ``<name>.expected.json``: the structure the UN's own
markup gives (header fields, leads, numbers, sub-paragraph labels, vote counts), made by
``from_akn``, never by the parser under test.

Usage: python scripts/build_golden.py [--shared ../shared] [--markup 24] [--pdf 10] [--other 4]
       [--rac 2]
"""

from __future__ import annotations

import argparse
import json
import pathlib
import random
import shutil
import subprocess
import sys

from resparse.errors import ResparseError
from resparse.evaluate import _markup_for_pdf
from resparse.readers.akn import from_akn, render_akn

OUT = pathlib.Path("fixtures/golden")


def expected(path: pathlib.Path) -> dict[str, object]:
    """The structure of a resolution according to the UN's markup."""
    gold = from_akn(path)
    h = gold.header
    vote = gold.vote
    return {
        "source_markup": path.name,
        "header": {
            "symbol": h.symbol,
            "number": h.number,
            "title": h.title,
            "adopted": h.adopted.isoformat() if h.adopted else None,
            "session": h.session,
        },
        "preamble": [c.lead for c in gold.preamble],
        "operative": [
            {
                "number": p.number,
                "lead": p.lead,
                "labels": [s.label for top in p.subparagraphs for s in top.walk()],
            }
            for p in gold.operative
        ],
        "vote": None
        if vote is None or vote.in_favour is None
        else [vote.in_favour, vote.against, vote.abstaining],
    }


def _markup_language(path: pathlib.Path) -> str | None:
    """The language the markup declares (FRBRlanguage), as an ISO 639-1 code."""
    try:
        return from_akn(path).language
    except ResparseError:
        return None


def main() -> int:
    """Write the sample."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", default="../shared")
    parser.add_argument("--markup", type=int, default=24)
    parser.add_argument("--pdf", type=int, default=10)
    parser.add_argument("--other", type=int, default=4, help="texts in each of French and Spanish")
    parser.add_argument(
        "--rac", type=int, default=2, help="texts in each of Russian, Arabic and Chinese"
    )
    parser.add_argument("--seed", type=int, default=20261128)
    args = parser.parse_args()
    shared = pathlib.Path(args.shared)
    if not (shared / "unxml").is_dir():
        print(f"skipped: {shared / 'unxml'} not found")
        return 0
    rng = random.Random(args.seed)
    OUT.mkdir(parents=True, exist_ok=True)
    ga = sorted((shared / "unxml" / "ga").glob("*session/English/*.xml"))
    sc = sorted((shared / "unxml" / "sc").glob("*/English/*.xml"))
    picked = rng.sample(ga, args.markup * 2 // 3) + rng.sample(
        sc, args.markup - args.markup * 2 // 3
    )
    for xml in picked:
        stem = "markup_" + xml.stem.replace(" ", "_")
        (OUT / f"{stem}.txt").write_text(render_akn(xml).text, encoding="utf-8")
        (OUT / f"{stem}.expected.json").write_text(
            json.dumps(expected(xml), indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    if shutil.which("pdftotext"):
        pdfs = sorted((shared / "pdf" / "ga78").glob("*.pdf"))
        markup_folder = shared / "unxml" / "ga" / "78session" / "English"
        for pdf in rng.sample(pdfs, args.pdf):
            xml = _markup_for_pdf(pdf, markup_folder)
            if xml is None:
                continue
            text = subprocess.run(
                ["pdftotext", str(pdf), "-"], capture_output=True, check=True
            ).stdout
            stem = "pdftotext_" + pdf.stem
            (OUT / f"{stem}.txt").write_bytes(text)
            (OUT / f"{stem}.expected.json").write_text(
                json.dumps(expected(xml), indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
            )
    for folder in ("French", "Spanish"):
        texts = sorted((shared / "unxml").glob(f"*/*/{folder}/*.xml"))
        for xml in rng.sample(texts, args.other):
            stem = f"markup_{folder[:2].lower()}_" + xml.stem.replace(" ", "_")
            (OUT / f"{stem}.txt").write_text(render_akn(xml).text, encoding="utf-8")
            expected_json = json.dumps(expected(xml), indent=1, ensure_ascii=False)
            (OUT / f"{stem}.expected.json").write_text(expected_json + "\n", encoding="utf-8")
    # drawn after the others, so the earlier picks stay the same
    for folder, code in (("Russian", "ru"), ("Arabic", "ar"), ("Chinese", "zh")):
        texts = sorted((shared / "unxml").glob(f"*/*/{folder}/*.xml"))
        # a file filed under the wrong language (an Arabic text among the Chinese) is left out
        texts = [xml for xml in texts if _markup_language(xml) == code]
        for xml in rng.sample(texts, args.rac):
            stem = f"markup_{code}_" + xml.stem.replace(" ", "_")
            (OUT / f"{stem}.txt").write_text(render_akn(xml).text, encoding="utf-8")
            expected_json = json.dumps(expected(xml), indent=1, ensure_ascii=False)
            (OUT / f"{stem}.expected.json").write_text(expected_json + "\n", encoding="utf-8")
    print(f"wrote {len(list(OUT.glob('*.txt')))} fixtures to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
