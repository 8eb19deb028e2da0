import type { Glossary } from '../glossary/glossary';
import type { ComposePlan } from '../model/runtime';
import type { Intent } from './intent';
import { otherLang, type Lang } from '../glossary/types';
import { oneLine, type Passage } from './prompt';

/**
 * The pieces an answer may be composed of, grouped by the passage they come from: the passage's text and the
 * ways the training answers introduce it (training/build_corpus.py, `A`, `head`, `labelled`, `single_answer`).
 * The decoder lets the model write only these, each at most once, separated by a blank line: every sentence of
 * an answer is then the glossary's own text, and the model decides which pieces, in which order, and when to stop.
 */
export type ComposeGroups = readonly (readonly string[])[];

const SCAFFOLD: Record<Lang, { inOther: string; simple: string; exampleOf: string; colon: string; translate: string; also: string }> = {
  en: { inOther: 'in French', simple: 'In simple terms', exampleOf: 'An example of {t}', colon: ':', translate: 'In French, {t} is called « {o} »{al}.', also: ' (also: {a})' },
  fr: { inOther: 'en anglais', simple: 'En termes simples', exampleOf: 'Un exemple pour {t}', colon: ' :', translate: 'En anglais, {t} se dit « {o} »{al}.', also: ' (aussi : {a})' },
};

/** Small talk and questions outside the domain have no passage: the replies the model was trained to give. */
export const NO_PASSAGE_REPLIES: Record<Lang, readonly string[]> = {
  en: [
    "You're welcome! Ask me about any other machine-learning concept whenever you like.",
    'Hello! Ask me about a machine-learning concept, such as self-attention or fine-tuning.',
    'Goodbye! Come back whenever a machine-learning concept puzzles you.',
    'Glad it helps. Ask me a follow-up question, or about another concept, whenever you like.',
  ],
  fr: [
    "Avec plaisir ! Posez-moi une question sur un autre concept d'apprentissage automatique quand vous voulez.",
    "Bonjour ! Posez-moi une question sur un concept d'apprentissage automatique, comme l'auto-attention ou l'affinage.",
    "Au revoir ! Revenez quand un concept d'apprentissage automatique vous intrigue.",
    'Content que cela vous aide. Posez-moi une autre question, ou une suite, quand vous voulez.',
  ],
};

const cap = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function composeGroups(passages: readonly Passage[], glossary: Glossary, lang: Lang): ComposeGroups {
  if (passages.length === 0) return NO_PASSAGE_REPLIES[lang].map((reply) => [reply]);
  const s = SCAFFOLD[lang];
  return passages.map((passage) => {
    const concept = glossary.get(passage.conceptIds[0]!);
    const term = oneLine(concept?.[lang].term ?? '');
    switch (passage.kind) {
      case 'definition': {
        const other = oneLine(concept?.[otherLang(lang)].term ?? '');
        const aliases = (concept?.[otherLang(lang)].aliases ?? []).map(oneLine).filter((alias) => alias.toLowerCase() !== other.toLowerCase()).slice(0, 2);
        const translation = s.translate.replace('{t}', term).replace('{o}', other).replace('{al}', aliases.length > 0 ? s.also.replace('{a}', aliases.join(', ')) : '');
        // « GPT (en anglais : GPT) » says nothing: a term spelt the same in both languages is not translated.
        const sameInBoth = other.toLowerCase() === term.toLowerCase();
        return [
          ...(sameInBoth ? [] : [`${cap(term)} (${s.inOther}${s.colon} ${other})${s.colon} ${passage.text}`]),
          `${cap(term)}${s.colon} ${passage.text}`,
          passage.text,
          `${translation}\n\n${passage.text}`,
        ];
      }
      case 'intuition':
        return [`${s.simple}${s.colon} ${passage.text}`, passage.text];
      case 'example':
        return [`${s.exampleOf.replace('{t}', term)}${s.colon} ${passage.text}`, passage.text];
      default:
        return [passage.text];
    }
  });
}

/**
 * What a composed answer must hold (generation_config.json's `compose_plan`): it opens with the passage that
 * retrieval put first, the one that answers the intent (the reason for a "why", the contrast paragraph for a
 * "difference"), and when several concepts are asked about, or compared without a curated contrast, it does not
 * end before each one's definition; an entry answered from its overview does not end before the overview. The model still chooses the wording, what else to add and where to stop.
 */
export function composePlan(passages: readonly Passage[], intent: Intent): ComposePlan {
  if (passages.length === 0) return {};
  const coversEach = intent === 'several' || (intent === 'contrast' && passages[0]!.kind === 'definition');
  const definitions = passages.flatMap((passage, index) => (passage.kind === 'definition' ? [index] : []));
  // An entry without the part asked for (a user's) answers a "why" or a "how" from its overview, after the
  // definition: the definition alone would not answer it.
  const overview = intent !== 'what' && intent !== 'define' ? passages.findIndex((passage) => passage.kind === 'overview') : -1;
  return { opensWith: 0, mustCover: coversEach ? definitions : overview > 0 ? [0, overview] : [0] };
}
