#!/usr/bin/env python3
"""Train the Concept Explainer GPT on the corpus built by build_corpus.py.

    python3 training/train.py --device cpu --threads 2 --max-minutes 60 --run main
    python3 training/train.py --run main --resume            # continue from models/checkpoints/main/ckpt.pt
    python3 training/train.py --smoke --data /tmp/x/data --out-dir /tmp/x/ckpt   # tiny model, a few steps

Loss: cross-entropy on the answer tokens only (the token after <|answer|> up to and including
<|endoftext|>); prompt positions get --prompt-weight (default 0). Why: the model never has to
generate a prompt (the runtime writes it); the text worth modelling (definitions, explanations,
examples) is already in the answers; the questions, the shuffled context order and the random
distractors are noise to predict; and with weight 0 the LM head (a vocab x width matmul, about a
fifth of the compute at this size) runs only on answer positions.

Batching (--batching): "bucket" (default) puts one example a row and batches rows of similar
length together (--batch-tokens a step), so attention costs sum(L^2) and padding is small; it was 2-3
times faster than packing on the 2-core CPU. "pack" puts several examples in a row of --block tokens
with a block-diagonal causal mask. Either way every example starts at position 0 and sees only
itself, exactly as at inference.

Learning rate: linear warmup, then cosine decay to --min-lr over the run's progress, where progress
is max(step / --max-steps, training time / --max-minutes): the schedule ends when the wall-clock
budget ends. Works with torch 1.13 (CPU) and 2.x (CPU or CUDA, bf16 autocast on CUDA).
"""
import argparse
import hashlib
import json
import math
import os
import random
import sys
import time

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bpe import Tokenizer  # noqa: E402
from model import GPT, GPTConfig, load_checkpoint  # noqa: E402
from prompt_format import EOT, PAD  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=os.path.join(HERE, "data"), help="folder with train.jsonl, val.jsonl")
    ap.add_argument("--tokenizer", default=None, help="default: <data>/tokenizer.json")
    ap.add_argument("--run", default="main", help="run name: checkpoints and log file name")
    ap.add_argument("--out-dir", default=None, help="checkpoint folder, default models/checkpoints/<run>")
    ap.add_argument("--log", default=None, help="loss log, default training/logs/<run>.jsonl")
    ap.add_argument("--device", default="cpu", choices=["cpu", "cuda"])
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--workers", type=int, default=1,
                    help="processes that tokenize the corpus (a large corpus on a many-core GPU machine)")
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument("--n-embd", type=int, default=256)
    ap.add_argument("--n-layer", type=int, default=4)
    ap.add_argument("--n-head", type=int, default=8)
    ap.add_argument("--n-positions", type=int, default=512)
    ap.add_argument("--block", type=int, default=None, help="packed row length, default n_positions")
    ap.add_argument("--batch", type=int, default=8, help="rows per step (--batching pack)")
    ap.add_argument("--batching", default="bucket", choices=["bucket", "pack"],
                    help="bucket: one example a row, similar lengths together (cheaper attention on the CPU); "
                         "pack: several examples a row of --block tokens, block-diagonal mask")
    ap.add_argument("--batch-tokens", type=int, default=4096, help="tokens per step (--batching bucket)")
    ap.add_argument("--lr", type=float, default=1.5e-3)
    ap.add_argument("--min-lr", type=float, default=1.5e-4)
    ap.add_argument("--warmup", type=int, default=60)
    ap.add_argument("--weight-decay", type=float, default=0.1)
    ap.add_argument("--grad-clip", type=float, default=1.0)
    ap.add_argument("--prompt-weight", type=float, default=0.0)
    ap.add_argument("--decision-weight", type=float, default=1.0,
                    help="loss weight of the answer's first tokens and of those after a line break (see DECISION)")
    ap.add_argument("--max-steps", type=int, default=1000000)
    ap.add_argument("--max-minutes", type=float, default=None, help="wall-clock training budget")
    ap.add_argument("--eval-every", type=int, default=50)
    ap.add_argument("--eval-rows", type=int, default=48)
    ap.add_argument("--ckpt-every", type=int, default=50)
    ap.add_argument("--log-every", type=int, default=10)
    ap.add_argument("--init-onnx", default=None,
                    help="start from the weights of an exported model.onnx (its sizes; position embeddings "
                         "extended to --n-positions by repeating the learned ones)")
    ap.add_argument("--resume", action="store_true", help="continue from <out-dir>/ckpt.pt (data may have changed)")
    ap.add_argument("--smoke", action="store_true", help="tiny model, few steps (pipeline test)")
    args = ap.parse_args(argv)
    if args.smoke:
        args.n_embd, args.n_layer, args.n_head = 32, 2, 2
        args.n_positions = 1024
        args.batch = 2
        args.batch_tokens = 1536
        args.max_steps = min(args.max_steps, 30)
        args.warmup = 5
        args.lr = 3e-3
        args.eval_every = 15
        args.ckpt_every = 15
        args.log_every = 5
        args.eval_rows = 4
    args.block = args.block or args.n_positions
    args.tokenizer = args.tokenizer or os.path.join(args.data, "tokenizer.json")
    args.out_dir = args.out_dir or os.path.join(ROOT, "models", "checkpoints", args.run)
    args.log = args.log or os.path.join(HERE, "logs", "%s.jsonl" % args.run)
    return args


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def encode_rows(tok, rows):
    eot = tok.token_id(EOT)
    return [(tok.encode(r["prompt"]), tok.encode(r["answer"]) + [eot]) for r in rows]


