import * as assert from 'node:assert/strict';
import { Glossary } from '../../src/core/glossary/glossary';
import type { Concept } from '../../src/core/glossary/types';
import { CODE_TERMS } from '../../src/core/matching/codeTerms';
import { documentZones } from '../../src/core/matching/prose';
import { DocumentReading, isMachineLearningText } from '../../src/core/matching/reading';
import { makeConcept } from './fixtures';

/** A concept with real terms in both languages. */
function concept(id: string, en: string[], fr: string[] = en): Concept {
  const base = makeConcept(id);
  return { ...base, en: { ...base.en, term: en[0]!, aliases: en.slice(1) }, fr: { ...base.fr, term: fr[0]!, aliases: fr.slice(1) } };
}

const CONCEPTS = [
  concept('learning-rate', ['learning rate'], ["taux d'apprentissage"]),
  concept('learning-rate-warmup', ['learning-rate warmup'], ["préchauffage du taux d'apprentissage"]),
  concept('cosine-decay', ['cosine learning-rate decay'], ['décroissance en cosinus']),
  concept('embedding-dimension', ['embedding dimension', 'hidden size'], ['dimension des plongements']),
  concept('attention', ['attention'], ['attention']),
  concept('self-attention', ['self-attention'], ['auto-attention']),
  concept('feedforward-network', ['feed-forward network'], ['réseau à propagation avant']),
  concept('multilayer-perceptron', ['multilayer perceptron', 'MLP'], ['perceptron multicouche', 'PMC']),
  concept('kv-cache', ['KV cache'], ['cache KV']),
  concept('query-key-value', ['query, key and value'], ['requête, clé et valeur']),
  concept('grouped-query-attention', ['grouped-query attention', 'GQA'], ['attention à requêtes groupées']),
  concept('batch-size', ['batch size'], ['taille de lot']),
  concept('mini-batch', ['mini-batch'], ['mini-lot']),
  concept('sequence-length', ['sequence length'], ['longueur de séquence']),
  concept('training-step', ['training step'], ["pas d'entraînement"]),
  concept('attention-head', ['attention head'], ["tête d'attention"]),
  concept('head-dimension', ['head dimension'], ['dimension de tête']),
  concept('adamw', ['AdamW'], ['AdamW']),
  concept('top-k-sampling', ['top-k sampling'], ['échantillonnage top-k']),
  concept('token-id', ['token ID'], ['identifiant de jeton']),
  concept('layer-normalization', ['layer normalization', 'layer norm', 'LayerNorm'], ['normalisation de couche']),
  concept('layer', ['layer'], ['couche']),
  concept('embedding-layer', ['embedding layer'], ['couche de plongement']),
  concept('gradient-clipping', ['gradient clipping'], ['écrêtage du gradient']),
  concept('clip', ['CLIP'], ['CLIP']),
  concept('bias', ['bias', 'algorithmic bias'], ['biais', 'biais algorithmique']),
  concept('bias-term', ['bias term'], ['terme de biais']),
  concept('semi-supervised-learning', ['semi-supervised learning', 'self-training'], ['apprentissage semi-supervisé']),
  concept('train-eval-mode', ['training and evaluation modes'], ["modes d'entraînement et d'évaluation"]),
  concept('scaling', ['scaling'], ["passage à l'échelle", 'échelle']),
  concept('scaling-laws', ['scaling laws'], ["lois d'échelle"]),
  concept('parameters', ['parameters', 'model parameters'], ['paramètres']),
  concept('label', ['label'], ['étiquette']),
  concept('compute', ['compute', 'compute budget'], ['puissance de calcul']),
  concept('fine-tuning', ['fine-tuning', 'fine-tune'], ['affinage', 'fine-tuning']),
  concept('overfitting', ['overfitting'], ['surapprentissage']),
  concept('linear-regression', ['linear regression'], ['régression linéaire']),
  concept('regression', ['regression'], ['régression']),
  concept('next-token-prediction', ['next-token prediction'], ['prédiction du prochain jeton']),
  concept('shap', ['SHAP'], ['SHAP']),
  concept('pytorch', ['PyTorch', 'torch'], ['PyTorch', 'torch']),
  concept('tokenizer', ['tokenizer', 'tokenise'], ['tokeniseur']),
  concept('token', ['token'], ['jeton', 'token']),
  concept('loss-function', ['loss function'], ['fonction de perte']),
  concept('validation-loss', ['validation loss'], ['perte de validation']),
  concept('gradient', ['gradient'], ['gradient']),
  concept('dropout', ['dropout'], ['dropout']),
  concept('temperature', ['temperature'], ['température']),
  concept('parameter-freezing', ['freezing parameters'], ['gel des paramètres']),
];
const glossary = new Glossary(CONCEPTS);

