import * as assert from 'node:assert/strict';
import { bundledGlossary } from './bundled';

/**
 * How people write the glossary's concepts, in prose and in code, each with the concept it must find. The
 * matcher folds case and accents, treats separators alike, splits identifiers, strips elisions and accepts
 * simple plurals; this table is the contract.
 */
const SURFACE_FORMS: ReadonlyArray<readonly [string, string]> = [
  // French prose
  ['apprentissage automatique', 'machine-learning'],
  ["l'apprentissage automatique", 'machine-learning'],
  ['Apprentissage Profond', 'deep-learning'],
  ["l’apprentissage profond", 'deep-learning'],
  ['réseau de neurones', 'neural-network'],
  ['réseaux de neurones', 'neural-network'],
  ['reseaux de neurones', 'neural-network'],
  ['RÉSEAUX DE NEURONES', 'neural-network'],
  ['neurone', 'neuron'],
  ['neurones', 'neuron'],
  ['nœud', 'neuron'],
  ['noeuds', 'neuron'],
  ['couche', 'layer'],
  ['couches', 'layer'],
  ['motif', 'pattern'],
  ['motifs', 'pattern'],
  ['Transformer pré-entraîné génératif', 'gpt'],
  ['grand modèle de langage', 'large-language-model'],
  ['grands modèles de langage', 'large-language-model'],
  ['architecture Transformer', 'transformer'],
  ["mécanisme d'auto-attention", 'self-attention'],
  ['mécanisme d’auto-attention', 'self-attention'],
  ['auto-attention', 'self-attention'],
  ["l'auto-attention", 'self-attention'],
  ['autoattention', 'self-attention'],
  ['traitement du langage naturel', 'natural-language-processing'],
  ['pré-entraînement', 'pre-training'],
  ['préentraînement', 'pre-training'],
  ['pre-entrainement', 'pre-training'],
  ['affinage', 'fine-tuning'],
  ["l'affinage", 'fine-tuning'],
  ['l’affinage', 'fine-tuning'],
  ["d'affinage", 'fine-tuning'],
  ['modélisation de langage causal', 'causal-language-modeling'],
  ['prédiction du mot suivant', 'next-token-prediction'],
  ['paramètres', 'parameters'],
  ['milliards de paramètres', 'parameters'],
  ["données d'entraînement", 'training-data'],
  ["données d’entraînement", 'training-data'],
  ['puissance de calcul', 'compute'],
  ['biais', 'bias'],
  ['contenu nuisible', 'harmful-content'],
  ['contenus nuisibles', 'harmful-content'],
  ['apprentissage par renforcement à partir de retours humains', 'rlhf'],
  ['apprentissage par renforcement', 'reinforcement-learning'],
  ['alignement', 'alignment'],
  ['classement de réponses par des humains', 'human-preference-ranking'],
  ['données multimodales', 'multimodal-data'],
  ['IA éthique et équitable', 'ethical-ai'],
  ['surapprentissage', 'overfitting'],
  ['descente de gradient', 'gradient-descent'],
  ['rétropropagation', 'backpropagation'],
  ["taux d'apprentissage", 'learning-rate'],
  ["fonction d'activation", 'activation-function'],
  ['fonctions de perte', 'loss-function'],
  ['encodage positionnel', 'positional-encoding'],
  ['fenêtre de contexte', 'context-window'],
  ['température', 'temperature'],
  ['génération augmentée par récupération', 'retrieval-augmented-generation'],
  ['quantification', 'quantization'],
  ['perplexité', 'perplexity'],
  ['jeu de données', 'dataset'],
  ['apprentissage supervisé', 'supervised-learning'],
  ['apprentissage non supervisé', 'unsupervised-learning'],
  ['mélange d’experts', 'mixture-of-experts'],
  ['modèles de diffusion', 'diffusion-model'],
  ['explicabilité', 'explainability'],
  ['hallucinations', 'hallucination'],
  // English prose
  ['machine learning', 'machine-learning'],
  ['Machine-Learning', 'machine-learning'],
  ['deep learning', 'deep-learning'],
  ['neural network', 'neural-network'],
  ['neural networks', 'neural-network'],
  ['Neural-Networks', 'neural-network'],
  ['large language model', 'large-language-model'],
  ['large language models', 'large-language-model'],
  ['LLM', 'large-language-model'],
  ['LLMs', 'large-language-model'],
  ['GPT', 'gpt'],
  ['OpenAI', 'openai'],
  ['ChatGPT', 'chatgpt'],
  ['Transformer', 'transformer'],
  ['Transformers', 'transformer'],
  ['self-attention', 'self-attention'],
  ['Self Attention', 'self-attention'],
  ['Attention Is All You Need', 'attention-is-all-you-need'],
  ['attention mechanism', 'attention'],
  ['natural language processing', 'natural-language-processing'],
  ['NLP', 'natural-language-processing'],
  ['pre-training', 'pre-training'],
  ['pretraining', 'pre-training'],
  ['fine-tuning', 'fine-tuning'],
  ['fine tuning', 'fine-tuning'],
  ['finetuning', 'fine-tuning'],
  ['fine-tuned', 'fine-tuning'],
  ['causal language modeling', 'causal-language-modeling'],
  ['next-token prediction', 'next-token-prediction'],
  ['RLHF', 'rlhf'],
  ['reinforcement learning from human feedback', 'rlhf'],
  ['reinforcement learning', 'reinforcement-learning'],
  ['multimodal data', 'multimodal-data'],
  ['overfitting', 'overfitting'],
  ['backpropagation', 'backpropagation'],
  ['gradient descent', 'gradient-descent'],
  ['learning rate', 'learning-rate'],
  ['loss functions', 'loss-function'],
  ['embeddings', 'embedding'],
  ['tokenizers', 'tokenizer'],
  ['context window', 'context-window'],
  ['retrieval-augmented generation', 'retrieval-augmented-generation'],
  ['RAG', 'retrieval-augmented-generation'],
  ['LoRA', 'lora'],
  ['LSTM', 'lstm'],
  ['LSTMs', 'lstm'],
  ['knowledge distillation', 'distillation'],
  ['quantization', 'quantization'],
  ['perplexity', 'perplexity'],
  ['GPUs', 'gpu'],
  ['reward model', 'reward-model'],
  ['red teaming', 'red-teaming'],
  ['mixture of experts', 'mixture-of-experts'],
  ['diffusion models', 'diffusion-model'],
  ['convolutional neural network', 'convolutional-neural-network'],
  ['CNNs', 'convolutional-neural-network'],
  ['recurrent neural networks', 'recurrent-neural-network'],
  ['positional encoding', 'positional-encoding'],
  ['encoder-decoder', 'encoder-decoder'],
  // Code identifiers
  ['self_attention', 'self-attention'],
  ['selfAttention', 'self-attention'],
  ['SelfAttention', 'self-attention'],
  ['SELF_ATTENTION', 'self-attention'],
  ['FineTune', 'fine-tuning'],
  ['fine_tune', 'fine-tuning'],
  ['fineTuning', 'fine-tuning'],
  ['neuralNetwork', 'neural-network'],
  ['NeuralNetwork', 'neural-network'],
  ['gradient_descent', 'gradient-descent'],
  ['learningRate', 'learning-rate'],
  ['learning_rate', 'learning-rate'],
  ['lossFunction', 'loss-function'],
  ['positional_encoding', 'positional-encoding'],
  ['PositionalEncoding', 'positional-encoding'],
  ['contextWindow', 'context-window'],
  ['LayerNorm', 'layer-normalization'],
  ['mixtureOfExperts', 'mixture-of-experts'],
  ['rewardModel', 'reward-model'],
  ['activation_function', 'activation-function'],
];

/** Words and identifiers that must not name a concept. */
const NOT_CONCEPTS = ['bonjour', 'the quick brown fox', 'inattention', 'xyzzy', 'return value', 'const x = 1', 'chatbot', 'layered cake'];

describe('surface forms of the bundled glossary', () => {
  const glossary = bundledGlossary();

  it(`has at least 100 forms in the table (${SURFACE_FORMS.length})`, () => {
    assert.ok(SURFACE_FORMS.length >= 100);
  });

  for (const [form, id] of SURFACE_FORMS) {
    it(`"${form}" -> ${id}`, () => {
      assert.equal(glossary.find(form)?.concept.id, id, `"${form}" found ${glossary.find(form)?.concept.id ?? 'nothing'}`);
      const sentence = `Note : ${form}, voir plus loin.`;
      const hit = glossary.conceptAt(sentence, sentence.indexOf(form) + Math.floor(form.length / 2));
      assert.equal(hit?.concept.id, id, `in a sentence, "${form}" found ${hit?.concept.id ?? 'nothing'}`);
    });
  }

  for (const text of NOT_CONCEPTS) {
    it(`"${text}" names no concept`, () => {
      assert.equal(glossary.find(text), undefined);
    });
  }
});
