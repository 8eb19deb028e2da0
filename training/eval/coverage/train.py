"""
Train a small GPT on a tokenised text corpus.

Single GPU:   python train.py --batch_size=32
Several GPUs: torchrun --nproc_per_node=4 train.py   (DDP)

Settings are plain globals below; any of them can be overridden on the command line.
"""
import math
import os
import time
from contextlib import nullcontext

import numpy as np
import torch
from torch.nn import functional as F
from torch.nn.parallel import DistributedDataParallel as DDP
from torch.distributed import init_process_group, destroy_process_group

from model import GPT, GPTConfig

# ---- I/O ------------------------------------------------------------------
out_dir = "out"
eval_interval = 500
log_interval = 10
eval_iters = 100
always_save_checkpoint = False  # only keep a checkpoint when the validation loss improves
init_from = "scratch"  # "scratch", "resume" or "gpt2*"
wandb_log = False
# ---- data -----------------------------------------------------------------
dataset = "openwebtext"
gradient_accumulation_steps = 8  # micro-steps per optimizer step
batch_size = 12  # micro-batch size
block_size = 1024  # context length in tokens
# ---- model ----------------------------------------------------------------
n_layer = 12
n_head = 12
n_embd = 768
dropout = 0.0  # 0 for pre-training, try 0.1+ when fine-tuning
bias = False  # bias inside LayerNorm and Linear layers?
# ---- optimizer ------------------------------------------------------------
learning_rate = 6e-4  # peak learning rate
max_iters = 600000  # total number of training steps
weight_decay = 1e-1
beta1 = 0.9
beta2 = 0.95
grad_clip = 1.0  # clip gradients at this norm, or disable with 0.0
# ---- learning-rate schedule -----------------------------------------------
decay_lr = True
warmup_iters = 2000
lr_decay_iters = 600000  # about max_iters
min_lr = 6e-5  # about learning_rate / 10
# ---- system ---------------------------------------------------------------
device = "cuda"
dtype = "bfloat16" if torch.cuda.is_available() and torch.cuda.is_bf16_supported() else "float16"
compile = True  # torch.compile the model for speed
seed = 1337
# ----------------------------------------------------------------------------

ddp = int(os.environ.get("RANK", -1)) != -1
if ddp:
    init_process_group(backend="nccl")
    rank = int(os.environ["RANK"])
    local_rank = int(os.environ["LOCAL_RANK"])
    world_size = int(os.environ["WORLD_SIZE"])
    device = f"cuda:{local_rank}"
    torch.cuda.set_device(device)
    master_process = rank == 0
    # each process sees its own slice of every batch
    assert gradient_accumulation_steps % world_size == 0
    gradient_accumulation_steps //= world_size
else:
    master_process = True
    world_size = 1

tokens_per_iter = gradient_accumulation_steps * world_size * batch_size * block_size
print(f"{tokens_per_iter:,} tokens per iteration")

torch.manual_seed(seed + (rank if ddp else 0))
torch.backends.cuda.matmul.allow_tf32 = True
device_type = "cuda" if "cuda" in device else "cpu"
ptdtype = {"float32": torch.float32, "bfloat16": torch.bfloat16, "float16": torch.float16}[dtype]
ctx = nullcontext() if device_type == "cpu" else torch.autocast(device_type=device_type, dtype=ptdtype)

# The training data is one long array of token ids; a batch is a set of random windows.
data_dir = os.path.join("data", dataset)


def get_batch(split):
    data = np.memmap(os.path.join(data_dir, f"{split}.bin"), dtype=np.uint16, mode="r")
    ix = torch.randint(len(data) - block_size, (batch_size,))
    x = torch.stack([torch.from_numpy(data[i : i + block_size].astype(np.int64)) for i in ix])
    # the targets are the inputs shifted by one: next-token prediction
    y = torch.stack([torch.from_numpy(data[i + 1 : i + 1 + block_size].astype(np.int64)) for i in ix])
    if device_type == "cuda":
        x, y = x.pin_memory().to(device, non_blocking=True), y.pin_memory().to(device, non_blocking=True)
    else:
        x, y = x.to(device), y.to(device)
    return x, y


iter_num = 0
best_val_loss = 1e9

model_args = dict(n_layer=n_layer, n_head=n_head, n_embd=n_embd, block_size=block_size, bias=bias, dropout=dropout)
if init_from == "scratch":
    model_args["vocab_size"] = 50304  # the GPT-2 vocabulary, padded up to a multiple of 64
    model = GPT(GPTConfig(**model_args))
