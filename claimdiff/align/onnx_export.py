"""Export a local sentence-transformers model to a quantised ONNX file, once.

Run by ``claimdiff.align.onnx_encoder`` as ``python -m claimdiff.align.onnx_export MODEL_FOLDER TARGET``,
in a child process, because it needs torch and transformers and the encoding process must not
import them. Offline: the weights come from the folder, nothing is downloaded.

The transformer alone is exported (token vectors out; pooling and normalisation are done by
the encoder from the model's own config), with the TorchScript exporter (``dynamo=False``:
no onnxscript needed) and eager attention (plain MatMul and Softmax nodes). It is then
quantised *statically* with onnxruntime: every MatMul by a weight gets int8 weights, per
output channel, and uint8 inputs whose scale was fixed once, from the activations of
``claimdiff/data/calibration.txt`` (sentences of the bundled corpus, see that file), after
the LayerNorm outputs' wide channels were evened out into the weights (``smooth``); the
MatMul outputs stay float (their range, the residual stream's, has outliers that a fixed int8
scale clips: cosine to torch fell to 0.88 when they were quantised too). Fixed scales are what
make a text's vector independent of the texts it is batched with, which dynamic quantisation
(scales measured over the whole batch at run time) cannot give; see ``onnx_encoder``.

Safe for two processes: they take turns on ``TARGET.lock``, the second finds the file made and
stops, and the file is written under a temporary name in the same folder and renamed into
place, so a killed export leaves no half file under the real name.
"""

from __future__ import annotations

import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

OPSET = 17
SMOOTHING = 0.5  # SmoothQuant's alpha: how much of an input channel's range moves into the weights
CALIBRATION = Path(__file__).resolve().parent.parent / "data" / "calibration.txt"