const PYTHON_ML = 'import torch\n';

/** The concept a hover shows on `needle` (its first character, plus `shift`) in a document. */
function hoverOn(text: string, languageId: string, needle: string, shift = 0, options: { ml?: boolean } = {}): string | undefined {
  const reading = new DocumentReading(glossary, text, languageId, options);
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `"${needle}" is not in the text`);
  const line = text.slice(0, offset).split('\n').length - 1;
  const character = offset - (text.lastIndexOf('\n', offset - 1) + 1) + shift;
  return reading.conceptAt(line, character)?.concept.id;
}

/** Every concept the hovers of a document show, as `text→id`. */
function hitsOf(text: string, languageId: string): string[] {
  return new DocumentReading(glossary, text, languageId).hits().map((hit) => `${hit.text}→${hit.concept.id}`);
}

describe('code terms: the abbreviations and conventions of the field', () => {
  const code = [
    PYTHON_ML,
    'lr = 6e-4',
    'n_embd, d_model, hidden_size = 768, 768, 768',
    'y = self.attn(self.ln_1(x))',
    'ffn = FeedForward(dim)',
    'bs, seq_len = x.shape[:2]',
    'max_seq_len = block_size = 1024',
    'n_head, head_dim = 12, 64',
    'optimizer = torch.optim.AdamW(params, lr=lr, betas=(0.9, 0.95))',
    'logits = model(input_ids)',
    'top_k = 50',
    'wte = nn.Embedding(vocab_size, n_embd)',
    'lr_decay_iters = 600000',
    'warmup_iters, num_warmup_steps = 2000, 2000',
    'grad_clip = 1.0',
    'min_lr = 6e-5',
    'for iters in range(10): pass',
    'past_kv = kv_cache[layer]',
    'k, v = repeat_kv(kv, n_rep)',
  ].join('\n');
  const cases: Array<[string, string]> = [
    ['lr =', 'learning-rate'],
    ['n_embd', 'embedding-dimension'],
    ['d_model', 'embedding-dimension'],
    ['hidden_size', 'embedding-dimension'],
    ['attn(', 'attention'],
    ['ln_1', 'layer-normalization'],
    ['ffn', 'feedforward-network'],
    ['bs,', 'batch-size'],
    ['seq_len', 'sequence-length'],
    ['max_seq_len', 'sequence-length'],
    ['block_size', 'sequence-length'],
    ['n_head', 'attention-head'],
    ['head_dim', 'head-dimension'],
    ['betas', 'adamw'],
    ['input_ids', 'token-id'],
    ['top_k', 'top-k-sampling'],
    ['wte', 'embedding-layer'],
    ['lr_decay_iters', 'cosine-decay'],
    ['warmup_iters', 'learning-rate-warmup'],
    ['num_warmup_steps', 'learning-rate-warmup'],
    ['grad_clip', 'gradient-clipping'],
    ['min_lr', 'learning-rate'],
    ['iters in', 'training-step'],
    ['kv_cache', 'kv-cache'],
    ['repeat_kv', 'grouped-query-attention'],
  ];
  for (const [needle, id] of cases) {
    it(`reads ${needle.trim()} as ${id} in machine-learning code`, () => {
      assert.equal(hoverOn(code, 'python', needle), id);
    });
  }

  it('covers a whole compound identifier, affixes included (`num_warmup_steps`)', () => {
    const reading = new DocumentReading(glossary, `${PYTHON_ML}num_warmup_steps = 10`, 'python');
    const hit = reading.conceptAt(1, 0);
    assert.equal(hit?.text, 'num_warmup_steps');
    assert.equal(reading.conceptAt(1, 'num_warmup_'.length)?.concept.id, 'learning-rate-warmup');
  });

  it('reads `kv` by its neighbours: beside a cache it is the KV cache, otherwise keys and values', () => {
    assert.equal(hoverOn(`${PYTHON_ML}kv = past[layer]  # kv cache of this layer`, 'python', 'kv ='), 'kv-cache');
    assert.equal(hoverOn(`${PYTHON_ML}q, kv = proj(x).split(2)`, 'python', 'kv ='), 'query-key-value');
  });

  it('never reads the short forms in code that is not about machine learning', () => {
    const shell = 'ln -s /data data\ndd if=/dev/zero of=swap bs=1M count=8\nlr = compute_ratio()\n';
    assert.deepEqual(hitsOf(shell, 'shellscript'), []);
    assert.equal(isMachineLearningText(glossary, shell), false);
    assert.equal(hoverOn('const lr = 0.5;\n', 'javascript', 'lr'), undefined);
  });

  it('counts a file as machine-learning code from its imports or from the concepts it names', () => {
    assert.equal(isMachineLearningText(glossary, 'from transformers import AutoModel\n'), true);
    assert.equal(isMachineLearningText(glossary, "import * as ort from 'onnxruntime-web';\n"), true);
    assert.equal(isMachineLearningText(glossary, '# fine-tuning with a warmup: the batch size, the learning rate and the validation loss\n'), true);
    assert.equal(hoverOn('# fine-tuning: batch size, learning rate, validation loss\nlr = 1e-4\n', 'python', 'lr ='), 'learning-rate');
  });

  it('in a Markdown shell block, reads a short form only as an option (`--lr`), never `ln -s` or `bs=1M`', () => {
    const readme = ['# Fine-tuning', 'Set the learning rate and the batch size with care: the validation loss tells.', '```bash', 'ln -s data d', 'dd bs=1M', 'train --lr 3e-4', '```'].join('\n');
    assert.equal(hoverOn(readme, 'markdown', 'ln -s'), undefined);
    assert.equal(hoverOn(readme, 'markdown', 'bs=1M'), undefined);
    assert.equal(hoverOn(readme, 'markdown', 'lr 3e'), 'learning-rate');
  });

  it('ignores an entry whose concept the glossary lacks (a glossary without the learning rate)', () => {
    const small = new Glossary(CONCEPTS.filter((c) => c.id !== 'learning-rate'));
    const reading = new DocumentReading(small, `${PYTHON_ML}lr = 1e-3\nn_embd = 768`, 'python');
    assert.equal(reading.conceptAt(1, 0), undefined);
    assert.equal(reading.conceptAt(2, 0)?.concept.id, 'embedding-dimension');
  });

  it('keeps every entry of the table keyed by a concept id, with forms', () => {
    for (const [id, rules] of Object.entries(CODE_TERMS)) {
      assert.match(id, /^[a-z0-9]+(?:-[a-z0-9]+)*$/, id);
      for (const rule of rules) assert.ok(rule.forms.length > 0, id);
    }
  });

  it('leaves the chat’s reading (no context) as it was: no abbreviation, everyday words as before', () => {
    const ids = (text: string) => glossary.matcher.findAll(text).map((match) => match.forms[0]!.conceptId);
    assert.deepEqual(ids('lr and n_embd'), []);
    assert.deepEqual(ids('model scaling'), ['scaling']);
  });
});

