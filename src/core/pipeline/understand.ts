import type { Glossary } from '../glossary/glossary';
import type { Concept } from '../glossary/types';
import { asksAboutTheFuture, detectIntent, detectSmallTalk, soundsLikeFollowUp, type Intent, type SingleIntent, type SmallTalk } from './intent';
import type { Retriever } from './retrieval';

/** What a question asks, about which concepts, read in the light of the conversation. */
export interface Understanding {
  readonly intent: Intent;
  /** The subjects, at most three (two for a contrast); empty for small talk and outside the domain. */
  readonly concepts: readonly Concept[];
  /** The question named nothing and took its concepts from the previous turn. */
  readonly followUp: boolean;
  readonly smallTalk?: SmallTalk;
}

/** What an earlier turn was about, newest last. */
export interface EarlierTurn {
  readonly conceptIds: readonly string[];
  readonly intent?: Intent;
}

/** Entries that broad questions land on ("what's the catch?", "and the future?"), when the glossary has them. */
const LIMITS_OF_LARGE_MODELS = 'limits-of-large-models';
const FUTURE_OF_AI = 'future-of-ai';
/** A question asked again in other words gets the entry's next part rather than the same answer. */
const NEXT_PART: readonly SingleIntent[] = ['how', 'why', 'limits', 'example', 'history', 'simple'];

export function understand(question: string, retriever: Retriever, glossary: Glossary, earlier: readonly EarlierTurn[] = []): Understanding {
  const named = retriever.retrieve(question).map((entry) => entry.concept);
  const cue = detectIntent(question);
  const previous = previousConcepts(earlier, glossary);
  if (named.length === 0) return withoutNamedConcept(question, cue, previous, glossary, earlier);
  if (cue === 'contrast') {
    // "And how is it different from an RNN?": the previous subject against the new one.
    const pair = named.length >= 2 ? named.slice(0, 2) : previous[0] && previous[0].id !== named[0]!.id ? [previous[0], named[0]!] : [];
    if (pair.length === 2) return { intent: 'contrast', concepts: pair, followUp: named.length < 2 };
  }
  const intent: SingleIntent = cue === 'contrast' ? 'what' : cue;
  if (named.length >= 2 && (intent === 'what' || intent === 'define')) return { intent: 'several', concepts: named, followUp: false };
  return { intent, concepts: named, followUp: false };
}

function withoutNamedConcept(
  question: string,
  cue: SingleIntent | 'contrast',
  previous: readonly Concept[],
  glossary: Glossary,
  earlier: readonly EarlierTurn[],
): Understanding {
  const intent: SingleIntent = cue === 'contrast' ? 'what' : cue;
  const future = glossary.get(FUTURE_OF_AI);
  if (future && asksAboutTheFuture(question)) return { intent: intent === 'limits' ? 'limits' : 'what', concepts: [future], followUp: false };
  if (previous.length > 0 && soundsLikeFollowUp(question)) {
    return { intent: notARepeat(intent, previous[0]!.id, earlier), concepts: previous.slice(0, 1), followUp: true };
  }
  const smallTalk = detectSmallTalk(question);
  if (smallTalk) return { intent: 'smalltalk', concepts: [], followUp: false, smallTalk };
  const limits = glossary.get(LIMITS_OF_LARGE_MODELS);
  if (limits && intent === 'limits' && soundsLikeFollowUp(question)) return { intent: 'what', concepts: [limits], followUp: false };
  return { intent: 'ood', concepts: [], followUp: false };
}

/** The concepts of the latest turn that was about some, still in the glossary. */
function previousConcepts(earlier: readonly EarlierTurn[], glossary: Glossary): Concept[] {
  for (let i = earlier.length - 1; i >= 0; i--) {
    const concepts = earlier[i]!.conceptIds.flatMap((id) => glossary.get(id) ?? []);
    if (concepts.length > 0) return concepts;
  }
  return [];
}

/** "Tell me more" after a "what": the first part of the entry the recent turns about it have not shown. */
function notARepeat(intent: SingleIntent, conceptId: string, earlier: readonly EarlierTurn[]): SingleIntent {
  const shown = new Set(earlier.filter((turn) => turn.conceptIds[0] === conceptId).map((turn) => turn.intent));
  if (!shown.has(intent)) return intent;
  return NEXT_PART.find((part) => !shown.has(part) && !(part === 'how' && shown.has('what'))) ?? intent;
}