_worker_tok = None


def _init_worker(tokenizer_path):
    global _worker_tok
    _worker_tok = Tokenizer.load(tokenizer_path)


def _encode_chunk(rows):
    return encode_rows(_worker_tok, rows)


def encode_examples(tok, rows, block, workers=1, tokenizer_path=None):
    """(prompt ids, answer ids + EOT) per example; examples longer than `block` are dropped and counted.
    With workers > 1 the rows are tokenized in that many processes, in order (same result)."""
    if workers > 1 and len(rows) > 10000:
        import multiprocessing
        size = (len(rows) + workers * 4 - 1) // (workers * 4)
        chunks = [rows[i:i + size] for i in range(0, len(rows), size)]
        with multiprocessing.Pool(workers, initializer=_init_worker, initargs=(tokenizer_path,)) as pool:
            encoded = [pair for part in pool.map(_encode_chunk, chunks) for pair in part]
    else:
        encoded = encode_rows(tok, rows)
    out = [(p, a) for p, a in encoded if len(p) + len(a) <= block]
    return out, len(encoded) - len(out)


def pack(examples, block, rng, pad_id, prompt_weight):
    """First-fit packing into rows. Returns tensors input_ids, position_ids, doc_ids, targets, weights."""
    order = list(range(len(examples)))
    rng.shuffle(order)
    rows = []  # list of [used, [example indices]]
    window = []  # the last rows that may still take an example
    for i in order:
        p, a = examples[i]
        n = len(p) + len(a)
        for r in window:
            if r[0] + n <= block:
                r[0] += n
                r[1].append(i)
                break
        else:
            r = [n, [i]]
            rows.append(r)
            window.append(r)
            if len(window) > 48:
                window = [w for w in window if block - w[0] >= 48][-32:]
    rng.shuffle(rows)
    R = len(rows)
    ids, pos, doc, tgt, wts = [], [], [], [], []
    for _, members in rows:
        ri, rp, rd, rt, rw = [], [], [], [], []
        for d, i in enumerate(members):
            p, a = examples[i]
            seq = p + a
            n = len(seq)
            ri += seq
            rp += range(n)
            rd += [d] * n
            rt += seq[1:] + [0]
            # <|answer|> predicts the first answer token ... the last answer token predicts EOT
            rw += [prompt_weight] * (len(p) - 1) + answer_weights(a) + [0.0]
        padn = block - len(ri)
        ids.append(ri + [pad_id] * padn)
        pos.append(rp + [0] * padn)
        doc.append(rd + [-1] * padn)
        tgt.append(rt + [0] * padn)
        wts.append(rw + [0.0] * padn)
    ids = torch.tensor(ids, dtype=torch.long)
    pos = torch.tensor(pos, dtype=torch.long)
    doc = torch.tensor(doc, dtype=torch.long)
    tgt = torch.tensor(tgt, dtype=torch.long)
    wts = torch.tensor(wts, dtype=torch.float32)
    assert R == 0 or ids.shape == (R, block)
    return ids, pos, doc, tgt, wts


