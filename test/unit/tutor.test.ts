import * as assert from 'node:assert/strict';
import type { Turn } from '../../src/core/chat/conversation';
import type { GenerateOptions, GenerationResult, PromptPart } from '../../src/core/model/runtime';
import { ChatEngine, type Backend, type ChatAnswer, type TextGenerator } from '../../src/core/pipeline/engine';
import { REFUSAL } from '../../src/core/pipeline/prompt';
import { bundledGlossary } from './bundled';

/**
 * A model that composes every piece it is offered, in order: what the bundled model does at most. Whatever it
 * writes comes from the pipeline's passages, so these tests see what the pipeline lets an answer hold.
 */
class ComposeAll implements TextGenerator {
  async generate(_prompt: readonly PromptPart[], options: GenerateOptions, onText: (text: string) => void): Promise<GenerationResult> {
    const text = (options.compose ?? []).map((group) => group[0]!).join('\n\n');
    onText(text);
    return { text, ids: [], promptTokens: 0, stopReason: 'eos', firstTokenMs: 0, tokensPerS: 0, totalMs: 0 };
  }
}

const BACKEND: Backend = { kind: 'bundled', model: new ComposeAll(), options: { greedy: true, composeFromContext: true, composeFollowsPlan: true } };

/** Asks each question in turn, as the chat view does, and returns every answer. */
async function converse(engine: ChatEngine, questions: readonly string[]): Promise<ChatAnswer[]> {
  const history: Turn[] = [];
  const answers: ChatAnswer[] = [];
  for (const question of questions) {
    const answer = await engine.ask({ question, answerLang: 'auto', fallbackLang: 'en', history }, BACKEND, () => {});
    answers.push(answer);
    history.push({
      id: String(history.length),
      question,
      answer: answer.text,
      lang: answer.lang,
      sources: answer.sources,
      intent: answer.understanding.intent,
      concepts: answer.understanding.concepts.map((concept) => concept.id),
      state: 'done',
      createdAt: 0,
    });
  }
  return answers;
}

describe('the chat as a tutor', function () {
  this.timeout(30_000);
  const glossary = bundledGlossary();
  const engine = new ChatEngine(glossary);

  it('never shows a passage twice in a conversation, asked again in other words', async () => {
    const answers = await converse(engine, ["C'est quoi le surapprentissage ?", 'Et concrètement, ça marche comment ?', 'Comment ça marche, déjà ?', "Qu'est-ce que le surapprentissage ?"]);
    const seen = new Set<string>();
    for (const answer of answers) {
      for (const passage of answer.passages) {
        assert.ok(!seen.has(passage.text), `shown again: ${passage.text.slice(0, 80)}`);
        seen.add(passage.text);
      }
    }
    assert.ok(answers.every((answer) => answer.text.trim() !== '' && answer.text !== REFUSAL.fr));
  });

  it('answers reactions on the topic in play: a doubt with the limits, confusion with the intuition', async () => {
    const [, doubt, confused, interest] = await converse(engine, [
      "Qu'est-ce que le dropout ?",
      'Cela semble simple, mais je parie que ce n’est pas le cas.',
      'Ça a l’air compliqué.',
      'Intéressant !',
    ]);
    const dropout = glossary.withDetails(glossary.get('dropout')!);
    assert.equal(doubt!.understanding.intent, 'limits');
    assert.ok(doubt!.text.includes(dropout.fr.sections!.limits!.slice(20, 80)), doubt!.text);
    assert.equal(confused!.understanding.intent, 'simple');
    assert.match(confused!.text, /^En termes simples : /);
    assert.equal(interest!.understanding.intent, 'example');
    for (const answer of [doubt!, confused!, interest!]) assert.deepEqual(answer.understanding.concepts.map((c) => c.id), ['dropout']);
  });

  it('replies to thanks with thanks and greets only at the start, in the learner’s tu or vous', async () => {
    const [, thanks, hello] = await converse(engine, ['Peux-tu m’expliquer LoRA ?', 'Merci !', 'Bonjour']);
    assert.match(thanks!.text, /^Avec plaisir ! Pose-moi/);
    assert.doesNotMatch(hello!.text, /Bonjour/);
    const [, formal] = await converse(engine, ['Pourriez-vous m’expliquer LoRA ?', 'Merci beaucoup.']);
    assert.match(formal!.text, /Posez-moi .* vous voulez/);
    const [english] = await converse(engine, ['thanks']);
    assert.match(english!.text, /^You're welcome/);
  });

  it('opens with a sentence about the term, never a dictionary label', async () => {
    const [lora, overfitting] = await converse(engine, ['What is LoRA?', 'Qu’est-ce que le surapprentissage ?']);
    assert.match(lora!.text, /^LoRA is a parameter-efficient/);
    assert.match(overfitting!.text, /^Le surapprentissage est une situation/);
    for (const answer of [lora!, overfitting!]) assert.doesNotMatch(answer.text.split('\n')[0]!, /\((?:in French|en anglais)\s?:|^\S+ ?: /);
  });

  it('answers "why does it happen" with the causes, not with why it matters', async () => {
    const [answer] = await converse(engine, ['Why do LLMs hallucinate?']);
    const hallucination = glossary.withDetails(glossary.get('hallucination')!);
    assert.equal(answer!.understanding.intent, 'cause');
    assert.ok(answer!.text.startsWith(hallucination.en.sections!.causes!.split(':')[0]!), answer!.text);
  });

  it('finds the subject in the clause that asks, the setting aside', async () => {
    const [answer] = await converse(engine, ["Je bosse sur du RAG, c'est quoi un embedding ?"]);
    assert.deepEqual(answer!.understanding.concepts.map((concept) => concept.id), ['embedding']);
  });

  it('states how two concepts differ when no contrast is curated, naming both', async () => {
    const [answer] = await converse(engine, ['What is the difference between an embedding and a token?']);
    assert.equal(answer!.understanding.intent, 'contrast');
    assert.match(answer!.text, /^An embedding and a token are not the same thing\. An embedding is .* A token is /s);
  });

  it('answers a precise question from the sentence that covers it', async () => {
    const [answer] = await converse(engine, ['Why are the dot products divided by the square root of the dimension in attention?']);
    assert.match(answer!.text.split('\n')[0]!, /divided by the square root of the dimension/);
  });

  it('suggests two or three next questions it can answer, in the question’s language, none already asked', async () => {
    const [first, second] = await converse(engine, ["Qu'est-ce que LoRA ?", 'Quel est l’intérêt de LoRA ?']);
    assert.ok(first!.suggestions.length >= 2 && first!.suggestions.length <= 3, JSON.stringify(first!.suggestions));
    assert.ok(first!.suggestions.every((question) => /\?$|\.$/.test(question) && !/\b(the|what)\b/i.test(question)), JSON.stringify(first!.suggestions));
    assert.ok(!second!.suggestions.includes('Quel est l’intérêt de LoRA ?'));
    for (const suggestion of first!.suggestions) {
      const [followed] = await converse(engine, [suggestion]);
      assert.notEqual(followed!.understanding.intent, 'ood', suggestion);
      assert.notEqual(followed!.text, REFUSAL.fr, suggestion);
    }
  });
});
