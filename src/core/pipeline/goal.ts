import type { Lang } from '../glossary/types';

/**
 * The project's goal in the learner's own words, said back to them: "I'd like to predict how many grams each bag will
 * give" becomes "You want to predict how many grams each bag will give", « je veux construire un assistant qui répond
 * aux techniciens » becomes « Construire un assistant qui répond aux techniciens ». A tutor shows it heard the project
 * before naming its kind; only a wish said plainly, short enough to repeat, is said back.
 */
export function goalInTheirWords(question: string, lang: Lang): string | undefined {
  const text = question.replace(/[\u2019\u02bc]/g, "'").replace(/\s+/g, ' ');
  const wish = (lang === 'fr' ? FRENCH_WISH : ENGLISH_WISH).exec(text);
  const said = wish?.[1] ?? wish?.[2];
  if (!said) return undefined;
  const [wished, after] = splitAtEnd(said);
  // "Extract the site, the phase, the weather...": a list cut after its first item would misstate the goal; "extract
  // them", « en extraire »: what the pronoun stands for was said before.
  if (LIST_GOES_ON.test(after) || REFERS_BACK.test(wished) || wished.includes('(')) return undefined;
  if (wordCount(wished) < MIN_GOAL_WORDS || wordCount(wished) > MAX_GOAL_WORDS) return undefined;
  return lang === 'fr' ? frenchGoal(wished) : englishGoal(wished, wish?.[2] !== undefined);
}

/** The goal, and what follows where it stops. */
function splitAtEnd(said: string): [string, string] {
  const end = GOAL_ENDS.exec(said);
  return end ? [said.slice(0, end.index).trim(), said.slice(end.index)] : [said.trim(), ''];
}

/** ", the phase, the weather", « , la phase du vol »: the next item of a list. */
const LIST_GOES_ON = /^, (the|a|an|its|their|le|la|les|l'|un|une|des|leur|leurs|son|sa|ses)\b/i;
/** "extract them", « en extraire », « les classer »: a pronoun for something said earlier. */
const REFERS_BACK = /\b(them|it)\b|(^|\b(pour|de|d'|à|a) )(en|les) [a-zàâçéèêëîïôûù]+er\b|\ben [a-zàâçéèêëîïôûù]+(er|ir|re)\b/i;

/** Fewer words say too little to be worth repeating; more make a sentence the learner has just written, read again. */
const MIN_GOAL_WORDS = 3;
const MAX_GOAL_WORDS = 22;

/** "I want to", "we'd like to", "can I": the wish, then what is wished for (a verb, or "an assistant that..."). */
const ENGLISH_WISH = /\b(?:i|we)(?: really| would| 'd|'d)? (?:want|wanted|would like|'d like|like|would love|'d love|love|need|hope|am hoping|are hoping|'m hoping|'re hoping|am trying|are trying|'m trying|'re trying|plan|am planning|are planning|'m planning|'re planning)(?: to)? ([^.?!;]+)|\b(?:can|could) (?:i|we) (?:really |actually )?((?:predict|forecast|detect|estimate|build|train|use|spot|tell)\b[^.?!;]+)/i;

/** « j'aimerais », « nous voudrions », « je veux »: then an infinitive. */
const FRENCH_WISH = /\b(?:j'aimerais|je voudrais|je veux|je souhaite|je souhaiterais|je cherche à|j'ai besoin de|nous voudrions|nous voulons|nous souhaitons|nous aimerions|nous cherchons à|on voudrait|on veut|on aimerait|on souhaite|on cherche à) ([^.?!;]+)/i;

/** Where a goal stops being the goal: an example, a reason, a second request (not the comma of "2,000"). */
const GOAL_ENDS = /,(?!\d{3}\b)| \(| like "| like « | such as | comme « | par exemple | because | parce que | so that | pour que | but | mais | and where | et par où | and how | et comment /i;

function englishGoal(wished: string, afterCan: boolean): string | undefined {
  if (/\b(am|was|i'm|we're|i've|we've)\b/i.test(wished)) return undefined;
  const asYours = wished.replace(/\b(my|our)\b/gi, 'your').replace(/\b(me|us|i|we)\b/gi, 'you');
  // A thing wished for ("an assistant that answers...") is wanted; anything else is something to do.
  return /^(an?|the|some|one|something) /i.test(asYours) && !afterCan ? `You want ${asYours}` : `You want to ${asYours.replace(/^to /i, '')}`;
}

function frenchGoal(wished: string): string | undefined {
  // Said back without a person: only a goal with no « je », « nos », « mon »... to turn into the learner's.
  if (!/^[a-zàâçéèêëîïôûù]+(er|ir|re)\b/i.test(wished) || /\b(je|j'|me|m'|moi|nous|on|mes|nos|ma|mon|notre)\b/i.test(wished)) return undefined;
  return wished.charAt(0).toUpperCase() + wished.slice(1);
}

function wordCount(text: string): number {
  return text.split(' ').filter(Boolean).length;
}