def bucket_batches(examples, batch_tokens, rng, pad_id, prompt_weight):
    """One example per row, rows of similar length batched together (about batch_tokens tokens a
    batch, padding on the right). Attention then costs sum(L^2) instead of block^2 per packed row.
    Returns a shuffled list of (input_ids, position_ids, doc_ids, targets, weights) tuples."""
    order = sorted(range(len(examples)), key=lambda i: (len(examples[i][0]) + len(examples[i][1]), rng.random()))
    batches = []
    i = 0
    while i < len(order):
        # rows sorted by length: the longest row of this batch is the last one taken
        j = i
        while j < len(order):
            L = len(examples[order[j]][0]) + len(examples[order[j]][1])
            if (j - i + 1) * L > batch_tokens and j > i:
                break
            j += 1
        members = order[i:j]
        i = j
        Lmax = max(len(examples[m][0]) + len(examples[m][1]) for m in members)
        ids, pos, doc, tgt, wts = [], [], [], [], []
        for m in members:
            p, a = examples[m]
            seq = p + a
            n = len(seq)
            padn = Lmax - n
            ids.append(seq + [pad_id] * padn)
            pos.append(list(range(n)) + [0] * padn)
            doc.append([0] * n + [-1] * padn)
            tgt.append(seq[1:] + [0] * (padn + 1))
            wts.append([prompt_weight] * (len(p) - 1) + answer_weights(a) + [0.0] * (padn + 1))
        batches.append((torch.tensor(ids), torch.tensor(pos), torch.tensor(doc), torch.tensor(tgt),
                        torch.tensor(wts, dtype=torch.float32)))
    rng.shuffle(batches)
    return batches


def onnx_weights(path):
    """The weights of a model exported by export_onnx.py, under the torch model's names. Linear weights
    are stored for MatMul ([in, out]); the node that uses each one names the layer."""
    import onnx
    from onnx import numpy_helper
    graph = onnx.load(path).graph
    arrays = {i.name: numpy_helper.to_array(i) for i in graph.initializer}
    out = {k[len("model."):]: v for k, v in arrays.items() if k.startswith("model.transformer.")}
    for node in graph.node:
        if node.op_type != "MatMul":
            continue
        weight = next((x for x in node.input if x in arrays and not x.startswith("model.")), None)
        if weight is None:
            continue
        parts = node.name.strip("/").split("/")  # model/h.0/attn/c_attn/MatMul, model/MatMul (the tied head)
        if len(parts) == 2:
            out["transformer.wte.weight"] = arrays[weight].T
        else:
            out["transformer.%s.%s.weight" % (parts[1], ".".join(parts[2:-1]))] = arrays[weight].T
    return out