def calibration_texts(path: Path = CALIBRATION) -> list[str]:
    """The calibration sentences: one a line; blank lines and lines starting with # skipped."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]


def _work_prefix(target: Path) -> str:
    return f".export-{target.name}-"


STALE_S = 24 * 3600  # a work folder of an older claimdiff, named without its target, this old is left over


def remove_stale(target: Path) -> list[Path]:
    """Remove the work folders a killed export of ``target`` left (a partial model of 25 MB
    each), and those of an older claimdiff a day old; called with the target's lock held, so
    no live export of this target owns one. Work folders of other targets are left alone."""
    import shutil
    import time

    removed = []
    for p in sorted(target.parent.glob(".export-*")):
        if not p.is_dir():
            continue
        ours = p.name.startswith(_work_prefix(target))
        legacy = ".onnx-" not in p.name  # named ".export-XXXX", for no target
        if ours or (legacy and time.time() - p.stat().st_mtime > STALE_S):
            shutil.rmtree(p, ignore_errors=True)
            removed.append(p)
    return removed


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


def export(folder: Path, target: Path, precision: str = "int8") -> None:
    import inspect
    import logging

    import numpy as np
    import onnx
    import torch
    from onnxruntime.quantization import CalibrationDataReader, QuantFormat, QuantType, quantize_static
    from onnxruntime.quantization.shape_inference import quant_pre_process
    from tokenizers import Tokenizer
    from transformers import AutoModel

    from claimdiff.align.onnx_encoder import read_pipeline

    logging.getLogger().setLevel(logging.ERROR)  # the quantiser's advice and progress notes
    base = AutoModel.from_pretrained(str(folder), local_files_only=True, attn_implementation="eager").eval()
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
    tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_length=read_pipeline(folder).max_seq_length)
    encodings = tokenizer.encode_batch(calibration_texts())

    # each calibration sentence alone, unpadded, as the encoder will run it
    feeds = [{n: np.asarray([getattr(e, attr)], dtype=np.int64) for n, attr in
              (("input_ids", "ids"), ("attention_mask", "attention_mask"), ("token_type_ids", "type_ids")) if n in names}
             for e in encodings]

    class Calibration(CalibrationDataReader):
        def __init__(self):
            self.rest = iter(feeds)

        def get_next(self):
            return next(self.rest, None)

    with tempfile.TemporaryDirectory(dir=target.parent, prefix=_work_prefix(target)) as tmp:
        os.chdir(tmp)  # a child process: the quantiser's helpers write to the cwd, so keep them in here
        fp32, ready = Path(tmp) / "model.onnx", Path(tmp) / "model.pre.onnx"
        with torch.no_grad():
            torch.onnx.export(Tokens(base), sample, str(fp32), input_names=names, output_names=["last_hidden_state"],
                              dynamic_axes=axes, opset_version=OPSET, dynamo=False)
        if precision == "fp32":  # the float graph as exported: torch's arithmetic, without torch
            os.replace(fp32, target)
            os.chdir(target.parent)
            return
        onnx.save(smooth(onnx.load(str(fp32)), feeds), str(fp32))
        quant_pre_process(str(fp32), str(ready), skip_symbolic_shape=True)
        graph = onnx.load(str(ready), load_external_data=False).graph
        weights = {t.name for t in graph.initializer}
        # attention's Q.K and P.V multiply two activations: left in float
        between_activations = [n.name for n in graph.node
                               if n.op_type == "MatMul" and not any(i in weights for i in n.input)]
        int8 = Path(tmp) / "model.int8.onnx"
        quantize_static(str(ready), str(int8), Calibration(), quant_format=QuantFormat.QDQ, per_channel=True,
                        activation_type=QuantType.QUInt8, weight_type=QuantType.QInt8, op_types_to_quantize=["MatMul"],
                        nodes_to_exclude=between_activations,
                        extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT, "CalibMovingAverage": False,
                                       "OpTypesToExcludeOutputQuantization": ["MatMul"]})
        os.replace(int8, target)
        os.chdir(target.parent)


def smooth(model, feeds: list[dict], alpha: float = SMOOTHING):
    """SmoothQuant (Xiao et al., 2023) on the MatMuls that read a LayerNorm's output.

    A LayerNorm's output has a few channels far wider than the rest; one int8 scale for the
    whole tensor then leaves the narrow channels a handful of levels. Each such input X is
    divided channel-wise by s (a Mul node) and the weights W of every MatMul reading it are
    multiplied row-wise by s, so X @ W is unchanged in exact arithmetic while the channels'
    ranges even out: s_j = max|X_j| ** alpha / max|W_j.| ** (1 - alpha), with max|X_j| measured
    on the calibration feeds. The query, key, value and first feed-forward MatMuls are the
    ones this reaches. Measured on the Kursk story against torch: cosine mean 0.9894 -> 0.996,
    min 0.982 -> 0.992. (The second feed-forward MatMul's input, after GELU, got worse
    smoothed: it is left as it is.)
    """
    import numpy as np
    import onnx
    import onnxruntime as ort
    from onnx import helper, numpy_helper

    graph = model.graph
    weights = {t.name: t for t in graph.initializer}
    made_by = {o: n for n in graph.node for o in n.output}
    readers: dict[str, list] = {}
    for n in graph.node:
        if n.op_type == "MatMul" and len(n.input) == 2 and n.input[1] in weights:
            src = made_by.get(n.input[0])
            if src is not None and src.op_type == "LayerNormalization":
                readers.setdefault(n.input[0], []).append(n)
    if not readers:
        return model
    probe = onnx.ModelProto()
    probe.CopyFrom(model)
    for name in readers:
        probe.graph.output.append(helper.make_tensor_value_info(name, onnx.TensorProto.FLOAT, None))
    opts = ort.SessionOptions()
    opts.log_severity_level = 3
    session = ort.InferenceSession(probe.SerializeToString(), opts, providers=["CPUExecutionProvider"])
    inputs = list(readers)
    peak: dict[str, np.ndarray] = {}
    for feed in feeds:
        for name, out in zip(inputs, session.run(inputs, feed)):
            m = np.abs(out).reshape(-1, out.shape[-1]).max(axis=0)
            peak[name] = m if name not in peak else np.maximum(peak[name], m)
    for name, consumers in readers.items():
        mats = {c.input[1]: numpy_helper.to_array(weights[c.input[1]]) for c in consumers}
        w_peak = np.max([np.abs(w).max(axis=1) for w in mats.values()], axis=0)
        s = (np.maximum(peak[name], 1e-5) ** alpha / np.maximum(w_peak, 1e-5) ** (1 - alpha)).astype(np.float32)
        for wname, w in mats.items():
            weights[wname].CopyFrom(numpy_helper.from_array((w * s[:, None]).astype(np.float32), wname))
        inverse, smoothed = f"{name}_smooth_inverse", f"{name}_smoothed"
        graph.initializer.append(numpy_helper.from_array((1.0 / s).astype(np.float32), inverse))
        mul = helper.make_node("Mul", [name, inverse], [smoothed], name=f"{name}_smooth")
        graph.node.insert(min(list(graph.node).index(c) for c in consumers), mul)
        for c in consumers:
            c.input[0] = smoothed
    return model


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3) or argv[2:] not in ([], ["int8"], ["fp32"]):
        print("usage: python -m claimdiff.align.onnx_export MODEL_FOLDER TARGET [int8|fp32]", file=sys.stderr)
        return 2
    folder, target = Path(argv[0]).resolve(), Path(argv[1]).resolve()
    precision = argv[2] if len(argv) == 3 else "int8"
    for key in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE"):
        os.environ.setdefault(key, "1")
    target.parent.mkdir(parents=True, exist_ok=True)
    with _locked(target.with_name(target.name + ".lock")):
        if not target.is_file():  # another process may have made it while this one waited
            remove_stale(target)
            export(folder, target, precision)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
