#!/usr/bin/env python3
"""Generate answers with a checkpoint (torch, greedy, KV cache) and score them on the held-out set.

    python3 training/sample.py --question "c'est quoi l'affinage ?" --lang fr --ids fine-tuning
    python3 training/sample.py --heldout training/eval/heldout.jsonl --limit 80 [--json out.json]

Held-out scoring uses *oracle retrieval*: the context holds the expected concepts plus one
distractor (chosen with a fixed seed), in shuffled order; out-of-domain questions get an empty
context. It measures the model alone, not the runtime's retriever. Per question:
  cites   the last line cites exactly the expected ids
  grounded  the answer contains the first 60 characters of each expected definition, in the answer
            language (the right line was copied into the right language), or the refusal for OOD
  exact_refusal  (OOD only) the answer is exactly the fixed sentence
"""
import argparse
import json
import os
import random
import re
import sys
import time

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bpe import Tokenizer  # noqa: E402
from build_corpus import load_glossary  # noqa: E402
from model import GPT, GPTConfig, load_checkpoint  # noqa: E402
from prompt_format import EOT, REFUSAL, build_prompt, one_line  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def load(ckpt, tok_path):
    state = load_checkpoint(ckpt)
    cfg = GPTConfig(**state["config"])
    model = GPT(cfg)
    model.load_state_dict(state["model"])
    model.eval()
    return model, Tokenizer.load(tok_path), state


@torch.no_grad()
def generate(model, tok, prompt, max_new=220):
    cfg = model.cfg
    ids = tok.encode(prompt)
    eos = tok.token_id(EOT)
    max_new = min(max_new, cfg.n_positions - len(ids))
    t = torch.tensor([ids])
    past = [torch.zeros(1, cfg.n_head, 0, cfg.n_embd // cfg.n_head) for _ in range(2 * cfg.n_layer)]
    logits, past = model(t, torch.ones_like(t), torch.arange(len(ids)).unsqueeze(0), past)
    out = []
    L = len(ids)
    for _ in range(max_new):
        nxt = int(logits[0, -1].argmax())
        if nxt == eos:
            break
        out.append(nxt)
        logits, past = model(torch.tensor([[nxt]]), torch.ones(1, L + 1, dtype=torch.long), torch.tensor([[L]]), past)
        L += 1
    return tok.decode(out), len(ids), len(out)


def cited_ids(ans):
    last = ans.strip().split("\n")[-1]
    if not last.startswith("Source"):
        return []
    return re.findall(r"\[([a-z0-9-]+)\]", last)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--checkpoint", default=os.path.join(ROOT, "models", "checkpoints", "main", "ckpt.pt"))
    ap.add_argument("--tokenizer", default=os.path.join(HERE, "data", "tokenizer.json"))
    ap.add_argument("--glossary", default=os.path.join(ROOT, "glossary", "concepts"))
    ap.add_argument("--question")
    ap.add_argument("--lang", default="en", help="answer language for --question")
    ap.add_argument("--ids", default="", help="comma-separated concept ids for the context of --question")
    ap.add_argument("--heldout")
    ap.add_argument("--limit", type=int, default=0, help="score every n-th question to keep about this many")
    ap.add_argument("--json", help="write per-question results here")
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    model, tok, state = load(args.checkpoint, args.tokenizer)
    concepts = {c.id: c for c in load_glossary(args.glossary)}

    if args.question:
        entries = [concepts[i].d for i in args.ids.split(",") if i]
        prompt = build_prompt(args.lang, entries, args.question)
        ans, n_in, n_out = generate(model, tok, prompt)
        print(prompt + ans)
        return 0

    rows = [json.loads(line) for line in open(args.heldout, encoding="utf-8")]
    if args.limit and len(rows) > args.limit:
        step = len(rows) / args.limit
        rows = [rows[int(i * step)] for i in range(args.limit)]
    rng = random.Random(99)
    ids_all = sorted(concepts)
    results = []
    t0 = time.time()
    n_gen = 0
    for r in rows:
        al = r["answer_lang"]
        exp = [i for i in r["concept_ids"] if i in concepts]
        if len(exp) != len(r["concept_ids"]):
            continue
        ents = [concepts[i] for i in exp]
        if exp:
            d = rng.choice([i for i in ids_all if i not in exp])
            ents.append(concepts[d])
            rng.shuffle(ents)
        prompt = build_prompt(al, [e.d for e in ents], r["question"])
        ans, n_in, n_out = generate(model, tok, prompt)
        n_gen += n_out
        if exp:
            grounded = all(one_line(concepts[i].definition(al))[:60] in ans for i in exp)
            cites = sorted(cited_ids(ans)) == sorted(exp)
            res = {"grounded": grounded, "cites": cites}
        else:
            res = {"grounded": ans.strip() == REFUSAL[al], "cites": cited_ids(ans) == [],
                   "exact_refusal": ans.strip() == REFUSAL[al]}
        res.update({"question": r["question"], "kind": r["kind"], "lang": r["lang"], "answer_lang": al,
                    "expected": exp, "answer": ans})
        results.append(res)
    dt = time.time() - t0

    def rate(rs, key):
        return sum(x[key] for x in rs) / max(1, len(rs))

    summary = {"questions": len(results), "grounded": rate(results, "grounded"), "cites": rate(results, "cites"),
               "tokens_per_s_torch": round(n_gen / dt, 1), "checkpoint_step": state.get("step"), "by_kind": {}}
    for k in sorted({x["kind"] for x in results}):
        rs = [x for x in results if x["kind"] == k]
        summary["by_kind"][k] = {"n": len(rs), "grounded": round(rate(rs, "grounded"), 3), "cites": round(rate(rs, "cites"), 3)}
    cross = [x for x in results if x["lang"] != x["answer_lang"]]
    summary["cross_lang"] = {"n": len(cross), "grounded": round(rate(cross, "grounded"), 3)}
    print(json.dumps(summary, indent=1, ensure_ascii=False))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"summary": summary, "results": results}, f, ensure_ascii=False, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
