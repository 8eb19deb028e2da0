import * as assert from 'node:assert/strict';
import { filterConcepts } from '../../src/core/glossary/search';
import { bundledGlossary } from './bundled';

/** The concepts named by the product brief, each of which must be explained. */
const REQUIRED = [
  'machine-learning', 'deep-learning', 'neural-network', 'neuron', 'layer', 'pattern', 'gpt', 'large-language-model',
  'openai', 'chatgpt', 'transformer', 'self-attention', 'attention-is-all-you-need', 'natural-language-processing',
  'pre-training', 'fine-tuning', 'causal-language-modeling', 'next-token-prediction', 'parameters', 'scaling',
  'training-data', 'compute', 'bias', 'harmful-content', 'rlhf', 'alignment', 'human-preference-ranking',
  'multimodal-data', 'ethical-ai',
];

/** The topics the glossary must cover, named by the issue that asked for 200 concepts. */
const REQUIRED_TOPICS = [
  'dataset', 'feature', 'label', 'supervised-learning', 'unsupervised-learning', 'reinforcement-learning', 'overfitting',
  'generalization', 'bias-variance-tradeoff', 'neuron', 'layer', 'activation-function', 'backpropagation',
  'gradient-descent', 'stochastic-gradient-descent', 'adam-optimizer', 'loss-function', 'regularization', 'dropout',
  'normalization', 'convolutional-neural-network', 'recurrent-neural-network', 'lstm', 'encoder-decoder', 'attention',
  'multi-head-attention', 'cross-attention', 'transformer', 'positional-encoding', 'mixture-of-experts',
  'diffusion-model', 'token', 'tokenizer', 'embedding', 'context-window', 'next-token-prediction', 'sampling',
  'temperature', 'prompt', 'few-shot-learning', 'chain-of-thought', 'retrieval-augmented-generation', 'hallucination',
  'quantization', 'distillation', 'lora', 'parameter-efficient-fine-tuning', 'scaling-laws', 'rlhf', 'reward-model',
  'direct-preference-optimization', 'red-teaming', 'bias', 'fairness', 'explainability', 'evaluation-metric', 'benchmark',
  'perplexity', 'bleu', 'rouge', 'data-labeling', 'data-augmentation', 'inference', 'latency', 'gpu', 'tpu',
  'edge-inference', 'multimodal-model',
];

describe('bundled glossary', () => {
  const glossary = bundledGlossary();

  it('has at least 200 concepts, among them every concept of the brief and every topic asked for', () => {
    assert.ok(glossary.size >= 200, `${glossary.size} concepts`);
    for (const id of [...REQUIRED, ...REQUIRED_TOPICS]) {
      assert.ok(glossary.get(id), `missing ${id}`);
    }
  });

  it('gives every concept a related concept and substance in both languages', () => {
    for (const concept of glossary.concepts) {
      assert.ok(concept.related.length >= 2, `${concept.id} has fewer than 2 related concepts`);
      for (const lang of ['fr', 'en'] as const) {
        assert.ok(concept[lang].explanation.split(/\n\s*\n/).length >= 2, `${concept.id}.${lang} explanation has one paragraph`);
      }
    }
  });

  it('links every concept into one graph, reachable from machine learning', () => {
    const neighbours = new Map<string, Set<string>>(glossary.concepts.map((concept) => [concept.id, new Set<string>()]));
    for (const concept of glossary.concepts) {
      for (const id of [...concept.related, ...(concept.prerequisites ?? [])]) {
        neighbours.get(concept.id)!.add(id);
        neighbours.get(id)!.add(concept.id);
      }
    }
    const seen = new Set(['machine-learning']);
    const queue = ['machine-learning'];
    while (queue.length > 0) {
      for (const next of neighbours.get(queue.shift()!)!) {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    assert.deepEqual(glossary.concepts.map((concept) => concept.id).filter((id) => !seen.has(id)), []);
  });

  it('cites the paper for concepts that come from one', () => {
    const paper = glossary.get('attention-is-all-you-need')?.references?.[0];
    assert.equal(paper?.year, 2017);
    assert.match(paper?.title ?? '', /Attention Is All You Need/);
  });

  it('suggests close concepts for a misspelt term', () => {
    assert.ok(glossary.suggest('auto atention').some((concept) => concept.id === 'self-attention'));
    assert.ok(glossary.suggest('reseau neuronal').some((concept) => concept.id === 'neural-network'));
  });

  it('searches terms and aliases ignoring accents and separators', () => {
    assert.equal(filterConcepts(glossary, 'reseaux de neu')[0]?.id, 'neural-network');
    assert.ok(filterConcepts(glossary, 'RLHF').some((concept) => concept.id === 'rlhf'));
    assert.equal(filterConcepts(glossary, 'zzzzzz').length, 0);
  });
});
