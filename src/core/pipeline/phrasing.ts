import type { Lang } from '../glossary/types';

// How a glossary term sits in a sentence: its article, elision and agreement in French and English, so that
// every template written around a term reads right (« Qu'est-ce que l'exactitude ? », « un exemple
// d'affinage », "an example of a multilayer perceptron") and a definition can be said as a sentence
// (« LoRA est une méthode d'affinage... ») instead of a dictionary label (« LoRA : méthode... »).

type Gender = 'm' | 'f';

/** French nouns that glossary terms and definitions start with, whose gender the endings below get wrong. */
const FEMININE = new Set(
  ('technique méthode famille fonction tâche capacité variante branche stratégie mesure façon pratique situation ' +
    'unité opération attaque approche couche propriété mémoire technologie quantité architecture forme tendance ' +
    'puce entrée consigne recherche valeur matrice loi règle étape phase classe catégorie donnée donnée sortie ' +
    'fenêtre taille longueur norme moyenne somme liste suite série séquence chaîne boucle mise procédure manière ' +
    'sorte partie part bibliothèque plateforme carte image vidéo phrase réponse requête invite idée notion théorie ' +
    'hypothèse limite contrainte pénalité politique dérivée pente courbe surface marge frontière zone région ' +
    'interface application base bande cible étiquette tête clé machine perte erreur variable couche fuite ' +
    'explosion descente rétropropagation régression ingénierie graine moitié précision exactitude justesse ' +
    'attention auto-attention fusion file pile personne intelligence ia ère vision voix parole ' +
    'traduction synthèse segmentation détection reconnaissance compression mémorisation collecte augmentation ' +
    'dimension tête hallucination injection évaluation validation contamination dérive ' +
    'distribution distance similarité entropie divergence variance covariance corrélation probabilité').split(' '),
);
const MASCULINE = new Set(
  ('modèle ensemble algorithme réseau nombre type domaine objectif vecteur travail espace composant processeur ' +
    'procédé tableau écart masque mécanisme système problème paramètre poids biais jeu lot score seuil gradient ' +
    'neurone calcul texte mot signal format fichier code graphe arbre classifieur encodeur décodeur optimiseur ' +
    'cadre outil service serveur protocole agent assistant prompt contexte cache schéma principe phénomène effet ' +
    'rapport taux coefficient terme produit indice indicateur test critère benchmark échantillon exemple cas ' +
    'compromis risque bruit état flux pas pic point niveau coût temps débit volume corpus vocabulaire ' +
    'dictionnaire langage transformeur transformer mélange groupe noyau pixel patch canal lien nœud chemin ' +
    'hyperparamètre entier réglage passage sous-ensemble processus accès filtre plongement jeton logit softmax ' +
    'perceptron tokeniseur tenseur décodage encodage surapprentissage sous-apprentissage apprentissage ' +
    'entraînement affinage pré-entraînement étiquetage élagage alignement dropout batch epoch checkpoint ' +
    'benchmark classement regroupement partitionnement échantillonnage modèle-fondation pipeline framework ' +
    'quantile mode module bloc résidu graphique diagramme moment élément traitement raisonnement sous-réseau ' +
    'arrêt retour contrôle taux cycle stockage support appel outil').split(' '),
);
const FEMININE_ENDINGS = /(?:tion|sion|xion|té|ure|ance|ence|ie|ique|ise|ée|ette|ade|ude|elle|esse|ine|ole|ère)$/u;

/** Words that start with an h French does not elide before (« le hachage »). */
const ASPIRATED_H = new Set(['hachage', 'hasard', 'haut', 'hauteur', 'hiérarchie', 'hiérarchique']);

const PLURAL_FR = /(?:s|x)$/u;

/** French nouns of processes, fields and properties, said with « le » or « la » (« le surapprentissage »). */
const FRENCH_MASS = /(?:age|ment|tion|sion|ité|té|ance|ence|isme|ure|ie|ique)$/u;

