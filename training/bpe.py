"""Byte-level BPE, compatible with Hugging Face tokenizers' tokenizer.json (GPT-2 style).

Pre-tokenization reproduces the GPT-2 split regex of the ByteLevel pre-tokenizer
    's|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+
with a hand-written scanner (Python's re has no \\p{L}): letters are Unicode categories L*, numbers
N*, whitespace is JavaScript's \\s set. Special tokens are split out of the raw text first.
"""
import json
import unicodedata

WHITESPACE = set("\t\n\v\f\r \u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff") | {
    chr(c) for c in range(0x2000, 0x200B)
}
CONTRACTIONS = ("'s", "'t", "'re", "'ve", "'m", "'ll", "'d")


def bytes_to_unicode():
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return dict(zip(bs, [chr(c) for c in cs]))


BYTE_ENC = bytes_to_unicode()
BYTE_DEC = {v: k for k, v in BYTE_ENC.items()}


def _cls(ch):
    if ch in WHITESPACE:
        return "s"
    cat = unicodedata.category(ch)
    if cat[0] == "L":
        return "L"
    if cat[0] == "N":
        return "N"
    return "P"


def pretokenize(text):
    out = []
    n = len(text)
    cls = [_cls(c) for c in text]
    i = 0
    while i < n:
        c = text[i]
        # 1. contractions (case-sensitive, as in GPT-2)
        if c == "'":
            m = None
            for con in CONTRACTIONS:
                if text.startswith(con, i):
                    m = con
                    break
            if m:
                out.append(m)
                i += len(m)
                continue
        # 2-4. optional single space, then a run of one class
        j = i
        if c == " " and i + 1 < n and cls[i + 1] != "s":
            j = i + 1
        k = cls[j]
        if k != "s":
            e = j + 1
            while e < n and cls[e] == k:
                e += 1
            out.append(text[i:e])
            i = e
            continue
        # 5-6. whitespace: \s+(?!\S) else \s+
        e = i
        while e < n and cls[e] == "s":
            e += 1
        if e < n and e - i > 1:
            e -= 1  # leave the last whitespace char to prefix the next word
        out.append(text[i:e])
        i = e
    return out


def split_special(text, specials):
    """Split text on special tokens (longest first). Returns list of (is_special, str)."""
    parts = []
    i = 0
    n = len(text)
    start = 0
    firsts = {s[0] for s in specials}
    ordered = sorted(specials, key=len, reverse=True)
    while i < n:
        if text[i] in firsts:
            hit = None
            for s in ordered:
                if text.startswith(s, i):
                    hit = s
                    break
            if hit:
                if start < i:
                    parts.append((False, text[start:i]))
                parts.append((True, hit))
                i += len(hit)
                start = i
                continue
        i += 1
    if start < n:
        parts.append((False, text[start:]))
    return parts


def to_byte_str(s):
    return "".join(BYTE_ENC[b] for b in s.encode("utf-8"))


class Tokenizer:
    def __init__(self, vocab, merges, specials):
        self.vocab = vocab  # str -> id
        self.inv = {i: t for t, i in vocab.items()}
        self.ranks = {tuple(m): r for r, m in enumerate(merges)}
        self.specials = list(specials)
        self.special_ids = {s: vocab[s] for s in specials}
        self.cache = {}

    @classmethod
    def load(cls, path):
        with open(path, encoding="utf-8") as f:
            tj = json.load(f)
        merges = [m.split(" ") if isinstance(m, str) else m for m in tj["model"]["merges"]]
        specials = [t["content"] for t in tj["added_tokens"]]
        vocab = dict(tj["model"]["vocab"])
        for t in tj["added_tokens"]:
            vocab[t["content"]] = t["id"]
        return cls(vocab, merges, specials)

    def token_id(self, s):
        return self.vocab[s]

    def _bpe(self, word):
        if word in self.cache:
            return self.cache[word]
        parts = list(word)
        ranks = self.ranks
        while len(parts) > 1:
            best = None
            best_rank = None
            for a, b in zip(parts, parts[1:]):
                r = ranks.get((a, b))
                if r is not None and (best_rank is None or r < best_rank):
                    best, best_rank = (a, b), r
            if best is None:
                break
            merged = []
            i = 0
            while i < len(parts):
                if i < len(parts) - 1 and parts[i] == best[0] and parts[i + 1] == best[1]:
                    merged.append(parts[i] + parts[i + 1])
                    i += 2
                else:
                    merged.append(parts[i])
                    i += 1
            parts = merged
        ids = [self.vocab[p] for p in parts]
        if len(self.cache) < 500000:
            self.cache[word] = ids
        return ids

    def encode(self, text):
        ids = []
        for is_special, seg in split_special(text, self.specials):
            if is_special:
                ids.append(self.special_ids[seg])
            else:
                for w in pretokenize(seg):
                    ids.extend(self._bpe(to_byte_str(w)))
        return ids

    def decode(self, ids, skip_special=False):
        out = []
        buf = []
        for i in ids:
            t = self.inv[i]
            if t in self.special_ids:
                if buf:
                    out.append(bytes(buf).decode("utf-8", errors="replace"))
                    buf = []
                if not skip_special:
                    out.append(t)
            else:
                buf.extend(BYTE_DEC[c] for c in t)
        if buf:
            out.append(bytes(buf).decode("utf-8", errors="replace"))
        return "".join(out)
