import * as assert from 'node:assert/strict';
import { detectIntent, detectSmallTalk, soundsLikeFollowUp } from '../../src/core/pipeline/intent';
import { Retriever } from '../../src/core/pipeline/retrieval';
import { understand, type EarlierTurn } from '../../src/core/pipeline/understand';
import { bundledGlossary } from './bundled';

describe('question understanding', () => {
  const glossary = bundledGlossary();
  const retriever = new Retriever(glossary);
  const read = (question: string, earlier: EarlierTurn[] = []) => {
    const understood = understand(question, retriever, glossary, earlier);
    return { intent: understood.intent, ids: understood.concepts.map((concept) => concept.id), followUp: understood.followUp };
  };

  it('tells what a question asks for, in both languages', () => {
    const cases: Array<[string, string]> = [
      ['Why does dropout work?', 'why'],
      ['À quoi sert le dropout ?', 'why'],
      ['How does the KV cache work?', 'how'],
      ['Comment fonctionne le cache KV ?', 'how'],
      ['What are the limits of RLHF?', 'limits'],
      ['Quel est le piège avec le RLHF ?', 'limits'],
      ['Where does the Transformer come from?', 'history'],
      ["D'où vient le Transformer ?", 'history'],
      ['Give me an example of overfitting', 'example'],
      ['Explique le surapprentissage simplement', 'simple'],
      ['How do you say fine-tuning in French?', 'translate'],
      ['Define perplexity', 'define'],
      ['What is GPT?', 'what'],
      ['Could you clarify what epoch stands for?', 'what'],
      ['What is dropout used for?', 'why'],
      ["Qu'apporte le LoRA ?", 'why'],
      ['À quoi ressemble le dropout en pratique ?', 'example'],
      ["Explique le RLHF à quelqu'un qui ne connaît rien", 'simple'],
      ['How do I avoid overfitting?', 'remedy'],
      ['Comment éviter le surapprentissage ?', 'remedy'],
      ['Comment on peut corriger ça ?', 'remedy'],
      ['What can I do about hallucinations?', 'remedy'],
      ['What happens if the learning rate is too high?', 'limits'],
      ['Comment procède la confidentialité différentielle ?', 'how'],
      ['En quoi sont-ils différents ?', 'contrast'],
      ['GPT vs ChatGPT', 'contrast'],
      ['Quelle est la différence entre GPT et ChatGPT ?', 'contrast'],
    ];
    for (const [question, intent] of cases) assert.equal(detectIntent(question), intent, question);
  });

  it('finds up to three subjects, and leaves out a concept named only as a qualifier', () => {
    assert.deepEqual(read("Qu'est-ce que l'affinage en IA ?").ids, ['fine-tuning']);
    assert.deepEqual(read('What is attention in deep learning?').ids, ['attention']);
    assert.deepEqual(read('What are GPT, BERT and CLIP?'), { intent: 'several', ids: ['gpt', 'bert', 'clip'], followUp: false });
    assert.deepEqual(read('Difference between pre-training and fine-tuning?').ids, ['pre-training', 'fine-tuning']);
    assert.deepEqual(read('Explain embeddings to someone who has never studied AI').ids, ['embedding'], 'a background, not a subject');
    assert.deepEqual(read("Présente la rétropropagation à un ami qui n'a jamais fait d'IA").ids, ['backpropagation']);
    assert.deepEqual(read("Qu'est-ce que l'IA ?").ids, ['artificial-intelligence'], 'a qualifier alone is the subject');
  });

  it('reads the field’s code names in a question as hovers do in a code comment', () => {
    assert.deepEqual(read('What is a good lr for AdamW?').ids, ['learning-rate']);
    assert.deepEqual(read('Why do I need to call model.eval() before predicting?').ids, ['train-eval-mode']);
    assert.deepEqual(read('What does nn.LayerNorm do?').ids, ['layer-normalization']);
  });

  it('reads « demain » as the field’s future only in « et demain ? »', () => {
    assert.deepEqual(read('Va-t-il faire beau demain ?').intent, 'ood');
    assert.deepEqual(read('Et demain ?').ids, ['future-of-ai']);
  });

  it('does not read « j’ai » as the acronym AI, and finds concepts from French verbs', () => {
    assert.ok(!read("J'ai une question sur le dropout").ids.includes('artificial-intelligence'));
    assert.deepEqual(read('Pourquoi les LLM hallucinent-ils ?').ids[0], 'hallucination');
    assert.ok(read('Comment on quantifie un modèle ?').ids.includes('quantization'));
  });

  it('takes a follow-up’s concepts from the previous turn and its intent from the new question', () => {
    const earlier: EarlierTurn[] = [{ conceptIds: ['gpt'], intent: 'what' }];
    assert.deepEqual(read('Et comment ça marche ?', earlier), { intent: 'how', ids: ['gpt'], followUp: true });
    assert.deepEqual(read('Quel est le piège ?', earlier), { intent: 'limits', ids: ['gpt'], followUp: true });
    assert.deepEqual(read('Why?', earlier), { intent: 'why', ids: ['gpt'], followUp: true });
    assert.deepEqual(read('And how is it different from BERT?', earlier), { intent: 'contrast', ids: ['gpt', 'bert'], followUp: true });
  });

  it('never answers a follow-up with the part the previous turn showed', () => {
    const earlier: EarlierTurn[] = [{ conceptIds: ['gpt'], intent: 'what' }];
    assert.notEqual(read('Tell me more', earlier).intent, 'what');
  });

  it('keeps new questions off the subject apart from follow-ups', () => {
    const earlier: EarlierTurn[] = [{ conceptIds: ['gpt'], intent: 'what' }];
    assert.equal(read('How does HTTPS work?', earlier).intent, 'ood');
    assert.equal(read('How long should I boil an egg?', earlier).intent, 'ood');
    assert.equal(read('Comment créer une branche git ?', earlier).intent, 'ood');
    assert.ok(!soundsLikeFollowUp('What is Kubernetes?'));
  });

  it('answers small talk as small talk, and broad questions from the entries made for them', () => {
    assert.equal(detectSmallTalk('Merci !'), 'thanks');
    assert.equal(detectSmallTalk('Hello'), 'greeting');
    assert.equal(read('Merci !', [{ conceptIds: ['gpt'] }]).intent, 'smalltalk');
    assert.deepEqual(read("Et l'avenir de tout cela ?").ids, ['future-of-ai']);
    assert.deepEqual(read("What's the catch?").ids, ['limits-of-large-models']);
  });
});
