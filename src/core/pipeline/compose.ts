import type { Glossary } from '../glossary/glossary';
import type { ComposePlan } from '../model/runtime';
import { otherLang, type Lang } from '../glossary/types';
import { foldCase } from '../matching/normalize';
import type { Intent, SingleIntent, SmallTalk } from './intent';
import { INTENT_PART } from './passages';
import type { Register } from './language';
import { OWN_SETTING } from './fields';
import { namingSentence, ofTerm } from './phrasing';
import { oneLine, type Passage } from './prompt';

/**
 * The pieces an answer may be composed of, grouped by the passage they come from: the passage's text and the
 * ways the training answers introduce it (training/build_corpus.py, `A`, `head`, `labelled`, `single_answer`).
 * The decoder lets the model write only these, each at most once, separated by a blank line: every sentence of
 * an answer is then the glossary's own text, and the model decides which pieces, in which order, and when to stop.
 */
export type ComposeGroups = readonly (readonly string[])[];

/** The connecting phrases an answer may use around the glossary's text: a small closed set, in both languages. */
const LEAD: Record<Lang, { simple: string; inShort: string; exampleOf: (term: string) => string; exampleElsewhere: (term: string) => string; translate: string; also: string }> = {
  en: {
    simple: 'In simple terms: ',
    inShort: 'In short, ',
    exampleOf: (term) => `An example ${ofTerm(term, 'en')}: `,
    exampleElsewhere: (term) => `An example ${ofTerm(term, 'en')} from another field, where the idea is the same: `,
    translate: 'In French, {t} is called "{o}"{al}.',
    also: ' (also: {a})',
  },
  fr: {
    simple: 'En termes simples : ',
    inShort: 'En bref, ',
    exampleOf: (term) => `Un exemple ${ofTerm(term, 'fr')} : `,
    exampleElsewhere: (term) => `Un exemple ${ofTerm(term, 'fr')} pris dans un autre domaine, où l'idée est la même : `,
    translate: 'En anglais, {t} se dit « {o} »{al}.',
    also: ' (aussi : {a})',
  },
};

/**
 * Whether an example asked for "with my hives" must say it comes from elsewhere: the question names its own setting
 * and the glossary's example shares none of the question's longer words.
 */
export function exampleFromElsewhere(question: string, example: string): boolean {
  const setting = OWN_SETTING.exec(foldCase(question));
  if (!setting) return false;
  // The words that tell the learner's setting: those after "my", « nos » ("my baggage data": baggage, data).
  const told = (foldCase(question).slice(setting.index).match(/\p{L}{4,}/gu) ?? []).slice(1, 4).filter((word) => !SETTING_FILLERS.has(word));
  const exampleWords = new Set(foldCase(example).match(/\p{L}{4,}/gu) ?? []);
  return told.length > 0 && !told.some((word) => exampleWords.has(word) || exampleWords.has(word.replace(/s$/u, '')) || exampleWords.has(`${word}s`));
}

/** Words of the setting phrase that tell nothing of the setting itself. */
const SETTING_FILLERS = new Set(['with', 'from', 'using', 'case', 'avec', 'pour', 'dans', 'notre', 'mes', 'nos', 'data', 'donnees', 'project', 'projet']);

/** The reply to small talk, by kind, in the learner's register. A greeting greets only at the start. */
const REPLIES: Record<'en' | 'tu' | 'vous', Record<SmallTalk | 'greetingAgain', string>> = {
  en: {
    thanks: "You're welcome! Ask me about any other machine-learning concept whenever you like.",
    greeting: 'Hello! Ask me about a machine-learning concept, such as self-attention or fine-tuning.',
    greetingAgain: "I'm still here. Ask me a follow-up question, or about another concept.",
    bye: 'Goodbye! Come back whenever a machine-learning concept puzzles you.',
    ack: 'Glad it helps. Ask me a follow-up question, or about another concept, whenever you like.',
    told: 'Tell me what you would like to predict, find or automate with that, and I will say what kind of project it is and where to start.',
  },
  tu: {
    thanks: "Avec plaisir ! Pose-moi une question sur un autre concept d'apprentissage automatique quand tu veux.",
    greeting: "Bonjour ! Pose-moi une question sur un concept d'apprentissage automatique, comme l'auto-attention ou l'affinage.",
    greetingAgain: 'Je suis toujours là. Pose-moi une question de suite, ou sur un autre concept.',
    bye: "Au revoir ! Reviens quand un concept d'apprentissage automatique t'intrigue.",
    ack: 'Content que cela t\'aide. Pose-moi une autre question, ou une suite, quand tu veux.',
    told: "Dis-moi ce que tu voudrais prédire, repérer ou automatiser avec ça, et je te dirai de quel type de projet il s'agit et par où commencer.",
  },
  vous: {
    thanks: "Avec plaisir ! Posez-moi une question sur un autre concept d'apprentissage automatique quand vous voulez.",
    greeting: "Bonjour ! Posez-moi une question sur un concept d'apprentissage automatique, comme l'auto-attention ou l'affinage.",
    greetingAgain: 'Je suis toujours là. Posez-moi une question de suite, ou sur un autre concept.',
    bye: "Au revoir ! Revenez quand un concept d'apprentissage automatique vous intrigue.",
    ack: 'Content que cela vous aide. Posez-moi une autre question, ou une suite, quand vous voulez.',
    told: "Dites-moi ce que vous voudriez prédire, repérer ou automatiser avec ça, et je vous dirai de quel type de projet il s'agit et par où commencer.",
  },
};

/** Every reply the chat writes on its own, in every register (the evaluation counts them as grounded). */
export const FIXED_REPLIES: readonly string[] = Object.values(REPLIES).flatMap((replies) => Object.values(replies));

