"""GPT-2 architecture, written out so that every weight means what GPT-2 tools expect.

- learned token and position embeddings (wte, wpe)
- pre-LayerNorm blocks: x + attn(ln_1(x)), x + mlp(ln_2(x))
- causal self-attention with a fused qkv projection (c_attn) and an output projection (c_proj)
- MLP 4x with GELU, tanh approximation ("gelu_new" in Hugging Face's config)
- final LayerNorm (ln_f), LM head tied to wte, no bias on the head
- biases on every Linear and LayerNorm, as in GPT-2

Parameter names follow Hugging Face's GPT2LMHeadModel (transformer.h.{i}.attn.c_attn...), but
Linear weights are stored as torch Linear ([out, in]); GPT-2's Conv1D stores [in, out], so a
conversion to a transformers checkpoint transposes the c_attn, c_proj, c_fc weights (see
export_onnx.py --hf-weights).

Works with torch 1.13 and 2.x (no scaled_dot_product_attention, no F.gelu(approximate=...)).
"""
import math
from dataclasses import dataclass, asdict

import torch
import torch.nn as nn
import torch.nn.functional as F


@dataclass
class GPTConfig:
    vocab_size: int = 4096
    n_positions: int = 512
    n_embd: int = 256
    n_layer: int = 4
    n_head: int = 8
    layer_norm_epsilon: float = 1e-5
    dropout: float = 0.0

    def to_dict(self):
        return asdict(self)


def gelu_new(x):
    # GPT-2's GELU (tanh approximation), identical to transformers' NewGELUActivation.
    return 0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * torch.pow(x, 3.0))))


