import * as assert from 'node:assert/strict';
import type { Turn } from '../../src/core/chat/conversation';
import type { GenerateOptions, GenerationResult, PromptPart } from '../../src/core/model/runtime';
import { ChatEngine, turnOf, type Backend, type ChatAnswer, type TextGenerator } from '../../src/core/pipeline/engine';
import { detectIntent } from '../../src/core/pipeline/intent';
import { definiteTerm } from '../../src/core/pipeline/phrasing';
import { NO_ENTRY, REFUSAL } from '../../src/core/pipeline/prompt';
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
    history.push(turnOf(String(history.length), question, answer, 'done', 0));
  }
  return answers;
}

/** Asks each question on its own and checks the concept its answer is about. */
async function assertEachAbout(engine: ChatEngine, cases: ReadonlyArray<readonly [string, string]>): Promise<void> {
  for (const [question, id] of cases) {
    const [answer] = await converse(engine, [question]);
    assert.equal(answer!.understanding.concepts[0]?.id, id, question);
  }
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

  it('recognises a problem from the signs a learner describes, names it, then says why it happens and how to avoid it', async () => {
    const [diagnosis, avoid] = await converse(engine, [
      "Pourquoi mon modèle a une perte d'entraînement très basse mais de mauvais résultats sur le test ?",
      'Comment on peut éviter ça ?',
    ]);
    const overfitting = glossary.withDetails(glossary.get('overfitting')!);
    assert.deepEqual(diagnosis!.understanding.concepts.map((concept) => concept.id), ['overfitting']);
    assert.match(diagnosis!.text, /^Cela ressemble à un cas de surapprentissage\.\n\n/);
    assert.ok(diagnosis!.text.split('\n\n')[1]!.startsWith(overfitting.fr.sections!.causes!.slice(0, 60)), diagnosis!.text);
    assert.match(diagnosis!.text, /\n\nLe surapprentissage est une situation/);
    // A diagnosis ends with the first way to avoid it; "how do we avoid it?" then gets the others.
    const [firstFix, ...otherFixes] = overfitting.fr.sections!.remedies!.split(/(?<=\.) /u);
    assert.ok(diagnosis!.text.endsWith(firstFix!), diagnosis!.text);
    assert.equal(avoid!.understanding.intent, 'remedy');
    assert.ok(avoid!.text.startsWith(otherFixes.join(' ').slice(0, 60)), avoid!.text);
  });

  it('recognises a mechanism described in a learner’s words, and keeps a named term that is only part of the description', async () => {
    const [, reading] = await converse(engine, ['What is a context window?', 'How does the model actually read my text, word by word?']);
    assert.deepEqual(reading!.understanding.concepts.map((concept) => concept.id), ['tokenizer']);
    assert.match(reading!.text, /^That is the job of the tokenizer\./);
    const [layers] = await converse(engine, ['Comment on calcule le gradient dans un réseau avec plein de couches ?']);
    assert.deepEqual(layers!.understanding.concepts.map((concept) => concept.id), ['backpropagation']);
  });

  it('takes a symptom told about one’s own work as the question, whatever setting it names', async () => {
    const [nan] = await converse(engine, ["my loss goes down for a few hundred steps and then suddenly becomes nan. Adam, lr=3e-4. what's going on?"]);
    assert.deepEqual(nan!.understanding.concepts.map((concept) => concept.id), ['nan-loss']);
    assert.equal(nan!.understanding.intent, 'cause');
  });

  it('compares two things named together when asked "why both?", and weighs "can’t we just X" against the topic', async () => {
    const [both] = await converse(engine, ['In our script I see `model.eval()` and then `with torch.no_grad():` before predictions. Why both?']);
    assert.equal(both!.understanding.intent, 'contrast');
    assert.deepEqual(both!.understanding.concepts.map((concept) => concept.id), ['train-eval-mode', 'no-grad']);
    const [, instead] = await converse(engine, ['À quoi sert la validation croisée ?', 'On peut pas juste faire un seul découpage train/test ?']);
    assert.equal(instead!.understanding.intent, 'contrast');
    assert.deepEqual(instead!.understanding.concepts.map((concept) => concept.id), ['cross-validation', 'train-validation-test-split']);
  });

  it('takes "what about X?" as a new subject, "does it hurt quality?" as the limits, "explain like I’m 5" as a follow-up', async () => {
    const [, about, hurt, eli5] = await converse(engine, ['So is attention like an ensemble?', 'What about flash attention, is it a different model?', 'Does quantization hurt quality much?', 'Explain like im 5']);
    assert.deepEqual(about!.understanding.concepts.map((concept) => concept.id), ['flash-attention']);
    assert.notEqual(about!.understanding.intent, 'contrast');
    assert.equal(hurt!.understanding.intent, 'limits');
    assert.equal(eli5!.understanding.intent, 'simple');
    assert.deepEqual(eli5!.understanding.concepts.map((concept) => concept.id), ['quantization']);
  });

  it('names a described concept once: described again while it is the topic, it is a follow-up', async () => {
    const [first, again] = await converse(engine, ['Comment le modèle choisit le mot suivant ?', "C'est pour ça que les réponses changent à chaque fois ?"]);
    assert.equal(first!.understanding.described, true);
    assert.deepEqual(again!.understanding.concepts.map((concept) => concept.id), first!.understanding.concepts.map((concept) => concept.id));
    assert.ok(!again!.understanding.described);
  });

  it('answers "why X instead of Y?" about the chosen X, and "is it better than Y?" as a comparison with the topic', async () => {
    const [why] = await converse(engine, ["Pourquoi on utilise des CNN plutôt qu'un réseau classique pour les images ?"]);
    assert.equal(why!.understanding.intent, 'why');
    assert.deepEqual(why!.understanding.concepts.map((concept) => concept.id), ['convolutional-neural-network']);
    const [, better] = await converse(engine, ["What's gradient boosting?", 'Is it better than random forest?']);
    assert.equal(better!.understanding.intent, 'contrast');
    assert.deepEqual(better!.understanding.concepts.map((concept) => concept.id), ['gradient-boosting', 'random-forest']);
    const [confuses] = await converse(engine, ["Mon modèle confond les chats et les chiens dès que l'éclairage change, pourquoi ?"]);
    assert.notEqual(confuses!.understanding.intent, 'contrast');
  });

  it('keeps a short request for a part on the topic, a typo-like word of it aside, and answers "how do we protect against that?"', async () => {
    const [, history, example] = await converse(engine, ["C'est quoi le warmup ?", "Et ça vient d'où, le warmup ?", "T'as un exemple de valeurs ?"]);
    assert.equal(history!.understanding.intent, 'history');
    assert.equal(example!.understanding.intent, 'example');
    assert.deepEqual(example!.understanding.concepts.map((concept) => concept.id), ['learning-rate-warmup']);
    const [injection, protect] = await converse(engine, ['A user wrote "ignore previous instructions" in a ticket and the bot leaked our system prompt. What happened?', 'How do we protect against that?']);
    assert.deepEqual(injection!.understanding.concepts.map((concept) => concept.id), ['prompt-injection']);
    assert.equal(protect!.understanding.intent, 'remedy');
  });

  it('reads "I mix up X and Y" as a comparison of both, whatever signs it holds; « qu’apporte » asks for the purpose even of a problem', async () => {
    const [mixUp, purpose] = await converse(engine, ['I mix up reinforcement learning from human feedback and direct preference optimization, help?', "Qu'apporte le surapprentissage ?"]);
    assert.equal(mixUp!.understanding.intent, 'contrast');
    assert.deepEqual(mixUp!.understanding.concepts.map((concept) => concept.id), ['rlhf', 'direct-preference-optimization']);
    assert.equal(purpose!.understanding.intent, 'why');
  });

  it('keeps a name’s capitals after a lead-in (« Un exemple de fonction d’activation : ReLU agit... »)', async () => {
    const [answer] = await converse(engine, ['À quoi ressemble la nonlinear-activation dans un vrai projet ?']);
    assert.doesNotMatch(answer!.text, /reLU/);
  });

  it('keeps "why does that help?" on the topic however long the remark after it, and takes "why not just X?" as a fix proposed for a problem', async () => {
    const [, that] = await converse(engine, ['A colleague put dropout=0.1 in the model config, what does that actually do?', "Why does that help? Sounds like you're just breaking the network on purpose"]);
    assert.deepEqual(that!.understanding.concepts.map((concept) => concept.id), ['dropout']);
    assert.equal(that!.understanding.intent, 'why');
    const [, popular] = await converse(engine, ["What's the cold start problem?", 'Why not just show the most popular products to everyone?']);
    assert.deepEqual(popular!.understanding.concepts.map((concept) => concept.id), ['cold-start']);
    assert.equal(popular!.understanding.intent, 'remedy');
  });

  it('answers a comparison inside one entry from it, and a doubt naming another concept with what sets them apart', async () => {
    const [, within, doubt] = await converse(engine, [
      "Qu'est-ce qu'un réseau de neurones convolutif ?",
      'Quelle est la différence entre la précision et le rappel ? Je les confonds toujours.',
      "Vous êtes sûr ? J'avais lu que la précision, c'était le pourcentage de bonnes réponses.",
    ]);
    assert.deepEqual(within!.understanding.concepts.map((concept) => concept.id), ['precision-and-recall']);
    assert.equal(doubt!.understanding.intent, 'contrast');
    assert.deepEqual(doubt!.understanding.concepts.map((concept) => concept.id), ['precision-and-recall', 'accuracy']);
  });

  it('answers thanks as thanks even when they say « c’est beaucoup plus clair », and takes the first of two questions as the lead', async () => {
    const [, thanks] = await converse(engine, ["Qu'est-ce que l'augmentation de données ? Est-ce que ça marche aussi pour les séries temporelles ?", 'Merci beaucoup, c’est beaucoup plus clair.']);
    assert.equal(thanks!.understanding.intent, 'smalltalk');
    const [compound] = await converse(engine, ["Qu'est-ce que l'augmentation de données ? Est-ce que ça marche aussi pour les séries temporelles ?"]);
    assert.equal(compound!.understanding.intent, 'what');
  });

  it('answers an out-of-memory error with what frees GPU memory', async () => {
    const [oom] = await converse(engine, ['Now I get torch.cuda.OutOfMemoryError as soon as I set batch_size to 512, what should I do?']);
    assert.equal(oom!.understanding.intent, 'remedy');
    assert.deepEqual(oom!.understanding.concepts.map((concept) => concept.id), ['gpu-memory']);
  });

  it('recognises a problem told as a story without "my", and figures as figures (99 % where a sign says 100 %)', async () => {
    const [drift] = await converse(engine, ["After deployment the predictions looked great for a month, but now they're getting worse and nobody touched the model. What's going on?"]);
    assert.deepEqual(drift!.understanding.concepts.map((concept) => concept.id), ['data-drift']);
    const [overfit] = await converse(engine, ["Mon modèle a 99 % de réussite sur l'entraînement mais 60 % sur les données de test, qu'est-ce qui se passe ?"]);
    assert.deepEqual(overfit!.understanding.concepts.map((concept) => concept.id), ['overfitting']);
  });

  it('answers "why not just X?" with what the topic is for when nothing curated compares them', async () => {
    const [, gpu] = await converse(engine, ['What does quantization do to a model?', 'Why not just buy a bigger GPU instead?']);
    assert.equal(gpu!.understanding.intent, 'why');
    assert.deepEqual(gpu!.understanding.concepts.map((concept) => concept.id), ['quantization']);
    const [, dense] = await converse(engine, ["C'est quoi un réseau de neurones convolutif ?", "Et pourquoi on n'utilise pas juste un réseau normal entièrement connecté ?"]);
    assert.deepEqual(dense!.understanding.concepts.map((concept) => concept.id), ['convolutional-neural-network']);
  });

  it('answers "I always mix up precision and recall" from the one entry that holds both, not against the topic', async () => {
    const [, both] = await converse(engine, ["C'est quoi le surapprentissage ?", "Je confonds toujours la précision et le rappel, c'est quoi la différence ?"]);
    assert.deepEqual(both!.understanding.concepts.map((concept) => concept.id), ['precision-and-recall']);
  });

  it('keeps the topic when a question compares with it: "longer than that" asks what happens past its limit', async () => {
    const [, longer] = await converse(engine, ['What is a context window?', 'What happens when my prompt is longer than that?']);
    assert.deepEqual(longer!.understanding.concepts.map((concept) => concept.id), ['context-window']);
    assert.equal(longer!.understanding.intent, 'limits');
    const [, tooBig] = await converse(engine, ["C'est quoi le taux d'apprentissage ?", "Que se passe-t-il s'il est trop grand ?"]);
    assert.equal(tooBig!.understanding.intent, 'limits');
    assert.deepEqual(tooBig!.understanding.concepts.map((concept) => concept.id), ['learning-rate']);
  });

  it('answers "how do I avoid it" with the remedies of the problem, whichever concept is named first', async () => {
    const [answer] = await converse(engine, ['Can dropout help me prevent overfitting?']);
    assert.equal(answer!.understanding.intent, 'remedy');
    assert.deepEqual(answer!.understanding.concepts.map((concept) => concept.id), ['overfitting']);
  });

  it('sums up the conversation when the learner says it is a lot, one named sentence a concept, nothing else repeated', async () => {
    const answers = await converse(engine, ['What is a token?', 'And what is temperature?', 'What is RAG?', "That's a lot to take in."]);
    const recap = answers[3]!;
    assert.equal(recap.understanding.remark, 'recap');
    assert.match(recap.text, /^In short, what we have covered: A token is .* Temperature is .* Retrieval-augmented generation is /s);
    const [, long] = await converse(engine, ['What is quantization?', 'Can you sum up what I should remember for shipping this, like 3 bullet points?']);
    assert.equal(long!.understanding.remark, 'recap');
    const [, french] = await converse(engine, ["C'est quoi un jeton ?", 'Tu peux résumer ?']);
    assert.match(french!.text, /^En bref, ce que nous avons vu : (?:Le|Un) jeton est /);
  });

  it('takes "that\'s a lot" after one concept as a wish for simpler words, and "sounds easy to avoid, I bet it isn\'t" as a doubt', async () => {
    const [, lot] = await converse(engine, ['What is quantization?', "That's a lot to take in."]);
    assert.equal(lot!.understanding.intent, 'simple');
    const [, doubt] = await converse(engine, ['What is overfitting?', "Sounds easy to avoid, I bet it isn't."]);
    assert.equal(doubt!.understanding.intent, 'limits');
  });

  it('takes a long doubt about the topic as a doubt, whatever words of it match some definition', async () => {
    const [, doubt] = await converse(engine, ["C'est quoi l'apprentissage par renforcement ?", "Mouais, je suis pas sûr que ce soit vraiment de l'apprentissage s'il essaie juste des trucs au hasard"]);
    assert.equal(doubt!.understanding.intent, 'limits');
    assert.deepEqual(doubt!.understanding.concepts.map((concept) => concept.id), ['reinforcement-learning']);
  });

  it('answers "that\'s a lot, put it more simply" with simpler words, and "is that related?" on the topic, never the refusal', async () => {
    const [, , simpler] = await converse(engine, ['What is the learning rate?', 'And if it is much smaller?', "OK that's a lot. Can you put it more simply?"]);
    assert.equal(simpler!.understanding.intent, 'simple');
    const [, related] = await converse(engine, ['What is accuracy?', 'Most of our collection is Roman pottery and only a handful of Viking pieces. It almost never says Viking. Is that related?']);
    assert.notEqual(related!.understanding.intent, 'ood');
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
    // A problem is not offered as if it were good for something: its causes are.
    const [overfitting] = await converse(engine, ["Qu'est-ce que le surapprentissage ?"]);
    assert.ok(!overfitting!.suggestions.some((question) => /intérêt/.test(question)), JSON.stringify(overfitting!.suggestions));
  });

  it('finds the entry a need describes in its own words, and stays on it for "is that enough?" and "what if...?"', async () => {
    const [shop, what, enough] = await converse(engine, [
      'Je gère un petit magasin de vélos et je voudrais prévoir mes ventes du mois prochain à partir des ventes passées. Comment faire ?',
      'Et si un concurrent ouvre juste à côté ?',
      "Est-ce que deux ans de données, c'est assez ?",
    ]);
    // A project's opening: the kind of task, then the steps; the follow-ups are about the task.
    assert.deepEqual(shop!.understanding.concepts.map((concept) => concept.id), ['time-series-forecasting', 'machine-learning-workflow']);
    assert.equal(shop!.understanding.intent, 'how');
    // (Two years of data asks how much data is needed; a competitor next door, whether the forecast holds.)
    assert.deepEqual(enough!.understanding.concepts.map((concept) => concept.id), ['training-set-size']);
    assert.deepEqual(what!.understanding.concepts.map((concept) => concept.id), ['time-series-forecasting']);
    assert.equal(what!.understanding.intent, 'limits');
    const [shortcut] = await converse(engine, ["Why can't we just train a classifier and report its accuracy?"]);
    assert.equal(shortcut!.understanding.intent, 'limits');
    assert.deepEqual(shortcut!.understanding.concepts.map((concept) => concept.id), ['accuracy']);
    const [, how, will] = await converse(engine, ['What is LoRA?', 'And how does it work?', 'Will it still work on my old laptop?']);
    assert.equal(how!.understanding.intent, 'how');
    assert.equal(will!.understanding.intent, 'limits');
    const [fraud] = await converse(engine, ['Our bank wants to catch fraudulent card payments automatically, but fraud is very rare in our data. Where should we start?']);
    assert.deepEqual(fraud!.understanding.concepts.map((concept) => concept.id), ['anomaly-detection', 'machine-learning-workflow']);
  });

  it('takes a shortcut proposed after a topic to the linked entry that is that shortcut', async () => {
    const [, naive] = await converse(engine, ['How does time series forecasting work?', 'Why not simply reuse the sales of the same week last year as the forecast?']);
    assert.deepEqual(naive!.understanding.concepts.map((concept) => concept.id), ['baseline-model']);
  });

  it('never takes an everyday word for a typo of a term, nor a definition sharing a few words for the subject', async () => {
    const [players, model, boxes] = await converse(engine, [
      'I have logs of every player and their scores, where do I start?',
      'Could a model help me sort my holiday photos?',
      'Combien de boîtes de médicaments faut-il commander ?',
    ]);
    assert.ok(!players!.understanding.concepts.some((concept) => concept.id === 'layer'));
    assert.ok(!model!.understanding.concepts.some((concept) => concept.id === 'autoregressive-model'));
    assert.ok(!boxes!.understanding.concepts.some((concept) => concept.id === 'throughput'));
    const [cheaters] = await converse(engine, ['I only have about 40 confirmed cheaters out of 200,000 players. Is that a problem?']);
    assert.ok(!cheaters!.understanding.concepts.some((concept) => concept.id === 'cold-start'), cheaters!.understanding.concepts.map((c) => c.id).join());
    const [typo, spaced] = await converse(engine, ['what is a tranformer?', 'explain self atention']);
    assert.deepEqual(typo!.understanding.concepts.map((concept) => concept.id), ['transformer']);
    assert.equal(spaced!.understanding.concepts[0]?.id, 'self-attention');
  });

  it('says plainly that no entry answers a question in the field, and keeps the refusal for questions outside it', async () => {
    const [pdfs] = await converse(engine, ['I have thousands of leaked PDFs. Could a model help me find the ones that talk about the same topic?']);
    assert.equal(pdfs!.text, NO_ENTRY.en);
    const [wish] = await converse(engine, ["J'aimerais un outil qui m'aide à trier les CV que je reçois. C'est faisable ?"]);
    assert.equal(wish!.text, NO_ENTRY.fr);
    const [wall] = await converse(engine, ['What year did the Berlin Wall fall?']);
    assert.equal(wall!.text, REFUSAL.en);
  });

  it('takes a doubt for one about the conversation’s concept when it says more of it than of the everyday term it names', async () => {
    const [, doubt] = await converse(engine, [
      'How does anomaly detection work?',
      "Hmm, that sounds fragile. Temperature changes the readings all the time, won't it flag every cold morning as an anomaly?",
    ]);
    assert.equal(doubt!.understanding.intent, 'limits');
    assert.deepEqual(doubt!.understanding.concepts.map((concept) => concept.id), ['anomaly-detection']);
  });

  it('answers a question no entry covers from the topic’s sentence closest to it, not from its next part', async () => {
    const [, close] = await converse(engine, ['What is anomaly detection?', 'So the model learns what normal looks like, and then a score with a threshold decides?']);
    assert.ok(close!.understanding.uncovered);
    assert.match(close!.passages.map((passage) => passage.text).join(' '), /learns what normal looks like/);
  });

  it('keeps a recap short enough to be written whole, conclusions after the gists while there is room', async () => {
    const answers = await converse(engine, [
      "Quelles sont les limites de l'exactitude ?",
      'Quels sont les pièges des données manquantes ?',
      'Quelles sont les limites de la validation croisée ?',
      'Quelles sont les limites de la régularisation ?',
      'Quelles sont les limites du gradient boosting ?',
      'Tu peux me résumer ce qu’on a dit ?',
    ]);
    const recap = answers[answers.length - 1]!;
    assert.equal(recap.understanding.remark, 'recap');
    const text = recap.passages.map((passage) => passage.text).join(' ');
    assert.ok(text.length <= 1000, `${text.length} characters`);
    const listed = recap.passages.flatMap((passage) => passage.conceptIds);
    assert.ok(listed.length >= 3, listed.join());
    for (const concept of recap.understanding.concepts.filter((c) => listed.includes(c.id))) assert.ok(text.includes(concept.fr.term.slice(1, 8)), concept.id);
  });

  it('answers a project’s opening with the kind of task it is, when that is clear, then the steps, in order', async () => {
    const [bakery] = await converse(engine, ['I run a small bakery chain and want to predict how many croissants each shop will sell tomorrow. Where do I start?']);
    assert.deepEqual(bakery!.sources, ['regression', 'machine-learning-workflow']);
    const text = bakery!.text;
    // The kind of project, said as such (no "this is where X comes in" on a first turn).
    assert.ok(text.indexOf('This is a regression project.') === 0, text);
    assert.ok(text.indexOf('Regression is') < text.indexOf('A machine learning project starts'), 'the task, then the steps');
    const [bank] = await converse(engine, ['Je travaille dans une banque et on voudrait repérer les transactions suspectes. Par où commencer ?']);
    assert.deepEqual(bank!.sources, ['anomaly-detection', 'machine-learning-workflow']);
    assert.match(bank!.text, /^Repérer les transactions suspectes : c'est un projet de détection d'anomalies\./);
    assert.match(bank!.text, /Un projet de machine learning commence par formuler ce que le modèle doit prédire/);
    // A close call between two kinds of task (urgent tickets: a search or a classification?) gets the steps, no guess.
    const [tickets] = await converse(engine, ['My boss wants a model that tells which support tickets are urgent so they get answered first. How should I approach this?']);
    assert.deepEqual(tickets!.sources, ['machine-learning-workflow']);
    // "Where do I start?" alone, in a conversation, asks how the topic in play is done; a named technique stays the subject.
    const [, start] = await converse(engine, ['What is fine-tuning?', 'Where do I even start?']);
    assert.deepEqual(start!.sources, ['fine-tuning']);
    const [brewery] = await converse(engine, ['We log temperature, gravity and pH from every fermentation tank every 10 minutes. I would like to predict when a batch gets stuck. Where do I start?']);
    assert.ok(brewery!.sources.includes('machine-learning-workflow'), brewery!.sources.join());
    const [boosting] = await converse(engine, ['I want to try gradient boosting on the sales of my shops. Where do I start?']);
    assert.ok(!boosting!.sources.includes('machine-learning-workflow'), boosting!.sources.join());
  });

  it('takes a rare class told in figures for class imbalance, and says why it matters unless asked what to do', async () => {
    const [claims] = await converse(engine, ['Only about 1 in 200 of our claims turns out to be fraud. Is that a problem for training?']);
    assert.deepEqual(claims!.sources, ['class-imbalance']);
    // (Their own figures come right after the name: what 1 in 200 means for accuracy.)
    assert.match(claims!.text, /^That is a case of class imbalance\.\n\nWith 1 in 200 claims \(0\.5%\) being the cases to find, a model that always answers "no" would be right 99\.5% of the time[^\n]*\n\nClass imbalance matters because/);
    const [players] = await converse(engine, ['Nous avons 40 tricheurs confirmés sur 200 000 joueurs. Que faire ?']);
    assert.deepEqual(players!.sources, ['class-imbalance']);
    assert.equal(players!.understanding.intent, 'remedy');
    // A score that high with a class never found is the same story, told by its symptom.
    const [paradox] = await converse(engine, ['I trained a model and it says 97% accuracy, but it never flagged a single one of the stuck batches in my test set. What is going on?']);
    assert.deepEqual(paradox!.sources, ['class-imbalance']);
    // A brewery's temperature and batches are not the sampling temperature and the mini-batch.
    const [batches] = await converse(engine, ['This sounds fragile, we only have about 40 stuck batches out of 900 in our history.']);
    assert.deepEqual(batches!.sources, ['class-imbalance']);
    // A split of the data or an error rate is no rare class.
    for (const question of ['I train on 80% of the data and test on 20%. Is that a problem?', 'My model is at 3% error on the test set, is that good?']) {
      const [answer] = await converse(engine, [question]);
      assert.ok(!answer!.sources.includes('class-imbalance'), question);
    }
  });

  it('sums up what to do as numbered steps, one a concept in the order met, each saying what to do about it', async () => {
    const answers = await converse(engine, ['What is overfitting?', 'What is data leakage?', 'Can you summarize what I should do, in a few steps?']);
    const steps = answers[2]!;
    assert.deepEqual(steps.sources, ['overfitting', 'data-leakage']);
    // Each step is its entry's own, whole: what to do about it in a project.
    const stepOf = (id: string) => glossary.withDetails(glossary.get(id)!).en.step!;
    assert.equal(steps.text, ['What to do, step by step, from what we covered:', `1. ${stepOf('overfitting')}`, `2. ${stepOf('data-leakage')}`].join('\n\n'));
    // A conversation that opened a project sums up with the project's steps first.
    const project = await converse(engine, ['I run a bakery and want to predict how many croissants each shop will sell tomorrow. Where do I start?', 'What is overfitting?', 'OK, can you sum up what I should do, step by step?']);
    assert.equal(project[2]!.sources[0], 'machine-learning-workflow');
    assert.ok(project[2]!.text.split('\n\n')[1]!.startsWith(`1. ${stepOf('machine-learning-workflow').slice(0, 30)}`), project[2]!.text);
    // A plan too long for one answer keeps whole sentences: no step cut off in the middle, no bracket left open.
    for (const step of project[2]!.text.split('\n\n').slice(1)) {
      assert.match(step, /\.$/u, step);
      assert.equal((step.match(/\(/gu) ?? []).length, (step.match(/\)/gu) ?? []).length, step);
    }
    // (A plan that keeps many steps keeps each to a line or two.)
    assert.ok(project[2]!.text.includes(`. ${stepOf('overfitting').slice(0, 120)}`), project[2]!.text);
    // A project on a table of records builds its features and trains a first model, whether the conversation came to them or not.
    for (const id of ['feature-engineering', 'random-forest']) assert.ok(project[2]!.sources.includes(id), id);
    // A concept with nothing to do about it makes no step: the gradient, only named, makes none.
    const named = await converse(engine, ['What is a gradient?', 'What is overfitting?', 'OK, can you sum up what I should do, step by step?']);
    assert.deepEqual(named[2]!.sources, ['overfitting']);
    const [, , etapes] = await converse(engine, ["C'est quoi le surapprentissage ?", "Et la fuite de données ?", 'Pouvez-vous résumer les étapes principales ?']);
    assert.match(etapes!.text, /^Ce qu'il faut faire, étape par étape, d'après ce que nous avons vu :\n\n1\. /);
    // Where to go next starts from where the conversation ended, and offers nothing offered under the answer before.
    assert.ok(!steps.suggestions.some((suggestion) => /overfitting/i.test(suggestion) || answers[1]!.suggestions.includes(suggestion)), steps.suggestions.join(' | '));
  });

  it('takes a hand-written rule proposed instead of a model for the baseline it is, in both languages', async () => {
    const [, alarm] = await converse(engine, ['How does a random forest make a decision?', 'Why not just set an alarm when the gravity stops dropping for 12 hours?']);
    assert.deepEqual(alarm!.sources, ['baseline-model']);
    assert.match(alarm!.text, /^That is a baseline model: the score any model has to beat\./);
    assert.match(alarm!.text, /hand-written rule/);
    const [, seuil] = await converse(engine, ['Et un autoencodeur, ça marche comment ?', "Pourquoi ne pas juste mettre un seuil fixe sur l'amplitude des vibrations ?"]);
    assert.deepEqual(seuil!.sources, ['baseline-model']);
    // A problem's own fixes still answer a shortcut proposed for it.
    const [, popular] = await converse(engine, ['What is the cold start problem?', 'Why not just show the most popular products?']);
    assert.deepEqual(popular!.sources, ['cold-start']);
  });

  it('takes "good where it learnt, bad elsewhere" for overfitting, and "good on the past, bad now" for data drift, however worded', async () => {
    const [turbine] = await converse(engine, ["Mon modèle marche super bien sur les données d'entraînement mais dès que je le teste sur une autre éolienne il rate presque tout. Tu sais pourquoi ?"]);
    assert.deepEqual(turbine!.sources, ['overfitting']);
    assert.match(turbine!.text, /^Cela ressemble à un cas de surapprentissage\./);
    const [claims] = await converse(engine, ["The model did great on our old claims but worse on this year's claims. Why?"]);
    assert.deepEqual(claims!.sources, ['data-drift']);
    // A loss that drops is no bad result; a slow model is no overfitting.
    for (const question of ['The training went fine but then the loss drops to NaN', "It works great but it's slow, why?"]) {
      const [answer] = await converse(engine, [question]);
      assert.ok(!answer!.sources.includes('overfitting') && !answer!.sources.includes('data-drift'), question);
    }
  });

  it('answers "what is X, and do I need it here?" with what X is for, then what it is', async () => {
    const [scaling] = await converse(engine, ["C'est quoi la normalisation des données, et est-ce que j'en ai besoin ici ?"]);
    assert.equal(scaling!.understanding.intent, 'why');
    assert.ok(scaling!.text.startsWith(glossary.get('feature-scaling')!.fr.sections!.why!.slice(0, 60)), scaling!.text);
    const [dropout] = await converse(engine, ['What is dropout?']);
    assert.equal(dropout!.understanding.intent, 'what');
  });

  it('knows more situations told in a learner’s words: a dominant class, several labels at once, a share of cases', async () => {
    const cases: [string, string][] = [
      ['Le modèle range presque tout en « roman », même des livres de cuisine. Qu’est-ce qui se passe ?', 'class-imbalance'],
      ['Un livre peut être à la fois jeunesse et histoire. Comment gérer ça ?', 'multi-label-classification'],
      ['Only 20 of the 400 hives died last winter. Is that a problem?', 'class-imbalance'],
      ["Our demand model was great last spring, but it's much worse on this year's orders. What happened?", 'data-drift'],
      ["Notre modèle donne d'excellents résultats sur les données d'entraînement, mais il se trompe beaucoup sur une autre région.", 'overfitting'],
    ];
    for (const [question, id] of cases) {
      const [answer] = await converse(engine, [question]);
      assert.deepEqual(answer!.sources, [id], question);
    }
    // The situation is named first, then what was asked of it, then what it is: in that order.
    const [labels] = await converse(engine, ['Un livre peut être à la fois jeunesse et histoire. Comment gérer ça ?']);
    const multiLabel = glossary.get('multi-label-classification')!.fr;
    const [how, definition] = [labels!.text.indexOf(multiLabel.sections!.how!.slice(0, 40)), labels!.text.indexOf(multiLabel.definition.slice(1, 40))];
    assert.ok(how > 0 && definition > how, labels!.text);
    // "Epoch 3 of 100" counts steps, not cases; « le résumé de l'éditeur » is no request for a recap; "at risk" no pitfall.
    const [epoch] = await converse(engine, ['At epoch 3 of 100 the loss becomes NaN. Why?']);
    assert.ok(!epoch!.sources.includes('class-imbalance'), epoch!.sources.join());
    const [, keywords] = await converse(engine, ["Qu'est-ce qu'un embedding ?", 'Pourquoi ne pas simplement chercher des mots-clés dans le résumé, comme « meurtre » ?']);
    assert.notEqual(keywords!.understanding.remark, 'recap');
    assert.deepEqual(keywords!.sources, ['baseline-model']);
    const [, risk] = await converse(engine, ['What is a random forest?', 'How does it actually decide which hives are at risk?']);
    assert.notEqual(risk!.understanding.intent, 'limits');
    // A worry that the data will change is data drift, answered with what to do; "X sounds fragile" asks X's limits.
    const [, publishers] = await converse(engine, ["Qu'est-ce que le fine-tuning ?", "Ça me paraît fragile : si les éditeurs changent leur façon d'écrire les résumés, tout s'effondre ?"]);
    assert.deepEqual(publishers!.sources, ['data-drift']);
    assert.equal(publishers!.understanding.intent, 'remedy');
    const [fragile] = await converse(engine, ['Cross-validation sounds fragile with so few dead hives, no?']);
    assert.deepEqual([fragile!.understanding.intent, ...fragile!.sources], ['limits', 'cross-validation']);
    // A shortcut the problem's own fixes name stays one of its fixes.
    const [, threshold] = await converse(engine, ['What is class imbalance?', 'Why not just move the threshold?']);
    assert.deepEqual(threshold!.sources, ['class-imbalance']);
    assert.equal(threshold!.understanding.intent, 'remedy');
  });

  it('takes a naive prediction or the past’s average for a baseline, asks of features and of which metric matters', async () => {
    const [, , majority] = await converse(engine, ['What is class imbalance?', 'And how do I handle it?', 'Why not just predict "no failure" for everything? That would be 98% accurate.']);
    assert.deepEqual(majority!.sources, ['baseline-model']);
    const [, average] = await converse(engine, ["C'est quoi une régression, exactement ?", 'Pourquoi ne pas juste prendre la moyenne des notes des années précédentes ?']);
    assert.deepEqual(average!.sources, ['baseline-model']);
    for (const question of [
      'Can you give me a concrete example of a feature I could build from the door open/close timings?',
      'Mes capteurs envoient une mesure toutes les 5 minutes, ça fait des milliers de valeurs. Je les mets toutes directement en entrée du modèle ?',
    ]) {
      const [answer] = await converse(engine, [question]);
      assert.deepEqual(answer!.sources, ['feature-engineering'], question);
    }
    const [, which] = await converse(engine, ["What's the difference between precision and recall?", 'Our technicians can only visit about 50 lifts a week, so which one should I care more about?']);
    assert.deepEqual([which!.understanding.intent, ...which!.sources], ['why', 'precision-and-recall']);
    // The overfitting story told with a score and "almost none", or with the two errors, and "what's going on?" asks why.
    for (const question of [
      "My model scores 0.97 on the data I trained it on but when I test it on last month's lifts it catches almost none of the failures. What's going on?",
      "Quand j'ajoute plus de variables, l'erreur sur mes données d'entraînement baisse mais l'erreur sur les meules de cette année augmente. Qu'est-ce qui se passe ?",
    ]) {
      const [answer] = await converse(engine, [question]);
      assert.deepEqual([answer!.understanding.intent, ...answer!.sources], ['cause', 'overfitting'], question);
    }
    // « Tu me conseilles de commencer par où ? » opens a project, whatever « température » and « affinage » name elsewhere.
    const [cheese] = await converse(engine, ["Salut ! Je suis développeuse dans une fromagerie, on a des capteurs de température et d'humidité dans nos caves d'affinage et je voudrais prédire la note de qualité de chaque meule. Tu me conseilles de commencer par où ?"]);
    assert.ok(cheese!.sources.includes('machine-learning-workflow'), cheese!.sources.join());
  });

  it('answers "what is a feature?" although the word alone names nothing in running text, and "is 300 enough?" from the entry on how much data', async () => {
    const [feature] = await converse(engine, ['What is a feature, exactly? Would "minutes between the two flights" be a feature?']);
    assert.deepEqual(feature!.sources, ['feature']);
    const [caracteristique] = await converse(engine, ["C'est quoi une caractéristique ?"]);
    assert.deepEqual(caracteristique!.sources, ['feature']);
    // A word that never names a concept alone does not in a definition question either.
    const [score] = await converse(engine, ["Qu'est-ce qu'un score ?"]);
    assert.ok(!score!.sources.includes('attention-scores'), score!.sources.join());
    for (const question of ['Je n’ai que 300 images annotées. Est-ce que c’est suffisant ?', 'Is a few thousand customers enough data to train this?', 'How much data do I need to train an image classifier?']) {
      const [answer] = await converse(engine, [question]);
      assert.deepEqual([answer!.understanding.intent, ...answer!.sources], ['how', 'training-set-size'], question);
    }
    // "Is two years of data enough?" after forecasting asks how much data a model needs, years counting it; GPUs are no examples.
    const [, years] = await converse(engine, ['What is time series forecasting?', 'Is two years of data enough?']);
    assert.deepEqual(years!.sources, ['training-set-size']);
    const [gpus] = await converse(engine, ['We only have 2 GPUs, is that enough to fine-tune Llama?']);
    assert.ok(!gpus!.sources.includes('training-set-size'), gpus!.sources.join());
    // « Normalisation des variables » is feature scaling, not the layers that normalise inside a network.
    const [scaling] = await converse(engine, ['Pouvez-vous me donner un exemple concret de normalisation des variables ?']);
    assert.deepEqual(scaling!.sources, ['feature-scaling']);
    // A worry that the schedule or the weather changes is data drift.
    for (const question of ['Honestly this sounds fragile. What happens when the flight schedule changes next season?', 'Ça me paraît fragile, la météo change tout le temps, non ?']) {
      const [, answer] = await converse(engine, ['What is regression?', question]);
      assert.deepEqual(answer!.sources, ['data-drift'], question);
    }
  });

  it('keeps the weightiest steps when they do not all fit: the project’s, then the problems met', async () => {
    const answers = await converse(engine, [
      'We want a camera to recognise bottles, cardboard and glass on our sorting belt. Where do I start?',
      'How does backpropagation work?',
      'We only have 800 labelled photos. Is that enough?',
      'Bizarre: my model gets 95% right, but it misses almost every piece of glass, which is rare on the belt. Why?',
      'Honestly, what happens when the lighting changes in winter? Will it break with the new conditions?',
      'Can you sum up what I should do, step by step?',
    ]);
    const steps = answers[5]!;
    assert.equal(steps.sources[0], 'machine-learning-workflow');
    assert.ok(steps.sources.includes('class-imbalance') && steps.sources.includes('data-drift'), steps.sources.join());
    assert.ok(!steps.sources.includes('backpropagation'), 'how a technique works is no step of the plan');
    // Short enough to be written whole within generation_config.json's max_new_tokens.
    assert.ok(steps.text.length < 1400, steps.text);
  });

  it('weighs a model proposed instead of the topic by its own limits, and reads a project whatever everyday words it names', async () => {
    const [, lstm] = await converse(engine, ['What is feature engineering?', 'Why not just use an LSTM on the raw readings instead?']);
    assert.deepEqual([lstm!.understanding.intent, ...lstm!.sources], ['limits', 'lstm']);
    const [, network] = await converse(engine, ["Qu'est-ce que la régression linéaire ?", 'Pourquoi ne pas utiliser directement un réseau de neurones ?']);
    assert.deepEqual([network!.understanding.intent, ...network!.sources], ['limits', 'neural-network']);
    const [pool] = await converse(engine, ["Hi, I write software for a company that sells pool-chemistry sensors (pH, chlorine and water temperature every 10 minutes). We'd like to warn owners a few days before their pool turns green with algae. Where do I start?"]);
    assert.ok(pool!.sources.includes('machine-learning-workflow') && !pool!.sources.includes('temperature'), pool!.sources.join());
    const [sales] = await converse(engine, ['Pouvez-vous me donner un exemple concret de variable que je pourrais construire à partir de nos données de ventes ?']);
    assert.deepEqual(sales!.sources, ['feature-engineering']);
    // Data measured over time is split in time order: the split's own answer says so.
    const [split] = await converse(engine, ['How should I split the data into training and test sets?']);
    assert.match(split!.text, /split chronologically/);
  });

  it('reads a worry about a change to come, a leak told in words, and scoring on the training data', async () => {
    const [, behave] = await converse(engine, ['How does logistic regression work?', 'Sounds fragile... what if people behave differently next season?']);
    assert.deepEqual(behave!.sources, ['data-drift']);
    const [, lighting] = await converse(engine, ["C'est quoi l'augmentation de données ?", "Ça a l'air fragile tout ça... si on change l'éclairage de l'atelier, tout est à refaire ?"]);
    assert.deepEqual(lighting!.sources, ['data-drift']);
    const [leak] = await converse(engine, ['Can you give me a concrete example of a feature that would leak the answer in my case?']);
    assert.deepEqual([leak!.understanding.intent, ...leak!.sources], ['example', 'data-leakage']);
    const [trainAll] = await converse(engine, ['Why not just train on all the data and check the accuracy on that?']);
    assert.deepEqual([trainAll!.understanding.intent, ...trainAll!.sources], ['why', 'train-validation-test-split']);
    const [, afterSplit] = await converse(engine, ['What is a train/test split?', 'Why not just train on all the data and check the accuracy on that?']);
    assert.deepEqual(afterSplit!.sources, ['overfitting']);
  });

  it('takes "just use the average rate" for a baseline and replacing the sensors for a change to come; a weak task type is not named', async () => {
    const [, average] = await converse(engine, ['What is logistic regression?', 'Why not just use the average no-show rate per clinic instead of a model?']);
    assert.deepEqual(average!.sources, ['baseline-model']);
    const [, sensors] = await converse(engine, ["C'est quoi la normalisation des données ?", 'Ça me paraît fragile : si on remplace les capteurs par un autre modèle, tout est à refaire ?']);
    assert.deepEqual(sensors!.sources, ['data-drift']);
    const [noShows] = await converse(engine, ['Hi, I do IT for a small chain of veterinary clinics and we want to predict which appointments will be no-shows so we can overbook. Where do I start?']);
    assert.deepEqual(noShows!.sources, ['machine-learning-workflow']);
  });

  it('words a suggested contrast with a term that holds "and" so that it reads, and asks « qu’est-ce qu’une caractéristique ? »', async () => {
    const [en] = await converse(engine, ['What are precision and recall?']);
    assert.ok(en!.suggestions.includes('Precision and recall versus accuracy: what is the difference?'), en!.suggestions.join(' | '));
    const [fr] = await converse(engine, ["Qu'est-ce que la précision et le rappel ?"]);
    assert.ok(fr!.suggestions.includes("La précision et le rappel face à l'exactitude : quelle différence ?"), fr!.suggestions.join(' | '));
    const [asked] = await converse(engine, ["La précision et le rappel face à l'exactitude : quelle différence ?"]);
    assert.deepEqual([asked!.understanding.intent, ...asked!.sources], ['contrast', 'precision-and-recall', 'accuracy']);
    const [scaling] = await converse(engine, ["C'est quoi l'ingénierie des caractéristiques ?"]);
    assert.ok(!scaling!.suggestions.some((suggestion) => suggestion.includes('que la caractéristique')), scaling!.suggestions.join(' | '));
  });
  it('says what a concept means in the kind of data the learner told of, first when asked of their own case', async () => {
    const field = (id: string, lang: 'en' | 'fr', kind: 'appointments' | 'machines') => glossary.withDetails(glossary.get(id)!)[lang].byField![kind]!;
    const [opening, precision, forUs, features, worry] = await converse(engine, [
      'I do IT for a chain of veterinary clinics and we want to predict which appointments will be no-shows. Where do I start?',
      'What are precision and recall?',
      'Which matters more for us, precision or recall, if a wrong overbooking means a vet runs late?',
      'Can you give me a concrete example of a feature I could build from our booking data?',
      'Sounds fragile. What if pet owners behave differently after we change our SMS reminders?',
    ]);
    // The project framed as a prediction in their data, then the steps of any project.
    assert.ok(opening!.text.includes(field('machine-learning-workflow', 'en', 'appointments')), opening!.text);
    // After a general answer, what it means for them; asked of their own case, that first.
    assert.ok(precision!.text.trimEnd().endsWith(field('precision-and-recall', 'en', 'appointments')), precision!.text);
    assert.ok(!forUs!.text.includes(field('precision-and-recall', 'en', 'appointments')), 'not shown twice');
    assert.ok(features!.text.includes(field('feature-engineering', 'en', 'appointments')), features!.text);
    assert.doesNotMatch(features!.text, /from another field|credit-card/);
    // A change to come is a risk, not a symptom.
    assert.match(worry!.text, /^That risk is called data drift\./);
    assert.ok(worry!.text.includes(field('data-drift', 'en', 'appointments')), worry!.text);
    const [, dansMonCas] = await converse(engine, [
      'Je suis ingénieur maintenance pour des trains régionaux et nous voudrions prédire les pannes de portes à partir des capteurs. Par où dois-je commencer ?',
      'Quelle est la différence entre la précision et le rappel dans mon cas ?',
    ]);
    assert.ok(dansMonCas!.text.startsWith(field('precision-and-recall', 'fr', 'machines')), dansMonCas!.text);
    // A learner who told of no data of their own gets the glossary's answer alone.
    const [general] = await converse(engine, ['What are precision and recall?']);
    assert.ok(general!.passages.every((passage) => passage.kind !== 'field'));
  });
  it('reads "X or Y, which first?" as a comparison, two classes counted apart as an imbalance, and "shouldn’t I rather ask an LLM?" as a shortcut', async () => {
    const [, which] = await converse(engine, ['How does gradient boosting work?', 'Random forest or gradient boosting, which should I try first for this?']);
    assert.equal(which!.understanding.intent, 'contrast');
    assert.deepEqual(which!.passages.map((passage) => passage.kind), ['contrast']);
    const [counted, again] = await converse(engine, [
      'Ça me paraît fragile : nous n’avons que 150 manuscrits jeunesse contre 1200 polars. Est-ce que ça pose problème ?',
      'Mon modèle affiche 90 % de bonnes réponses, mais il ne reconnaît presque jamais les essais. Comment est-ce possible ?',
    ]);
    assert.deepEqual(counted!.understanding.concepts.map((concept) => concept.id), ['class-imbalance']);
    // Told again while it is the topic, a high accuracy that never finds the rare class: what such an accuracy hides
    // (a model that always answers the frequent class gets it), never "no entry".
    assert.deepEqual(again!.understanding.concepts.map((concept) => concept.id), ['accuracy']);
    assert.equal(again!.understanding.intent, 'limits');
    assert.match(again!.text, /^L'exactitude est trompeuse avec des classes déséquilibrées : .* répond toujours/);
    const [llm] = await converse(engine, ['Est-ce que je ne devrais pas plutôt demander directement le genre à un grand modèle de langage ?']);
    assert.equal(llm!.understanding.concepts[0]!.id, 'zero-shot-classification');
    // The learner's idea has a name, and its pitfalls weigh it; their words describe no case of anything.
    assert.match(llm!.text, /^Cette approche s.appelle la classification zero-shot\.\n\n/);
    assert.equal(llm!.understanding.intent, 'limits');
    const [, average] = await converse(engine, ['How does logistic regression work?', 'Why not just use the average no-show rate per clinic instead of a model?']);
    assert.match(average!.text, /^That is a baseline model: the score any model has to beat\./);
    const [, , shuffle] = await converse(engine, ['I want to predict each flush’s yield from our grow-room logs. Where do I start?', 'What is the difference between a validation set and a test set?', 'Our harvests are in time order. Should I just shuffle them randomly before splitting?']);
    // Shuffling rows that follow time is answered by the split by time, and why a random one flatters.
    assert.deepEqual([shuffle!.understanding.intent, shuffle!.understanding.concepts[0]!.id], ['why', 'time-based-split']);
    assert.match(shuffle!.text, /a random split is over-optimistic/);
    assert.doesNotMatch(shuffle!.text, /That approach is called/);
  });

  it('sums up a project with a test set and a baseline whether or not the conversation came to them, each said once', async () => {
    const [, , plan] = await converse(engine, ['I run a bakery and want to predict how many croissants each shop will sell tomorrow. Where do I start?', 'What is overfitting?', 'OK, can you sum up what I should do, step by step?']);
    assert.deepEqual(plan!.sources.slice(0, 3), ['machine-learning-workflow', 'train-validation-test-split', 'baseline-model']);
    assert.equal((plan!.text.match(/test set/g) ?? []).length, 2, plan!.text);
    // However many problems the conversation met, the plan keeps them.
    const crowded = await converse(engine, [
      'I work at a city water utility and we want to predict which water mains are likely to burst next winter. Where do I start?',
      'What is class imbalance?',
      'My model shows 99% accuracy but it never flags a single pipe. What is going on?',
      'What is the difference between precision and recall?',
      'What is cross-validation?',
      'Can you give me a concrete example of a feature I could build from our pipe records?',
      'OK, can you sum up what I should do, step by step?',
    ]);
    assert.deepEqual(crowded.at(-1)!.sources.slice(0, 3), ['machine-learning-workflow', 'train-validation-test-split', 'baseline-model']);
  });
  it('takes ranking by one attribute for a baseline, and a doubt about outside factors for inputs to build', async () => {
    const [opening, sorted, frost] = await converse(engine, [
      'I work at a city water utility and we want to predict which water mains are likely to burst next winter. Where do I start?',
      'Why not just sort the pipes by age and replace the oldest ones first?',
      "Honestly this sounds fragile, bursts depend a lot on frost and we can't know next winter's weather in advance.",
    ]);
    // Which mains will burst is no forecast of a quantity over time, "next winter" notwithstanding.
    assert.ok(!opening!.understanding.concepts.some((concept) => concept.id === 'time-series-forecasting'));
    assert.match(sorted!.text, /^That is a baseline model: the score any model has to beat\./);
    assert.deepEqual(frost!.understanding.concepts.map((concept) => concept.id), ['feature-engineering']);
    // The utility told at the opening stays the learner's field, whatever words about the weather come later.
    assert.ok(frost!.passages.some((passage) => passage.kind === 'field' && /^With energy and utility data/.test(passage.text)), JSON.stringify(frost!.passages));
    const [, , meteo] = await converse(engine, [
      'Je gère une chaîne de boulangeries et je voudrais prévoir combien de baguettes cuire chaque matin. Par où commencer ?',
      'Qu’est-ce que la validation croisée ?',
      'Ça me paraît fragile, les ventes changent avec la météo, les vacances et les jours fériés...',
    ]);
    assert.deepEqual(meteo!.understanding.concepts.map((concept) => concept.id), ['feature-engineering']);
  });
  it('never offers again, under a recap, the follow-ups offered under the answer before it', async () => {
    const [, , last, recap] = await converse(engine, ['What is overfitting?', 'What is data leakage?', 'What is the difference between a random forest and gradient boosting?', 'OK, can you sum up what I should do, step by step?']);
    assert.ok(!recap!.suggestions.some((suggestion) => last!.suggestions.includes(suggestion)), JSON.stringify([last!.suggestions, recap!.suggestions]));
  });
  it('reads an orchard’s frost as no frozen layers, a year after the good ones as drift, and what one miss costs as precision against recall', async () => {
    const [opening, , drift, cost] = await converse(engine, [
      "Bonjour, je suis développeur dans une coopérative d'arboriculteurs et on voudrait prévenir les producteurs la veille quand il risque de geler dans les vergers. Par où est-ce que je commence ?",
      'C’est quoi exactement l’apprentissage supervisé ?',
      "J'ai entraîné un modèle qui est excellent sur les données de 2015 à 2022, mais sur le printemps 2023 il rate presque toutes les nuits de gel. Qu'est-ce qui se passe ?",
      'Tout ça me paraît un peu fragile : si le modèle se trompe une seule nuit, c’est toute une récolte de perdue, non ?',
    ]);
    assert.ok(opening!.understanding.project && !opening!.understanding.concepts.some((concept) => concept.id === 'parameter-freezing'));
    assert.equal(opening!.understanding.field, 'nature');
    assert.equal(drift!.understanding.concepts[0]!.id, 'data-drift');
    assert.equal(cost!.understanding.concepts[0]!.id, 'precision-and-recall');
    assert.match(cost!.text, /^Cela tient à la précision et au rappel\./);
    const [, , , onItsOwnData, majority, leak] = await converse(engine, [
      'We want to predict which booked donors will not show up so we can overbook. Where do I start?',
      'What is a train/test split and why do I need one?',
      'How does cross-validation work?',
      'Why not just train on all our data and check the accuracy on that same data?',
      'My first model gets 92% accuracy, but it basically says every single donor will show up. What’s going on?',
      'Can you give me a concrete example of a feature that would leak the answer in my no-show data?',
    ]);
    // Why a test set is kept apart was said: what a score on the training data hides is overfitting.
    assert.equal(onItsOwnData!.understanding.concepts[0]!.id, 'overfitting');
    assert.equal(majority!.understanding.concepts[0]!.id, 'class-imbalance');
    // The learner said "leak": the answer does not tell them that their words describe leakage.
    assert.doesNotMatch(leak!.text, /What you describe/);
    assert.ok(leak!.text.startsWith('With appointment and booking data'), leak!.text);
  });
  it('answers what a named concept is though compared with no concept, a score that falls ten points as overfitting, few plots as a question of data, a constant prediction as underfitting', async () => {
    const [, classification, , gap] = await converse(engine, [
      "Hi, I'm a dev at a volcano observatory. We have years of seismometer recordings that analysts labelled as earthquake, tremor, rockfall or noise, and I'd like to auto-label new events. Where do I start?",
      "What is a classification model exactly, compared to the rules I'd normally write by hand?",
      'What is a baseline model?',
      "My model gets 98% on the events I trained it on, but on last month's recordings it's around 70%. What's going on?",
    ]);
    assert.deepEqual(classification!.understanding.concepts.map((concept) => concept.id), ['classification']);
    assert.equal(gap!.understanding.concepts[0]!.id, 'overfitting');
    const [, few, mean] = await converse(engine, [
      'Je voudrais prédire le rendement en huile essentielle de chaque parcelle de lavande. Par où commencer ?',
      "J'ai seulement une quarantaine de parcelles sur six ans, ça me paraît un peu fragile tout ça, non ?",
      'Mon modèle prédit presque toujours la même valeur, autour de la moyenne, quelle que soit la météo. Qu’est-ce qui se passe ?',
    ]);
    assert.equal(few!.understanding.concepts[0]!.id, 'training-set-size');
    assert.equal(mean!.understanding.concepts[0]!.id, 'underfitting');
  });
  it('reads "sounds fragile" as no sound data, "which orders will need a remake" as no regression, switching vendors as drift, features for one order as feature engineering', async () => {
    const [opening, vendors, features] = await converse(engine, [
      'Hi, I write the order software for a dental lab that makes crowns. About 1 in 12 crowns comes back for a remake and my boss wants us to predict which orders will need one before we mill them. Where do I start?',
      "Sounds fragile though. If we switch intraoral scanner vendors next year, won't the whole thing break?",
      'Can you give me an example of what the features would look like for one of our crown orders?',
    ]);
    assert.ok(!opening!.understanding.concepts.some((concept) => concept.id === 'regression'));
    assert.equal(vendors!.understanding.concepts[0]!.id, 'data-drift');
    assert.equal(vendors!.understanding.field, undefined);
    assert.equal(features!.understanding.concepts[0]!.id, 'feature-engineering');
    const [, examiners] = await converse(engine, [
      'Je travaille pour une chaîne d’auto-écoles et nous voudrions prédire quels élèves vont échouer au permis. Par où commencer ?',
      "Ça me paraît fragile : si les examinateurs ou les parcours d'examen changent, le modèle ne vaudra plus rien, non ?",
    ]);
    assert.equal(examiners!.understanding.concepts[0]!.id, 'data-drift');
  });

  it('makes "what is it?" concrete and leaves the mechanism to "how?", where a pronoun of the entry reads as its term', async () => {
    const [what, how] = await converse(engine, ['What is a random forest?', 'How does it work?']);
    assert.equal(what!.passages[0]!.kind, 'definition');
    assert.ok(what!.passages.some((passage) => passage.kind === 'example' || passage.kind === 'intuition'), JSON.stringify(what!.passages));
    assert.ok(!what!.passages.some((passage) => passage.kind === 'how'), 'the mechanism waits for "how?"');
    assert.equal(how!.passages[0]!.kind, 'how');
    const [, probability] = await converse(engine, ['C’est quoi la régression logistique ?', 'Et concrètement, elle calcule comment la probabilité ?']);
    assert.match(probability!.text, /^La régression logistique calcule d'abord/);
  });

  it('reads a perfect score or unseen data as overfitting whatever model was tried, and "caught nothing" beside a high score as a rare class', async () => {
    const [tried, unseen, nothing] = await converse(engine, [
      'I tried a random forest on my delivery data: 100% right on the jobs I had, but on this week’s jobs it is wrong a third of the time. What is happening?',
      "Le modèle a 97 % sur les photos d'entraînement mais 55 % sur celles qu'il n'a jamais vues. Pourquoi ?",
      'Our model reports 95% accuracy but it caught nothing when the pump actually failed last week.',
    ]);
    assert.equal(tried!.understanding.concepts[0]!.id, 'overfitting');
    assert.equal(unseen!.understanding.concepts[0]!.id, 'overfitting');
    assert.equal(nothing!.understanding.concepts[0]!.id, 'class-imbalance');
  });

  it('reads a fleet or a supplier that changes as drift, « à peine 200 » as a question of data, variables to build and splitting one’s data', async () => {
    const cases: Array<[string, string]> = [
      ['The trucks in our fleet get replaced all the time, different brands too. Won’t the model simply break?', 'data-drift'],
      ['Si on change de fournisseur de farine, le modèle sera-t-il encore fiable ?', 'data-drift'],
      ["J'ai à peine 200 commandes annotées, est-ce que ça a du sens ?", 'training-set-size'],
      ['Quelles variables devrais-je calculer à partir des relevés du four ?', 'feature-engineering'],
      ['How should I split my sensor data for testing?', 'train-validation-test-split'],
    ];
    await assertEachAbout(engine, cases);
    const [, unchanged] = await converse(engine, ['What is a tokenizer?', 'Will it work with the new version of PyTorch?']);
    assert.notEqual(unchanged!.understanding.concepts[0]?.id, 'data-drift');
  });

  it('answers what to measure after a rare class, a contrast one entry holds, and "why not X?" against the choice the conversation made', async () => {
    const [, measure] = await converse(engine, ['My classifier says 99% accuracy but finds almost none of the defective parts. Why?', 'So what should I measure instead?']);
    assert.equal(measure!.understanding.concepts[0]!.id, 'precision-and-recall');
    const [pair] = await converse(engine, ['What is the difference between precision and recall? A false alarm costs us little.']);
    assert.deepEqual(pair!.understanding.concepts.map((concept) => concept.id), ['precision-and-recall']);
    const [, , lstm] = await converse(engine, ['How does gradient boosting work?', 'What is data drift?', 'Why not just use an LSTM instead?']);
    assert.equal(lstm!.understanding.intent, 'contrast');
    assert.deepEqual(lstm!.understanding.concepts.map((concept) => concept.id), ['gradient-boosting', 'lstm']);
    const [, scratch] = await converse(engine, ["Comment marche l'apprentissage par transfert ?", 'Pourquoi ne pas entraîner un modèle à partir de zéro ?']);
    assert.equal(scratch!.understanding.intent, 'contrast');
    assert.ok(scratch!.understanding.concepts.some((concept) => concept.id === 'training-from-scratch'));
  });

  it('reads a score that held in testing but not in production as a leak, "barely better than guessing" and a metric named as a story, a model going obsolete as drift', async () => {
    const cases: Array<[string, string]> = [
      ['We get 98% on the test set, but in production it is wrong all the time. What could explain that?', 'data-leakage'],
      ['My model gets R² = 0.96 on the data I trained it on, but on new batches it is barely better than guessing. Why?', 'overfitting'],
      ["Les tarifs changent à chaque saison : le modèle ne va-t-il pas devenir obsolète ?", 'data-drift'],
    ];
    await assertEachAbout(engine, cases);
    const [, , told] = await converse(engine, [
      'We want to predict which members will renew. Where do I start?',
      'What is overfitting?',
      'It gets almost every member right on the data I trained it on, but on this year’s members it is no better than chance. What’s going on?',
    ]);
    assert.equal(told!.understanding.concepts[0]!.id, 'overfitting');
    assert.equal(told!.passages[0]!.kind, 'causes', 'told again while it is the topic, the problem gets its causes');
  });

  it('takes a straight line proposed instead for the baseline, "could it help us?" as why, « concrètement » after « qu’est-ce que » as what it is', async () => {
    const [, line] = await converse(engine, ['How does gradient boosting work?', 'Why not just fit a straight line of yield against dose, like we do in Excel?']);
    assert.equal(line!.understanding.concepts[0]!.id, 'baseline-model');
    const [help] = await converse(engine, ['Nous avons des milliers d’avis clients. Qu’est-ce qu’un embedding, et est-ce que ça pourrait nous servir ?']);
    assert.equal(help!.understanding.intent, 'why');
    const [concrete] = await converse(engine, ['Qu’est-ce que la régression, concrètement ?']);
    assert.equal(concrete!.understanding.intent, 'what');
    assert.ok(concrete!.passages.some((passage) => passage.kind === 'example' || passage.kind === 'intuition'));
  });

  it('weighs « dois-je affiner le modèle ou le RAG suffit ? » as a choice between the two', async () => {
    const [choice] = await converse(engine, ['Est-ce que je dois affiner le modèle ou le RAG suffit ?']);
    assert.equal(choice!.understanding.intent, 'contrast');
    assert.deepEqual(choice!.understanding.concepts.map((concept) => concept.id).sort(), ['fine-tuning', 'retrieval-augmented-generation']);
  });

  it('follows a developer building on an LLM: the project is RAG, made-up answers are hallucination, keywords are weighed against semantic search, a setting is advised', async () => {
    const [opening] = await converse(engine, ['We want a chatbot that answers questions from our product manuals with an LLM. Where do I start?']);
    assert.ok(opening!.understanding.project && opening!.sources.includes('retrieval-augmented-generation'), opening!.sources.join());
    const [madeUp] = await converse(engine, ['Sometimes our support bot makes up things that don’t exist. Why does it do that?']);
    assert.equal(madeUp!.understanding.concepts[0]!.id, 'hallucination');
    const [, keywords] = await converse(engine, ['What are embeddings?', 'Why not just search by keywords?']);
    assert.equal(keywords!.understanding.intent, 'contrast');
    assert.deepEqual(keywords!.understanding.concepts.map((concept) => concept.id).sort(), ['bm25', 'semantic-search']);
    const [alike] = await converse(engine, ['How do we measure how alike two texts are?']);
    assert.equal(alike!.understanding.concepts[0]!.id, 'cosine-similarity');
    const [advice] = await converse(engine, ['What top_p should I use for a code assistant?']);
    assert.equal(advice!.passages[0]!.kind, 'step');
    assert.equal(advice!.text.split('\n\n')[0], glossary.withDetails(glossary.get('top-p-sampling')!).en.step);
  });

  it('reads a truck’s temperature and frozen loads as no model’s, while a sampling temperature asked about is one', async () => {
    const [trucks] = await converse(engine, ['Our trucks log the temperature every minute and some frozen loads spoil on the way. We want to predict which ones. Where do I start?']);
    assert.ok(!trucks!.sources.some((id) => id === 'temperature' || id === 'parameter-freezing'), trucks!.sources.join());
    const [creative] = await converse(engine, ['What temperature should I set for creative writing with an LLM?']);
    assert.equal(creative!.understanding.concepts[0]!.id, 'temperature');
  });

  it('plans a project on the learner’s documents from retrieval and real questions, not from a labelled table', async () => {
    const [opening, scratch, , test, plan] = await converse(engine, [
      'I need to build a bot that answers employees’ questions from our HR policies. Where do I start?',
      'Why not fine-tune a model on our policies instead of doing retrieval?',
      'What is chunking?',
      'How should we test it before rolling it out to everyone?',
      'Can you sum up what I should do, step by step?',
    ]);
    assert.ok(opening!.sources.includes('retrieval-augmented-generation'), opening!.sources.join());
    assert.ok(opening!.passages.some((passage) => passage.kind === 'step') && !opening!.text.includes('labelled examples'), opening!.text);
    assert.deepEqual(scratch!.understanding.concepts.map((concept) => concept.id).sort(), ['fine-tuning', 'retrieval-augmented-generation']);
    // (The assistant as a whole: its search and its answers, each measured, then end to end.)
    assert.equal(test!.understanding.concepts[0]!.id, 'rag-evaluation');
    // (Documents parsed first, then the pipeline, then the questions it is measured on.)
    assert.deepEqual(plan!.understanding.concepts.slice(0, 3).map((concept) => concept.id), ['retrieval-augmented-generation', 'document-parsing', 'retrieval-evaluation']);
    assert.ok(plan!.text.indexOf('document parsing') < plan!.text.indexOf('RAG pipeline'), plan!.text);
    assert.ok(!plan!.sources.includes('train-validation-test-split'), plan!.sources.join());
  });

  it('reads erratic scores since a change as drift, another hospital as a domain shift, a long doubt as one about the topic, an example asked with a long case', async () => {
    const [erratic] = await converse(engine, ['It was great last quarter, but since the new pricing in May its predictions are erratic. Why?']);
    assert.equal(erratic!.understanding.concepts[0]!.id, 'data-drift');
    const [hospital] = await converse(engine, ['We trained it on two hospitals and it works well there, but at a third hospital it is wrong most of the time. What is happening?']);
    assert.equal(hospital!.understanding.concepts[0]!.id, 'domain-adaptation');
    const [, doubt] = await converse(engine, ['What is chunking?', 'Honestly this sounds fragile, there are a lot of moving parts for something our nurses will rely on every single day']);
    assert.deepEqual([doubt!.understanding.intent, doubt!.understanding.concepts[0]!.id], ['limits', 'chunking']);
    const [, example] = await converse(engine, ['What is a classification threshold?', 'Can you give me a concrete example of choosing it for our case, with numbers, when we can only call 20 customers a day?']);
    assert.deepEqual([example!.understanding.intent, example!.understanding.concepts[0]!.id], ['example', 'classification-threshold']);
    const [roc] = await converse(engine, ['What are the ROC curve and AUC?']);
    assert.match(roc!.text, /^The ROC curve plots/);
  });

  it('reads the same items on both sides of a split and days shuffled into it as a leak, a failure within 90 days as no forecast, routing messages as classification', async () => {
    const cases: Array<[string, string]> = [
      ['We split rows at random and the same customers appear in both the training set and the test set. Is that bad?', 'data-leakage'],
      ["J'ai mélangé les jours au hasard avant de découper, les scores sont excellents, mais cette semaine le modèle est bien moins bon. Pourquoi ?", 'data-leakage'],
      ['Some rare species have only three or four photos. Will it learn anything for them?', 'class-imbalance'],
    ];
    await assertEachAbout(engine, cases);
    const [pumps] = await converse(engine, ['We want to predict which compressors will fail within the next 30 days from their maintenance logs. Where do I start?']);
    assert.ok(!pumps!.sources.includes('time-series-forecasting'), pumps!.sources.join());
    const [triage, , measured] = await converse(engine, [
      'On reçoit des centaines de courriels par jour et je voudrais un LLM pour les envoyer vers le bon service. Par où commencer ?',
      'Qu’est-ce que la classification zéro-shot ?',
      'Comment je mesure si le tri marche avant de le mettre en production ?',
    ]);
    assert.ok(triage!.sources.includes('multiclass-classification'), triage!.sources.join());
    assert.equal(measured!.understanding.concepts[0]!.id, 'confusion-matrix');
  });

  it('reads a seed lot as no random seed, "just say pass every time" as imbalance, a worry that names a made-up code as hallucination, a pass-or-fail project as binary', async () => {
    const [lots] = await converse(engine, ['Can you give me a concrete example with our seed lots and the germination test?']);
    assert.ok(!lots!.sources.includes('random-seed'), lots!.sources.join());
    await assertEachAbout(engine, [
      ['Only about 7% of the parts fail. Couldn’t the model just say "ok" every time and look great?', 'class-imbalance'],
      ['Why not duplicate the rare examples to balance the classes?', 'resampling'],
    ]);
    const [, worry] = await converse(engine, ['What is chunking?', 'Ça me paraît fragile : si le modèle invente un code d’erreur qui n’existe pas, que faire ?']);
    assert.equal(worry!.understanding.concepts[0]!.id, 'hallucination');
    const [germination] = await converse(engine, ['We want to predict whether a batch will pass the quality test before shipping it. Where do I start?']);
    assert.ok(germination!.sources.includes('binary-classification'), germination!.sources.join());
  });

  it('reads 85% that never flags anyone as imbalance, one feature too good to be true as a leak, « d’où ça vient ? » of a symptom as its cause, predicting breakdowns as yes or no', async () => {
    await assertEachAbout(engine, [
      ['It reaches 86% accuracy but it basically never flags anyone who cancels. Why?', 'class-imbalance'],
      ['One column, the number of reminder emails, makes the model almost perfect on the test set. Too good to be true?', 'data-leakage'],
    ]);
    const [madeUp] = await converse(engine, ['Le modèle invente parfois des références qui n’existent dans aucun manuel, d’un ton très sûr. D’où ça vient ?']);
    assert.deepEqual([madeUp!.understanding.intent, madeUp!.understanding.concepts[0]!.id], ['cause', 'hallucination']);
    const [breakdowns] = await converse(engine, ['On voudrait prédire les pannes de nos compresseurs à partir des capteurs. Par où commencer ?']);
    assert.ok(breakdowns!.sources.includes('binary-classification') && !breakdowns!.sources.includes('time-series-forecasting'), breakdowns!.sources.join());
  });

  it('plans a tool that reads logs and answers questions as a project on documents, and reads "what does X do?" of an everyday word as a definition question', async () => {
    const [logs] = await converse(engine, ['We want an LLM tool that reads our technicians’ daily notes and answers managers’ questions about past repairs. Where do I start?']);
    assert.ok(logs!.sources.includes('retrieval-augmented-generation'), logs!.sources.join());
    const [what] = await converse(engine, ['What does temperature do?']);
    assert.equal(what!.understanding.concepts[0]!.id, 'temperature');
    await assertEachAbout(engine, [['Sometimes it writes stuff that is nowhere in the logs. Why?', 'hallucination']]);
  });

  it('takes each one’s own past rate for a baseline, a worry that the search fails for the limits of what is in play, « que dois-je faire » for steps', async () => {
    const [, rate] = await converse(engine, ['We want to predict which gym members will skip their booked classes. Where do I start?', 'Why not just use each member’s historical no-show rate instead of a model?']);
    assert.match(rate!.text, /^That is a baseline model: the score any model has to beat\./);
    const [, , , missed] = await converse(engine, [
      'We want an assistant that answers the sales team’s questions from our product sheets. Where do I start?',
      'What is a sentence embedding?',
      'How does a whole paragraph end up as one vector?',
      'And what if the search doesn’t find the right sheet?',
    ]);
    assert.deepEqual([missed!.understanding.intent, missed!.understanding.concepts[0]!.id], ['limits', 'retrieval-augmented-generation']);
    const [, , plan] = await converse(engine, ['Nous voulons prévoir les retards de nos livraisons. Par où commencer ?', 'C’est quoi un modèle de référence ?', 'Bon, que devons-nous faire maintenant ?']);
    assert.equal(plan!.understanding.steps, true);
    const [help] = await converse(engine, ['Qu’est-ce que le reclassement, et est-ce que ça pourrait m’aider pour notre moteur de recherche ?']);
    assert.deepEqual([help!.understanding.intent, help!.understanding.concepts[0]!.id], ['why', 'reranking']);
    await assertEachAbout(engine, [['Is it better to fine-tune or to keep tweaking the prompt?', 'fine-tuning']]);
    const [prompt] = await converse(engine, ['Is it better to fine-tune or to keep tweaking the prompt?']);
    assert.deepEqual(prompt!.understanding.concepts.map((concept) => concept.id).sort(), ['fine-tuning', 'prompt-engineering']);
  });

  it('reads a provider changing its model as version pinning, plans an application on a language model around a fixed set of real inputs, reads a doubt about unrecorded causes as irreducible error', async () => {
    const [version] = await converse(engine, ['J’ai peur que le jour où le fournisseur sort une nouvelle version du modèle, nos résumés changent sans prévenir. Que faire ?']);
    assert.equal(version!.understanding.concepts[0]!.id, 'model-version-pinning');
    // What to do about it (pinning a version is no problem with remedies), not where pinning falls short.
    assert.ok(['step', 'how'].includes(version!.passages[1]!.kind), JSON.stringify(version!.passages));
    const [fragile] = await converse(engine, ['Ça me paraît fragile : si le fournisseur change de version du modèle, tout change du jour au lendemain ?']);
    assert.deepEqual([fragile!.understanding.concepts[0]!.id, fragile!.passages[1]!.kind], ['model-version-pinning', 'step']);
    const plan = await converse(engine, [
      'We want to use an LLM to read supplier invoices and fill in our accounting table. Where do I start?',
      'What is structured output?',
      'Sometimes it returns a VAT number that is not on the invoice. Why?',
      'OK, what should we do next, step by step?',
    ]);
    // Fields read out of invoices with an LLM: extraction, then the shape the model answers in, not a test split.
    assert.deepEqual(plan[0]!.sources.slice(0, 2), ['information-extraction', 'structured-output']);
    const [sorting] = await converse(engine, ['On veut utiliser un LLM pour trier les demandes de nos clients par service. Par où commencer ?']);
    assert.ok(sorting!.sources.includes('prompt-regression-testing') && !sorting!.sources.includes('train-validation-test-split'), sorting!.sources.join());
    assert.equal(plan[2]!.understanding.concepts[0]!.id, 'hallucination');
    assert.ok(plan[3]!.sources.includes('prompt-regression-testing') && !plan[3]!.sources.includes('train-validation-test-split'), plan[3]!.sources.join());
    await assertEachAbout(engine, [
      ['Honestly this sounds fragile: most late deliveries come from traffic accidents and sick drivers, and we never record either.', 'irreducible-error'],
    ]);
  });

  it('reads made-up details, varying outputs, a handful of events, a minority told with "only", a column too good to be true, « à combien ? » of a setting', async () => {
    await assertEachAbout(engine, [
      ['Honestly I worry: what if the bot makes things up about a customer’s order?', 'hallucination'],
      ['The summary says the client asked for a refund, but the ticket does not mention any refund. Why?', 'hallucination'],
      ['Quand je relance la même demande deux fois, le résumé n’est jamais le même. C’est normal ?', 'temperature'],
      ['I trained the same model twice on the same data and got a different accuracy each time.', 'random-seed'],
      ['We have only had seven outages in four years, is that enough to learn anything?', 'class-imbalance'],
      ['Seulement 12 % de nos dossiers finissent en contentieux. Est-ce un problème ?', 'class-imbalance'],
    ]);
    const [column] = await converse(engine, ['When I add the column "refund amount" as a feature, the results become spectacular. Is something off?']);
    assert.equal(column!.understanding.concepts[0]!.id, 'data-leakage');
    // Not named by the learner: the answer says what it is.
    assert.match(column!.text, /^What you describe sounds like a case of data leakage\./);
    const [, setting] = await converse(engine, ['C’est quoi la température d’un LLM ?', 'Et pour de la classification de courriels, je la mets à combien ?']);
    assert.equal(setting!.passages[0]!.kind, 'step');
    // An application on a language model with no task of the list starts from the prompt and the model chosen, not a labelled table.
    const [drafts] = await converse(engine, ['We would like GPT to write the first draft of our monthly newsletters. Where do I start?']);
    assert.deepEqual(drafts!.sources.slice(0, 1), ['prompt-engineering']);
    assert.ok(!drafts!.text.includes('labelled examples'), drafts!.text);
    const [binders] = await converse(engine, ['Our nurses want an assistant that answers their questions from the care binders. Where do I start?']);
    assert.equal(binders!.sources[0], 'retrieval-augmented-generation');
  });

  it('weighs flagging everyone who did it before as a baseline, pasting everything into the prompt by its limits, reads embeddings in a search conversation as one vector a passage', async () => {
    const [, flag] = await converse(engine, ['We want to predict which customers will return their parcels. Where do I start?', 'Why not just flag every customer that returned something before?']);
    assert.equal(flag!.understanding.concepts[0]!.id, 'baseline-model');
    const [paste] = await converse(engine, ['Pourquoi ne pas simplement mettre toute notre documentation dans le prompt ?']);
    assert.deepEqual([paste!.understanding.intent, paste!.understanding.concepts[0]!.id], ['limits', 'long-context']);
    assert.match(paste!.text, /^Cette approche s.appelle le contexte long\./);
    const [, embeddings] = await converse(engine, ['We want an assistant that answers questions from our HR handbook. Where do I start?', 'And how do embeddings work in this case?']);
    assert.equal(embeddings!.understanding.concepts[0]!.id, 'sentence-embedding');
    const [plain] = await converse(engine, ['How do embeddings work?']);
    assert.equal(plain!.understanding.concepts[0]!.id, 'embedding');
  });

  it('reads a confident answer found in no document as hallucination whatever the verb, gaps from a broken sensor as missing data, names to pull from forms as extraction', async () => {
    const [confident] = await converse(engine, ['Le chatbot affirme que la piscine ouvre à 7 h, alors que cet horaire ne figure dans aucun de nos documents. Pourquoi ?']);
    assert.equal(confident!.understanding.concepts[0]!.id, 'hallucination');
    const [gaps] = await converse(engine, ['One of our river gauges went down for a week and left holes in the data. What should I do?']);
    assert.deepEqual([gaps!.understanding.intent, gaps!.understanding.concepts[0]!.id], ['remedy', 'missing-data']);
    const [, forms] = await converse(engine, [
      'Nous voulons un assistant qui réponde aux questions des bénévoles à partir de notre règlement, avec un LLM. Par où commencer ?',
      'Je voudrais aussi extraire le nom et l’adresse des bulletins d’adhésion. Comment m’y prendre ?',
    ]);
    assert.equal(forms!.understanding.concepts[0]!.id, 'information-extraction');
    // A conversation on documents: the prompt example is one for documents, not another field's.
    const [, example] = await converse(engine, [
      'We want a bot that answers members’ questions from our club rulebook, using an LLM. Where do I start?',
      'Can you give me an example of a prompt for our case?',
    ]);
    assert.ok(example!.passages.some((passage) => passage.kind === 'field' && /^With written text/.test(passage.text)), JSON.stringify(example!.passages));
  });

  it('reads answers drawn from another document as retrieval falling short, "and doing retrieval" as RAG, a made-up reference as hallucination, rare events a week as imbalance', async () => {
    const [, mixed] = await converse(engine, [
      'We want a bot that answers our lawyers’ questions from past case files. Where do I start?',
      'When I ask about one client, it answers with details taken from another client’s file. Why?',
    ]);
    // What keeps an answer to the client asked about: a filter on the passages' metadata, and why it is needed.
    assert.deepEqual([mixed!.understanding.intent, mixed!.understanding.concepts[0]!.id], ['why', 'metadata-filtering']);
    const [, versus] = await converse(engine, [
      'We want a bot that answers our lawyers’ questions from past case files. Where do I start?',
      'Should we fine-tune a model on the case files or rather do retrieval?',
    ]);
    assert.deepEqual(versus!.understanding.concepts.map((concept) => concept.id).sort(), ['fine-tuning', 'retrieval-augmented-generation']);
    await assertEachAbout(engine, [
      ['Il cite parfois un arrêt qui n’existe pas. Pourquoi ?', 'hallucination'],
      ['Jams are rare on this line, maybe three a month, while we log every second. Is that an issue?', 'class-imbalance'],
    ]);
    // Alive or not after two years is a yes or no, not a survival curve nor a forecast.
    const [seedlings] = await converse(engine, ['We record every batch of saplings we plant and whether it is still alive after three years. I want to predict that for next year. Where do I start?']);
    assert.equal(seedlings!.sources[0], 'binary-classification');
  });

  it('offers the contrast a learner meets first, and not the same concept twice among the suggestions', async () => {
    const [overfitting] = await converse(engine, ['What is overfitting?']);
    const offered = overfitting!.suggestions.join(' | ');
    assert.ok(!/catastrophic forgetting/.test(offered), offered);
    const [finetuning] = await converse(engine, ['Qu’est-ce que l’affinage ?']);
    const other = /différence entre l’affinage et (.+) \?/u.exec(finetuning!.suggestions.join(' | ').replace(/'/g, '’'))?.[1];
    assert.ok(other === undefined || !finetuning!.suggestions.some((question) => question.replace(/'/g, '’') === `Qu’est-ce que ${other} ?`), finetuning!.suggestions.join(' | '));
  });

  it('plans a conversation on documents or an LLM without the table project’s first step or the alternative it set aside', async () => {
    const rag = await converse(engine, [
      'We want a bot that answers our lawyers’ questions from past case files. Where do I start?',
      'Should we fine-tune a model on the case files or rather use RAG?',
      'OK, what should we do, step by step?',
    ]);
    assert.ok(!rag[2]!.sources.includes('fine-tuning'), rag[2]!.sources.join());
    const llm = await converse(engine, [
      'On veut utiliser un LLM pour classer les réclamations de nos clients. Par où commencer ?',
      'Et la température, je la mets à combien ?',
      'Bon, que dois-je faire, étape par étape ?',
    ]);
    assert.ok(llm[2]!.understanding.steps && !/réunir des exemples étiquetés/.test(llm[2]!.text), llm[2]!.text);
    assert.ok(llm[2]!.sources.includes('prompt-regression-testing'), llm[2]!.sources.join());
  });

  it('reads an error near zero on what it learnt from as overfitting, the end of long records ignored as the context window, embeddings against keywords as two ways to search', async () => {
    await assertEachAbout(engine, [
      ['The error is basically zero on the flights I trained on, but the forecasts are way off for last week. Why?', 'overfitting'],
      ['Son erreur est quasi nulle sur les données qui ont servi à l’entraîner, mais il se trompe beaucoup sur le mois dernier.', 'overfitting'],
      ['Some contracts are very long and the model seems to ignore the last pages. What is happening?', 'context-window'],
      ['It gives a wedding date that appears nowhere in the transcription. Why?', 'hallucination'],
      ['Our colour column has 60 different values, how do I feed it to the model?', 'categorical-feature'],
    ]);
    // A share stated is a fact, not a symptom the learner's words "sound like".
    const [share] = await converse(engine, ['Only about 9% of our seedlings die. Is that a problem?']);
    assert.match(share!.text, /^That is a case of class imbalance\./);
    const [search] = await converse(engine, ['Embeddings or keyword search for product codes, which is better?']);
    assert.deepEqual(search!.understanding.concepts.map((concept) => concept.id), ['semantic-search', 'bm25']);
    // "Where to download a model by its name" is no sign of "where the name ends".
    const [where] = await converse(engine, ['How does the model know where the street name ends and the house number starts?']);
    assert.notEqual(where!.understanding.concepts[0]?.id, 'hugging-face-hub');
    const [, , sure] = await converse(engine, [
      'We want an LLM to pull the amounts and dates out of our suppliers’ invoices. Where do I start?',
      'What is structured output?',
      'How can I be sure the extracted amounts are reliable?',
    ]);
    assert.equal(sure!.understanding.concepts[0]!.id, 'prompt-regression-testing');
    const [ocr] = await converse(engine, ['Our old letters are already OCR’d and I want an LLM to extract names and dates into a table. Where do I start?']);
    assert.equal(ocr!.sources[0], 'information-extraction');
  });

  it('reads rows split at random while each unit has many as a leak, a season to come as drift, whether a change helps as testing, a JSON extraction prompt as structured output', async () => {
    await assertEachAbout(engine, [
      ['I shuffled all rows into train and test at random, but every customer has dozens of orders. Is that OK?', 'data-leakage'],
      ['Will the model still work next summer, when the tourists come back?', 'data-drift'],
      ['Si nous remplaçons nos fours l’an prochain, le modèle ne va-t-il pas se tromper ?', 'data-drift'],
    ]);
    const [, , better] = await converse(engine, [
      'We want an assistant that answers our engineers’ questions from the maintenance reports. Where do I start?',
      'What is chunking?',
      'How will I know whether it gets better when I change the chunk size?',
    ]);
    // Chunks are measured by what search finds; a prompt, by the answers it gets.
    assert.equal(better!.understanding.concepts[0]!.id, 'retrieval-evaluation');
    const [, , prompt] = await converse(engine, [
      'We want an assistant that answers our engineers’ questions from the maintenance reports. Where do I start?',
      'What is chunking?',
      'How will I know whether the answers get better when I change the prompt?',
    ]);
    assert.equal(prompt!.understanding.concepts[0]!.id, 'prompt-regression-testing');
    const [json] = await converse(engine, ['Could you show me an example of a prompt that pulls the sender and the amount out of an invoice as JSON?']);
    assert.deepEqual([json!.understanding.intent, json!.understanding.concepts[0]!.id], ['example', 'structured-output']);
  });

  it('explains embeddings in a project that searches its documents as one vector a passage, in simple words starting in lower case', async () => {
    const [, plain] = await converse(engine, [
      'We want a bot that answers staff questions from our safety manuals. Where do I start?',
      'What is an embedding, in plain terms?',
    ]);
    assert.equal(plain!.understanding.concepts[0]!.id, 'sentence-embedding');
    assert.match(plain!.text, /^In simple terms: a sentence embedding is like/);
  });

  it('keeps the learner’s own word for their things apart from the concept sharing it, and reads their project’s words', async () => {
    // "Patterns" are what this shop sells: "a 20-page pattern" later is one of them, not the concept.
    const knitting = await converse(engine, [
      'We sell sewing patterns online and want customers to ask questions about the pattern PDF they bought, answered by an LLM. Where do I start?',
      'How does it find the right paragraph in a 30-page pattern?',
      'What if the model makes up a seam allowance that is not in the pattern?',
      'Should we fine-tune a model on our 2000 patterns or stick with prompting?',
      'Can you give me an example of a good prompt for our case, like a customer asking how to lengthen a skirt?',
    ]);
    assert.equal(knitting[0]!.sources[0], 'retrieval-augmented-generation');
    assert.notEqual(knitting[1]!.understanding.concepts[0]?.id, 'pattern');
    assert.equal(knitting[2]!.understanding.concepts[0]!.id, 'hallucination');
    assert.deepEqual(knitting[3]!.understanding.concepts.map((concept) => concept.id).sort(), ['fine-tuning', 'prompt-engineering']);
    // An example asked first ("how to lengthen" is its subject), for written text: the project works on documents.
    assert.equal(knitting[4]!.understanding.intent, 'example');
    assert.ok(knitting[4]!.passages.some((passage) => passage.kind === 'field'), JSON.stringify(knitting[4]!.passages));
    await assertEachAbout(engine, [
      ['C’est quoi une feature, concrètement ?', 'feature'],
      ['On compte 25 chutes sur 3 ans pour environ 9000 sorties. Est-ce un problème ?', 'class-imbalance'],
      ['J’ai mélangé toutes les lignes au hasard avant de découper en train et test, et les scores sont trop beaux. Normal ?', 'data-leakage'],
      ['I trained on all the columns of the orders table and it gets 99% on the test set. Feels too good to be true?', 'data-leakage'],
      ['Honestly, won’t the model break after one unusually rainy spring?', 'data-drift'],
    ]);
    const [balloons] = await converse(engine, ['We run river cruises and want to predict cancellations the day before from the weather forecast. Where do I start?']);
    assert.equal(balloons!.sources[0], 'binary-classification');
    const [, limit] = await converse(engine, ['We want to predict which ferry crossings get cancelled. Where do I start?', 'Why not just use the captains’ wave-height limit instead of a model?']);
    assert.equal(limit!.understanding.concepts[0]!.id, 'baseline-model');
  });

  it('reads broken JSON as structured output, a value no one mentioned as hallucination, "making stuff up" by resampling a table as no model’s invention', async () => {
    await assertEachAbout(engine, [
      ['What if it returns broken JSON in the middle of a long batch?', 'structured-output'],
      ['It sometimes adds a drug to the list that the nurse never mentioned. Why?', 'hallucination'],
      ['Our model scores 0.95 AUC on the test set, but on last week’s data it barely beats guessing. The test set was a random 25% of rows from all dates.', 'data-leakage'],
      ['How do I find out which features the model relies on?', 'feature-importance'],
    ]);
    const [, resample] = await converse(engine, ['We want to predict which parcels get damaged in transit. Where do I start?', 'Sounds fragile: if I resample the data, am I not just making stuff up?']);
    assert.notEqual(resample!.understanding.concepts[0]?.id, 'hallucination');
  });

  it('reads « je transforme ça » as no Transformer, « si je résume, que faire dans l’ordre ? » as the plan', async () => {
    const [verb] = await converse(engine, ['Nos compteurs envoient une valeur par heure : comment je transforme ça en lignes pour un modèle ?']);
    assert.notEqual(verb!.understanding.concepts[0]?.id, 'transformer');
    const [, plan] = await converse(engine, ['Nous voulons prévoir les pannes de nos ascenseurs. Par où commencer ?', 'Si je résume, qu’est-ce que je dois faire, dans l’ordre ?']);
    assert.equal(plan!.understanding.steps, true);
  });

  it('hears invented values, wrong passages, mixed-up table rows and a pasted manual in an assistant over documents', async () => {
    const lawyers = await converse(engine, [
      'We run a small law library and want an LLM to answer lawyers’ questions from our 2,000 memos. Where do I start?',
      'How does the system pick which memos to show the model?',
      'What if the assistant makes up a court date that no memo mentions?',
      'Sometimes it answers with the facts from another client’s memo although the correct memo is indexed. Why?',
      'Is it better to fine-tune the model or use RAG here?',
      'Could you give a concrete example for our case, say a lawyer asking about a filing deadline?',
    ]);
    assert.deepEqual(lawyers.map((turn) => turn.understanding.concepts[0]?.id), ['retrieval-augmented-generation', 'semantic-search', 'hallucination', 'metadata-filtering', 'fine-tuning', 'retrieval-augmented-generation']);
    // How the passages are picked is the search's own mechanism, not a sentence that names another entry.
    assert.ok(lawyers[1]!.text.startsWith('Semantic search'), lawyers[1]!.text);
    assert.match(lawyers[3]!.text, /^What seems to be missing here is metadata filtering\.\n\nMetadata filtering matters because/);
    // After "fine-tune or RAG?", "an example for our case" is the project's own technique.
    assert.equal(lawyers[5]!.understanding.intent, 'example');
    const delivery = await converse(engine, [
      'Je veux qu’un LLM lise nos bons de livraison et en sorte les quantités. Par où commencer ?',
      'Quelle est la différence entre le zero-shot et le few-shot dans mon cas ?',
      'Pouvez-vous me montrer un exemple de few-shot pour extraire les quantités d’un bon ?',
      'Nos bons ont des tableaux, et le modèle confond les colonnes : il prend le prix unitaire pour la quantité. D’où cela peut-il venir ?',
      'Et si le modèle invente un numéro de lot ? Comment m’en protéger ?',
      'Pourquoi ne pas recopier tous les bons du mois dans le prompt ?',
      'Comment savoir si l’extraction est fiable ?',
      'Résumez-moi les étapes, s’il vous plaît.',
    ]);
    assert.deepEqual(delivery.slice(1, 7).map((turn) => [turn.understanding.intent, turn.understanding.concepts[0]?.id]), [
      ['contrast', 'zero-shot-learning'],
      ['example', 'few-shot-learning'],
      ['why', 'document-parsing'],
      ['remedy', 'hallucination'],
      ['limits', 'long-context'],
      ['what', 'prompt-regression-testing'],
    ]);
    // Delivery notes read by a language model are written text: the few-shot example is one for text.
    assert.equal(delivery[2]!.understanding.field, 'text');
    assert.ok(delivery[2]!.passages.some((passage) => passage.kind === 'field'), JSON.stringify(delivery[2]!.passages));
    // « par exemple » inside a story asks for no example; the plan of an application on an LLM trains nothing.
    assert.ok(!delivery[7]!.understanding.concepts.some((concept) => concept.id === 'baseline-model'), delivery[7]!.text);
  });

  it('weighs a yes/no target against a time or a quantity, reads readings to turn into rows as features, and a high accuracy that finds nothing as what accuracy hides', async () => {
    const compressors = await converse(engine, [
      'Our compressors have pressure probes logging every minute and I want to predict breakdowns. Where do I start?',
      'The readings come every minute: how do I turn them into rows for a model?',
      'Should we predict "breaks this week, yes or no" or the number of days until it breaks?',
      'Since only 1% of days have a breakdown, is that a problem?',
      'My classifier shows 96 % accuracy and still not one breakdown detected, I don’t get it.',
      'What is top-p, and should I lower it here?',
    ]);
    assert.equal(compressors[0]!.understanding.field, 'machines');
    assert.equal(compressors[1]!.understanding.concepts[0]!.id, 'feature-engineering');
    assert.deepEqual(compressors[2]!.understanding.concepts.map((concept) => concept.id), ['binary-classification', 'survival-analysis']);
    assert.deepEqual([compressors[4]!.understanding.intent, compressors[4]!.understanding.concepts[0]!.id], ['limits', 'accuracy']);
    // "Should I lower it" asks for a setting: the named concept, not the topic's limits.
    assert.equal(compressors[5]!.understanding.concepts[0]!.id, 'top-p-sampling');
    await assertEachAbout(engine, [
      ['Do we predict whether a tank runs dry, yes or no, or how many litres it will hold tomorrow?', 'classification'],
      ['How does the model decide what to write next, word after word?', 'next-token-prediction'],
      ['What’s the difference between zero-shot and few-shot prompting for my case?', 'zero-shot-learning'],
    ]);
  });

  it('reads the last value proposed as a baseline, time-ordered rows shuffled, scores below one that fall, and environmental sensors as the environment', async () => {
    const pollen = await converse(engine, [
      'Nous mesurons le pollen, le vent et l’ozone toutes les heures dans six stations et voulons prévoir les alertes du lendemain. Par où commencer ?',
      'Pourquoi ne pas simplement reprendre la mesure de la veille comme prévision ?',
      'Nos relevés sont quotidiens : est-ce grave de les mélanger au hasard avant de découper ?',
      'Mon modèle obtient 0,93 de R2 sur l’entraînement, mais seulement 0,5 sur le printemps suivant. Pourquoi ?',
      'Pourriez-vous me donner un exemple de variables à construire à partir de mes relevés, avec des moyennes glissantes par exemple ?',
    ]);
    assert.equal(pollen[0]!.understanding.field, 'nature');
    assert.deepEqual(pollen.slice(1).map((turn) => turn.understanding.concepts[0]?.id), ['baseline-model', 'time-based-split', 'overfitting', 'lag-feature']);
  });

  it('hears "how does it find the right passage", a figure written nowhere in the sheet, an answer that changes each time, "how can I trust it?" and documents split by section', async () => {
    const sheets = await converse(engine, [
      'Our support team should ask questions about our 900 product spec sheets with an LLM. Where do I start?',
      'And how does it retrieve the right passage, concretely?',
      'It sometimes quotes a voltage that is written nowhere in the sheet. Why does it do that?',
      'Honestly this feels risky for electrical specs. How can I trust it?',
      'Should I split the sheets by section or by number of words?',
      'When I ask the same kind of question it returns a different figure every time I ask.',
    ]);
    assert.deepEqual(sheets.map((turn) => turn.understanding.concepts[0]?.id), ['retrieval-augmented-generation', 'semantic-search', 'hallucination', 'hallucination', 'chunking', 'temperature']);
    assert.equal(sheets[3]!.understanding.intent, 'remedy');
    const [, passage] = await converse(engine, ['Je voudrais qu’un LLM réponde aux questions des vendeurs à partir de nos 500 notices en PDF. Par où commencer ?', 'Comment le système retrouve-t-il le bon passage ?']);
    assert.equal(passage!.understanding.concepts[0]!.id, 'semantic-search');
  });

  it('reads a yes/no project, readings to turn into columns, a stuck probe, a fix proposed for a rare class, JSON forced, and questions put to minutes as their own kinds', async () => {
    const pallets = await converse(engine, [
      'We want to predict whether a pallet will arrive damaged, from the warehouse scanner logs. Where do I start?',
      'Comment transformer les mesures de mes fours en colonnes pour le modèle ?',
      'I randomly shuffled our 15-second logs into train and test. Is that wrong?',
      'What if one probe gets stuck and keeps sending garbage for a day?',
      'Only 2% of pallets arrive damaged. Should I undersample the good ones or is that a bad idea?',
    ]);
    assert.deepEqual(pallets.map((turn) => turn.understanding.concepts[0]?.id), ['binary-classification', 'feature-engineering', 'time-based-split', 'outlier', 'resampling']);
    assert.match(pallets[0]!.text, /^You want to predict whether a pallet will arrive damaged: this is a binary classification project\./);
    // A single countable word is a case of it in the plural.
    assert.match(pallets[3]!.text, /^What you describe sounds like a case of outliers\./);
    assert.equal(pallets[4]!.understanding.intent, 'limits');
    const minutes = await converse(engine, [
      'We keep five years of meeting minutes and staff should be able to ask things like "what did we decide about parking?". Where do I start?',
      'How can I force the model to always return JSON?',
      'It mixes up two different years in its answers. Why?',
      'Should I fine-tune a model on our minutes instead?',
    ]);
    assert.deepEqual(minutes.map((turn) => [turn.understanding.intent, turn.understanding.concepts.map((concept) => concept.id).sort().join('+')]), [
      ['how', 'machine-learning-workflow+retrieval-augmented-generation'],
      ['how', 'structured-output'],
      ['why', 'metadata-filtering'],
      ['contrast', 'fine-tuning+retrieval-augmented-generation'],
    ]);
    const [, reliable] = await converse(engine, ['Nous voulons un assistant LLM qui réponde aux commerciaux à partir de nos 200 fiches produits. Par où commencer ?', 'Comment savoir si notre outil est fiable avant de le donner aux commerciaux ?']);
    assert.ok(!reliable!.understanding.uncovered && reliable!.understanding.concepts.length > 0, reliable!.text);
  });

  it('reads an old version answered as the index gone stale, "X compared to Y" as a contrast, hand-set thresholds as a baseline, and the example a request names', async () => {
    const [, stale] = await converse(engine, [
      'Nous voulons un assistant qui réponde aux éducateurs à partir de nos procédures internes. Par où commencer ?',
      'Il cite parfois l’ancienne version de la procédure d’évacuation, alors que nous l’avons mise à jour en mai. Pourquoi ?',
    ]);
    assert.deepEqual([stale!.understanding.intent, stale!.understanding.concepts[0]!.id], ['why', 'index-freshness']);
    assert.match(stale!.text, /^Ce qui semble manquer ici, c'est la fraîcheur de l'index\./);
    await assertEachAbout(engine, [
      ['C’est quoi exactement la régression logistique, par rapport à un arbre de décision ?', 'logistic-regression'],
      ['Can you show me an example prompt for our case, like what the system prompt would look like?', 'prompt'],
    ]);
    const [, thresholds] = await converse(engine, ['Nous voulons prévoir les fuites de nos cuves à partir des capteurs de pression. Par où commencer ?', 'Pourquoi ne pas simplement poser des seuils à la main sur la pression ?']);
    assert.equal(thresholds!.understanding.concepts[0]!.id, 'baseline-model');
    const [versus] = await converse(engine, ['What exactly is binary classification, compared to regression?']);
    assert.equal(versus!.understanding.intent, 'contrast');
    const soil = await converse(engine, [
      'We log soil moisture on every green of our golf course and want to predict fungus outbreaks a few days ahead. Where do I start?',
      'What is class imbalance?',
      'My model got 96% accuracy on the test set, but last August it missed every single outbreak. Why?',
    ]);
    assert.equal(soil[0]!.understanding.field, 'nature');
    assert.equal(soil[0]!.sources[0], 'binary-classification');
    assert.deepEqual([soil[2]!.understanding.intent, soil[2]!.understanding.concepts[0]!.id], ['limits', 'accuracy']);
  });

  it('reads a print farm as machines, a threshold proposed "when it goes above it" as a baseline, a failing sensor as missing data, and the example a French compound names', async () => {
    const printers = await converse(engine, [
      'We run a 3D-printing farm of 30 printers and want to predict failed prints from the sensor logs. Where do I start?',
      'How does gradient boosting work?',
      'Why not just put a limit on nozzle temperature and raise an alarm when it goes above it?',
      'Do I just feed in the raw readings every 2 seconds?',
    ]);
    assert.equal(printers[0]!.understanding.field, 'machines');
    assert.deepEqual(printers.slice(2).map((turn) => turn.understanding.concepts[0]?.id), ['baseline-model', 'feature-engineering']);
    await assertEachAbout(engine, [
      ['Et si une sonde de pression lâche pendant la nuit ?', 'missing-data'],
      ['Pouvez-vous me donner un exemple de prompt few-shot pour classer des avis clients ?', 'few-shot-learning'],
      ['We want the model to return valid JSON, but what happens when it doesn’t?', 'structured-output'],
      ['It sometimes adds an allergen that nobody mentioned in the recipe. Why?', 'hallucination'],
    ]);
    const notes = await converse(engine, [
      'I want an LLM to turn our technicians’ free-text visit notes into structured records (part, fault, duration). Where do I start?',
      'Should I use RAG or just put all our past notes in the prompt?',
      'Can you give me a concrete example of an evaluation set for this extraction?',
    ]);
    assert.equal(notes[0]!.sources[0], 'information-extraction');
    assert.deepEqual([notes[1]!.understanding.intent, notes[1]!.understanding.concepts.map((concept) => concept.id).sort().join('+')], ['contrast', 'long-context+retrieval-augmented-generation']);
    assert.deepEqual([notes[2]!.understanding.intent, notes[2]!.understanding.concepts[0]!.id], ['example', 'prompt-regression-testing']);
    const leak = await converse(engine, ['Nous voulons prévoir la consommation de chaleur du lendemain.', 'Mon modèle a une erreur minuscule en test, mais une fois mis en service il s’est trompé de beaucoup. Pourquoi ?']);
    assert.equal(leak[1]!.understanding.concepts[0]!.id, 'data-leakage');
  });

  it('reads the wrong manual pulled, the right notice "bien dans la base", a high accuracy that never saw it coming, manuals asked "things like", and every reading as a column', async () => {
    await assertEachAbout(engine, [
      ['Sounds risky: if it pulls the wrong manual, a fitter could order the wrong part.', 'metadata-filtering'],
      ['L’assistant donne la procédure d’un autre modèle, alors que la bonne notice est bien dans la base. Pourquoi ?', 'metadata-filtering'],
      ['Le modèle a 97 % de bonnes réponses en test, mais il n’a presque jamais vu venir les pannes. Pourquoi ?', 'class-imbalance'],
      ['Do I just feed every single reading in as a column?', 'feature-engineering'],
    ]);
    const [manuals] = await converse(engine, ['We have about 250 PDF manuals and our fitters want to ask things like "which seal fits the X4 pump?" from their phones. Where do I start?']);
    assert.equal(manuals!.sources[0], 'retrieval-augmented-generation');
  });

  it('reads another week answered as a missing date filter, "how does it work, step by step?" as the mechanism, and a random split that misses the two breakdowns of last month as a leak', async () => {
    await assertEachAbout(engine, [
      ['It answers with the timetable from a different week, even though the right one exists. Why?', 'metadata-filtering'],
      ['I split the rows randomly and got 99% accuracy, but on last month’s data it didn’t flag either of the two pumps that broke.', 'data-leakage'],
    ]);
    const [, steps] = await converse(engine, ['What is gradient boosting?', 'How does it actually work, step by step?']);
    assert.deepEqual([steps!.understanding.intent, steps!.understanding.concepts.map((concept) => concept.id)], ['how', ['gradient-boosting']]);
    const [, , split] = await converse(engine, ['We want to predict which pumps fail next week. Where do I start?', 'I shuffled the rows randomly before splitting and the test score looks amazing. Is that fine?', 'So how should I split the data then?']);
    assert.equal(split!.understanding.advice, true);
  });

  it('answers a worry that asks how to limit the risk with the remedy, and "is it serious?" with why the concept matters', async () => {
    const [, risky] = await converse(engine, ['What is a hallucination?', 'That seems risky: if it invents a dosage, a patient could be harmed. How can we reduce that?']);
    assert.equal(risky!.understanding.intent, 'remedy');
    const [, dangereux] = await converse(engine, ["C'est quoi une hallucination ?", 'Ça me semble dangereux : une erreur et un client perd son argent. Comment pouvons-nous limiter ça ?']);
    assert.deepEqual([dangereux!.understanding.intent, dangereux!.sources], ['remedy', ['hallucination']]);
    const [serious] = await converse(engine, ['What is data drift, and is it a big problem for us?']);
    const drift = glossary.withDetails(glossary.get('data-drift')!);
    assert.ok(serious!.text.includes(drift.en.sections!.why!.slice(0, 80)), serious!.text);
    // A plain "what is it?" still makes it concrete rather than weigh it.
    const [plain] = await converse(engine, ['What is data drift?']);
    assert.ok(!plain!.text.includes(drift.en.sections!.why!.slice(0, 80)), plain!.text);
  });

  it('reads units that "will break down" as a yes/no project on machines, a value found nowhere in the e-mail as invented, and rules of another game mixed in as a missing filter', async () => {
    const [rental] = await converse(engine, ['I maintain the telemetry of our rental generators (oil pressure, load, hours run) and we want to know which units will break down on a job. Where do I begin?']);
    assert.deepEqual([rental!.understanding.concepts[0]!.id, rental!.understanding.field], ['binary-classification', 'machines']);
    const [, invented] = await converse(engine, ['Je veux extraire les commandes de nos e-mails avec un LLM. Par où commencer ?', "Le modèle me donne une quantité qui n'apparaît nulle part dans le message, il l'invente. Pourquoi ?"]);
    assert.deepEqual(invented!.sources.slice(0, 1), ['hallucination']);
    const [, mixed] = await converse(engine, ['We want a bot that answers questions from the manuals of our 40 coffee machines. Where do I start?', 'Asked about descaling the Aroma 3, it confidently mixed in steps from the Aroma 5 manual. What is going on?']);
    assert.match(mixed!.text, /^What seems to be missing here is metadata filtering\./);
  });

  it('sums up a project on a language model with its own plan first, and leaves out an option only weighed against another', async () => {
    const answers = await converse(engine, [
      'I want an LLM to pull the order number, date and amount out of supplier e-mails. Where do I start?',
      'What is an embedding?',
      'Should I fine-tune a model or just write a better prompt?',
      'Sum up what I should do, step by step.',
    ]);
    const steps = answers[3]!.text.split('\n\n').slice(1);
    const stepOf = (id: string) => glossary.withDetails(glossary.get(id)!).en.step!.slice(0, 30);
    assert.ok(steps[0]!.startsWith(`1. ${stepOf('information-extraction')}`), steps[0]);
    assert.ok(steps[1]!.startsWith(`2. ${stepOf('structured-output')}`), steps[1]);
    assert.ok(!answers[3]!.sources.includes('fine-tuning'), answers[3]!.sources.join());
  });

  it('offers next no concept an earlier question was about, even one whose definition was never shown', async () => {
    // (The search was explained by how it works alone: its definition was never shown, but it was asked about.)
    const answers = await converse(engine, ['We want a bot that answers questions from our coffee machine manuals. Where do I start?', 'How does the search part find the right page in a manual?', 'What is a sentence embedding?']);
    assert.equal(answers[1]!.sources[0], 'semantic-search');
    assert.ok(answers[2]!.suggestions.length > 0);
    for (const suggestion of answers[2]!.suggestions) assert.doesNotMatch(suggestion, /semantic search\?$/u, suggestion);
  });

  it('reads items the customer never asked for as invented, output a program must read as structured, and "are my extractions any good?" as a test set', async () => {
    const opening = 'I want an LLM to read our customers’ emails and list the rooms they want to book. Where do I start?';
    const [, never] = await converse(engine, [opening, 'Sometimes it adds a sea-view room that the customer never asked for. Why?']);
    assert.equal(never!.sources[0], 'hallucination');
    const [, jamais] = await converse(engine, ["Je voudrais qu'un LLM tire une liste de commandes de nos courriels. Par où commencer ?", "Il ajoute parfois un article que le client n'a jamais mentionné. D'où ça vient ?"]);
    assert.equal(jamais!.sources[0], 'hallucination');
    const [, usable] = await converse(engine, [opening, 'How can I be sure the output will be usable by our booking system?']);
    assert.equal(usable!.understanding.concepts[0]!.id, 'structured-output');
    const [, good] = await converse(engine, [opening, 'Comment savoir si nos résultats sont bons ? On ne mesure rien pour le moment.']);
    assert.equal(good!.understanding.concepts[0]!.id, 'prompt-regression-testing');
  });

  it('reads answers "from our PDFs" as RAG, a list of fields to pull "with an LLM" as extraction, and "how does it work" after a model as its mechanism', async () => {
    const [rag] = await converse(engine, ['We want a tool where engineers ask questions and it answers from our 20 years of test-report PDFs. Where do I start?']);
    assert.equal(rag!.understanding.concepts[0]!.id, 'retrieval-augmented-generation');
    const [, fields] = await converse(engine, [
      'What is a large language model?',
      'We also want to pull size, price and condition out of second-hand listings. How would I do that with an LLM?',
    ]);
    assert.equal(fields!.understanding.concepts[0]!.id, 'information-extraction');
    const [, forest] = await converse(engine, ["C'est quoi une forêt aléatoire ?", 'Et concrètement, comment ça marche pour prévoir un nombre de visiteurs ?']);
    assert.deepEqual([forest!.understanding.intent, forest!.understanding.concepts[0]!.id], ['how', 'random-forest']);
  });

  it('reads a near-zero error that turns huge as overfitting, a storm never seen as drift, and a name the passage gives as a code as a case for hybrid search', async () => {
    const [zero] = await converse(engine, ['The error is almost zero on 2021 and 2022, but way off on 2023. What is happening?']);
    assert.equal(zero!.sources[0], 'overfitting');
    const [, storm] = await converse(engine, ['We want to predict how many visitors come to the zoo each day. Where do I start?', 'Sounds fragile: what if we get a heatwave like nothing in the history?']);
    assert.equal(storm!.understanding.concepts[0]!.id, 'data-drift');
    const [, code] = await converse(engine, ['We want a bot that answers from our spare-parts catalogue PDFs. Where do I start?', 'What if someone asks for the blue kettle lid and the catalogue only calls it "ref 4471"?']);
    assert.match(code!.text, /^What seems to be missing here is hybrid search\./);
  });

  it('reads regular expressions as a hand-written rule, items "never mentioned" as invented, and a request "flowing through" RAG as RAG', async () => {
    const [, regex] = await converse(engine, ['I want an LLM to pull dates out of delivery e-mails. Where do I start?', 'Couldn’t we simply write regular expressions for the dates instead of an LLM?']);
    assert.equal(regex!.understanding.concepts[0]!.id, 'baseline-model');
    const [, discount] = await converse(engine, ['I want an LLM to pull dates out of delivery e-mails. Where do I start?', 'It sometimes adds a discount code the sender never mentioned. What is happening?']);
    assert.equal(discount!.sources[0], 'hallucination');
    const [, flow] = await converse(engine, ['We want a bot that answers from our boiler manuals. Where do I start?', 'Can you show me an example of how a question would flow through a RAG setup with our manuals?']);
    assert.equal(flow!.understanding.concepts[0]!.id, 'retrieval-augmented-generation');
  });

  it('reads a snail farm’s mortality a week ahead as a yes/no on nature, a short history as too little data, and worse than in training as overfitting', async () => {
    const [snails, short] = await converse(engine, [
      "J'élève des escargots et j'ai des capteurs d'humidité dans mes parcs : je voudrais prédire les épisodes de mortalité une semaine à l'avance. Par où commencer ?",
      "Je n'ai que deux saisons de données et peu d'épisodes. C'est fragile, non ?",
    ]);
    assert.deepEqual([snails!.understanding.concepts[0]!.id, snails!.understanding.field], ['binary-classification', 'nature']);
    assert.equal(short!.understanding.concepts[0]!.id, 'training-set-size');
    const [worse] = await converse(engine, ['On the following season the scores are much worse than on the training data. Why?']);
    assert.equal(worse!.sources[0], 'overfitting');
  });

  it('weighs a neural network proposed instead of the model in play, and reads parts due for replacement, flags barely raised and conditions that keep changing', async () => {
    const [, , nn] = await converse(engine, ['We want to predict which compressors fail next month from their sensors. Where do I start?', 'How does gradient boosting work?', 'Why not train a neural network on the raw signals instead?']);
    assert.ok(!nn!.understanding.concepts.some((concept) => concept.id === 'gpu'), nn!.understanding.concepts.map((concept) => concept.id).join());
    assert.ok(nn!.understanding.concepts.some((concept) => concept.id === 'neural-network'));
    const [filters] = await converse(engine, ['Our pumps log pressure every minute and I want to predict when the filters will need replacing. Where do I start?']);
    assert.equal(filters!.understanding.concepts[0]!.id, 'binary-classification');
    const [leaks] = await converse(engine, ['Accuracy is 96%, but on the new site it barely flagged any leaks. What is going on?']);
    assert.equal(leaks!.sources[0], 'class-imbalance');
    const [, soil] = await converse(engine, ['We want to predict crop yield per field from soil sensors. Where do I start?', 'Sounds fragile, the soil changes from one field to the next. Can a model cope with that?']);
    assert.equal(soil!.understanding.concepts[0]!.id, 'data-drift');
  });

  it('reads an engine’s temperature as a measure, a warning before a breakdown as a yes/no project, and "says no every time" as the class that hides', async () => {
    const [ferry, rare, always, feature] = await converse(engine, [
      'Our ferries log engine temperature, fuel pressure and RPM every minute. We want a model that warns us a week before a breakdown. Where do I start?',
      'We only have about 30 breakdowns in four years. Is that a problem?',
      'The model says no breakdown every time and still gets 99.5% accuracy. What is wrong?',
      'Can you give me an example of a feature that would predict a clogged fuel filter?',
    ]);
    assert.deepEqual([ferry!.understanding.concepts[0]!.id, ferry!.understanding.field], ['binary-classification', 'machines']);
    assert.ok(rare!.sources.includes('class-imbalance'), rare!.sources.join());
    assert.ok(['class-imbalance', 'accuracy'].includes(always!.understanding.concepts[0]!.id), always!.understanding.concepts[0]!.id);
    assert.equal(feature!.understanding.concepts[0]!.id, 'feature-engineering');
  });

  it('reads a PDF’s length limit as the context window, pasting reports into the conversation as a long context, and examples in the prompt as few-shot', async () => {
    const opening = "Je voudrais qu'un LLM extraie les dates de validité des certificats de nos fournisseurs. Par où commencer ?";
    const [, pages] = await converse(engine, [opening, 'Comment le modèle lit-il un rapport de trente pages ? Y a-t-il une limite ?']);
    assert.equal(pages!.understanding.concepts[0]!.id, 'context-window');
    const [, paste] = await converse(engine, [opening, 'Pourquoi ne pas coller tous nos certificats dans la conversation ?']);
    assert.equal(paste!.understanding.concepts[0]!.id, 'long-context');
    const [, versus] = await converse(engine, [opening, 'What is the difference between fine-tuning and giving examples in the prompt?']);
    assert.deepEqual(versus!.understanding.concepts.map((concept) => concept.id).sort(), ['few-shot-learning', 'fine-tuning']);
  });

  it('reads one word changed in a prompt as what regression tests catch, a report that never mentions it as invented, the same day last year as a baseline and "this summer" after good years as drift', async () => {
    const opening = 'I want an LLM to pull the cause and the place out of our incident reports. Where do I start?';
    const [, word] = await converse(engine, [opening, 'Sounds fragile: if I reword one sentence of the prompt, the results change?']);
    assert.equal(word!.understanding.concepts[0]!.id, 'prompt-regression-testing');
    const [, cause] = await converse(engine, [opening, 'It writes "electrical fault" as the cause although the report never mentions a fault. Why?']);
    assert.equal(cause!.sources[0], 'hallucination');
    const [, sameDay] = await converse(engine, ['Je veux prévoir les ventes de pain de ma boulangerie. Par où commencer ?', 'Pourquoi ne pas reprendre les ventes du même jour l’an dernier ?']);
    assert.equal(sameDay!.understanding.concepts[0]!.id, 'baseline-model');
    const [summer] = await converse(engine, ['My model was great on 2021 and 2022 but it is way off this summer. What happened?']);
    assert.equal(summer!.sources[0], 'data-drift');
  });

  it('reads the right kind of table for the wrong product as a missing filter, tables that come out garbled as parsing, and a split example on records in time as a split by time', async () => {
    const opening = 'We want an assistant that answers from the service manuals of our 200 boiler models. Where do I start?';
    const [, wrong] = await converse(engine, [opening, 'Asked about the Vela 24, it gave pressures that turn out to be from the Vela 30 manual. Right kind of page, just the wrong boiler.']);
    assert.equal(wrong!.understanding.concepts[0]!.id, 'metadata-filtering');
    const [, garbled] = await converse(engine, [opening, 'The scanned spec tables come out garbled, with columns merged together. Does that matter?']);
    assert.equal(garbled!.understanding.concepts[0]!.id, 'document-parsing');
    const [, , example] = await converse(engine, [
      'We want to predict which of our escalators break down next week from their sensor logs. Where do I start?',
      'How should I split the data into training and test sets?',
      'Can you give me a concrete example of how to split our escalator logs?',
    ]);
    assert.equal(example!.understanding.concepts[0]!.id, 'time-based-split');
    const [, , learns] = await converse(engine, ['Je veux prédire les jours de forte mortalité dans ma pisciculture de truites. Par où commencer ?', "C'est quoi la régression logistique ?", 'Et concrètement, comment ça apprend ?']);
    assert.deepEqual([learns!.understanding.intent, learns!.understanding.concepts[0]!.id, learns!.understanding.field], ['how', 'logistic-regression', 'nature']);
  });

  it('reads codes to assign with an LLM as a classification project, "good enough before they rely on it" as a test, and « avant la mise en ligne » too', async () => {
    const [codes, ready] = await converse(engine, [
      'I work for a freight forwarder and want an LLM to assign the right HS codes to product descriptions. Where do I start?',
      'How will I know it is good enough before the team starts relying on it?',
    ]);
    assert.equal(codes!.understanding.concepts[0]!.id, 'multiclass-classification');
    assert.ok(!codes!.understanding.concepts.some((concept) => concept.id === 'head-dimension'));
    // (How a classifier is checked on cases it never saw: never "the glossary has no entry".)
    assert.ok(['prompt-regression-testing', 'train-validation-test-split', 'confusion-matrix'].includes(ready!.understanding.concepts[0]!.id), ready!.understanding.concepts[0]!.id);
    assert.ok(!ready!.understanding.uncovered);
    const [, online] = await converse(engine, ["Je veux qu'un LLM extraie la marque et le modèle de nos annonces. Par où commencer ?", "Comment mesurer la qualité de l'extraction avant la mise en ligne ?"]);
    assert.equal(online!.understanding.concepts[0]!.id, 'prompt-regression-testing');
  });

  it('reads sensors that drop out as missing data, JSON only sometimes clean as structured output, a row to look like as features, and last summer’s model next summer as drift', async () => {
    const opening = 'We want to predict when each of our water tanks will be full from level sensors. Where do I start?';
    const [, drop] = await converse(engine, [opening, 'Some level sensors drop out for hours. How should I handle that before training?']);
    assert.equal(drop!.understanding.concepts[0]!.id, 'missing-data');
    const [, row] = await converse(engine, [opening, 'Can you give me an example of what one training row would look like for one of our tanks?']);
    assert.equal(row!.understanding.concepts[0]!.id, 'feature-engineering');
    const [, summer] = await converse(engine, [opening, 'Sounds fragile: will a model trained on last summer still work next summer?']);
    assert.equal(summer!.understanding.concepts[0]!.id, 'data-drift');
    const [, json] = await converse(engine, ["Je veux qu'un LLM extraie la marque et le modèle de nos annonces. Par où commencer ?", 'Parfois il renvoie un JSON propre, parfois il ajoute une phrase avant et mon code plante. Pourquoi ?']);
    assert.equal(json!.understanding.concepts[0]!.id, 'structured-output');
  });

  it('reads tiny test error and large error on last week’s batches as a leak, near-perfect then far off as overfitting, shuffled days as a case for a split by time, and "can I rely on it?" as a test', async () => {
    const [week] = await converse(engine, ['On my test rows the error is tiny, but on last week’s orders it is off by a lot. What is going on?']);
    assert.equal(week!.sources[0], 'data-leakage');
    const [far] = await converse(engine, ["Mes prévisions sont presque parfaites sur mes données, mais la semaine suivante elles sont très loin de la réalité. Pourquoi ?"]);
    assert.equal(far!.sources[0], 'overfitting');
    const [days] = await converse(engine, ["J'ai mélangé au hasard toutes mes journées avant de découper en entraînement et test. Est-ce un problème ?"]);
    assert.deepEqual([days!.understanding.intent, days!.understanding.concepts[0]!.id], ['why', 'time-based-split']);
    const [, rely] = await converse(engine, ["Je veux qu'un LLM extraie les lieux de nos rapports d'intervention. Par où commencer ?", 'Comment savoir si on peut lui faire confiance ?']);
    assert.equal(rely!.understanding.concepts[0]!.id, 'prompt-regression-testing');
    const [, part] = await converse(engine, ['We want a bot that answers from our safety manuals. Where do I start?', 'How does it find the right part of the manual, under the hood?']);
    assert.equal(part!.understanding.concepts[0]!.id, 'semantic-search');
  });

  it('reads a column measured on the day itself as a leak, "fine until we added..." as drift, the average per kind as a baseline, which variables count as their importance, and part numbers as a case for hybrid search', async () => {
    const [column] = await converse(engine, ['My error is almost zero, but I included the "delivered quantity" column, which is recorded on the delivery day itself. Is that a problem?']);
    assert.equal(column!.understanding.concepts[0]!.id, 'data-leakage');
    const [since] = await converse(engine, ['Predictions were fine for a year, but since we added a third oven they are consistently too low. Why?']);
    assert.equal(since!.sources[0], 'data-drift');
    const [, average] = await converse(engine, ["Je veux prévoir le rendement de chaque lot d'olives. Par où commencer ?", 'Pourquoi ne pas simplement faire la moyenne des rendements par parcelle ?']);
    assert.equal(average!.understanding.concepts[0]!.id, 'baseline-model');
    const [, matter] = await converse(engine, ["Je veux prévoir le rendement de chaque lot d'olives. Par où commencer ?", 'Comment savoir quelles variables comptent vraiment ?']);
    assert.equal(matter!.understanding.concepts[0]!.id, 'feature-importance');
    const [, codes] = await converse(engine, ['We want an assistant over our pump manuals. Where do I start?', 'How does retrieval find the right page? The manuals are full of part numbers like PX-40-C.']);
    assert.equal(codes!.understanding.concepts[0]!.id, 'hybrid-search');
    const [, shuffle] = await converse(engine, ['We want to predict weekly sales of our farm shop. Where do I start?', 'Why not just shuffle all the days and do a random 80/20 split?']);
    assert.equal(shuffle!.understanding.concepts[0]!.id, 'time-based-split');
  });

  it('reads the neighbouring row of a table as parsing, an answer the notice contradicts as invented, generated texts to judge as a test, alarms on each sensor as a baseline, and failing batches as quality', async () => {
    const opening = 'We want an assistant that answers from our spare-parts catalogue PDFs. Where do I start?';
    const [, row] = await converse(engine, [opening, 'It sometimes answers with the price from the neighbouring row of the parts table. Why?']);
    assert.equal(row!.understanding.concepts[0]!.id, 'document-parsing');
    const [, notice] = await converse(engine, ["Nous voulons un assistant qui réponde à partir de nos notices. Par où commencer ?", "Il répond « 2 ans » alors que la notice dit clairement 5 ans. Que se passe-t-il ?"]);
    assert.equal(notice!.sources[0], 'hallucination');
    const [, texts] = await converse(engine, ["Nous voulons un assistant qui réponde à partir de nos notices. Par où commencer ?", 'Comment savoir si les textes générés sont bons ?']);
    assert.ok(!texts!.understanding.uncovered && texts!.understanding.concepts[0]!.id !== 'image-captioning', texts!.understanding.concepts.map((concept) => concept.id).join());
    const [plant, , alarms] = await converse(engine, [
      'Our concrete plant logs every batch (mixing time, water ratio, temperature) and some batches fail the lab strength test. Where do I start?',
      'What is a decision tree?',
      'Why not just put alarms on each sensor with thresholds?',
    ]);
    assert.equal(plant!.understanding.field, 'quality');
    assert.equal(alarms!.understanding.concepts[0]!.id, 'baseline-model');
  });

  it('takes a project told without a question as its opening, forecasts readings taken at a steady pace, and moves the project on at a bare "ok"', async () => {
    const [tank, ok, gotIt] = await converse(engine, [
      'We manage heating-oil tanks at 40 farms and a probe logs the fill level every 30 minutes; I would like to predict, a few days ahead, when each tank will need a delivery.',
      'ok',
      'got it',
    ]);
    assert.ok(tank!.understanding.project, 'a told project is an opening');
    assert.deepEqual([tank!.understanding.concepts[0]!.id, tank!.understanding.field], ['time-series-forecasting', 'readings']);
    assert.ok(ok!.understanding.nextStep && ok!.understanding.concepts[0]!.id === 'time-based-split', ok!.understanding.concepts.map((concept) => concept.id).join());
    assert.ok(ok!.text.startsWith('The next step is the time-based split.'), ok!.text);
    assert.equal(gotIt!.understanding.concepts[0]!.id, 'baseline-model');
    assert.ok(gotIt!.text.includes('last reading carried forward'), gotIt!.text);
    // Breakdowns stay a yes or no, however often the sensors are read.
    const [pumps] = await converse(engine, ['Our pumps log vibration every minute and we would like to predict breakdowns a week ahead so the crew can plan repairs in advance.']);
    assert.equal(pumps!.understanding.concepts[0]!.id, 'binary-classification');
    // A question that mentions a project is still a question.
    const [lag] = await converse(engine, ['I want to predict sales, what is a lag feature?']);
    assert.ok(!lag!.understanding.project);
    const [extraction, daccord] = await converse(engine, [
      'Bonjour, notre association garde 20 ans de fiches de baguage manuscrites et je voudrais utiliser un LLM pour en extraire l’espèce, la date et le lieu de chaque oiseau.',
      'd’accord',
    ]);
    assert.equal(extraction!.understanding.concepts[0]!.id, 'information-extraction');
    // (Structured output was the opening's own step: next comes the set of real inputs to test each change on.)
    assert.ok(daccord!.text.startsWith('Étape suivante : les tests de non-régression des prompts.'), daccord!.text);
  });

  it('reads a sensor project that is no breakdown as readings, and answers its symptoms, gaps, data size and choices in its terms', async () => {
    const opening = 'Notre coopérative sèche du foin en grange et des sondes relèvent l’humidité et la température toutes les 10 minutes ; on aimerait savoir quand chaque lot sera assez sec, un jour à l’avance.';
    const [dry, gaps, enough, which, lags, late] = await converse(engine, [
      opening,
      'Our data logger drops out overnight sometimes, leaving holes of a few hours. What should I do about those?',
      'Est-ce que deux saisons de mesures suffisent vraiment pour entraîner quelque chose ?',
      'Entre une régression linéaire et un gradient boosting, lequel vous me conseillez ?',
      'Comment ça marche, les variables de décalage ?',
      'It looks fine on the test weeks but each forecast just repeats the last value, one step behind. Why?',
    ]);
    assert.deepEqual([dry!.understanding.concepts[0]!.id, dry!.understanding.field], ['time-series-forecasting', 'readings']);
    assert.equal(gaps!.understanding.concepts[0]!.id, 'missing-data');
    // Told of their own logger: what gaps mean in readings comes before the general remedy.
    assert.equal(gaps!.passages[1]!.kind, 'field', gaps!.passages.map((passage) => passage.kind).join());
    assert.equal(enough!.understanding.concepts[0]!.id, 'training-set-size');
    assert.equal(which!.understanding.intent, 'contrast');
    assert.equal(lags!.understanding.concepts[0]!.id, 'lag-feature');
    assert.equal(late!.understanding.concepts[0]!.id, 'time-series-forecasting');
    assert.ok(late!.text.startsWith('That is a known pitfall of time-series forecasting.') && late!.text.includes('naive forecast'), late!.text);
  });

  it('plans on request whatever the request resembles, never ends a step on "and", and reads names in mixed capitals only as written', async () => {
    const [, , , plan] = await converse(engine, [
      'Nous voulons utiliser un LLM pour extraire les montants et les dates de nos bons de livraison. Par où commencer ?',
      'Pourquoi un schéma JSON ?',
      'Et si le modèle invente un montant ?',
      'Donnez-moi les étapes concrètes pour un premier prototype sur 150 bons.',
    ]);
    assert.ok(plan!.understanding.steps, plan!.understanding.concepts.map((concept) => concept.id).join());
    assert.ok(!/\b(et|and|ou|or)\.$/mu.test(plan!.text), plan!.text);
    const [scanned] = await converse(engine, ['Nos rapports scannés sont-ils lisibles par un modèle ?']);
    assert.ok(!scanned!.understanding.concepts.some((concept) => concept.id === 'approximate-nearest-neighbor'));
    const [json] = await converse(engine, ['How does a language model manage to return valid JSON every time?']);
    assert.equal(json!.understanding.concepts[0]!.id, 'constrained-decoding');
  });

  it('reads readings that decide a yes or no per piece as a defect, rules that differ by site as metadata, the wrong passage found as a missing exact-word search, and busy days as a missing input', async () => {
    const [staves] = await converse(engine, ['We dry oak staves in a kiln and log humidity and temperature every 15 minutes; I want to predict which staves will split. Where do I start?']);
    assert.deepEqual([staves!.understanding.concepts[0]!.id, staves!.understanding.field], ['binary-classification', 'quality']);
    const opening = 'We want an assistant that answers our technicians from our 400 maintenance procedures. Where do I start?';
    const [, next, bySite, wrong] = await converse(engine, [
      opening,
      'Okay.',
      'Our procedures differ by site: the same question has another answer in Lyon than in Lille. How do we handle that?',
      'When asked about the red valve on line 2, it answers about valves in general instead of that one. Why?',
    ]);
    assert.equal(next!.understanding.concepts[0]!.id, 'document-parsing');
    assert.equal(bySite!.understanding.concepts[0]!.id, 'metadata-filtering');
    assert.equal(wrong!.understanding.concepts[0]!.id, 'hybrid-search');
    const [busy] = await converse(engine, ['Mon modèle marche bien en semaine mais se trompe les jours fériés quand il y a de l’affluence. Pourquoi ?']);
    assert.equal(busy!.understanding.concepts[0]!.id, 'feature-engineering');
    const [, gaps] = await converse(engine, ['Je suis responsable d’un bassin et j’ai des relevés de chlore et de pH toutes les 15 minutes ; je voudrais prévoir quand le chlore passera sous le seuil.', 'Il manque des heures entières dans nos relevés quand la sonde est nettoyée. Je fais quoi avec ça ?']);
    assert.deepEqual([gaps!.understanding.concepts[0]!.id, gaps!.understanding.intent, gaps!.understanding.field], ['missing-data', 'remedy', 'readings']);
    // A time split said in the learner's own kind of data.
    const [, example] = await converse(engine, ['We want to forecast the daily number of parcels at each of our depots. Where do I start?', 'Can you give me an example of a time-based split with our data?']);
    assert.ok(example!.passages.some((passage) => passage.kind === 'field' && passage.conceptIds[0] === 'time-based-split'), example!.passages.map((passage) => `${passage.conceptIds[0]}:${passage.kind}`).join());
  });

  it('answers "is that really enough to stop it?" with what guards against it, frames a class against a number, and makes readings into one row per piece', async () => {
    const [, , enough] = await converse(engine, [
      'We want an assistant that answers from our ski-lift inspection manuals. Where do I start?',
      'Why does a language model make things up?',
      'Is citing the sources really enough to stop it from inventing inspection intervals?',
    ]);
    assert.equal(enough!.understanding.intent, 'remedy');
    const [framing] = await converse(engine, ['Why would you use classification rather than forecasting the level itself?']);
    assert.deepEqual(framing!.understanding.concepts.map((concept) => concept.id), ['classification', 'regression']);
    const [rows] = await converse(engine, ['The kiln logs a reading every minute for each batch, so how do I turn the time series into one row per batch?']);
    assert.equal(rows!.understanding.concepts[0]!.id, 'feature-aggregation');
    const [naive] = await converse(engine, ['Comment savoir si mon modèle fait mieux qu’une prévision naïve ?']);
    assert.equal(naive!.understanding.concepts[0]!.id, 'baseline-model');
  });

  it('reads every item of one group flagged, the good ones included, as a shortcut the model learnt', async () => {
    const [shortcut] = await converse(engine, ['The classifier rejects nearly all parts made on the night shift, even the ones that pass inspection. What is going on?']);
    assert.equal(shortcut!.understanding.concepts[0]!.id, 'shortcut-learning');
    assert.ok(shortcut!.text.startsWith('What you describe sounds like a case of shortcut learning.'), shortcut!.text);
  });

  it('says which of two kinds of task the project is, plans with the library it names, and reads a returning item, a measure taken with the answer, the wrong maker and "why retrieval at all?"', async () => {
    const [opening, which, steps, split, sameVisit] = await converse(engine, [
      'Je gère un service de contrôle de chaudières et j’ai 3 000 visites sur 5 ans (âge, marque, puissance, encrassement oui/non) ; j’aimerais prédire quelles chaudières risquent d’avoir un défaut au prochain contrôle.',
      'C’est de la classification ou de la régression, alors ?',
      'Quelles sont les étapes concrètes pour un premier modèle avec scikit-learn ?',
      'Je dois découper au hasard, sachant que la même chaudière revient chaque année ?',
      'La pression mesurée pendant la même visite peut-elle servir de variable ?',
    ]);
    assert.equal(opening!.understanding.concepts[0]!.id, 'binary-classification');
    assert.equal(which!.understanding.intent, 'contrast');
    assert.ok(which!.text.startsWith('Le projet relève de la classification binaire.'), which!.text);
    assert.ok(steps!.understanding.steps, steps!.understanding.concepts.map((concept) => concept.id).join());
    assert.equal(split!.understanding.concepts[0]!.id, 'data-leakage');
    assert.equal(sameVisit!.understanding.concepts[0]!.id, 'data-leakage');
    const [, whyRag, maker] = await converse(engine, [
      'We want an assistant that answers our field engineers from 2,000 pages of pump manuals. Where do I start?',
      'Why would we need retrieval at all instead of asking a big model directly?',
      'It explains a fault code from the wrong manufacturer when the question does not say the brand.',
    ]);
    assert.deepEqual([whyRag!.understanding.concepts[0]!.id, whyRag!.understanding.intent], ['retrieval-augmented-generation', 'why']);
    assert.equal(maker!.understanding.concepts[0]!.id, 'metadata-filtering');
    const [kiln] = await converse(engine, ['We fire glazed tiles in two kilns and log the temperature every minute; about 600 firings so far, some with cracked tiles. Can we predict cracking from the curves?']);
    assert.deepEqual([kiln!.understanding.project, kiln!.understanding.concepts[0]!.id, kiln!.understanding.field], [true, 'binary-classification', 'quality']);
  });

  it('answers confusion about a named concept with its intuition first, and says depth and width with their articles', async () => {
    const [embedding] = await converse(engine, ['Hmm, not sure I get what an embedding is, concretely.']);
    assert.equal(embedding!.understanding.intent, 'simple');
    assert.ok(embedding!.text.startsWith('In simple terms:'), embedding!.text);
    const [tree] = await converse(engine, ['Je ne vois pas bien comment une forêt aléatoire fonctionne.']);
    assert.equal(tree!.understanding.intent, 'simple');
    assert.equal(definiteTerm('profondeur et largeur', 'fr'), 'la profondeur et la largeur');
  });

  it('takes thanks that ask nothing as thanks, weighs "A rather than B", tests on request for steps to check it, and reads pieces, cycles, derived inputs, a fan\'s flow, another site\'s facts, long gaps and a daily false alarm', async () => {
    const [, thanks] = await converse(engine, ['What is retrieval evaluation?', 'Thanks, that helps, I will start with the retrieval evaluation then.']);
    assert.equal(thanks!.understanding.intent, 'smalltalk');
    const opening = 'Nous voulons un assistant qui réponde aux questions de nos ébénistes à partir de 1 500 fiches de restauration en PDF. Par où commencer ?';
    const [, rather, pieces, evaluate, otherSite] = await converse(engine, [
      opening,
      'Pourquoi un RAG plutôt que de fine-tuner un modèle sur nos fiches ?',
      'Nos fiches mélangent tableaux et texte libre. Comment je découpe ça en morceaux ?',
      'Quelles étapes concrètes pour évaluer si l’assistant répond juste avant de le montrer à l’équipe ?',
      'Quand je demande la commode Louis XV, il répond avec des infos d’un autre chantier. Pourquoi ?',
    ]);
    assert.deepEqual(rather!.understanding.concepts.map((concept) => concept.id).sort(), ['fine-tuning', 'retrieval-augmented-generation']);
    assert.ok(!rather!.understanding.verdict, 'RAG and fine-tuning are ways of working, not kinds of prediction');
    assert.equal(pieces!.understanding.concepts[0]!.id, 'chunking');
    assert.equal(evaluate!.understanding.concepts[0]!.id, 'golden-test-set', 'whether the answers are right: real questions with checked answers');
    assert.equal(otherSite!.understanding.concepts[0]!.id, 'metadata-filtering');
    const [tunnel, cycles, derived, daily] = await converse(engine, [
      'Je suis technicien dans une station de pompage et j’ai deux ans de relevés toutes les minutes : pression, débit des pompes et niveau des bassins. Je voudrais détecter automatiquement les situations anormales.',
      'Les valeurs changent beaucoup entre le jour et la nuit, comment je gère ça ?',
      'Tu peux donner des exemples de variables dérivées avec mes capteurs ?',
      'Le modèle signale une anomalie presque chaque matin vers 6h, alors que c’est juste le démarrage des pompes. Pourquoi ?',
    ]);
    assert.deepEqual([tunnel!.understanding.concepts[0]!.id, tunnel!.understanding.project], ['anomaly-detection', true]);
    assert.equal(cycles!.understanding.concepts[0]!.id, 'feature-engineering');
    assert.equal(derived!.understanding.concepts[0]!.id, 'feature-engineering');
    // (A false alarm every morning at the pumps' start, from a detector of what is normal: its known pitfall, rare but
    // normal modes it was not told about.)
    assert.deepEqual([daily!.understanding.concepts[0]!.id, daily!.understanding.intent], ['isolation-forest', 'limits']);
    assert.match(daily!.text, /^C'est un écueil connu de la forêt d'isolement\./);
    const [gaps] = await converse(engine, ['Some gauges have gaps of several weeks when their batteries died. Should I just interpolate linearly over them?']);
    assert.equal(gaps!.understanding.concepts[0]!.id, 'missing-data');
  });

  it('weighs a model run in house against a provider\'s API, and says why personal data in an index matters', async () => {
    const opening = 'We want an assistant that answers our auditors from 4,000 past audit reports. Where do I start?';
    const [, hosted, personal] = await converse(engine, [
      opening,
      'Should we call a hosted API or run an open-weight model on our own server? The reports are confidential.',
      'Some reports contain employees’ names and home addresses, is that a problem if I index them?',
    ]);
    assert.deepEqual([hosted!.understanding.concepts[0]!.id, hosted!.understanding.intent], ['self-hosted-model', 'why']);
    // How to decide first, then the reasons: never two definitions of it one after the other.
    const [alone] = await converse(engine, ['Should we run an open model on our own server or use an API?']);
    assert.ok(alone!.text.startsWith('Decide on a self-hosted model:') && !alone!.passages.some((passage) => passage.kind === 'definition'), alone!.text);
    assert.deepEqual([personal!.understanding.concepts[0]!.id, personal!.understanding.intent], ['personal-data-in-llm-apps', 'why']);
    const [between] = await converse(engine, ['Entre un modèle open source hébergé chez nous et l’API d’OpenAI, que conseillez-vous ?']);
    assert.equal(between!.understanding.concepts[0]!.id, 'self-hosted-model');
  });

  it('reads leaks to detect as anomalies, a time to predict as a number, a cycle between seasons, a weekly false alarm, editions mixed, a pigeon in several releases, and "X or Y, which would be best?"', async () => {
    const [hydrants] = await converse(engine, ['Our 80 fire hydrants each log pressure and flow every 15 minutes, and I would like to detect leaks before the street floods. Where do I start?']);
    assert.equal(hydrants!.understanding.concepts[0]!.id, 'anomaly-detection');
    const [race] = await converse(engine, ['J’ai un tableau de 3 000 courses de chiens de traîneau (distance, neige, température, âge des chiens) et je voudrais prédire le temps de course de chaque attelage. Par où commencer ?']);
    assert.equal(race!.understanding.concepts[0]!.id, 'regression');
    const [cycle] = await converse(engine, ['Pressure changes a lot between a summer afternoon and a winter night. How do I handle that?']);
    assert.equal(cycle!.understanding.concepts[0]!.id, 'feature-engineering');
    const [market] = await converse(engine, ['The model flags almost every hydrant on Sunday mornings, when the street cleaners pass. What is going on?']);
    assert.equal(market!.understanding.concepts[0]!.id, 'anomaly-detection');
    const [, editions] = await converse(engine, ['Nous voulons un assistant sur nos 200 pages de statuts en PDF. Par où commencer ?', 'Les statuts changent chaque année : comment éviter que l’assistant mélange l’édition 2023 et l’édition 2024 ?']);
    assert.equal(editions!.understanding.concepts[0]!.id, 'metadata-filtering');
    const [dogs] = await converse(engine, ['J’ai le même chien dans plusieurs courses. Si je mélange tout au hasard entre entraînement et test, ça pose problème ?']);
    assert.equal(dogs!.understanding.concepts[0]!.id, 'data-leakage');
    const [best] = await converse(engine, ['Un arbre de décision ou une régression logistique, qu’est-ce qui serait le mieux pour moi ?']);
    assert.equal(best!.understanding.intent, 'contrast');
  });

  it('reads a JSON schema asked about in the chat as structured output, while "JSON Schema" in a validator\'s text is no term of it', async () => {
    const [schema] = await converse(engine, ['Why should we define a JSON schema before calling the model?']);
    assert.equal(schema!.understanding.concepts[0]!.id, 'structured-output');
    const matches = glossary.matcher.findAll('Ajv validates data against a JSON Schema draft-07 document.');
    assert.ok(!matches.some((match) => match.forms[0]!.conceptId === 'structured-output'), 'no hover for the standard itself');
  });

  it('reads scanned documents to answer from as retrieval, a quantity for each item as regression, and keeps a project on readings away from the language-model pipeline', async () => {
    const [logbooks] = await converse(engine, ['We have 4,000 scanned keeper logbooks (PDFs, many are OCR of handwriting) and I want an assistant that answers volunteers\' questions like "when was the lens last replaced?". Where do I start?']);
    assert.equal(logbooks!.understanding.concepts[0]!.id, 'retrieval-augmented-generation');
    const yieldOpening = 'I grow oyster mushrooms and log temperature, humidity and CO2 every 10 minutes for about 40 blocks, plus the harvest weight of each block. Can I predict the yield of a block from the sensor readings?';
    const [opening, raw] = await converse(engine, [yieldOpening, 'Why can\'t I just feed all the 10-minute readings straight into the model?']);
    assert.equal(opening!.understanding.concepts[0]!.id, 'regression');
    assert.notEqual(opening!.understanding.field, 'readings', 'a number for each block is no level to forecast');
    assert.deepEqual([raw!.understanding.concepts[0]!.id, raw!.understanding.intent], ['feature-aggregation', 'why']);
    const [grams, row] = await converse(engine, ["Je note pour chaque sac de pleurotes la température, l'humidité et le CO2, et le poids récolté. J'aimerais prédire combien de grammes chaque sac va donner. C'est faisable ?", "Mes capteurs mesurent toutes les 10 minutes, mais je n'ai qu'une récolte par sac. Comment je fais entrer tout ça dans une seule ligne ?"]);
    assert.equal(grams!.understanding.concepts[0]!.id, 'regression');
    assert.equal(row!.understanding.concepts[0]!.id, 'feature-aggregation');
    const [daily] = await converse(engine, ['I want to predict how many visitors each day we will get next month. Where do I start?']);
    assert.notEqual(daily!.understanding.concepts[0]!.id, 'regression', 'a count for each day is a series to forecast');
  });

  it('names a made-up person as hallucination, numbers brought back wrong as a case for hybrid search, counts test questions as a test set, and recommends the project\'s own way when asked which', async () => {
    const opening = 'We want an assistant that answers volunteers\' questions from our restoration reports. Where do I start?';
    const [, names, numbers, fifty, which] = await converse(engine, [
      opening,
      'When I ask who was in charge in 1923, the model confidently names someone who isn\'t in any of the retrieved passages. Why?',
      'When someone asks about section 14 in 2019, the search brings back reports from 2021 on section 41. Why?',
      'Is that really enough, like 50 questions?',
      'Should I fine-tune a model on our reports instead of doing retrieval? Which would you go for?',
    ]);
    assert.equal(names!.understanding.concepts[0]!.id, 'hallucination');
    assert.equal(numbers!.understanding.concepts[0]!.id, 'hybrid-search');
    assert.equal(fifty!.understanding.concepts[0]!.id, 'golden-test-set');
    assert.equal(which!.understanding.verdict, 'retrieval-augmented-generation');
    assert.match(which!.text, /^For your project, I would go with retrieval-augmented generation\./);
    const [, why] = await converse(engine, [opening, 'Why RAG rather than fine-tuning a model on our reports?']);
    assert.ok(!why!.understanding.verdict, 'a "why" weighs the two, it does not recommend');
    const [, pgvector] = await converse(engine, ["Nous voulons un assistant qui réponde aux questions des techniciens à partir de nos rapports d'inspection. Par où commencer ?", 'Entre une base vectorielle dédiée et pgvector dans notre PostgreSQL, que me conseillez-vous ?']);
    assert.equal(pgvector!.passages[0]!.kind, 'step', 'what to do comes first');
  });

  it('leaves the learner somewhere to go when nothing answers a point: no guess, and the next questions of the topic in play', async () => {
    const [, , nothing] = await converse(engine, ['What is gradient boosting?', 'Why does it work so well on tables?', 'And what about the quokkas of Rottnest island, can a model count them from drone flights?']);
    if (nothing!.understanding.uncovered) {
      assert.ok(!/glossary/i.test(nothing!.text), nothing!.text);
      assert.ok(nothing!.suggestions.length > 0, 'questions to go on with');
    }
    const [, uncovered] = await converse(engine, ['We want to predict the yield of each batch from its sensor readings. Where do I start?', 'Our plant manager keeps a paper notebook with remarks on each batch; is that worth typing up for the model?']);
    assert.ok(uncovered!.suggestions.length > 0, uncovered!.text);
  });

  it('answers "why X rather than Y?" and "why do I need X at all?" with what X is for, not its pitfalls or a contrast', async () => {
    const opening = "Nous voulons un assistant qui réponde aux questions des techniciens à partir de nos rapports d'inspection. Par où commencer ?";
    const [, pieces] = await converse(engine, [opening, 'Pourquoi découper les rapports en morceaux plutôt que de donner le PDF entier au modèle ?']);
    assert.deepEqual([pieces!.understanding.concepts[0]!.id, pieces!.understanding.intent], ['chunking', 'why']);
    const [, atAll] = await converse(engine, ['We want an assistant that answers from our maintenance reports. Where do I start?', "Why do I need to split the documents into chunks at all? Can't I just give the model the whole PDF?"]);
    assert.deepEqual([atAll!.understanding.concepts.map((concept) => concept.id), atAll!.understanding.intent], [['chunking'], 'why']);
    const [, whyNot] = await converse(engine, ['We want to predict weekly sales of our farm shop. Where do I start?', 'Why not just shuffle all the days and do a random 80/20 split?']);
    assert.equal(whyNot!.understanding.concepts[0]!.id, 'time-based-split', 'a shortcut proposed is still weighed');
  });

  it('reads tables to handle as parsing, "or both?" of two searches as hybrid search, a superseded document as a stale index, and a good test score off this winter as drift', async () => {
    const opening = 'We want an assistant that answers members\' questions from our PDF technical bulletins. Where do I start?';
    const [, tables, both, superseded, invents] = await converse(engine, [
      opening,
      'A lot of our bulletins contain frequency tables and some are old scanned pages. How should I handle those?',
      'Should I use BM25 keyword search or dense embeddings for this, or both?',
      'When someone asks about the current power limits, the model sometimes quotes an old bulletin that was superseded long ago. Why?',
      'ok, and how do I stop it from inventing a rule when nothing relevant was retrieved?',
    ]);
    assert.equal(tables!.understanding.concepts[0]!.id, 'document-parsing');
    assert.deepEqual([both!.understanding.concepts[0]!.id, both!.understanding.intent], ['hybrid-search', 'why']);
    assert.equal(superseded!.understanding.concepts[0]!.id, 'index-freshness');
    assert.equal(invents!.understanding.concepts[0]!.id, 'hallucination');
    const [, oaks] = await converse(engine, ["Nous voulons un assistant qui réponde aux questions des bénévoles à partir de nos fiches d'expertise en PDF. Par où commencer ?", "Quand on demande « quels chênes ont été élagués en 2019 ? », l'assistant répond avec des arbres de 2021. Pourquoi ?"]);
    assert.equal(oaks!.understanding.concepts[0]!.id, 'hybrid-search');
    const [, , winter] = await converse(engine, [
      "Hi, I tune pianos and keep a spreadsheet of each visit: humidity, temperature, piano age, and how far it drifted. I'd like to predict which clients' pianos will need a tuning soon.",
      'What is a decision tree?',
      "My model does great on the test set but when I use it on new visits this winter it's way off. What's going on?",
    ]);
    assert.equal(winter!.understanding.concepts[0]!.id, 'data-drift');
    assert.notEqual(winter!.understanding.field, 'quality', 'pianos are no production line');
  });

  it('takes confusion said first as about the topic, and "what X is versus Y" as the difference', async () => {
    const [, confused] = await converse(engine, ['How does semantic search work?', 'Hmm, not sure I get it. How would it know that "2 metre band" and "144 MHz" mean the same thing?']);
    assert.deepEqual([confused!.understanding.concepts[0]!.id, confused!.understanding.intent], ['semantic-search', 'simple']);
    const [versus] = await converse(engine, ['Hmm, not sure I get what a feature is versus a label.']);
    assert.deepEqual([versus!.understanding.intent, versus!.understanding.concepts.map((concept) => concept.id).sort()], ['contrast', ['feature', 'label']]);
    const [reranker] = await converse(engine, ['Je ne suis pas sûr de comprendre la différence entre un reranker et la recherche vectorielle.']);
    assert.equal(reranker!.understanding.intent, 'contrast');
    const [split] = await converse(engine, ['Pourquoi faudrait-il séparer mes données en deux parties ? Je ne vois pas bien l’intérêt.']);
    assert.equal(split!.understanding.intent, 'why');
  });

  it('reads a project told with its users\' quoted questions, tests of an assistant\'s answers, languages mixed, personal remarks, and a prediction deaf to an input', async () => {
    const opening = 'I\'m building an internal assistant for our lab: about 30 years of field logbooks (scanned PDFs, some OCR\'d) and researchers want to ask things like "when did we last measure the ablation stakes on the north tongue?" Where do I start?';
    const [start, languages, judge, personal] = await converse(engine, [
      opening,
      'Our logbooks mix French, German and English. Is a standard embedding model really enough for that?',
      'How can I measure whether the assistant is getting better without asking the researchers to check every answer?',
      'Some logbooks contain personal remarks about colleagues; how do I keep those from showing up in answers?',
    ]);
    assert.equal(start!.understanding.concepts[0]!.id, 'retrieval-augmented-generation', 'a quoted question names no ablation study');
    assert.equal(languages!.understanding.concepts[0]!.id, 'multilingual-model');
    assert.equal(judge!.understanding.concepts[0]!.id, 'llm-as-a-judge');
    assert.equal(personal!.understanding.concepts[0]!.id, 'personal-data-in-llm-apps');
    const [, better, hall, indoor] = await converse(engine, [
      "Je dois construire un assistant qui répond aux questions des arbitres à partir de nos règlements PDF. Par où je commence ?",
      "Et comment je mesure si l'assistant s'améliore quand je change quelque chose ?",
      "Ça me paraît risqué : si l'assistant invente une règle, un arbitre pourrait se tromper. Comment limiter ça ?",
      "Quand on pose une question sur les distances de tir en salle, il répond avec les distances en extérieur. D'où ça peut venir ?",
    ]);
    assert.equal(better!.understanding.concepts[0]!.id, 'golden-test-set');
    assert.equal(hall!.understanding.concepts[0]!.id, 'hallucination');
    assert.notEqual(indoor!.understanding.intent, 'ood');
    const [rower, , sleep] = await converse(engine, [
      "Hi, I've logged two years of my rowing machine sessions: distance, split, heart rate and hours of sleep. I'd like to predict my 2k test time. Where do I start?",
      'What is a feature?',
      'My model predicts almost the same 2k time no matter what sleep hours I put in. Why would it do that?',
    ]);
    assert.deepEqual([rower!.understanding.concepts[0]!.id, rower!.understanding.field], ['regression', 'sports']);
    assert.equal(sleep!.understanding.concepts[0]!.id, 'feature-importance');
  });

  it('asks for steps in any words, advises on a setting described, and weighs "X or Y, which do you advise?"', async () => {
    const [, , steps] = await converse(engine, [
      "Bonjour, deux sondes mesurent la température de notre compost toutes les heures depuis un an. J'aimerais prédire quand il faudra le retourner. Par où commencer ?",
      "Pourquoi faut-il séparer les données en entraînement et test ?",
      'Concrètement, quelles étapes je dois suivre, sans être développeur ?',
    ]);
    assert.ok(steps!.understanding.steps, steps!.understanding.intent);
    const [, size] = await converse(engine, ["Je dois construire un assistant qui répond aux questions à partir de nos règlements PDF. Par où je commence ?", 'Quelle taille de morceaux et quel chevauchement me conseillez-vous pour des articles courts ?']);
    assert.ok(size!.understanding.advice, 'what to do first');
    const [forest] = await converse(engine, ['Vous me conseillez plutôt une forêt aléatoire ou une régression logistique ?']);
    assert.equal(forest!.understanding.intent, 'contrast');
    const [adds] = await converse(engine, ['hmm, not sure I get what a reranker adds if I already have the top results.']);
    assert.deepEqual([adds!.understanding.concepts[0]!.id, adds!.understanding.intent], ['reranking', 'why']);
  });

  it('reads scans to handle as OCR, outputs checked by hand as a test set, a model that invents anything as hallucination, and a way without a model as the baseline', async () => {
    const [, scans, enough, deadline, wouldnt] = await converse(engine, [
      'I want an LLM to pull out the inspection date, the inspector and the defects from our 40,000 PDF inspection reports. Where do I start?',
      'About 30% of our reports are scanned handwritten checklists with tick boxes. What do I do about those?',
      'Is checking 200 reports by hand really enough to know the extraction is good?',
      'The model keeps inventing a remediation deadline when the report does not have one. Why does it do that?',
      'Why wouldn\'t embeddings and vector search work for counting questions?',
    ]);
    assert.equal(scans!.understanding.concepts[0]!.id, 'optical-character-recognition');
    assert.equal(enough!.understanding.concepts[0]!.id, 'golden-test-set');
    assert.equal(deadline!.understanding.concepts[0]!.id, 'hallucination');
    assert.equal(wouldnt!.understanding.intent, 'limits');
    const [geckos, , same, average] = await converse(engine, [
      "Bonjour, j'élève trois geckos dans des terrariums avec des capteurs, et je note depuis deux ans les jours où ils refusent de manger. Je voudrais prédire les jours où ils vont refuser leur repas. Par où commencer ?",
      "C'est quoi la précision et le rappel ?",
      "Ça me paraît risqué de mettre les trois geckos dans le même modèle, ils n'ont pas du tout le même caractère.",
      'Pourquoi ne pas simplement regarder la température moyenne des jours de refus plutôt que de faire un modèle ?',
    ]);
    assert.equal(geckos!.understanding.project, true);
    assert.equal(same!.understanding.concepts[0]!.id, 'global-vs-local-model');
    assert.equal(average!.understanding.concepts[0]!.id, 'baseline-model');
    const [sheds, summary] = await converse(engine, [
      "Hi! I log temperature and humidity in each snake enclosure every hour, plus a note whenever a snake has a bad shed. I'd love to predict bad sheds before they happen. Is that something machine learning can do?",
      'Why would I need to turn my hourly readings into summary features instead of just feeding in the raw numbers?',
    ]);
    assert.deepEqual([sheds!.understanding.project, sheds!.understanding.concepts[0]!.id], [true, 'binary-classification']);
    assert.match(sheds!.text, /^You want to predict bad sheds before they happen: /);
    assert.equal(summary!.understanding.concepts[0]!.id, 'feature-aggregation');
    const [, mills] = await converse(engine, ["Je veux construire un assistant qui répond aux questions des bénévoles à partir de nos 600 rapports d'inspection en PDF. Par où je commence ?", "Quand je demande l'état de la roue du moulin de Vauchelles, le modèle me répond avec des infos d'un autre moulin : pourquoi ?"]);
    assert.equal(mills!.understanding.concepts[0]!.id, 'metadata-filtering');
  });

  it('reads codes for embeddings as hybrid search, a few chunks for "list every" as the limits of retrieval, forgotten readings as missing data, a clogged sensor as an outlier, and "why classification and not regression?" with the verdict', async () => {
    const [, codes, every] = await converse(engine, [
      "Hi! I'm building an assistant that answers staff questions from 20 years of our daily shift reports. Where do I start?",
      'Our reports are full of station codes like "KRL3" and in-house abbreviations; will embeddings handle those?',
      'Is retrieving the top 5 chunks really enough for a question like "list every tremor episode in 2014"?',
    ]);
    assert.equal(codes!.understanding.concepts[0]!.id, 'hybrid-search');
    assert.deepEqual([every!.understanding.concepts[0]!.id, every!.understanding.intent], ['retrieval-augmented-generation', 'limits']);
    const vats = "Bonjour ! Je note pour chaque cuve d'indigo le pH, la température et si la teinture a pris ou non. Je voudrais prédire si une cuve va réussir. Par où commencer ?";
    const [, why, forgot] = await converse(engine, [vats, "Pourquoi vous dites que c'est de la classification et pas de la régression ?", "Il y a des jours où j'ai oublié de noter la température. Qu'est-ce que je fais de ces lignes ?"]);
    assert.equal(why!.understanding.intent, 'contrast');
    assert.ok(why!.understanding.verdict, 'which one the project is, first');
    assert.equal(forgot!.understanding.concepts[0]!.id, 'missing-data');
    const pond = "Hi! I log water temperature, pH and oxygen in my pond every 15 minutes, and I'd like to predict a few days ahead when algae will bloom. Where do I start?";
    const [, clogged, never, steps] = await converse(engine, [
      pond,
      'My oxygen sensor sometimes drops to zero for a few hours when it gets clogged with leaves. What should I do with those readings?',
      'The model keeps predicting "no bloom" every single day. Why does it do that?',
      'Ok. Can you give me concrete steps, from my CSV file to a working prediction?',
    ]);
    assert.equal(clogged!.understanding.concepts[0]!.id, 'outlier');
    assert.equal(never!.understanding.concepts[0]!.id, 'class-imbalance');
    assert.ok(steps!.understanding.steps, 'the plan, whatever everyday word it ends on');
  });

  it('takes "what you mean by X" as X asked simply, "fine-tune so it memorizes" as fine-tuning against RAG, embeddings against "the model itself" as two models, and OCR, invented part numbers, another brand\'s value and changes to measure for what they are', async () => {
    const manuals = "I'm building an assistant that answers questions from about 3,000 scanned repair manuals for vintage sewing machines, where should I start?";
    const [, memorize, same, ocr, invents, measure] = await converse(engine, [
      manuals,
      'Why not just fine-tune a small model on all the manuals so it memorizes them instead of doing retrieval?',
      "hmm, not sure I get the difference between embeddings and the model itself, aren't they the same thing?",
      'My scans are OCR\'d and full of errors like "bobbln" and broken tables of part numbers, will that hurt the results?',
      "ok, I tried it and the model confidently gives part numbers that don't exist in any manual when the retrieved chunks don't mention the part. What's going on?",
      'How can I measure whether my changes actually make the answers better rather than just eyeballing a few?',
    ]);
    assert.deepEqual(memorize!.understanding.concepts.map((concept) => concept.id).sort(), ['fine-tuning', 'retrieval-augmented-generation']);
    assert.deepEqual(same!.understanding.concepts.map((concept) => concept.id), ['embedding-model', 'large-language-model']);
    assert.match(same!.text, /two separate models/);
    assert.equal(ocr!.understanding.concepts[0]!.id, 'optical-character-recognition');
    assert.equal(invents!.understanding.concepts[0]!.id, 'hallucination');
    assert.equal(measure!.understanding.concepts[0]!.id, 'golden-test-set');
    const club = "Bonjour, je veux construire un assistant qui répond aux questions des membres à partir de nos notices de décodeurs et de nos schémas de câblage scannés. Par où je commence ?";
    const [, codes, meant, diagrams, brand] = await converse(engine, [
      club,
      'Ok. Mais nos notices sont pleines de numéros de CV comme "CV29" ou "CV1", est-ce que les embeddings vont vraiment comprendre ça ?',
      'Hmm, je ne suis pas sûr de comprendre ce que tu appelles recherche hybride.',
      'Nos schémas de câblage sont des images scannées, comment je peux les intégrer ?',
      "Quand je demande la valeur du CV29 pour un décodeur ESU, il me répond avec la valeur d'un décodeur Zimo. Qu'est-ce qui se passe ?",
    ]);
    assert.equal(codes!.understanding.concepts[0]!.id, 'hybrid-search');
    assert.deepEqual([meant!.understanding.concepts[0]!.id, meant!.understanding.intent], ['hybrid-search', 'simple']);
    assert.equal(diagrams!.understanding.concepts[0]!.id, 'optical-character-recognition');
    assert.equal(brand!.understanding.concepts[0]!.id, 'metadata-filtering');
  });

  it('says what covers what the topic misses ("is that really enough?") but not of how much data is enough, and opens signal projects as yes/no with windows, features and the forest first', async () => {
    const [, , oldNames] = await converse(engine, [
      "I'm building an assistant that answers questions from our scanned repair manuals, where should I start?",
      'How does the retrieval part actually find the right page?',
      'Is that really enough though? The manuals use old part names that users never type, like "shuttle race" vs "bobbin area".',
    ]);
    assert.match(oldNames!.text, /^Not on its own: that is what query rewriting is for\./);
    const printer = 'Hi! I stuck an accelerometer on the print head of each of my 3D printers. I have about 200 logged prints with vibration readings, and I noted which ones failed. Can I predict a failed print early from the vibrations?';
    const [opening, turning, few, features, which] = await converse(engine, [
      printer,
      'How does that actually work, turning a raw vibration signal into something a model can use?',
      'Only about 25 of my 200 prints failed. Is that really enough to train anything?',
      "Hmm, I'm not sure I get what you mean by features in this case.",
      'Should I use a random forest or an LSTM for this?',
    ]);
    assert.equal(opening!.understanding.concepts[0]!.id, 'binary-classification');
    assert.equal(turning!.understanding.concepts[0]!.id, 'signal-windowing');
    assert.doesNotMatch(few!.text, /^Not on its own/);
    assert.deepEqual([features!.understanding.concepts[0]!.id, features!.understanding.intent], ['feature', 'simple']);
    assert.match(which!.text, /start with the random forest/);
    const horses = "Bonjour, j'ai des accéléromètres fixés sur les sabots de 12 chevaux de course et je voudrais détecter une boiterie avant que le vétérinaire ne la voie, par où je commence ?";
    const [start, windows, feature, sameHorse] = await converse(engine, [
      horses,
      "Pourquoi est-ce qu'il faudrait découper les signaux en fenêtres au lieu d'utiliser tout l'enregistrement d'un entraînement ?",
      'Hmm, je ne suis pas sûr de comprendre ce que vous appelez une « feature » ici.',
      "J'ai essayé et le modèle donne presque toujours une alerte pour le même cheval, même quand il va très bien. Pourquoi ?",
    ]);
    assert.equal(start!.understanding.concepts[0]!.id, 'binary-classification');
    assert.equal(windows!.understanding.concepts[0]!.id, 'signal-windowing');
    assert.equal(feature!.understanding.concepts[0]!.id, 'feature');
    assert.equal(sameHorse!.understanding.concepts[0]!.id, 'shortcut-learning');
  });

  it('reads chunk sizes asked as advice, "is that going to be a problem?" as limits, a spec for a different part as the wrong passages, a trade\'s jargon for embeddings as hybrid search and handwritten scans as what to do with OCR', async () => {
    const coop = "Hi, I volunteer at a community bike repair co-op and I want to build an assistant that answers our mechanics' questions using our 30 scanned repair manuals and a logbook of about 4,000 past repairs. Where should I start?";
    const [, size, mangled, otherPart] = await converse(engine, [
      coop,
      'ok, and what size should the chunks be? Our logbook entries are one or two lines each but the manuals have long step-by-step procedures.',
      'Many of our manuals are scanned and the OCR is messy, part numbers like "BR-M520" come out mangled. Is that going to be a problem?',
      'I tried it, and when someone asks about a specific part number the model confidently gives the torque spec for a different part. Why does it do that?',
    ]);
    assert.equal(size!.understanding.concepts[0]!.id, 'chunking');
    assert.equal(size!.passages[0]!.kind, 'step', 'what size to use, first');
    assert.deepEqual([mangled!.understanding.concepts[0]!.id, mangled!.understanding.intent], ['optical-character-recognition', 'limits']);
    assert.equal(otherPart!.understanding.concepts[0]!.id, 'metadata-filtering');
    const organs = 'Bonjour, je développe un assistant pour une association de restauration d’orgues : je veux qu’il réponde aux questions des bénévoles à partir de nos 300 fiches techniques scannées en PDF. Par où je commence ?';
    const [, jargon, handwritten] = await converse(engine, [
      organs,
      'Nos fiches sont pleines de termes de facteur d’orgue comme « sommier », « laye » ou « tirasse » ; un modèle d’embeddings généraliste va vraiment comprendre ça ?',
      'Beaucoup de nos fiches sont des scans manuscrits des années 70, avec des schémas. Comment je gère ça ?',
    ]);
    assert.equal(jargon!.understanding.concepts[0]!.id, 'hybrid-search');
    assert.equal(handwritten!.understanding.concepts[0]!.id, 'optical-character-recognition');
    assert.match(handwritten!.text, /^Passer les scans à l'OCR avant le découpage/);
  });

  it('opens "when will it clog" as yes/no, reads failure dates to note as labels, a dozen failures that "seem risky" as how much data, "features in my case" as features, and "why turn the curves into features instead of the raw readings" as what features are for', async () => {
    const stove = "Bonjour, j'ai un poêle à granulés avec un boîtier qui enregistre chaque minute la température des fumées et la vitesse de l'extracteur depuis deux hivers. Je voudrais prédire quand le creuset va s'encrasser pour le nettoyer avant que le poêle se mette en panne. Par où commencer ?";
    const [opening, dates, dozen, features] = await converse(engine, [
      stove,
      'Pourquoi faudrait-il que je note les dates de nettoyage et de panne ? Le modèle ne peut pas le deviner tout seul ?',
      "D'accord. Mais je n'ai qu'une douzaine de pannes en deux hivers, ça me paraît risqué pour entraîner un modèle.",
      'Hmm, je ne suis pas sûr de comprendre ce que sont les « features » dans mon cas.',
    ]);
    assert.equal(opening!.understanding.concepts[0]!.id, 'binary-classification');
    assert.equal(dates!.understanding.concepts[0]!.id, 'data-labeling');
    assert.equal(dozen!.understanding.concepts[0]!.id, 'training-set-size');
    assert.equal(features!.understanding.concepts[0]!.id, 'feature');
    const kiln = "Hi! I run a small pottery studio and I've logged thermocouple readings from our electric kiln every minute for about 200 firings, plus a note of whether the glaze came out crazed or cracked. Can I use ML to predict bad firings?";
    const [, curves] = await converse(engine, [kiln, 'Why would I need to turn the temperature curves into features instead of feeding the raw readings?']);
    assert.deepEqual([curves!.understanding.concepts[0]!.id, curves!.understanding.intent], ['feature-engineering', 'why']);
    assert.doesNotMatch(curves!.text, /That approach is called/);
  });

  it('recalls a step shown earlier by a clause that stands on its own, never one cut inside a list', async () => {
    const [, , steps] = await converse(engine, [
      'I want to build an assistant that answers questions from our 200 PDF manuals. Where do I start?',
      'How do I know if the search finds the right passages?',
      'Can you give me concrete steps to build a first version?',
    ]);
    assert.doesNotMatch(steps!.text, /chunking, embedding or reranking\.$/m, steps!.text);
  });

  it('answers a local model against an API "on a small budget" with what each costs first', async () => {
    const [, budget] = await converse(engine, [
      'Bonjour, je veux construire un assistant qui répond aux bénévoles à partir de nos fiches techniques en PDF. Par où je commence ?',
      "Entre un petit modèle local genre Mistral 7B et une API comme GPT-4, qu'est-ce que vous me conseillez pour une association avec peu de budget ?",
    ]);
    assert.deepEqual([budget!.understanding.concepts[0]!.id, budget!.understanding.intent], ['self-hosted-model', 'limits']);
    assert.match(budget!.text, /^Pour une petite équipe qui pose quelques centaines de questions par jour, une API hébergée coûte en général moins/);
  });

  it('keeps readings for an event seen ahead, drops them for one reading per item, leads "where do I start?" after a told project to its first step, and reads "in time order", "how does it work, step by step", "how should I chunk them?", « comment je limite » and « entre X et simplement Y »', async () => {
    const reef = "Bonjour, j'ai un aquarium récifal de 400 litres et depuis deux ans un capteur enregistre toutes les 10 minutes le pH, la température et la salinité. Je voudrais prédire les chutes de pH avant qu'elles arrivent.";
    const [opening, start, inOrder] = await converse(engine, [reef, 'Par où je commence avec ces données ?', "Pourquoi faudrait-il découper les données dans l'ordre du temps plutôt qu'au hasard pour l'entraînement et le test ?"]);
    assert.equal(opening!.understanding.field, 'readings');
    assert.ok(start!.understanding.nextStep, start!.understanding.concepts.map((concept) => concept.id).join());
    assert.equal(inOrder!.understanding.concepts[0]!.id, 'time-based-split');
    const espresso = "Hi! I've logged every shot from my espresso machine for two years: boiler temperature, pump pressure, grind setting, dose, shot time, and whether it tasted sour. I'd like to predict sour shots before I pull them. Where do I start?";
    const [shots, accuracy] = await converse(engine, [espresso, 'Why not just use accuracy to check if the model is good?']);
    assert.equal(shots!.understanding.concepts[0]!.id, 'binary-classification');
    assert.equal(shots!.understanding.field, undefined, 'one reading per shot is no level forecast over time');
    assert.deepEqual([accuracy!.understanding.concepts[0]!.id, accuracy!.understanding.intent], ['accuracy', 'limits']);
    const rules = "I'm building an assistant for my club that answers questions about tournament rules, using our 80-page rulebook PDF plus about 300 past rulings written up as short emails. Where do I start?";
    const [, flow, chunkThem] = await converse(engine, [
      rules,
      'How does the retrieval part actually work, step by step, from the question to the answer?',
      'Our rulings are messy: each email mixes a quote from the rulebook, the situation and the decision. How should I chunk them?',
    ]);
    assert.notEqual(flow!.understanding.remark, 'recap');
    assert.equal(flow!.understanding.intent, 'how');
    assert.equal(chunkThem!.passages[0]!.kind, 'step', 'how to chunk them, first');
    const windows = "Salut ! Je développe un assistant qui répond aux questions des artisans en s'appuyant sur nos 800 rapports d'intervention en PDF. Par où je commence ?";
    const [, size, limit, rerank] = await converse(engine, [
      windows,
      'Quelle taille de morceaux tu me conseilles pour des rapports de 5 à 15 pages avec des tableaux de mesures ?',
      "Ça me paraît risqué : si l'assistant invente une technique, c'est grave. Comment je limite les hallucinations ?",
      "Entre un reranker et simplement augmenter le nombre de passages récupérés, qu'est-ce qui vaut le mieux dans mon cas ?",
    ]);
    assert.deepEqual([size!.understanding.concepts[0]!.id, size!.passages[0]!.kind], ['chunking', 'step']);
    assert.deepEqual([limit!.understanding.concepts[0]!.id, limit!.understanding.intent], ['hallucination', 'remedy']);
    assert.deepEqual([rerank!.understanding.concepts[0]!.id, rerank!.understanding.intent], ['reranking', 'why']);
  });

  it('weighs "fine-tuning or retrieval?" for a bot over documents with retrieval first, reads a name found in no source as hallucination, "check whether the retrieval finds the right passages" as its evaluation, and « je développe un assistant » as a project', async () => {
    const [orchids, winner, check] = await converse(engine, [
      "I'm building a chatbot that answers questions from 35 years of scanned newsletters of my local society, about 900 PDFs that I've OCR'd. Should I start by fine-tuning a model or by using retrieval?",
      'When someone asks "who won best in show at the 1998 spring show?", the bot confidently names a person who isn\'t in any newsletter. Why does it do that?',
      'How do I check whether the retrieval is finding the right passages before I blame the language model?',
    ]);
    assert.equal(orchids!.understanding.verdict, 'retrieval-augmented-generation');
    assert.match(orchids!.text, /^For your project, I would go with retrieval-augmented generation\./);
    assert.equal(winner!.understanding.concepts[0]!.id, 'hallucination');
    assert.equal(check!.understanding.concepts[0]!.id, 'retrieval-evaluation');
    const [tractors, scans] = await converse(engine, [
      "Salut ! Je développe un assistant qui répond aux questions sur des manuels d'entretien de tracteurs anciens. J'ai environ 300 PDF scannés. Par où je commence ?",
      'Ok. Mais mes PDF sont des scans avec des schémas et des tableaux de couples de serrage, est-ce que ça pose problème ?',
    ]);
    assert.ok(tractors!.understanding.project);
    assert.equal(tractors!.understanding.concepts[0]!.id, 'retrieval-augmented-generation');
    assert.equal(scans!.understanding.intent, 'limits');
  });

  it('opens "when a bearing is about to fail" as yes/no, reads "why would I need labelled failures?" as what labels are for, "how does X actually work if..." as X\'s mechanism, a false alarm at every spin cycle as a pattern never told, features to compute as features, and a how question after "not sure I get it"', async () => {
    const laundromat = "Hi, I run a small laundromat with 14 washing machines, and I've put vibration sensors on each drum that log a reading every minute. I want to predict when a drum bearing is about to fail. Where do I start?";
    const [opening, labels, works, spin] = await converse(engine, [
      laundromat,
      "Why would I need labeled failures? Can't the model just learn from the readings?",
      'How does anomaly detection actually work if it has never seen a failure?',
      'My model flags the machines every time they go into the spin cycle, even though nothing is wrong. What is going on?',
    ]);
    assert.equal(opening!.understanding.concepts[0]!.id, 'binary-classification');
    assert.deepEqual([labels!.understanding.concepts[0]!.id, labels!.understanding.intent], ['data-labeling', 'why']);
    assert.deepEqual([works!.understanding.concepts[0]!.id, works!.understanding.intent], ['anomaly-detection', 'how']);
    // (A detector of what is normal flags a normal mode it was not told about: its known pitfall.)
    assert.deepEqual([spin!.understanding.concepts[0]!.id, spin!.understanding.intent], ['isolation-forest', 'limits']);
    const camping = "Bonjour ! Je gère un camping et j'ai les relevés horaires de 14 compteurs d'eau depuis trois ans. J'aimerais détecter automatiquement les fuites. Par où je commence ?";
    const [, variables, threshold] = await converse(engine, [
      camping,
      'Quelles variables je devrais calculer à partir des relevés horaires ?',
      'Hum, je ne suis pas sûr de comprendre. Comment je règle le seuil pour avoir moins de fausses alertes sans rater les vraies fuites ?',
    ]);
    assert.equal(variables!.understanding.concepts[0]!.id, 'feature-engineering');
    assert.deepEqual([threshold!.understanding.concepts[0]!.id, threshold!.understanding.intent], ['classification-threshold', 'how']);
  });

  it('reads "an isolation forest or a simple threshold?" as the baseline to beat, "enough to stop it?" as the remedies of the problem in play, what the model "knows" against the prompt as fine-tuning against retrieval, abbreviations asked of embeddings as hybrid search, and "without a GPU" as no new subject of a plan', async () => {
    const [, , threshold] = await converse(engine, [
      "Hi! I've logged every ride of my electric scooter for a year: battery voltage, temperature, distance and speed. I'd like to predict how far I can go on a full charge. Where do I start?",
      "I'd also like to detect when a battery cell starts to fail. How would I go about that if I've never had a failure recorded?",
      'Should I use an isolation forest or just a simple threshold on the voltage drop?',
    ]);
    assert.deepEqual([threshold!.understanding.concepts[0]!.id, threshold!.passages[0]!.kind], ['baseline-model', 'step']);
    const patterns = "I'm building an assistant that answers questions about my collection of about 4,000 knitting patterns (scanned PDFs that I OCR'd). Where should I start: retrieval or fine-tuning?";
    const [, abbreviations, invents, enough] = await converse(engine, [
      patterns,
      'ok. My patterns are full of abbreviations like "k2tog", "ssk" and "pm", will embeddings even understand those?',
      "When I ask about a specific row, the model sometimes invents stitch counts that aren't in the pattern. Why does it do that?",
      'Is putting "only answer from the provided context" in the system prompt really enough to stop it?',
    ]);
    assert.equal(abbreviations!.understanding.concepts[0]!.id, 'hybrid-search');
    assert.equal(invents!.understanding.concepts[0]!.id, 'hallucination');
    assert.deepEqual([enough!.understanding.concepts[0]!.id, enough!.understanding.intent], ['hallucination', 'remedy']);
    const digs = "Salut ! Je développe un assistant pour une association d'archéologues bénévoles : il doit répondre aux questions à partir de nos 300 rapports de fouilles en PDF. Par où je commence ?";
    const [, knows, laptop] = await converse(engine, [
      digs,
      "Hmm, je ne suis pas sûr de comprendre la différence entre ce que le modèle « sait » et ce qu'on lui donne dans le prompt.",
      'Tu peux me donner les étapes concrètes pour monter un premier prototype sur mon portable, sans GPU ?',
    ]);
    assert.deepEqual(knows!.understanding.concepts.map((concept) => concept.id).sort(), ['fine-tuning', 'retrieval-augmented-generation']);
    assert.ok(laptop!.understanding.steps, laptop!.understanding.concepts.map((concept) => concept.id).join());
  });

  it('reads "is my assistant actually getting better?" as how the project tests itself, "split train and test so I am not fooling myself" as the split, and shuffled readings kept at random for the test as the split by time', async () => {
    const [, better] = await converse(engine, [
      "I'm building a little assistant for my amateur theatre company that answers questions from our lighting cue sheets and rigging plans (about 300 PDFs). What approach should I use?",
      'How would I measure whether my assistant is actually getting better after I change things?',
    ]);
    assert.ok(['retrieval-evaluation', 'golden-test-set', 'rag-evaluation'].includes(better!.understanding.concepts[0]!.id), better!.understanding.concepts[0]?.id);
    const [, fooling] = await converse(engine, ["Hi! I put an accelerometer on my dog's collar that logs readings at 50 Hz, and I noted 14 seizures. Can I train something to detect them?", "How should I split train and test so I'm not fooling myself?"]);
    assert.equal(fooling!.understanding.concepts[0]!.id, 'train-validation-test-split');
    const [, shuffled] = await converse(engine, [
      "Bonjour ! J'ai une cuve d'eau de pluie avec un capteur de niveau qui enregistre toutes les 15 minutes depuis deux ans. J'aimerais prédire quand la cuve sera vide.",
      'Pour valider, je peux mélanger toutes mes mesures et en garder 20 % au hasard pour le test ?',
    ]);
    assert.equal(shuffled!.understanding.concepts[0]!.id, 'time-based-split');
  });

  it('reads "one or two pages" as a count rather than two things weighed, a model that "confidently invents" as hallucination, "is top-3 retrieval really enough?" as retrieval\'s limits, and errata that override a rulebook as keeping the index current', async () => {
    const [, , size] = await converse(engine, [
      'Salut ! Je développe un assistant qui répond aux questions à partir de nos 200 fiches de réparation scannées. Par où je commence ?',
      "Nos fiches sont des scans, certaines manuscrites. Qu'est-ce que je dois faire avant de les indexer ?",
      "Quelle taille de morceaux tu me conseilles pour des fiches d'une ou deux pages ?",
    ]);
    assert.deepEqual([size!.understanding.concepts[0]!.id, size!.passages[0]!.kind], ['chunking', 'step']);
    const [, errata, topThree, invents] = await converse(engine, [
      'Hi! I run a small wargaming club and I want to build an assistant that answers rules questions from our rulebooks and errata PDFs. Where do I start?',
      'The errata overrides the rulebook in some places. How do I make sure the assistant uses the newer ruling?',
      'Is top-3 retrieval really enough for questions that depend on rules spread across several sections?',
      "Right now when someone asks about a unit that isn't in the books, the model confidently invents stats for it. Why?",
    ]);
    assert.equal(errata!.understanding.concepts[0]!.id, 'index-freshness');
    assert.deepEqual([topThree!.understanding.concepts[0]!.id, topThree!.understanding.intent], ['retrieval-augmented-generation', 'limits']);
    assert.equal(invents!.understanding.concepts[0]!.id, 'hallucination');
  });

  it("works with the learner's own numbers: the share of rare cases computed where accuracy is weighed, once", async () => {
    const answers = await converse(engine, [
      'We make ceramic tiles and had 18 bad firings out of 200 last year. I want to predict which firings will fail.',
      'Is accuracy a good way to measure it?',
      'And what is class imbalance then?',
    ]);
    assert.match(answers[1]!.text, /^With 18 bad firings out of 200 \(9%\), a model that always answers "no" would be right 91% of the time/);
    assert.doesNotMatch(answers[2]!.text, /91%/);
    const [, french] = await converse(engine, ['On a des capteurs sur la scie à ruban et seulement 6 casses de lame en deux ans. Je voudrais prévoir les casses.', 'Comment découper mes données pour tester le modèle ?']);
    assert.match(french!.text, /6 casses de lame en tout, un jeu de test de 20 % en contiendrait 1 au plus/);
  });

  it('says what a collection of documents and having no GPU mean for retrieval and fine-tuning', async () => {
    const answers = await converse(engine, [
      "I want an assistant that answers our staff's questions from our 600 pages of procedures. Where do I start?",
      'Why not just fine-tune a model on the procedures?',
      "We have no GPU by the way. How would fine-tuning work then?",
    ]);
    assert.match(answers[0]!.text, /600 pages of procedures is a small collection for retrieval/);
    assert.match(answers[1]!.text, /600 pages of procedures are knowledge to look things up in, not examples of the answers you want/);
    assert.match(answers[2]!.text, /Without a GPU, fine-tuning even a small language model is very slow/);
  });

  it('reads "is embedding search really enough? it may miss exact numbers" as what hybrid search is for, « comment je découpe les documents » as chunking, "predict when a blade is about to crack" as yes or no', async () => {
    const [, , exact] = await converse(engine, [
      "I want an assistant that answers our pilots' questions from our 600 pages of port procedures. Where should I start?",
      'How big should the chunks be?',
      'Is embedding search really enough for questions like "max draught at berth 14"? I worry it will miss exact numbers.',
    ]);
    assert.match(exact!.text, /^Not on its own: that is what hybrid search is for\./);
    const [, cutting] = await converse(engine, ['Je voudrais un assistant qui réponde aux agents à partir de nos 300 PDF de règlements. Par où commencer ?', 'Et comment je découpe les documents ?']);
    assert.equal(cutting!.understanding.concepts[0]?.id, 'chunking');
    const [blade] = await converse(engine, ['We log readings from our band saws every minute. I would like to predict when a blade is about to crack. Where do I start?']);
    assert.equal(blade!.understanding.concepts[0]?.id, 'binary-classification');
  });

  it('reads confidential data sent to an outside API as self-hosting, "how does a model learn" as the project\'s kind of model, « quelle mesure à la place » as precision and recall, tables to chunk as parsing', async () => {
    const [, formulas] = await converse(engine, ['Je voudrais un assistant qui réponde à nos chimistes à partir de nos 3 000 fiches de formules. Par où commencer ?', "Les formules sont confidentielles. Ça me paraît risqué d'envoyer ça à une API externe, quelles sont mes options ?"]);
    assert.equal(formulas!.understanding.concepts[0]?.id, 'self-hosted-model');
    assert.match(formulas!.text, /^Comme les données ne doivent pas sortir de l'organisation/);
    const [, learns] = await converse(engine, ['We log chlorine every 15 minutes and want to know two hours ahead when it will drop below the limit. Where do I start?', "How does a model actually learn from past readings to predict the future? I'm not a data person."]);
    assert.equal(learns!.understanding.concepts[0]?.id, learns!.understanding.concepts[0]?.id === 'time-series-forecasting' ? 'time-series-forecasting' : 'binary-classification');
    assert.equal(learns!.understanding.intent, 'how');
    const [, , metric] = await converse(engine, ['On veut prédire les contaminations de nos salles de culture. Par où commencer ?', "J'ai 98 % d'exactitude mais il ne détecte aucune contamination.", 'Hmm, donc je dois regarder quelle mesure à la place ?']);
    assert.equal(metric!.understanding.concepts[0]?.id, 'precision-and-recall');
    const [, tables] = await converse(engine, ['Je voudrais un assistant qui réponde aux agents à partir de nos 300 PDF de règlements. Par où commencer ?', 'Nos fiches sont surtout des tableaux de pourcentages, est-ce que le découpage en morceaux de texte marche pour ça ?']);
    assert.equal(tables!.understanding.concepts[0]?.id, 'document-parsing');
  });

  it('takes « température de malaxage » for the learner\'s reading, data told without a question for a cue to say the goal, and « prédire l\'acidité » for a regression', async () => {
    const [told, goal, , , , , , gaps] = await converse(engine, [
      "Bonjour, je travaille dans un moulin à huile d'olive et j'ai trois saisons de relevés : température de malaxage, durée, variété, date de récolte, et l'acidité mesurée au labo.",
      "J'aimerais prédire l'acidité avant d'envoyer au labo, est-ce que c'est faisable avec si peu de données ?",
      'Quel type de modèle vous me conseilleriez pour commencer ?',
      "Pourquoi une forêt aléatoire plutôt qu'une simple régression linéaire ?",
      'Comment ça marche concrètement, une forêt aléatoire ?',
      "Ok. Et la variété d'olive, c'est du texte, comment je la donne au modèle ?",
      "Pourquoi ne pas juste faire la moyenne de l'acidité par variété, ça ne suffirait pas ?",
      "J'ai à peu près 400 lignes en tout, et il manque la température pour une soixantaine de lots. Je fais quoi avec ces trous ?",
    ]);
    assert.equal(told!.understanding.smallTalk, 'told');
    assert.match(told!.text, /^Dis-moi ce que tu voudrais prédire/);
    assert.deepEqual(goal!.understanding.concepts.map((concept) => concept.id), ['regression', 'machine-learning-workflow']);
    assert.ok(gaps!.understanding.concepts.every((concept) => concept.id !== 'temperature'), 'the learner\'s temperature is no sampling setting');
  });

  it('reads an answer drawn from the 2019 rules instead of the 2024 ones as a stale index, not as a proposal', async () => {
    const [, old] = await converse(engine, [
      "Je voudrais un assistant qui réponde aux choristes à partir de nos règlements et de nos PDF. Par où commencer ?",
      "J'ai testé un prototype : quand on pose une question sur la photocopie des partitions, il répond avec le règlement de 2019 au lieu de celui de 2024. Pourquoi ?",
    ]);
    assert.equal(old!.understanding.concepts[0]?.id, 'index-freshness');
    assert.match(old!.text, /^Ce qui semble manquer ici, c'est la fraîcheur de l'index\./);
  });

  it('reads tables to split as parsing, « comment fonctionne la recherche des passages » as the search, "they ask in English" as no translation, and « il va dire "pas de casse" tout le temps » as a rare class', async () => {
    const [, torque, , german] = await converse(engine, [
      "I want an internal assistant that answers our technicians' questions from our maintenance manuals. Where do I start?",
      'Our manuals are full of tables of torque values and part numbers, is splitting them into 500-token chunks really enough?',
      'How big should the chunks be then?',
      'Some incident reports are in German and the technicians ask in English, will that be a problem?',
    ]);
    assert.equal(torque!.understanding.concepts[0]?.id, 'document-parsing');
    assert.notEqual(german!.understanding.intent, 'translate');
    assert.doesNotMatch(german!.text, /is called "/);
    const [, search, locks] = await converse(engine, [
      'Je voudrais faire un assistant qui répond aux questions des plaisanciers à partir de nos guides PDF (écluses, horaires, règles de navigation). Par où commencer ?',
      'D’accord, mais concrètement, comment fonctionne la recherche des passages pertinents ?',
      'Nos guides contiennent beaucoup de tableaux d’horaires d’écluses, comment je les découpe sans tout casser ?',
    ]);
    assert.equal(search!.understanding.concepts[0]?.id, 'semantic-search');
    assert.equal(locks!.understanding.concepts[0]?.id, 'document-parsing');
    const [, always] = await converse(engine, ['On voudrait prédire les casses de papier sur notre machine à partir des capteurs. Par où commencer ?', 'D’accord, mais le modèle va sûrement dire "pas de casse" tout le temps, non ?']);
    assert.equal(always!.understanding.concepts[0]?.id, 'class-imbalance');
  });

  it('asks « ce que veut dire le rappel » of the entry the word belongs to, though « rappel » alone is no term', async () => {
    const [, recall] = await converse(engine, ['On voudrait prédire quelles meules de fromage vont mal tourner. Par où commencer ?', 'Hmm, je ne suis pas sûr de comprendre ce que veut dire le rappel.']);
    assert.deepEqual([recall!.understanding.concepts[0]?.id, recall!.understanding.intent], ['precision-and-recall', 'simple']);
  });

  it('reads "predict who will leave next" as yes or no, names the whole in the learner\'s words, and says what no GPU means for a neural network on records', async () => {
    const [opening, accuracy, , gpu] = await converse(engine, [
      "Hi, I run a small bakery chain and we log every order. Last year 12 of our 300 wholesale customers stopped ordering. I'd like to predict who will leave next.",
      'Is accuracy a good way to measure it?',
      'How should I split the data to test it?',
      'We have no GPU, only laptops. Is a neural network a good idea?',
    ]);
    assert.equal(opening!.understanding.concepts[0]?.id, 'binary-classification');
    assert.match(accuracy!.text, /^With 12 in 300 wholesale customers \(4%\) being the cases to find/);
    assert.match(gpu!.text, /Without a GPU, a small neural network on a table of records still trains on a laptop in minutes/);
  });

  it('gives tables to split into chunks the rows-with-headers advice and why, moves past a fix already given when the search keeps bringing the neighbouring passage, and checks an assistant on documents in its two halves', async () => {
    const [, , , tables, both, neighbour] = await converse(engine, [
      'We want an assistant that answers our pharmacists from our 300-page dispensing handbook. Where should I start?',
      'How does the retrieval actually pick the passage?',
      'And how do I cut the handbook into pieces?',
      'The handbook is full of dosage tables by age and weight. How should I split those into chunks?',
      'Should I use keyword search, embeddings or both?',
      'When someone asks about the dose for children, the assistant answers with the adult dose section instead. What is happening?',
    ]);
    assert.deepEqual([tables!.understanding.concepts[0]?.id, tables!.understanding.intent], ['document-parsing', 'why']);
    assert.match(tables!.text, /^Before chunking, run layout-aware document parsing, write each table row with its column headers/);
    assert.equal(both!.understanding.concepts[0]?.id, 'hybrid-search');
    assert.equal(neighbour!.understanding.concepts[0]?.id, 'reranking', 'hybrid search was the last answer: the next fix');
    const [, wrongSheet, fr] = await converse(engine, [
      'Je voudrais un assistant qui réponde aux questions des agents à partir de nos 200 fiches de procédure. Par où commencer ?',
      'Quand je pose une question sur le congé parental, l’assistant me répond avec la fiche sur le congé maladie. Pourquoi ?',
      'Et comment je vérifie que ça marche avant de le montrer aux collègues ?',
    ]);
    assert.equal(wrongSheet!.understanding.concepts[0]?.id, 'hybrid-search');
    assert.equal(fr!.understanding.concepts[0]?.id, 'rag-evaluation');
  });

  it('reads alarms that come back on a schedule and readings odd during a known operation as calendar features, raw readings as features to build, and how a model learns failures as predictive maintenance', async () => {
    const [, raw, learns, alarms] = await converse(engine, [
      'I maintain the compressors of a cold-storage warehouse: temperature, current and vibration every minute for two years, and 9 breakdowns in the log. I would like to see breakdowns coming. Where do I start?',
      'Why build features at all? Can’t the model just learn from the raw readings?',
      'How does a model actually learn that a breakdown is coming?',
      'I tried it, and it flags almost every Saturday evening as abnormal. Why does it do that?',
    ]);
    assert.equal(raw!.understanding.concepts[0]?.id, 'feature-engineering');
    assert.deepEqual([learns!.understanding.concepts[0]?.id, learns!.understanding.intent], ['predictive-maintenance', 'how']);
    assert.deepEqual([alarms!.understanding.concepts[0]?.id, alarms!.understanding.intent], ['calendar-features', 'why']);
    const [, odd] = await converse(engine, [
      'Je suis technicien dans une usine de jus de fruits : on relève la pression et le débit des pompes toutes les minutes depuis deux ans, avec 12 pannes. Par où commencer ?',
      'Pendant le nettoyage en place du mardi, les mesures deviennent bizarres. Qu’est-ce que j’en fais ?',
    ]);
    assert.deepEqual([odd!.understanding.concepts[0]?.id, odd!.understanding.intent], ['calendar-features', 'how']);
    assert.match(odd!.text, /^Ajouter des variables calendaires/);
  });

  it('recommends anomaly detection\'s way when a handful of failures is told and the learner asks which of it and a classifier to take, and tells a reranker from the search it reorders', async () => {
    const [, , choice] = await converse(engine, [
      'On a des capteurs sur nos 40 chariots élévateurs depuis deux ans et seulement 8 pannes enregistrées. On aimerait les voir venir. Par où commencer ?',
      'C’est quoi une forêt d’isolement ?',
      'Entre une forêt d’isolement et un classifieur classique, lequel vous me conseillez dans mon cas ?',
    ]);
    assert.deepEqual([choice!.understanding.intent, choice!.understanding.verdict, choice!.understanding.recommended], ['contrast', 'isolation-forest', true]);
    assert.match(choice!.text, /^Pour ce projet, je privilégierais la forêt d'isolement\./);
    const [, differs] = await converse(engine, ['What is reranking?', "Not sure I get what a reranker does differently from semantic search."]);
    assert.equal(differs!.understanding.intent, 'contrast');
    assert.match(differs!.text, /reads the question and one passage together/);
  });

  it('reads « contre-indication » and « par contre » as no comparison, and names a failure the learner fears, not one seen, as a risk', async () => {
    assert.equal(detectIntent('Par contre, comment ça marche ?'), 'how');
    assert.equal(detectIntent('Le boosting contre la forêt aléatoire ?'), 'contrast');
    const [, feared] = await converse(engine, [
      'Je voudrais un assistant qui réponde aux pharmaciens à partir de nos 300 fiches produits. Par où commencer ?',
      'J’ai peur : si l’assistant invente une contre-indication, un patient pourrait être mal conseillé. Comment limiter ça ?',
    ]);
    assert.deepEqual([feared!.understanding.intent, feared!.understanding.concepts[0]?.id], ['remedy', 'hallucination']);
    assert.match(feared!.text, /^Ce risque s'appelle l'hallucination\./);
  });

  it('recommends self-hosting first when the learner asks which to choose for health or confidential data', async () => {
    const [, choice] = await converse(engine, [
      'We are building an assistant that answers our nurses from the clinic’s 150 care protocols. Where do I start?',
      'A model on our own server or the OpenAI API: which one would you pick for patient records?',
    ]);
    assert.deepEqual([choice!.understanding.concepts[0]?.id, choice!.understanding.verdict, choice!.understanding.recommended], ['self-hosted-model', 'self-hosted-model', true]);
    assert.match(choice!.text, /^For your project, I would go with a self-hosted model\./);
  });

  it('plans a project with a handful of recorded failures around learning what normal looks like, not a classifier', async () => {
    const [, steps] = await converse(engine, [
      'We log the temperature and vibration of our 6 bottling machines every minute, and we had only 9 breakdowns in two years. I would like to predict when a machine is about to fail. Where do I start?',
      'Can you give me concrete steps to build a first version?',
    ]);
    assert.ok(steps!.understanding.steps, steps!.understanding.intent);
    const ids = steps!.understanding.concepts.map((concept) => concept.id);
    assert.ok(ids.some((id) => id === 'anomaly-detection' || id === 'isolation-forest'), ids.join());
    assert.ok(!ids.includes('random-forest'), ids.join());
  });

  it('reads an assistant drawing on the organisation\'s own texts as retrieval, "translation" in a project as no request to translate, per-client documents as a filter, and two models for predicting as the two models', async () => {
    assert.notEqual(detectIntent('Why would retrieval be better than fine-tuning a model on our 40,000 past translation pairs?'), 'translate');
    assert.equal(detectIntent('How do I translate overfitting into French?'), 'translate');
    const [opening, , perClient] = await converse(engine, [
      'I work at a small agency that translates insurance contracts, and I want to build an internal assistant that suggests wordings using our past contracts and our clients’ style guides. Where should I start?',
      'Why would retrieval be better than fine-tuning on our 40,000 past translation pairs?',
      'Each client has its own style guide and they contradict each other. How do I make sure the model follows the right client’s guide?',
    ]);
    assert.equal(opening!.understanding.concepts[0]?.id, 'retrieval-augmented-generation');
    assert.equal(perClient!.understanding.concepts[0]?.id, 'metadata-filtering');
    const [fr] = await converse(engine, ['Je voudrais construire un assistant qui réponde aux questions des archivistes à partir de nos 30 ans de registres (environ 2 000 PDF scannés).']);
    assert.equal(fr!.understanding.concepts[0]?.id, 'retrieval-augmented-generation');
    const [, , models] = await converse(engine, [
      'I log the flow and pressure of our 40 irrigation valves every 10 minutes and I would like to catch stuck valves early.',
      'I only have maybe 12 stuck valves written down. Is that really enough to train anything?',
      'Should I use a random forest or a neural network for predicting tomorrow’s water use from the weather?',
    ]);
    assert.deepEqual(models!.understanding.concepts.map((concept) => concept.id), ['random-forest', 'neural-network']);
  });

  it('reads alarms whenever a known operation runs as the detector\'s pitfall, test questions on documents as the golden set, and "say I don\'t know" as grounding', async () => {
    const [, , , vents] = await converse(engine, [
      'Je travaille dans une malterie : on a des sondes de température dans nos cuves de germination, relevées toutes les heures. Je voudrais détecter à l’avance les échauffements. Par où commencer ?',
      'C’est quoi la détection d’anomalies ?',
      'Mais on n’a eu que 5 vrais échauffements en 4 ans, est-ce que ça suffit vraiment ?',
      'J’ai testé, et le modèle déclenche des alertes à chaque fois qu’on retourne le grain. Pourquoi ?',
    ]);
    assert.deepEqual([vents!.understanding.concepts[0]?.id, vents!.understanding.intent], ['isolation-forest', 'limits']);
    const [, enough, , unknown] = await converse(engine, [
      'I want to build an internal assistant that answers our curators’ questions from 15 years of exhibition catalogues. Where should I start?',
      'Is a handful of test questions really enough to know if it works?',
      'Can you give me concrete steps to build an evaluation set for this?',
      'And how do I make it say "I don\'t know" instead of guessing?',
    ]);
    assert.deepEqual([enough!.understanding.concepts[0]?.id, enough!.understanding.intent], ['golden-test-set', 'limits']);
    assert.equal(unknown!.understanding.concepts[0]?.id, 'grounding');
  });

  it('reads an answer that cites an unrelated sheet as a wrong passage, and logs with gaps when the network drops out as missing data', async () => {
    const [, unrelated] = await converse(engine, [
      'Je voudrais un assistant qui réponde aux questions des guides à partir de nos 200 fiches de sécurité. Par où commencer ?',
      'J’ai testé : quand je pose une question sur les cordes, il me répond sur les casques et cite une fiche qui n’a rien à voir.',
    ]);
    assert.equal(unrelated!.understanding.concepts[0]?.id, 'hybrid-search');
    const [, gaps] = await converse(engine, [
      'I log the temperature of our 12 bread ovens every minute and I would like to predict when one is about to fail. Where do I start?',
      'My logs have gaps when the wifi drops out, sometimes for a whole week. What do I do with those days?',
    ]);
    assert.deepEqual([gaps!.understanding.concepts[0]?.id, gaps!.understanding.intent], ['missing-data', 'remedy']);
  });

  it('reads "which one for us?" as a choice to make, and checking an assistant the question itself names as RAG as its evaluation', async () => {
    const [choice] = await converse(engine, ['We have 9 recorded pump failures in two years. Isolation forest or a classifier, which one for us?']);
    assert.deepEqual([choice!.understanding.intent, choice!.understanding.verdict], ['contrast', 'isolation-forest']);
    assert.match(choice!.text, /^For your project, I would go with an isolation forest\./);
    const [cold] = await converse(engine, ['Comment je vérifie que mon assistant RAG marche avant de le montrer aux équipes ?']);
    assert.equal(cold!.understanding.concepts[0]?.id, 'rag-evaluation');
    const [rollout] = await converse(engine, ['How do I test my RAG chatbot before rolling it out?']);
    assert.equal(rollout!.understanding.concepts[0]?.id, 'rag-evaluation');
  });
});