function headWord(term: string): string {
  return term.trim().split(/[\s']/u)[0]!.toLowerCase();
}

/** Acronyms of countable things: "a GPU", « un LLM ». */
const COUNTABLE_ACRONYMS = new Set(['gpu', 'tpu', 'npu', 'cpu', 'llm', 'llms', 'slm', 'cnn', 'rnn', 'gan', 'vae', 'mlp', 'svm', 'lstm', 'gru', 'vlm', 'asic', 'api']);

function isProperName(term: string): boolean {
  // Names written as one word: LoRA, GPT-4, BERT, t-SNE, ReLU, XGBoost, Adam. « IA éthique » is not one.
  const t = term.trim();
  if (/^["«“]/u.test(t)) return true;
  if (/\s/u.test(t) || COUNTABLE_ACRONYMS.has(t.toLowerCase())) return false;
  return /\p{Lu}.*\p{Lu}|\d/u.test(t) || /^\p{Lu}\p{Ll}+$/u.test(t);
}

/** English heads that take an article: "a language model", "an activation function". */
const COUNTABLE_HEADS = new Set(
  ('model image strategy query mechanism network perceptron layer jailbreak neuron epoch hyperparameter logit tensor optimiser classifier chatbot assistant unit accelerator processor core vocabulary tree forest function tree machine matrix vector token tokenizer optimizer encoder decoder head ' +
    'mask cache score metric curve set loop step pass attack example benchmark agent prompt template window map ' +
    'kernel filter unit chip card registry store server pipeline checkpoint adapter classifier regressor autoencoder ' +
    'transformer embedding block gate algorithm method technique trick rule distribution space graph node value ' +
    'parameter feature label dataset corpus library framework format term penalty sampler schedule signal sink ' +
    'gpu tpu llm cnn rnn gan vae mlp svm lstm gru vlm connection dimension session version string mapping ' +
    'encoding setting ranking rating test harness leaderboard spectrogram boundary threshold interval seed state ' +
    'policy reward family cluster split task problem plateau spike minimum point matrix stride field vector').split(' '),
);

function genderOf(word: string): Gender {
  const noun = MASCULINE.has(word) || FEMININE.has(word) ? word : word.replace(/[sx]$/u, '');
  if (MASCULINE.has(noun)) return 'm';
  if (FEMININE.has(noun)) return 'f';
  return FEMININE_ENDINGS.test(noun) ? 'f' : 'm';
}

function startsWithVowelSound(word: string): boolean {
  const lower = word.toLowerCase();
  if (/^h/u.test(lower)) return !ASPIRATED_H.has(headWord(lower));
  return /^[aeiouyàâäéèêëîïôöùûü]/u.test(lower);
}

function frenchPlural(term: string): boolean {
  const head = headWord(term);
  if (/[sx]$/u.test(head) && (MASCULINE.has(head.slice(0, -1)) || FEMININE.has(head.slice(0, -1)))) return true;
  return PLURAL_FR.test(head) && !/(?:ais|as|us|is|ès|os|eux|oux|biais|poids|temps|corpus|processus|accès|pas|cas|flux|taux)$/u.test(head)
    ? !MASCULINE.has(head) && !FEMININE.has(head)
    : false;
}

/** English nouns used without an article: fields, processes, properties (fine-tuning, attention, variance). */
const MASS_ENDINGS = /(?:ing|tion|sion|ment|ness|ity|ance|ence|ics|ism|ure|ops)$/iu;
const COUNTABLE_WORDS = new Set(['function', 'connection', 'distribution', 'position', 'question', 'operation', 'section', 'equation', 'dimension', 'session', 'version', 'mention', 'embedding', 'encoding', 'setting', 'string', 'mapping', 'ranking', 'rating']);

function englishIsMass(term: string): boolean {
  const words = term.trim().toLowerCase().split(/\s+/u);
  const last = words[words.length - 1]!.split('-').pop() ?? '';
  const singular = last.replace(/s$/u, '');
  if (COUNTABLE_WORDS.has(last) || COUNTABLE_HEADS.has(last) || COUNTABLE_HEADS.has(singular)) return false;
  // A technique, a field or a property takes no article ("dropout", "beam search"); a thing does ("a data loader").
  return MASS_ENDINGS.test(last) || MASS_WORDS.has(last);
}

const MASS_WORDS = new Set(
  ('dropout search descent learning attention feedback data compute inference alignment safety noise decay warmup ' +
    'recall drift collapse memory bias parallelism sparsity privacy accuracy entropy perplexity leakage usage ' +
    'tuning training research vision speech text language guidance matching filtering retrieval learn throughput transfer').split(' '),
);

function englishPlural(term: string): boolean {
  const last = term.trim().toLowerCase().split(/\s+/u).pop() ?? '';
  return /[^su]s$/u.test(last) && !/(?:ss|us|is|ics|sis|as|ness)$/u.test(last);
}

function lowerFirst(text: string): string {
  // "LoRA", "GPT": an acronym keeps its capitals.
  return /^\p{Lu}\p{Lu}/u.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1);
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** « l'exactitude », « le réseau de neurones », « les paramètres », "the learning rate", "LoRA". */
export function definiteTerm(term: string, lang: Lang): string {
  const t = term.trim();
  if (isProperName(t)) return t;
  if (lang === 'en') return englishIsMass(t) ? lowerFirst(t) : `the ${lowerFirst(t)}`;
  const lower = lowerFirst(t);
  if (frenchPlural(t)) return `les ${lower}`;
  if (startsWithVowelSound(t)) return `l'${lower}`;
  return `${genderOf(headWord(t)) === 'f' ? 'la' : 'le'} ${lower}`;
}

/** « un réseau de neurones », « une couche », « des paramètres », "a multilayer perceptron", "fine-tuning". */
export function indefiniteTerm(term: string, lang: Lang): string {
  const t = term.trim();
  if (isProperName(t)) return t;
  if (lang === 'en') {
    if (englishIsMass(t) || englishPlural(t)) return lowerFirst(t);
    return `${/^[aeiou]/iu.test(t) ? 'an' : 'a'} ${lowerFirst(t)}`;
  }
  if (frenchPlural(t)) return `des ${lowerFirst(t)}`;
  return `${genderOf(headWord(t)) === 'f' ? 'une' : 'un'} ${lowerFirst(t)}`;
}

/** « d'affinage », « de réseau de neurones », « de LoRA », "of a multilayer perceptron", "of fine-tuning". */
export function ofTerm(term: string, lang: Lang): string {
  const t = term.trim();
  if (lang === 'en') return `of ${indefiniteTerm(t, 'en')}`;
  const bare = isProperName(t) ? t : lowerFirst(t);
  return startsWithVowelSound(t) ? `d'${bare}` : `de ${bare}`;
}

/** « Qu'est-ce que l'exactitude ? », « Qu'est-ce qu'un transformeur ? », "What is a multilayer perceptron?". */
export function whatIsQuestion(term: string, lang: Lang): string {
  if (lang === 'en') {
    const verb = englishPlural(term) ? 'are' : 'is';
    return `What ${verb} ${indefiniteTerm(term, 'en')}?`;
  }
  // « Qu'est-ce qu'un jeton ? » for a thing, « Qu'est-ce que le surapprentissage ? » for a process or a name.
  const subject = isProperName(term) || FRENCH_MASS.test(headWord(term)) || frenchPlural(term) ? definiteTerm(term, 'fr') : indefiniteTerm(term, 'fr');
  return startsWithVowelSound(subject) ? `Qu'est-ce qu'${subject} ?` : `Qu'est-ce que ${subject} ?`;
}

/** The article a French definition's first noun takes, or undefined when its first word is not a known noun. */
function frenchPredicate(definition: string): string | undefined {
  const text = definition.trim();
  const first = headWord(text);
  if (/^(?:le|la|les|un|une|des|l)$/u.test(first)) return lowerFirst(text);
  if (!/^\p{L}+$/u.test(first.replace(/-/gu, ''))) return undefined;
  const singular = first.replace(/[sx]$/u, '');
  const inLexicon = (word: string) => MASCULINE.has(word) || FEMININE.has(word);
  const known = inLexicon(first) || inLexicon(singular) || FEMININE_ENDINGS.test(first);
  if (!known) return undefined;
  const plural = PLURAL_FR.test(first) && !inLexicon(first);
  const article = plural ? 'des' : genderOf(first) === 'f' ? 'une' : 'un';
  return `${article} ${lowerFirst(text)}`;
}

/** The article an English definition starts with already, or the noun phrase it is. */
function englishPredicate(definition: string): string | undefined {
  const text = definition.trim();
  if (/^(?:a|an|the|any|one|two)\s/iu.test(text)) return lowerFirst(text);
  return undefined;
}

/** « Le Transformer est une architecture... », "The Transformer is...": a definition that has its own verb. */
const SENTENCE_ALREADY = /^(?:le|la|les|l['’]|un|une|the|an?)\s*\S+(?:\s+\S+){0,5}\s+(?:est|sont|consiste|désigne|is|are|means|refers)\s/iu;

/**
 * A definition said as a sentence about its term: « LoRA est une méthode d'affinage... », "Fine-tuning is
 * further training...". Undefined when the definition does not start as a noun phrase the rules know: the
 * caller then uses the definition on its own, never a « Terme : ... » label.
 */
export function definitionSentence(term: string, definition: string, lang: Lang): string | undefined {
  // « L'affinage (fine-tuning) consiste à... », "An embedding is a vector...": already a sentence about the term.
  const opening = definition.trim().toLowerCase().replace(/^(?:l['’]|(?:le|la|les|un|une|des|the|an|a)\s+)/u, '');
  if (opening.startsWith(term.trim().toLowerCase()) || SENTENCE_ALREADY.test(definition.trim())) return upperFirst(definition.trim());
  if (lang === 'en') {
    const predicate = englishPredicate(definition);
    if (!predicate) return undefined;
    const subject = isProperName(term) ? term.trim() : upperFirst(englishIsMass(term) || englishPlural(term) ? lowerFirst(term.trim()) : indefiniteTerm(term, 'en'));
    return `${subject} ${englishPlural(term) ? 'are' : 'is'} ${predicate}`;
  }
  const predicate = frenchPredicate(definition);
  if (!predicate) return undefined;
  // « Poids » is singular in form: « des nombres appris » says it is meant as a plural.
  const plural = frenchPlural(term) || (predicate.startsWith('des ') && !isProperName(term));
  const subject = isProperName(term) ? term.trim() : upperFirst(plural ? `les ${lowerFirst(term.trim())}` : definiteTerm(term, 'fr'));
  return `${subject} ${plural ? 'sont' : 'est'} ${predicate}`;
}

/** « du surapprentissage », « de la quantification », « de l'affinage », « des lois d'échelle », "of fine-tuning". */
export function ofDefiniteTerm(term: string, lang: Lang): string {
  const definite = definiteTerm(term, lang);
  if (lang === 'en') return `of ${definite}`;
  if (definite.startsWith('le ')) return `du ${definite.slice(3)}`;
  if (definite.startsWith('les ')) return `des ${definite.slice(4)}`;
  return `de ${definite}`;
}