class Attention(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        assert cfg.n_embd % cfg.n_head == 0
        self.n_head = cfg.n_head
        self.head_dim = cfg.n_embd // cfg.n_head
        self.c_attn = nn.Linear(cfg.n_embd, 3 * cfg.n_embd)
        self.c_proj = nn.Linear(cfg.n_embd, cfg.n_embd)
        self.attn_dropout = nn.Dropout(cfg.dropout)
        self.resid_dropout = nn.Dropout(cfg.dropout)

    def forward(self, x, mask, past_k=None, past_v=None):
        # x [B, S, C]; mask bool [B or 1, 1 or S, S, P+S] (True = may attend)
        B, S, C = x.shape
        q, k, v = self.c_attn(x).split(C, dim=2)
        q = q.view(B, S, self.n_head, self.head_dim).transpose(1, 2)
        k = k.view(B, S, self.n_head, self.head_dim).transpose(1, 2)
        v = v.view(B, S, self.n_head, self.head_dim).transpose(1, 2)
        if past_k is not None:
            k = torch.cat([past_k, k], dim=2)
            v = torch.cat([past_v, v], dim=2)
        att = torch.matmul(q, k.transpose(-2, -1)) * (1.0 / math.sqrt(self.head_dim))
        att = att.masked_fill(~mask, -1e9)
        att = torch.softmax(att.float(), dim=-1).to(v.dtype)
        att = self.attn_dropout(att)
        y = torch.matmul(att, v)
        y = y.transpose(1, 2).contiguous().view(B, S, C)
        y = self.resid_dropout(self.c_proj(y))
        return y, k, v


class MLP(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.c_fc = nn.Linear(cfg.n_embd, 4 * cfg.n_embd)
        self.c_proj = nn.Linear(4 * cfg.n_embd, cfg.n_embd)
        self.dropout = nn.Dropout(cfg.dropout)

    def forward(self, x):
        return self.dropout(self.c_proj(gelu_new(self.c_fc(x))))


class Block(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.ln_1 = nn.LayerNorm(cfg.n_embd, eps=cfg.layer_norm_epsilon)
        self.attn = Attention(cfg)
        self.ln_2 = nn.LayerNorm(cfg.n_embd, eps=cfg.layer_norm_epsilon)
        self.mlp = MLP(cfg)

    def forward(self, x, mask, past_k=None, past_v=None):
        a, k, v = self.attn(self.ln_1(x), mask, past_k, past_v)
        x = x + a
        x = x + self.mlp(self.ln_2(x))
        return x, k, v


class Transformer(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.wte = nn.Embedding(cfg.vocab_size, cfg.n_embd)
        self.wpe = nn.Embedding(cfg.n_positions, cfg.n_embd)
        self.drop = nn.Dropout(cfg.dropout)
        self.h = nn.ModuleList([Block(cfg) for _ in range(cfg.n_layer)])
        self.ln_f = nn.LayerNorm(cfg.n_embd, eps=cfg.layer_norm_epsilon)


class GPT(nn.Module):
    def __init__(self, cfg: GPTConfig):
        super().__init__()
        self.cfg = cfg
        self.transformer = Transformer(cfg)
        self.lm_head = nn.Linear(cfg.n_embd, cfg.vocab_size, bias=False)
        self.lm_head.weight = self.transformer.wte.weight  # tied
        self.apply(self._init_weights)
        # GPT-2: scale the residual projections by 1/sqrt(2 * n_layer)
        for name, p in self.named_parameters():
            if name.endswith("c_proj.weight"):
                nn.init.normal_(p, mean=0.0, std=0.02 / math.sqrt(2 * cfg.n_layer))

    @staticmethod
    def _init_weights(m):
        if isinstance(m, nn.Linear):
            nn.init.normal_(m.weight, mean=0.0, std=0.02)
            if m.bias is not None:
                nn.init.zeros_(m.bias)
        elif isinstance(m, nn.Embedding):
            nn.init.normal_(m.weight, mean=0.0, std=0.02)
        elif isinstance(m, nn.LayerNorm):
            nn.init.ones_(m.weight)
            nn.init.zeros_(m.bias)

    def num_params(self):
        return sum(p.numel() for p in self.parameters())  # tied weights counted once

    def hidden(self, input_ids, position_ids, mask, past=None):
        x = self.transformer.wte(input_ids) + self.transformer.wpe(position_ids)
        x = self.transformer.drop(x)
        presents = []
        for i, block in enumerate(self.transformer.h):
            pk, pv = (past[2 * i], past[2 * i + 1]) if past is not None else (None, None)
            x, k, v = block(x, mask, pk, pv)
            presents.append(k)
            presents.append(v)
        return self.transformer.ln_f(x), presents

    def forward_train(self, input_ids, position_ids, doc_ids, targets, weights):
        """Packed training: several examples per row, attention kept inside each example.

        doc_ids [B, T] (-1 for padding), targets [B, T] next-token ids, weights [B, T] float loss
        weights (0 where no loss). Logits are computed only where weights > 0 (saves the LM head
        on prompt positions). Returns (weighted mean loss, number of weighted tokens)."""
        T = input_ids.shape[1]
        causal = torch.ones(T, T, dtype=torch.bool, device=input_ids.device).tril()
        same = doc_ids.unsqueeze(2) == doc_ids.unsqueeze(1)  # [B, T, T]
        mask = (same & causal.unsqueeze(0)).unsqueeze(1)  # [B, 1, T, T]
        h, _ = self.hidden(input_ids, position_ids, mask)
        sel = weights > 0
        logits = self.lm_head(h[sel])
        loss = F.cross_entropy(logits.float(), targets[sel], reduction="none")
        w = weights[sel]
        return (loss * w).sum() / w.sum(), sel.sum()

    def forward(self, input_ids, attention_mask, position_ids, past=None):
        """Decoder step in the standard layout. past: list [k0, v0, k1, v1, ...] each
        [B, H, P, D] (P may be 0). attention_mask [B, P+S] (1 = real token)."""
        S = input_ids.shape[1]
        total = attention_mask.shape[1]
        past_len = total - S
        q_pos = torch.arange(S, device=input_ids.device) + past_len
        k_pos = torch.arange(total, device=input_ids.device)
        causal = k_pos.unsqueeze(0) <= q_pos.unsqueeze(1)  # [S, P+S]
        keep = attention_mask.bool().unsqueeze(1).unsqueeze(2)  # [B, 1, 1, P+S]
        mask = causal.unsqueeze(0).unsqueeze(0) & keep  # [B, 1, S, P+S]
        h, presents = self.hidden(input_ids, position_ids, mask, past)
        # 2-D F.linear exports as Gemm(transB=1) on the embedding matrix itself, so the ONNX file keeps
        # one copy of the tied weight (a 3-D matmul would store a transposed duplicate)
        B, S, C = h.shape
        logits = F.linear(h.reshape(B * S, C), self.lm_head.weight).reshape(B, S, self.cfg.vocab_size)
        return logits, presents


def load_checkpoint(path):
    """torch.load for our checkpoints on torch 1.13 and 2.x (2.6+ defaults to weights_only=True)."""
    try:
        return torch.load(path, map_location="cpu", weights_only=False)
    except TypeError:  # torch without the weights_only argument
        return torch.load(path, map_location="cpu")