elif init_from == "resume":
    ckpt_path = os.path.join(out_dir, "ckpt.pt")
    checkpoint = torch.load(ckpt_path, map_location=device)
    model = GPT(GPTConfig(**checkpoint["model_args"]))
    model.load_state_dict(checkpoint["model"])
    iter_num = checkpoint["iter_num"]
    best_val_loss = checkpoint["best_val_loss"]
model.to(device)

# loss scaling is only needed for float16; with bfloat16 the scaler does nothing
scaler = torch.cuda.amp.GradScaler(enabled=(dtype == "float16"))

# weight decay applies to 2D weights (matrices, embeddings), never to biases or norms
decay = [p for p in model.parameters() if p.dim() >= 2]
no_decay = [p for p in model.parameters() if p.dim() < 2]
optimizer = torch.optim.AdamW(
    [{"params": decay, "weight_decay": weight_decay}, {"params": no_decay, "weight_decay": 0.0}],
    lr=learning_rate,
    betas=(beta1, beta2),
    fused=device_type == "cuda",
)
if init_from == "resume":
    optimizer.load_state_dict(checkpoint["optimizer"])
checkpoint = None  # free memory

if compile:
    print("compiling the model... (takes a minute)")
    model = torch.compile(model)

if ddp:
    model = DDP(model, device_ids=[local_rank])
raw_model = model.module if ddp else model


@torch.no_grad()
def estimate_loss():
    """Average loss over many batches of each split, with dropout off."""
    out = {}
    model.eval()
    for split in ["train", "val"]:
        losses = torch.zeros(eval_iters)
        for k in range(eval_iters):
            X, Y = get_batch(split)
            with ctx:
                logits, loss = model(X, Y)
            losses[k] = loss.item()
        out[split] = losses.mean()
    model.train()
    return out


def get_lr(it):
    """Linear warmup, then cosine decay down to min_lr."""
    if it < warmup_iters:
        return learning_rate * (it + 1) / (warmup_iters + 1)
    if it > lr_decay_iters:
        return min_lr
    decay_ratio = (it - warmup_iters) / (lr_decay_iters - warmup_iters)
    coeff = 0.5 * (1.0 + math.cos(math.pi * decay_ratio))
    return min_lr + coeff * (learning_rate - min_lr)


# ---- the training loop ------------------------------------------------------
X, Y = get_batch("train")
t0 = time.time()
while True:
    lr = get_lr(iter_num) if decay_lr else learning_rate
    for param_group in optimizer.param_groups:
        param_group["lr"] = lr

    if iter_num % eval_interval == 0 and master_process:
        losses = estimate_loss()
        print(f"step {iter_num}: train loss {losses['train']:.4f}, val loss {losses['val']:.4f}")
        if losses["val"] < best_val_loss or always_save_checkpoint:
            best_val_loss = losses["val"]
            checkpoint = {
                "model": raw_model.state_dict(),
                "optimizer": optimizer.state_dict(),
                "model_args": model_args,
                "iter_num": iter_num,
                "best_val_loss": best_val_loss,
            }
            torch.save(checkpoint, os.path.join(out_dir, "ckpt.pt"))

    # gradient accumulation: several forward/backward passes, one optimizer step
    for micro_step in range(gradient_accumulation_steps):
        if ddp:
            # only synchronise gradients on the last micro-step
            model.require_backward_grad_sync = micro_step == gradient_accumulation_steps - 1
        with ctx:
            logits, loss = model(X, Y)
            loss = loss / gradient_accumulation_steps
        X, Y = get_batch("train")  # prefetch while the GPU works
        scaler.scale(loss).backward()
    if grad_clip != 0.0:
        scaler.unscale_(optimizer)
        torch.nn.utils.clip_grad_norm_(model.parameters(), grad_clip)
    scaler.step(optimizer)
    scaler.update()
    optimizer.zero_grad(set_to_none=True)

    t1 = time.time()
    dt, t0 = t1 - t0, t1
    if iter_num % log_interval == 0 and master_process:
        lossf = loss.item() * gradient_accumulation_steps
        print(f"iter {iter_num}: loss {lossf:.4f}, time {dt * 1000:.0f} ms, lr {lr:.2e}")
    iter_num += 1
    if iter_num > max_iters:
        break

if ddp:
    destroy_process_group()