describe('code terms: the sense follows the context', () => {
  it('reads a bias in code as a layer’s bias term, and as algorithmic bias in prose', () => {
    assert.equal(hoverOn(`${PYTHON_ML}self.proj = nn.Linear(d, d, bias=True)`, 'python', 'bias'), 'bias-term');
    assert.equal(hoverOn(`${PYTHON_ML}if module.bias is not None:`, 'python', 'bias'), 'bias-term');
    assert.equal(hoverOn('Hiring models can show bias against some groups.', 'markdown', 'bias'), 'bias');
    assert.equal(hoverOn('Les poids et les biais des couches sont appris.', 'markdown', 'biais'), 'bias-term');
    assert.equal(hoverOn('Le biais algorithmique touche les femmes.', 'markdown', 'biais'), 'bias');
  });

  it('reads `clip` beside gradients or a norm as gradient clipping, and CLIP alone as the model', () => {
    assert.equal(hoverOn(`${PYTHON_ML}torch.nn.utils.clip_grad_norm_(model.parameters(), grad_clip)`, 'python', 'clip_grad'), 'gradient-clipping');
    assert.equal(hoverOn('We clip the gradient norm to 1.0 before each step.', 'markdown', 'clip'), 'gradient-clipping');
    assert.equal(hoverOn('CLIP embeds images and captions in one space.', 'markdown', 'CLIP'), 'clip');
  });

  it('reads `self.training` as the train/eval flag, and self-training in prose as semi-supervised learning', () => {
    assert.equal(hoverOn(`${PYTHON_ML}p = self.dropout if self.training else 0.0`, 'python', 'self.training', 6), 'train-eval-mode');
    assert.equal(hoverOn('Self-training labels the unlabelled data with the model itself.', 'markdown', 'Self-training'), 'semi-supervised-learning');
    assert.equal(hoverOn(`${PYTHON_ML}model.eval()`, 'python', 'eval'), 'train-eval-mode');
  });

  it('shows an everyday word only where it names the concept (scaling, parameters, label, compute)', () => {
    assert.equal(hoverOn('Scaling laws predict the loss.', 'markdown', 'Scaling'), 'scaling-laws');
    assert.equal(hoverOn('Feature scaling helps.', 'markdown', 'scaling'), undefined);
    assert.equal(hoverOn('Les caractéristiques n’ont pas la même échelle.', 'markdown', 'échelle'), undefined);
    assert.equal(hoverOn('The model parameters are updated.', 'markdown', 'parameters'), 'parameters');
    assert.equal(hoverOn('A model of 7B parameters needs 14 GB.', 'markdown', 'parameters'), 'parameters');
    assert.equal(hoverOn('Log the training parameters; the alpha parameter scales the update.', 'markdown', 'parameters'), undefined);
    assert.equal(hoverOn('Log the training parameters; the alpha parameter scales the update.', 'markdown', 'parameter '), undefined);
    assert.equal(hoverOn(`${PYTHON_ML}plt.plot(history, label="validation")`, 'python', 'label'), undefined);
    assert.equal(hoverOn('# Fine-tuning\nEach example has a label; the learning rate and the batch size matter.', 'markdown', 'label'), 'label');
    assert.equal(hoverOn('We compute the loss at every step.', 'markdown', 'compute'), undefined);
    assert.equal(hoverOn('The compute budget decides the model size.', 'markdown', 'compute'), 'compute');
  });

  it('reads temperature and freezing in a comment of machine-learning code, never in a kiln’s log or a freezer’s script', () => {
    assert.equal(hoverOn(`${PYTHON_ML}# then divide by the desired temperature\nx = x / t`, 'python', 'temperature'), 'temperature');
    assert.equal(hoverOn(`${PYTHON_ML}# keep the first blocks frozen\nx = 1`, 'python', 'frozen'), 'parameter-freezing');
    assert.equal(hoverOn('# read the kiln temperature every minute\nx = sensor.read()', 'python', 'temperature'), undefined);
    assert.equal(hoverOn('# keep the first blocks frozen\nx = 1', 'python', 'frozen'), undefined);
    assert.equal(hoverOn('The kiln temperature rose during the night.', 'markdown', 'temperature'), undefined);
  });

  it('keeps an acronym from swallowing a word folded onto it (`Shapes` is not SHAP)', () => {
    assert.equal(hoverOn('Shapes in comments: B, T, D.', 'markdown', 'Shapes'), undefined);
    assert.equal(hoverOn('SHAP values explain a prediction.', 'markdown', 'SHAP'), 'shap');
  });

  it('never reads two words as a one-word term (`token is` is not `tokenise`)', () => {
    assert.equal(hoverOn('only the newest token is fed', 'markdown', 'token'), 'token');
  });

  it('says which other concept the same words name, when the context chose', () => {
    const hit = new DocumentReading(glossary, `${PYTHON_ML}nn.Linear(4, 4, bias=False)`, 'python').conceptAt(1, 'nn.Linear(4, 4, '.length);
    assert.equal(hit?.concept.id, 'bias-term');
    assert.deepEqual(hit?.others, ['bias']);
  });
});

