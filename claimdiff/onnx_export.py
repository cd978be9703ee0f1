"""Export a local sentence-transformers model to a quantised ONNX file, once.

Run by ``claimdiff.onnx_encoder`` as ``python -m claimdiff.onnx_export MODEL_FOLDER TARGET``,
in a child process, because it needs torch and transformers and the encoding process must not
import them. Offline: the weights come from the folder, nothing is downloaded.

The transformer alone is exported (token vectors out; pooling and normalisation are done by
the encoder from the model's own config), with the TorchScript exporter (``dynamo=False``:
no onnxscript needed), then quantised with onnxruntime: int8 weights, per output channel,
activations scaled at run time (dynamic quantisation). Safe for two processes: they take
turns on ``TARGET.lock``, the second finds the file made and stops, and the file is written
under a temporary name in the same folder and renamed into place, so a killed export leaves
no half file under the real name.
"""

from __future__ import annotations

import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

OPSET = 17


@contextmanager
def _locked(lock: Path):
    with open(lock, "a+b") as fh:
        try:
            import fcntl
        except ImportError:  # no flock (Windows): the rename still keeps the file whole
            yield
            return
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def export(folder: Path, target: Path) -> None:
    import logging

    import torch
    from transformers import AutoModel

    from onnxruntime.quantization import QuantType, quantize_dynamic

    logging.getLogger().setLevel(logging.ERROR)  # quantize_dynamic's advice on pre-processing
    base = AutoModel.from_pretrained(str(folder), local_files_only=True).eval()
    import inspect

    takes_types = "token_type_ids" in inspect.signature(base.forward).parameters
    names = ["input_ids", "attention_mask"] + (["token_type_ids"] if takes_types else [])

    class Tokens(torch.nn.Module):
        """Keyword arguments in, token vectors out (transformers' positional order varies)."""

        def __init__(self, inner):
            super().__init__()
            self.inner = inner

        def forward(self, *inputs):
            return self.inner(**dict(zip(names, inputs))).last_hidden_state

    sample = tuple(torch.ones((2, 8), dtype=torch.long) if n != "token_type_ids" else torch.zeros((2, 8), dtype=torch.long)
                   for n in names)
    axes = {n: {0: "batch", 1: "tokens"} for n in names + ["last_hidden_state"]}
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".export-") as tmp:
        fp32 = Path(tmp) / "model.onnx"
        with torch.no_grad():
            torch.onnx.export(Tokens(base), sample, str(fp32), input_names=names, output_names=["last_hidden_state"],
                              dynamic_axes=axes, opset_version=OPSET, dynamo=False)
        int8 = Path(tmp) / "model.int8.onnx"
        quantize_dynamic(str(fp32), str(int8), per_channel=True, weight_type=QuantType.QInt8)
        os.replace(int8, target)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m claimdiff.onnx_export MODEL_FOLDER TARGET", file=sys.stderr)
        return 2
    folder, target = Path(argv[0]), Path(argv[1])
    for key in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE"):
        os.environ.setdefault(key, "1")
    target.parent.mkdir(parents=True, exist_ok=True)
    with _locked(target.with_name(target.name + ".lock")):
        if not target.is_file():  # another process may have made it while this one waited
            export(folder, target)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