def load_onnx_weights(model, weights):
    state = model.state_dict()
    for name, array in weights.items():
        tensor = torch.from_numpy(array.copy())
        if name == "transformer.wpe.weight" and tensor.shape[0] < state[name].shape[0]:
            reps = -(-state[name].shape[0] // tensor.shape[0])
            tensor = tensor.repeat(reps, 1)[: state[name].shape[0]]
        assert name in state and state[name].shape == tensor.shape, (name, tuple(tensor.shape))
        state[name] = tensor
    state["lm_head.weight"] = state["transformer.wte.weight"]  # tied: both names hold one tensor
    missing = [k for k in state if k not in weights and not k.endswith(".attn.bias") and k != "lm_head.weight"]
    model.load_state_dict(state)
    return missing


# The answer's decision points: its first tokens and those after a line break (which passage comes next, or
# the end). The runtime composes answers of whole passages (compose_from_context), so these tokens are where
# the model's choices show; --decision-weight multiplies their loss (1: every answer token alike).
DECISION = {"weight": 1.0, "tokens": 4, "newline_ids": frozenset(), "eot": 0}


def answer_weights(a):
    w = [1.0] * len(a)
    if DECISION["weight"] == 1.0:
        return w
    k = DECISION["tokens"]
    marks = [0] + [i + 1 for i, t in enumerate(a) if t in DECISION["newline_ids"]]
    for start in marks:
        for i in range(start, min(start + k, len(a))):
            w[i] = DECISION["weight"]
    if a and a[-1] == DECISION["eot"]:
        w[-1] = DECISION["weight"]
    return w


def lr_at(args, step, progress):
    if step < args.warmup:
        return args.lr * (step + 1) / args.warmup
    p = min(1.0, max(0.0, progress))
    return args.min_lr + 0.5 * (args.lr - args.min_lr) * (1 + math.cos(math.pi * p))


def file_hash(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()[:16]


def make_optimizer(model, args):
    decay, no_decay = [], []
    for n, p in model.named_parameters():
        (decay if p.dim() >= 2 else no_decay).append(p)
    groups = [{"params": decay, "weight_decay": args.weight_decay}, {"params": no_decay, "weight_decay": 0.0}]
    return torch.optim.AdamW(groups, lr=args.lr, betas=(0.9, 0.95), eps=1e-8)


@torch.no_grad()
def evaluate(model, batches, device, amp):
    model.eval()
    tot = 0.0
    n = 0
    for b in batches:
        b = [t.to(device) for t in b]
        with amp():
            loss, cnt = model.forward_train(*b)
        tot += loss.item() * b[4].sum().item()
        n += b[4].sum().item()
    model.train()
    return tot / max(n, 1e-9)


def main(argv=None):
    args = parse_args(argv)
    t_start = time.time()
    random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    device = torch.device(args.device)
    if args.device == "cuda":
        assert torch.cuda.is_available(), "CUDA requested but not available"
        torch.cuda.manual_seed_all(args.seed)
        torch.backends.cuda.matmul.allow_tf32 = True

        def amp():
            return torch.autocast("cuda", dtype=torch.bfloat16)
    else:
        import contextlib

        def amp():
            return contextlib.nullcontext()

    tok = Tokenizer.load(args.tokenizer)
    vocab_size = max(tok.vocab.values()) + 1
    pad_id = tok.token_id(PAD)
    DECISION.update(weight=args.decision_weight, eot=tok.token_id(EOT),
                    newline_ids=frozenset(i for t, i in tok.vocab.items() if "\u010a" in t))
    t0 = time.time()
    train_ex, dropped = encode_examples(tok, read_jsonl(os.path.join(args.data, "train.jsonl")), args.block,
                                        args.workers, args.tokenizer)
    val_ex, vdropped = encode_examples(tok, read_jsonl(os.path.join(args.data, "val.jsonl")), args.block)
    n_tok = sum(len(p) + len(a) for p, a in train_ex)
    n_ans = sum(len(a) for p, a in train_ex)
    print("train examples %d (dropped %d over %d tokens), val %d; %d tokens, %d answer tokens; tokenized in %.1fs"
          % (len(train_ex), dropped, args.block, len(val_ex), n_tok, n_ans, time.time() - t0), flush=True)

    ckpt_path = os.path.join(args.out_dir, "ckpt.pt")
    state = None
    if args.resume and os.path.exists(ckpt_path):
        state = load_checkpoint(ckpt_path)
        cfg = GPTConfig(**state["config"])
        if state.get("tokenizer_hash") != file_hash(args.tokenizer):
            print("warning: tokenizer differs from the checkpoint's", flush=True)
        assert cfg.vocab_size == vocab_size, "tokenizer vocab size differs from the checkpoint"
    elif args.init_onnx:
        init_weights = onnx_weights(args.init_onnx)
        n_layer = 1 + max(int(k.split(".")[2]) for k in init_weights if k.startswith("transformer.h."))
        n_embd = init_weights["transformer.wte.weight"].shape[1]
        cfg = GPTConfig(vocab_size=vocab_size, n_positions=args.n_positions, n_embd=n_embd, n_layer=n_layer,
                        n_head=args.n_head)
    else:
        cfg = GPTConfig(vocab_size=vocab_size, n_positions=args.n_positions, n_embd=args.n_embd,
                        n_layer=args.n_layer, n_head=args.n_head)
    assert args.block <= cfg.n_positions
    model = GPT(cfg)
    if state is None and args.init_onnx:
        load_onnx_weights(model, init_weights)
        print("initialised from %s" % args.init_onnx, flush=True)
    opt = make_optimizer(model, args)
    step = 0
    train_seconds = 0.0
    tokens_seen = 0
    epoch = 0
    if state is not None:
        model.load_state_dict(state["model"])
        model.to(device)
        opt = make_optimizer(model, args)
        opt.load_state_dict(state["optimizer"])
        step, train_seconds, tokens_seen, epoch = state["step"], state["train_seconds"], state["tokens_seen"], state["epoch"]
        print("resumed from %s at step %d (%.1f min trained)" % (ckpt_path, step, train_seconds / 60), flush=True)
    model.to(device)
    print("model: %d parameters (%s)" % (model.num_params(), json.dumps(cfg.to_dict())), flush=True)

    vrng = random.Random(args.seed + 7)
    vb = pack(val_ex, args.block, vrng, pad_id, args.prompt_weight)  # fixed subset, same for both batchings
    val_batches = [tuple(t[i:i + args.batch] for t in vb) for i in range(0, min(len(vb[0]), args.eval_rows), args.batch)]

    os.makedirs(args.out_dir, exist_ok=True)
    os.makedirs(os.path.dirname(os.path.abspath(args.log)), exist_ok=True)
    logf = open(args.log, "a", encoding="utf-8")

    def log(rec):
        rec["time"] = time.strftime("%Y-%m-%dT%H:%M:%S")
        logf.write(json.dumps(rec) + "\n")
        logf.flush()

    log({"type": "start", "step": step, "resume": bool(state), "params": model.num_params(), "config": cfg.to_dict(),
         "args": {k: v for k, v in vars(args).items()}, "train_examples": len(train_ex), "train_tokens": n_tok,
         "answer_tokens": n_ans, "torch": torch.__version__, "device": args.device})

    def save():
        tmp = ckpt_path + ".tmp"
        torch.save({"model": model.state_dict(), "optimizer": opt.state_dict(), "config": cfg.to_dict(),
                    "step": step, "train_seconds": train_seconds, "tokens_seen": tokens_seen, "epoch": epoch,
                    "tokenizer_hash": file_hash(args.tokenizer), "args": vars(args)}, tmp)
        os.replace(tmp, ckpt_path)

    budget = args.max_minutes * 60 if args.max_minutes else None
    rng = random.Random(args.seed * 1000 + epoch + step)
    model.train()
    last_val = None
    run_loss = 0.0
    run_n = 0
    seg_start = time.time()
    seg_base = train_seconds
    done = False
    while not done:
        if args.batching == "pack":
            rows = pack(train_ex, args.block, rng, pad_id, args.prompt_weight)
            batches = [tuple(t[i:i + args.batch] for t in rows) for i in range(0, rows[0].shape[0] - args.batch + 1, args.batch)]
        else:
            batches = bucket_batches(train_ex, args.batch_tokens, rng, pad_id, args.prompt_weight)
        for batch in batches:
            progress = max(step / args.max_steps, (train_seconds / budget) if budget else 0.0)
            if step >= args.max_steps or (budget and train_seconds >= budget):
                done = True
                break
            lr = lr_at(args, step, progress)
            for g in opt.param_groups:
                g["lr"] = lr
            b = [t.to(device) for t in batch]
            with amp():
                loss, cnt = model.forward_train(*b)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            if args.grad_clip:
                torch.nn.utils.clip_grad_norm_(model.parameters(), args.grad_clip)
            opt.step()
            step += 1
            tokens_seen += int((b[2] >= 0).sum().item())
            run_loss += loss.item()
            run_n += 1
            train_seconds = seg_base + (time.time() - seg_start)
            if step % args.log_every == 0:
                rec = {"type": "train", "step": step, "loss": run_loss / run_n, "lr": lr, "tokens": tokens_seen,
                       "train_seconds": round(train_seconds, 1), "epoch": epoch,
                       "tok_per_s": round(tokens_seen / max(train_seconds, 1e-9))}
                log(rec)
                print("step %5d  loss %.4f  lr %.2e  tokens %d  %.1f min  %.0f tok/s" % (
                    step, rec["loss"], lr, tokens_seen, train_seconds / 60, rec["tok_per_s"]), flush=True)
                run_loss, run_n = 0.0, 0
            if step % args.eval_every == 0:
                last_val = evaluate(model, val_batches, device, amp)
                log({"type": "val", "step": step, "loss": last_val, "tokens": tokens_seen,
                     "train_seconds": round(train_seconds, 1)})
                print("step %5d  val loss %.4f" % (step, last_val), flush=True)
            if step % args.ckpt_every == 0:
                save()
        else:
            epoch += 1
    last_val = evaluate(model, val_batches, device, amp)
    log({"type": "val", "step": step, "loss": last_val, "tokens": tokens_seen, "train_seconds": round(train_seconds, 1)})
    save()
    log({"type": "end", "step": step, "tokens": tokens_seen, "train_seconds": round(train_seconds, 1), "val_loss": last_val,
         "epoch": epoch})
    print("done: step %d, %d tokens, %.1f min training, val loss %.4f, checkpoint %s (wall %.1f min)" % (
        step, tokens_seen, train_seconds / 60, last_val, ckpt_path, (time.time() - t_start) / 60), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