describe('code terms: French inflections and English phrasings', () => {
  const cases: Array<[string, string, string]> = [
    ['Un modèle finetuné sur peu d’exemples.', 'finetuné', 'fine-tuning'],
    ['Il faut le finetuner avec soin.', 'finetuner', 'fine-tuning'],
    ['Une version finetunée du modèle.', 'finetunée', 'fine-tuning'],
    ['Le réseau commence à overfitter.', 'overfitter', 'overfitting'],
    ['Le modèle overfitté récite ses exemples.', 'overfitté', 'overfitting'],
    ['Il a surappris le jeu d’entraînement.', 'surappris', 'overfitting'],
    ['Des batchs de 32 exemples, le taux d’apprentissage, la perte de validation.', 'batchs', 'mini-batch'],
    ['We finetune the model for three epochs.', 'finetune', 'fine-tuning'],
    ['A language model is trained by predicting the next word.', 'predicting', 'next-token-prediction'],
    ['Use a linear warmup over 2,000 steps.', 'linear', 'learning-rate-warmup'],
    ['On entraîne le modèle à prédire le mot suivant.', 'prédire', 'next-token-prediction'],
  ];
  for (const [text, needle, id] of cases) {
    it(`finds ${id} in « ${needle} »`, () => {
      assert.equal(hoverOn(text, 'markdown', needle), id);
    });
  }

  it('keeps the e of `finetune` in code as well', () => {
    assert.equal(hoverOn(`${PYTHON_ML}def finetune(model): ...`, 'python', 'finetune'), 'fine-tuning');
  });
});

