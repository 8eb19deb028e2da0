#!/usr/bin/env python3
"""Train a byte-level BPE tokenizer on the corpus and write it in Hugging Face tokenizer.json format.

    python3 training/train_tokenizer.py --data training/data --vocab-size 4096 --out training/data/tokenizer.json

Vocabulary layout: ids 0-6 are the special tokens (prompt_format.SPECIAL_TOKENS, in order), ids 7-262
the 256 byte symbols (GPT-2's byte-to-unicode map, in byte order), then one token per merge.
Merges: the most frequent adjacent pair over pre-tokenized word frequencies, ties broken by the
smallest pair (lexicographic), so the result is deterministic.
"""
import argparse
import collections
import heapq
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bpe import BYTE_ENC, Tokenizer, pretokenize, split_special, to_byte_str  # noqa: E402
from prompt_format import SPECIAL_TOKENS  # noqa: E402


def read_texts(data_dir):
    for name in ("train.jsonl", "val.jsonl"):
        p = os.path.join(data_dir, name)
        if not os.path.exists(p):
            continue
        with open(p, encoding="utf-8") as f:
            for line in f:
                ex = json.loads(line)
                yield ex["prompt"] + ex["answer"]


def word_counts(texts):
    counts = collections.Counter()
    for t in texts:
        for is_special, seg in split_special(t, SPECIAL_TOKENS):
            if not is_special:
                counts.update(pretokenize(seg))
    bc = collections.Counter()
    for w, c in counts.items():
        bc[to_byte_str(w)] += c
    return bc


def train_bpe(wc, n_merges, min_count=2, log=print):
    words = [list(w) for w in wc]
    freqs = [wc[w] for w in wc]
    pair_counts = collections.defaultdict(int)
    where = collections.defaultdict(set)
    for idx, (sym, f) in enumerate(zip(words, freqs)):
        for p in zip(sym, sym[1:]):
            pair_counts[p] += f
            where[p].add(idx)
    heap = [(-c, p) for p, c in pair_counts.items()]
    heapq.heapify(heap)
    merges = []
    t0 = time.time()
    while len(merges) < n_merges and heap:
        negc, p = heapq.heappop(heap)
        c = pair_counts.get(p, 0)
        if c != -negc:
            continue  # stale entry
        if c < min_count:
            break
        merges.append(p)
        a, b = p
        new = a + b
        changed = set()
        for idx in list(where[p]):
            sym = words[idx]
            if len(sym) < 2:
                continue
            f = freqs[idx]
            has = False
            for q in zip(sym, sym[1:]):
                if q == p:
                    has = True
                    break
            if not has:
                continue
            for q in zip(sym, sym[1:]):
                pair_counts[q] -= f
                changed.add(q)
            out = []
            i = 0
            n = len(sym)
            while i < n:
                if i < n - 1 and sym[i] == a and sym[i + 1] == b:
                    out.append(new)
                    i += 2
                else:
                    out.append(sym[i])
                    i += 1
            words[idx] = out
            for q in zip(out, out[1:]):
                pair_counts[q] += f
                where[q].add(idx)
                changed.add(q)
        del where[p]
        pair_counts.pop(p, None)
        changed.discard(p)
        for q in changed:
            cq = pair_counts.get(q, 0)
            if cq > 0:
                heapq.heappush(heap, (-cq, q))
            else:
                pair_counts.pop(q, None)
        if len(merges) % 500 == 0:
            log("  %d merges (%.1fs), last %r count %d" % (len(merges), time.time() - t0, new, c))
    return merges


def tokenizer_json(merges):
    vocab = {}
    for s in SPECIAL_TOKENS:
        vocab[s] = len(vocab)
    for b in range(256):
        vocab[BYTE_ENC[b]] = len(vocab)
    for a, b in merges:
        vocab[a + b] = len(vocab)
    added = [
        {"id": vocab[s], "content": s, "single_word": False, "lstrip": False, "rstrip": False,
         "normalized": False, "special": True}
        for s in SPECIAL_TOKENS
    ]
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": added,
        "normalizer": None,
        "pre_tokenizer": {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True, "use_regex": True},
        "post_processor": {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": False, "use_regex": True},
        "decoder": {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True, "use_regex": True},
        "model": {
            "type": "BPE",
            "dropout": None,
            "unk_token": None,
            "continuing_subword_prefix": "",
            "end_of_word_suffix": "",
            "fuse_unk": False,
            "byte_fallback": False,
            "ignore_merges": False,
            "vocab": vocab,
            "merges": ["%s %s" % m for m in merges],
        },
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "data"))
    ap.add_argument("--vocab-size", type=int, default=4096)
    ap.add_argument("--out", default=None, help="default: <data>/tokenizer.json")
    args = ap.parse_args()
    out = args.out or os.path.join(args.data, "tokenizer.json")
    t0 = time.time()
    wc = word_counts(read_texts(args.data))
    print("distinct words: %d, occurrences: %d" % (len(wc), sum(wc.values())))
    n_merges = args.vocab_size - len(SPECIAL_TOKENS) - 256
    assert n_merges >= 0, "vocab size too small"
    merges = train_bpe(wc, n_merges)
    tj = tokenizer_json(merges)
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        json.dump(tj, f, ensure_ascii=False, indent=1)
        f.write("\n")
    vs = len(tj["model"]["vocab"])
    print("vocab size %d (%d merges) written to %s in %.1fs" % (vs, len(merges), out, time.time() - t0))
    if vs < args.vocab_size:
        print("note: corpus too small for %d tokens; vocabulary is %d" % (args.vocab_size, vs))
    # round trip + compression check
    tok = Tokenizer.load(out)
    n_chars = n_tok = 0
    for i, t in enumerate(read_texts(args.data)):
        ids = tok.encode(t)
        assert tok.decode(ids) == t, "round trip failed"
        n_chars += len(t)
        n_tok += len(ids)
        if i >= 300:
            break
    print("chars per token: %.2f" % (n_chars / max(1, n_tok)))
    for w in ["apprentissage automatique", "réseau de neurones", "auto-attention", "l'affinage", "pré-entraînement",
              "self-attention", "fine-tuning", "Transformer", "données d'entraînement"]:
        ids = tok.encode(w)
        print("  %-28s %2d tokens: %s" % (w, len(ids), " | ".join(tok.decode([i]) for i in ids)))


if __name__ == "__main__":
    main()
