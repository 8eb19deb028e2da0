#!/usr/bin/env bash
# The bundled model's GPU run, start to finish, on a machine with CUDA and torch 2.x (no internet needed):
# corpus from the glossary -> training (tokenizer given) -> portable weights in OUT_DIR.
#   training/gpu_train.sh <out-dir> [minutes]
# Then, where the ONNX export runs (see models/README.md):
#   python3 training/portable_ckpt.py from-npz <out-dir>/weights.npz models/checkpoints/main/ckpt.pt
#   python3 training/export_onnx.py
# Environment (defaults are the bundled model's): DEVICE, PER_CONCEPT, N_EMBD, N_LAYER, N_HEAD, BATCH_TOKENS,
# WORKERS, PY.
set -euo pipefail
OUT_DIR="${1:?usage: training/gpu_train.sh <out-dir> [minutes]}"
MINUTES="${2:-5.5}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PY="${PY:-python3}"
WORK="${WORK:-/tmp/concept-gpt-run}"
mkdir -p "$OUT_DIR" "$WORK"
export PYTHONUNBUFFERED=1
"$PY" -c 'import torch; print("torch", torch.__version__, "cuda", torch.cuda.is_available())'
echo "== corpus"
"$PY" "$HERE/build_corpus.py" --per-concept "${PER_CONCEPT:-600}" --out "$WORK/data" --eval-out "$WORK/heldout.jsonl"
cp "$HERE/data/tokenizer.json" "$WORK/data/tokenizer.json"
echo "== train"
"$PY" "$HERE/train.py" --run main --device "${DEVICE:-cuda}" --threads 8 --workers "${WORKERS:-14}" \
  --data "$WORK/data" --out-dir "$WORK/ckpt" --log "$OUT_DIR/main.jsonl" \
  --n-embd "${N_EMBD:-192}" --n-layer "${N_LAYER:-6}" --n-head "${N_HEAD:-6}" --n-positions 1024 --decision-weight 4 \
  --batch-tokens "${BATCH_TOKENS:-32768}" --warmup 200 --eval-every 250 --ckpt-every 1000 --log-every 50 \
  --max-minutes "$MINUTES" ${EXTRA_TRAIN_ARGS:-}
echo "== weights"
"$PY" "$HERE/portable_ckpt.py" to-npz "$WORK/ckpt/ckpt.pt" "$OUT_DIR/weights.npz"
cp "$WORK/data/corpus_stats.json" "$OUT_DIR/corpus_stats.json"