/** What the composition needs to know of the question besides its passages. */
export interface ComposeContext {
  readonly intent: Intent;
  readonly smallTalk?: SmallTalk;
  readonly register: Register;
  /** Earlier turns exist: a greeting is answered without greeting again. */
  readonly inConversation?: boolean;
  /** The question, to tell whether an example asked for in the learner's own setting comes from elsewhere. */
  readonly question?: string;
}

/** The one reply that fits a message without passages: thanks get thanks, never a greeting. */
export function replyFor(context: ComposeContext, lang: Lang): string {
  const replies = REPLIES[lang === 'en' ? 'en' : context.register];
  const kind = context.smallTalk ?? 'ack';
  return kind === 'greeting' && context.inConversation ? replies.greetingAgain : replies[kind];
}

export function composeGroups(passages: readonly Passage[], glossary: Glossary, lang: Lang, context: ComposeContext): ComposeGroups {
  if (passages.length === 0) return [[replyFor(context, lang)]];
  const lead = LEAD[lang];
  return passages.map((passage, index) => {
    const concept = glossary.get(passage.conceptIds[0]!);
    const term = oneLine(concept?.[lang].term ?? '');
    switch (passage.kind) {
      case 'definition': {
        if (context.intent === 'translate') {
          const other = oneLine(concept?.[otherLang(lang)].term ?? '');
          const aliases = (concept?.[otherLang(lang)].aliases ?? []).map(oneLine).filter((alias) => alias.toLowerCase() !== other.toLowerCase()).slice(0, 2);
          const translation = lead.translate.replace('{t}', term).replace('{o}', other).replace('{al}', aliases.length > 0 ? lead.also.replace('{a}', aliases.join(', ')) : '');
          return [`${translation}\n\n${passage.text}`];
        }
        // The definition said as a sentence about its term (« LoRA est une méthode... », "Overfitting is when a
        // model..."), never a « LoRA : » label nor a bare noun phrase (« Deux mesures complémentaires... »).
        const sentence = namingSentence(term, passage.text, lang);
        // After the mechanism a "how" asked for, what the concept is reads as its summary, not as a new start.
        return summarises(passages, index) ? [`${lead.inShort}${afterColon(sentence)}`] : [sentence];
      }
      case 'intuition':
        return context.intent === 'simple' || context.intent === 'what' ? [`${lead.simple}${afterColon(passage.text)}`] : [passage.text];
      case 'example':
        // "An example with my hives?": the glossary's own says it comes from elsewhere rather than pass for theirs.
        return [`${(exampleFromElsewhere(context.question ?? '', passage.text) ? lead.exampleElsewhere : lead.exampleOf)(term)}${afterColon(passage.text)}`];
      default:
        return [passage.text];
    }
  });
}

/** A definition right after its own concept's mechanism. */
function summarises(passages: readonly Passage[], index: number): boolean {
  const before = passages[index - 1];
  return before?.kind === 'how' && before.conceptIds[0] === passages[index]!.conceptIds[0];
}

/** A sentence after a lead-in's colon starts in lower case (« En termes simples : un plongement... »), a name does not. */
function afterColon(text: string): string {
  // "ReLU", "PyTorch": a word with another capital is a name and keeps its own.
  const firstWord = /^\S+/u.exec(text)?.[0] ?? '';
  if (/\p{Lu}/u.test(firstWord.slice(1))) return text;
  // ("A sentence embedding is like..." too, but not the pronoun "I".)
  return /^\p{Lu}(?:\p{Ll}|['’])/u.test(text) || /^A\s/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/**
 * What a composed answer must hold (generation_config.json's `compose_plan`): it opens with the passage that
 * retrieval put first, the one that answers the intent (the reason for a "why", the contrast paragraph for a
 * "difference"), and when several concepts are asked about, or compared without a curated contrast, it does not
 * end before each one's definition; an entry answered from its overview does not end before the overview. The model still chooses the wording, what else to add and where to stop.
 */
export function composePlan(passages: readonly Passage[], intent: Intent, inOrder = false): ComposePlan {
  if (passages.length === 0) return {};
  // A project's opening reads as the kind of task it is, what that is, then the steps; numbered steps as numbered;
  // a situation told is named, then what the question asked of it, then what it is.
  if (inOrder) return { opensWith: 0, mustCover: passages.map((_, index) => index), inOrder: true };
  // A sentence that points back or says what the glossary lacks is never the whole answer: what follows it is.
  if (passages[0]!.kind === 'pointer') return { opensWith: 0, mustCover: passages.map((_, index) => index) };
  const coversEach = intent === 'several' || (intent === 'contrast' && passages[0]!.kind === 'definition');
  const definitions = passages.flatMap((passage, index) => (passage.kind === 'definition' ? [index] : []));
  // An entry without the part asked for (a user's) answers a "why" or a "how" from its overview, after the
  // definition: the definition alone would not answer it.
  const overview = intent !== 'what' && intent !== 'define' ? passages.findIndex((passage) => passage.kind === 'overview') : -1;
  // A precise sentence that opens a "why" (a CNN is made for grids) does not replace the reason itself.
  const part = intent in INTENT_PART ? INTENT_PART[intent as SingleIntent] : undefined;
  const asked = part && intent !== 'what' ? passages.findIndex((passage, index) => index > 0 && passage.kind === part) : -1;
  const covered = [0, ...(overview > 0 ? [overview] : []), ...(asked > 0 ? [asked] : [])];
  return { opensWith: 0, mustCover: coversEach ? definitions : [...new Set(covered)] };
}
