// Cross-checks training/bpe.py against Hugging Face's JavaScript tokenizer (@huggingface/tokenizers).
// Usage (the package is not a project dependency; install it in a throwaway folder):
//   mkdir -p /tmp/tjs && (cd /tmp/tjs && npm init -y && npm install @huggingface/tokenizers)
//   python3 training/export_onnx.py ...          # writes <out>/tokenizer_tests.json
//   cp training/tokenizer_check.mjs /tmp/tjs/ && cd /tmp/tjs && node tokenizer_check.mjs <out>/tokenizer.json <out>/tokenizer_tests.json
import { Tokenizer } from '@huggingface/tokenizers';
import fs from 'fs';
const tj = JSON.parse(fs.readFileSync(process.argv[2] ?? 'tokenizer.json', 'utf8'));
const cfg = { add_bos_token: false, add_eos_token: false, clean_up_tokenization_spaces: false };
const tok = new Tokenizer(tj, cfg);
const raw = JSON.parse(fs.readFileSync(process.argv[3] ?? 'cases.json', 'utf8'));
const cases = Array.isArray(raw) ? raw : raw.cases;
let bad = 0;
for (const c of cases) {
  const ids = tok.encode(c.text, { add_special_tokens: false }).ids;
  const same = ids.length === c.ids.length && ids.every((x, i) => x === c.ids[i]);
  const dec = tok.decode(c.ids, { skip_special_tokens: false });
  if (!same || dec !== c.text) {
    bad++;
    if (bad < 6) console.log('MISMATCH', JSON.stringify(c.text).slice(0, 120), '\n py', c.ids.slice(0, 30).join(','), '\n js', ids.slice(0, 30).join(','), '\n dec', JSON.stringify(dec).slice(0, 120));
  }
}
console.log(`cases ${cases.length}, mismatches ${bad}`);
process.exit(bad ? 1 : 0);
