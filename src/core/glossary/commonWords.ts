import type { Lang } from './types';

/**
 * Words too common in French or English to name a concept on their own: the words that hold sentences together,
 * and the everyday words of any text about software ("data", "model"). A user's entry whose term or alias is only
 * such words ("a", "the", « de », "model", "data") would take every question and every line: "What is a
 * transformer?" was read as two concepts, `a` and transformer, and underlines multiplied sixfold. Such a form is
 * never matched on its own (the entry still loads, with its other forms), and the Problems panel says so. Not
 * the pipeline's stop words (language.ts): those weigh a question's words; these decide what a term can be.
 */
const FUNCTION_WORDS: Record<Lang, string> = {
  en:
    'a an the and or nor but if then so as at by for from in into of off on onto out over to up with without within ' +
    'about after before between through under above below than this that these those it its it\'s is are was were be ' +
    'been being am do does did done doing have has had having will would shall should can could may might must not no ' +
    'yes all any each every some many much more most other such same own only just also very too here there when where ' +
    'what which who whom whose why how i me my we us our you your he him his she her they them their',
  fr:
    'le la les l un une des du de d au aux et ou mais donc or ni car si que qu qui quoi dont où quand comment pourquoi ' +
    'ce c cet cette ces ça cela ceci il elle ils elles on nous vous je j tu me m te t se s lui leur leurs mon ma mes ton ' +
    'ta tes son sa ses notre nos votre vos y en dans sur sous pour par avec sans entre vers chez avant après est sont ' +
    'être était a ont avoir été fait faire peut pas ne n plus moins très aussi tout tous toute toutes même autre autres ' +
    'chaque bien comme quel quelle quels quelles',
};

/** Everyday words of any text about software: a term of their own would be found everywhere. */
const GENERIC_WORDS: Record<Lang, string> = {
  en: 'one two new old good well like get got make made use used using way thing things something type set list data model value result system function number time input output file code user example work part case kind lot',
  fr: 'donnée données modèle valeur résultat système fonction nombre temps entrée sortie fichier code utilisateur exemple chose type liste cas partie',
};

function withoutAccents(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '');
}

/** Each word lower-cased, with and without its accents, singular and plural: a form is looked up as written. */
function variants(words: Record<Lang, string>): Set<string> {
  return new Set(
    Object.values(words).flatMap((list) =>
      list.split(' ').flatMap((word) => [word, withoutAccents(word), `${word}s`, `${withoutAccents(word)}s`, word.replace(/'/g, '’')]),
    ),
  );
}

const FUNCTION = variants(FUNCTION_WORDS);
const GENERIC = variants(GENERIC_WORDS);

/**
 * Whether a term or alias says nothing on its own: one common word (`the`, « de », "data", "Models"), or only
 * words that hold sentences together (« de la »); "value function" and « modèle de langage » are terms. A few
 * lookups, no normalisation: every form of every glossary goes through it when the matcher is built.
 */
export function isCommonWords(text: string): boolean {
  const words = text.trim().toLowerCase().split(/[\s_-]+/);
  if (words.length === 1) return FUNCTION.has(words[0]!) || GENERIC.has(words[0]!);
  return words.length <= 4 && words.every((word) => FUNCTION.has(word));
}