describe('code terms: borders no term crosses', () => {
  it('never reads across a Markdown table cell border', () => {
    const table = '| Tâche | Modèle |\n| --- | --- |\n| Régression | Linéaire |\n';
    assert.equal(hoverOn(table, 'markdown', 'Régression'), 'regression');
    assert.equal(hoverOn(table, 'markdown', 'Linéaire'), undefined);
    assert.equal(hoverOn('La régression linéaire prédit un nombre.', 'markdown', 'régression'), 'linear-regression');
  });

  it('never reads across the border of a comment, a code span or an operator', () => {
    assert.equal(hoverOn('x = layer  # norm of the output', 'python', 'layer'), 'layer');
    assert.equal(hoverOn('Use `layer` norm', 'markdown', 'layer'), 'layer');
    assert.equal(hoverOn('The layer norm stabilises training.', 'markdown', 'layer'), 'layer-normalization');
    assert.equal(hoverOn(`${PYTHON_ML}loss = loss / gradient_steps`, 'python', 'loss /'), 'loss-function');
  });

  it('reads a dotted name only as a term written with its dot (`self.attention` is not self-attention)', () => {
    assert.equal(hoverOn(`${PYTHON_ML}h = self.attention(x)`, 'python', 'attention'), 'attention');
  });

  it('splits Markdown into prose, code spans and fenced blocks', () => {
    const text = 'Set `lr` here.\n```python\nx = 1\n```\n```bash\nls\n```\n';
    assert.deepEqual(
      documentZones(text, 'markdown').map((zone) => [zone.kind, text.slice(zone.start, zone.end)]),
      [
        ['prose', 'Set `'],
        ['code', 'lr'],
        ['prose', '` here.\n'],
        ['code', '```python\nx = 1\n```'],
        ['prose', '\n'],
        ['shell', '```bash\nls\n```'],
        ['prose', '\n'],
      ],
    );
  });
});
