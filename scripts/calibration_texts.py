"""Write claimdiff/data/calibration.txt: the sentences that fix the ONNX backend's int8 scales.

Every claim and every sentence of the bundled stories except the Kursk one, which is kept out
so that the ONNX-to-torch cosine measured on it (tests/test_onnx.py, benchmarks/speed.py) is
measured on texts the scales never saw. Run again when the corpus changes much; the export's
format name (claimdiff.align.onnx_encoder.FORMAT) must then change too, so cached exports are redone.

    .venv/bin/python scripts/calibration_texts.py
"""

from __future__ import annotations

from pathlib import Path

from claimdiff.extract import extract
from claimdiff.check import iter_stories

ROOT = Path(__file__).resolve().parent.parent
HELD_OUT = "kursk-first-clash"


def main() -> None:
    texts: set[str] = set()
    for story in iter_stories([str(ROOT / "corpora")]):
        if story.name == HELD_OUT:
            continue
        for doc in story.documents:
            for claim in extract(doc):
                texts.add(" ".join(claim.content.split()))
                texts.add(" ".join(doc.text[claim.sentence_start:claim.sentence_end].split()))
    out = ROOT / "claimdiff" / "data" / "calibration.txt"
    header = ("# Calibration sentences for the ONNX backend's static int8 quantisation (claimdiff/align/onnx_export.py).\n"
              f"# Made by scripts/calibration_texts.py from corpora/ (all stories but {HELD_OUT}): our own reports.\n")
    out.write_text(header + "\n".join(sorted(t for t in texts if t)) + "\n", encoding="utf-8")
    print(f"{out.relative_to(ROOT)}: {len(texts)} texts")


if __name__ == "__main__":
    main()
