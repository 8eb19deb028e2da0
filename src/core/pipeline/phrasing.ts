import type { Lang } from '../glossary/types';

// How a glossary term sits in a sentence: its article, elision and agreement in French and English, so that
// every template written around a term reads right (« Qu'est-ce que l'exactitude ? », « un exemple
// d'affinage », "an example of a multilayer perceptron") and a definition can be said as a sentence
// (« LoRA est une méthode d'affinage... ») instead of a dictionary label (« LoRA : méthode... »).

type Gender = 'm' | 'f';

/** French nouns that glossary terms and definitions start with, whose gender the endings below get wrong. */
const FEMININE = new Set(
  ('technique fraîcheur profondeur largeur hauteur lenteur chaleur couleur méthode famille fonction tâche capacité variante branche stratégie mesure façon pratique situation démarche ' +
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
    'distribution distance similarité entropie divergence variance covariance corrélation probabilité ' +
    'analyse astuce date empreinte époque fiche grappe passe récompense trajectoire graine requête connexion forêt ' +
    'tangente base').split(' '),
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
    'arrêt retour contrôle taux cycle stockage support appel outil rappel harnais hub notebook oubli gel suivi ' +
    'recalcul déséquilibre dilemme fléau théorème paradoxe momentum épisode environnement').split(' '),
);
const FEMININE_ENDINGS = /(?:tion|sion|xion|té|ure|ance|ence|ie|ique|ise|ée|ette|ade|ude|elle|esse|ine|ole|ère)$/u;

/** Words that start with an h French does not elide before (« le hachage »). */
const ASPIRATED_H = new Set(['hachage', 'hasard', 'haut', 'hauteur', 'hiérarchie', 'hiérarchique', 'harnais', 'hub', 'hackathon', 'hugging', 'hausse', 'haine', 'honte', 'hors', 'hache']);

const PLURAL_FR = /(?:s|x)$/u;

/** French nouns of processes, fields and properties, said with « le » or « la » (« le surapprentissage »). */
const FRENCH_MASS = /(?:age|ment|tion|sion|ité|té|ance|ence|isme|ure|ie|ique)$/u;

function headWord(term: string): string {
  const words = term.trim().split(/[\s']/u);
  // « grand modèle de langage », « simple précision »: the noun after an adjective that comes first.
  const first = words[0]!.toLowerCase();
  return (PRE_NOUN_ADJECTIVES.has(first) && words.length > 1 ? words[1]! : words[0]!).toLowerCase();
}

/** French adjectives written before the noun in terms. */
const PRE_NOUN_ADJECTIVES = new Set(['grand', 'grande', 'grands', 'grandes', 'petit', 'petite', 'petits', 'petites', 'simple', 'double', 'nouveau', 'nouvelle', 'bon', 'bonne', 'mauvais', 'mauvaise', 'vrai', 'vraie', 'seul', 'seule', 'premier', 'première']);

/** Acronyms of countable things: "a GPU", « un LLM ». */
const COUNTABLE_ACRONYMS = new Set(['gpu', 'tpu', 'npu', 'cpu', 'llm', 'llms', 'slm', 'cnn', 'rnn', 'gan', 'vae', 'mlp', 'svm', 'lstm', 'gru', 'vlm', 'asic', 'api']);

/** Names written in lower case: libraries and tools (« pandas », "scikit-learn"). */
const LOWERCASE_NAMES = new Set(['pandas', 'scikit-learn', 'numpy', 'scipy', 'matplotlib', 'tensorflow', 'pytorch', 'llama.cpp', 'vllm', 'word2vec']);

function isProperName(term: string): boolean {
  // Names written as one word: LoRA, GPT-4, BERT, t-SNE, ReLU, XGBoost, Adam. « IA éthique » is not one.
  const t = term.trim();
  if (/^["«“]/u.test(t)) return true;
  if (LOWERCASE_NAMES.has(t.toLowerCase())) return true;
  // "Bayes' theorem", "Moore's law": a possessive name takes no article.
  if (/^\p{Lu}\p{L}*(?:['’]s|s['’])\s/u.test(t)) return true;
  // Code names (nn.Module, pass@k, llama.cpp) and titles whose every word is capitalised (Hugging Face Datasets).
  if (!/\s/u.test(t) && /\p{L}[._@]\p{L}/u.test(t)) return true;
  if (/\s/u.test(t)) return t.split(/\s+/u).every((word) => /^\p{Lu}/u.test(word)) && !t.split(/\s+/u).every((word) => COUNTABLE_ACRONYMS.has(word.toLowerCase()));
  if (COUNTABLE_ACRONYMS.has(t.toLowerCase()) || COUNTABLE_HEADS.has(t.toLowerCase()) || MASCULINE.has(t.toLowerCase())) return false;
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
    'policy reward family cluster split task problem plateau spike minimum point matrix stride field vector ' +
    'sequence mixture bag datasheet trade-off tradeoff dilemma curse theorem paradox size rate norm length').split(' '),
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

/** French words that end in -s or -x in the singular too, or that are plural though their last letter says not. */
const FRENCH_INVARIABLE = new Set(['faux', 'prix', 'choix', 'index', 'houx']);
const FRENCH_PLURAL_WORDS = new Set(['garde-fous']);

function frenchPlural(term: string): boolean {
  const words = term.trim().split(/\s+/u);
  // « k plus proches voisins »: a letter standing for a number is not the noun.
  const head = /^(?:\p{L}|plus)$/u.test(words[0]!) && words.length > 1 ? headWord(words[words.length - 1]!) : headWord(term);
  if (FRENCH_PLURAL_WORDS.has(head)) return true;
  if (FRENCH_INVARIABLE.has(head)) return false;
  if (/[sx]$/u.test(head) && (MASCULINE.has(head.slice(0, -1)) || FEMININE.has(head.slice(0, -1)))) return true;
  return PLURAL_FR.test(head) && !/(?:ais|as|us|is|ès|os|eux|oux|biais|poids|temps|corpus|processus|accès|pas|cas|flux|taux)$/u.test(head)
    ? !MASCULINE.has(head) && !FEMININE.has(head)
    : false;
}

/** English nouns used without an article: fields, processes, properties (fine-tuning, attention, variance). */
const MASS_ENDINGS = /(?:ing|tion|sion|ment|ness|ity|ance|ence|ancy|ency|ics|ism|ure|ops)$/iu;
const COUNTABLE_WORDS = new Set(['function', 'connection', 'distribution', 'position', 'question', 'operation', 'section', 'equation', 'dimension', 'session', 'version', 'mention', 'embedding', 'encoding', 'setting', 'string', 'mapping', 'ranking', 'rating']);

/**
 * The words of an English noun phrase up to its head: "bag of words" -> bag, "tokens per second" -> tokens,
 * "overfitting a single batch" -> overfitting; a gerund that takes an object is the head ("freezing parameters").
 */
function englishHead(term: string): string[] {
  const words = term.trim().toLowerCase().split(/\s+/u);
  const end = words.findIndex((word, index) => index > 0 && /^(?:of|for|from|per|in|on|with|to|by|as|a|an|the|vs)$/u.test(word.replace(/,$/u, '')));
  const head = end > 0 ? words.slice(0, end) : words;
  if (VERB_GERUNDS.has(head[0]!) && head.length > 1) return head.slice(0, 1);
  return head.map((word) => word.replace(/,$/u, ''));
}

/** Gerunds that take an object in terms ("freezing parameters"): the phrase is an activity, said without an article. */
const VERB_GERUNDS = new Set(['freezing', 'overfitting', 'predicting', 'merging', 'scaling-up']);

function englishIsMass(term: string): boolean {
  const words = englishHead(term);
  const last = words[words.length - 1]!.split('-').pop() ?? '';
  const singular = last.replace(/s$/u, '');
  if (COUNTABLE_WORDS.has(last) || COUNTABLE_HEADS.has(last) || COUNTABLE_HEADS.has(singular)) return false;
  // A technique, a field or a property takes no article ("dropout", "beam search"); a thing does ("a data loader").
  return MASS_ENDINGS.test(last) || MASS_WORDS.has(last);
}

const MASS_WORDS = new Set(
  ('dropout search descent learning attention feedback data compute inference alignment safety noise decay warmup ' +
    'recall drift collapse memory bias parallelism sparsity privacy accuracy entropy perplexity leakage usage ' +
    'tuning training research vision speech text language guidance matching filtering retrieval learn throughput transfer ' +
    'ai analysis oversight softmax tanh momentum content context bandwidth time means').split(' '),
);

/** "does" or "do" with the term as subject: "How do training and evaluation modes work?". */
export function doesTerm(term: string): 'does' | 'do' {
  return englishPlural(term) ? 'do' : 'does';
}

/** French « fonctionne » or « fonctionnent »: the verb agrees with a plural or coordinated term. */
export function frenchVerbAgrees(term: string, singular: string, plural: string): string {
  return frenchPlural(term) || isCoordinated(term, 'fr') ? plural : singular;
}

function englishPlural(term: string): boolean {
  if (isCoordinated(term, 'en')) return true;
  const last = englishHead(term).pop() ?? '';
  return /[^su]s$/u.test(last) && !/(?:ss|us|is|ics|sis|as|ness|means)$/u.test(last);
}

function lowerFirst(text: string): string {
  // "LoRA", "GPT": an acronym keeps its capitals.
  return /^\p{Lu}\p{Lu}/u.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1);
}

export function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A term as it reads inside a sentence. English terms are written as they read ("Bayesian optimization",
 * "Q-learning"); a French term written with a capital only to start it loses it (« Hub » -> « hub »), never an
 * acronym or a name (« ReLU à fuite », « IA »).
 */
function inSentence(term: string, lang: Lang): string {
  const t = term.trim();
  if (lang === 'en' || isProperName(t)) return t;
  return /^\p{Lu}\p{Ll}+(?:[\s'’-]|$)/u.test(t) ? t.charAt(0).toLowerCase() + t.slice(1) : t;
}

/** "precision and recall", « précision et rappel »: two or more concepts named together, each a noun. */
export function isCoordinated(term: string, lang: Lang): boolean {
  const parts = conjuncts(term, lang);
  if (parts.length < 2) return false;
  // « modes entraînement et évaluation » is one plural noun with its complements, not two concepts.
  // "ethical and fair AI", "training, validation and test sets": adjectives or modifiers of one noun.
  if (lang === 'en') return !/(?:al|ic|ive|ous|ful|able|ible|ary)$/iu.test(parts[0]!) && !/[^su]s$/u.test(parts[parts.length - 1]!);
  return (parts.every((part) => isFrenchNoun(headWord(part))) && new Set(parts.map((part) => frenchPlural(part))).size === 1);
}

function conjuncts(term: string, lang: Lang): string[] {
  return term.trim().split(lang === 'fr' ? /\s*,\s*|\s+et\s+/u : /\s*,\s*(?:and\s+)?|\s+and\s+/u).filter((part) => part !== '');
}

function isFrenchNoun(word: string): boolean {
  const singular = word.replace(/[sx]$/u, '');
  return MASCULINE.has(word) || FEMININE.has(word) || MASCULINE.has(singular) || FEMININE.has(singular) || FRENCH_MASS.test(word);
}

/** "an LLM", "an F1 score", "a GPU", "a unit", "an hour": the article by the sound the term starts with. */
function englishArticle(term: string): 'a' | 'an' {
  const first = term.trim().split(/[\s-]/u)[0]!;
  if (/^(?:\p{Lu}{2,}|\p{Lu}\d|\p{L}$)/u.test(first)) return /^[AEFHILMNORSX]/iu.test(first) ? 'an' : 'a';
  if (/^(?:uni|use|usu|uti|eu|one|once)/iu.test(first)) return 'a';
  if (/^(?:hour|honest|honou?r|heir)/iu.test(first)) return 'an';
  return /^[aeiou]/iu.test(first) ? 'an' : 'a';
}

/** « l'exactitude », « le réseau de neurones », « les paramètres », « la précision et le rappel », "the learning rate", "LoRA". */
export function definiteTerm(term: string, lang: Lang): string {
  const t = term.trim();
  if (isProperName(t)) return t;
  if (lang === 'en') {
    if (ASKED_DEFINITE_EN.test(englishHead(t).pop() ?? '')) return `the ${t}`;
    return englishIsMass(t) || (englishPlural(t) && !isCoordinated(t, 'en')) ? t : `the ${t}`;
  }
  if (isCoordinated(t, 'fr')) return joinFrench(conjuncts(t, 'fr').map((part) => definiteTerm(part, 'fr')));
  const words = inSentence(t, 'fr');
  if (frenchPlural(t)) return `les ${words}`;
  if (startsWithVowelSound(t)) return `l'${words}`;
  return `${genderOf(headWord(t)) === 'f' ? 'la' : 'le'} ${words}`;
}

/** The pronoun that stands for a term at the start of a sentence: "It", "They", « Il », « Elle », « Ils ». */
export function subjectPronoun(term: string, lang: Lang): string {
  if (lang === 'en') return englishPlural(term) ? 'They' : 'It';
  const plural = frenchPlural(term) || isCoordinated(term, 'fr');
  const feminine = genderOf(headWord(term)) === 'f';
  return `${feminine ? 'Elle' : 'Il'}${plural ? 's' : ''}`;
}

function joinFrench(parts: readonly string[]): string {
  return parts.length < 2 ? parts.join('') : `${parts.slice(0, -1).join(', ')} et ${parts[parts.length - 1]}`;
}

/** « un réseau de neurones », « une couche », « des paramètres », "a multilayer perceptron", "an LLM", "fine-tuning". */
export function indefiniteTerm(term: string, lang: Lang): string {
  const t = term.trim();
  if (isProperName(t)) return t;
  if (lang === 'en') {
    if (englishIsMass(t) || englishPlural(t)) return t;
    return `${englishArticle(t)} ${t}`;
  }
  if (isCoordinated(t, 'fr')) return definiteTerm(t, 'fr');
  if (frenchPlural(t)) return `des ${inSentence(t, 'fr')}`;
  return `${genderOf(headWord(t)) === 'f' ? 'une' : 'un'} ${inSentence(t, 'fr')}`;
}

/** « d'affinage », « de réseau de neurones », « de LoRA », "of a multilayer perceptron", "of fine-tuning". */
export function ofTerm(term: string, lang: Lang): string {
  const t = term.trim();
  if (lang === 'en') return `of ${indefiniteTerm(t, 'en')}`;
  if (isCoordinated(t, 'fr')) return ofDefiniteTerm(t, 'fr');
  return elideDe(inSentence(t, 'fr'));
}

/** « de » before a word, « d' » before a vowel sound. */
function elideDe(words: string): string {
  return startsWithVowelSound(words) ? `d'${words}` : `de ${words}`;
}

/** French things one can count, asked about with « un » or « une » (« Qu'est-ce qu'un jeton ? »). */
const COUNTABLE_FR = new Set(
  ('modèle réseau jeton couche arbre caractéristique agent serveur chargeur registre magasin fichier vecteur matrice tenseur neurone ' +
    'perceptron optimiseur classifieur encodeur décodeur auto-encodeur encodeur-décodeur échantillonneur exemple masque ' +
    'cache graphe pipeline notebook benchmark test point pic minimum maximum hyperparamètre paramètre prompt gabarit ' +
    'système processus étiquette variable valeur fonction courbe harnais accélérateur puce carte tête dérivée transformer ' +
    'transformeur frontière intervalle spectrogramme sac n-gramme mini-lot lot état espace contexte jeu faux biais ' +
    'terme moyenne métrique attaque fiche patch plongement algorithme méthode technique architecture outil bibliothèque ' +
    'framework assistant chatbot logit seuil produit filtre noyau bloc module motif indicateur critère sonde grappe passe ' +
    'sous-réseau unité connexion représentation requête clé graine image phrase document échantillon époque itération ' +
    'étape pas politique récompense environnement action épisode trajectoire classe catégorie checkpoint adaptateur ' +
    'forêt machine tokeniseur base').split(' '),
);

/**
 * Whether a French term is asked about with « le/la » rather than « un/une »: a process, a field, a property,
 * a quantity, a named thing (« le théorème de Bayes ») or one given by its complement (« le suivi des expériences »).
 */
function frenchAskedDefinite(term: string): boolean {
  const head = headWord(term);
  const countable = (word: string) => COUNTABLE_FR.has(word) || COUNTABLE_ACRONYMS.has(word);
  // « bi-encodeur », « sous-réseau »: a prefixed thing is still a thing.
  if (!countable(head) && !countable(head.split('-').pop()!)) return true;
  const rest = term.trim().slice(term.trim().split(/\s+/u)[0]!.length).trim();
  return /^(?:[\p{L}-]+\s+)?(?:(?:du|des|au|aux|de\s+la)\s|de\s+l['’]|à\s+l['’]|d['’]\p{Lu}\p{Ll}|de\s+\p{Lu}\p{Ll})/u.test(rest);
}

/** « Qu'est-ce que l'exactitude ? », « Qu'est-ce qu'un jeton ? », « Que sont les logits ? », "What is a multilayer perceptron?". */
export function whatIsQuestion(term: string, lang: Lang): string {
  const t = term.trim();
  if (lang === 'en') {
    if (isProperName(t)) return `What is ${t}?`;
    if (isCoordinated(t, 'en')) return `What are ${definiteTerm(t, 'en')}?`;
    if (englishPlural(t)) return `What are ${t}?`;
    // "What is the vanishing gradient problem?", "What is the batch size?": one of its kind, or a quantity.
    const head = englishHead(t).pop() ?? '';
    if (ASKED_DEFINITE_EN.test(head)) return `What is the ${t}?`;
    return `What is ${indefiniteTerm(t, 'en')}?`;
  }
  if (!isProperName(t) && (isCoordinated(t, 'fr') || frenchPlural(t))) return `Que sont ${definiteTerm(t, 'fr')} ?`;
  // « Qu'est-ce qu'un jeton ? » for a thing, « Qu'est-ce que le surapprentissage ? » for a process or a name.
  const subject = isProperName(t) || frenchAskedDefinite(t) ? definiteTerm(t, 'fr') : indefiniteTerm(t, 'fr');
  return startsWithVowelSound(subject) ? `Qu'est-ce qu'${subject} ?` : `Qu'est-ce que ${subject} ?`;
}

/** English heads asked about with "the": problems and laws of their own kind, and quantities. */
const ASKED_DEFINITE_EN = /^(?:problem|trade-?off|dilemma|curse|theorem|paradox|rule|trick|future|size|rate|norm|length|window|score|dimension|loss|error|coefficient|footprint|cutoff|count)$/u;

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
  const opening = definition.trim().toLowerCase().replace(LEADING_ARTICLE, '');
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
  // « de la précision et du rappel »
  if (lang === 'fr' && isCoordinated(term, 'fr')) return joinFrench(conjuncts(term, 'fr').map((part) => ofDefiniteTerm(part, 'fr')));
  const definite = definiteTerm(term, lang);
  if (lang === 'en') return `of ${definite}`;
  if (definite.startsWith('le ')) return `du ${definite.slice(3)}`;
  if (definite.startsWith('les ')) return `des ${definite.slice(4)}`;
  // « d'Adagrad », « de la quantification », « de l'affinage ».
  return isProperName(term) ? elideDe(definite) : `de ${definite}`;
}

/** « au modèle », « à l'exactitude », « aux logits », « à la précision et au rappel » (after « face »). */
export function toDefiniteTerm(term: string): string {
  if (isCoordinated(term, 'fr')) return joinFrench(conjuncts(term, 'fr').map(toDefiniteTerm));
  const definite = definiteTerm(term, 'fr');
  if (definite.startsWith('le ')) return `au ${definite.slice(3)}`;
  return definite.startsWith('les ') ? `aux ${definite.slice(4)}` : `à ${definite}`;
}

/** French spacing: a no-break space inside « » and before ? ! : ; so none of them starts a line. */
export function typeset(text: string, lang: Lang): string {
  if (lang !== 'fr') return text;
  return text.replace(/«[ \u00a0\u202f]?/gu, '«\u00a0').replace(/[ \u00a0\u202f]?»/gu, '\u00a0»').replace(/ ([?!:;])/gu, '\u00a0$1');
}

/** A term or a text quoted in a sentence: « affinage » in French, "fine-tuning" in English. */
export function quoted(text: string, lang: Lang): string {
  return lang === 'fr' ? `«\u00a0${text}\u00a0»` : `"${text}"`;
}

/** A definition that opens on its setting: "In reinforcement learning, a function that...", « En interprétabilité, ». */
const SETTING_FIRST = /^((?:in|for|with|en|dans|pour|avec|chez)\s[^,]{2,60},\s*)(.+)$/isu;

/**
 * A sentence that names its term and gives its definition, whatever the definition's shape: the sentence of
 * `definitionSentence` where the rules make one, otherwise a plainer one ("Semantic search is search that...",
 * "Underfitting is when a model...", « La génération en flux désigne l'envoi de la réponse... »). Used where
 * each concept must be named (an answer about several, a comparison): never a « Terme : ... » label.
 */
export function namingSentence(term: string, definition: string, lang: Lang): string {
  // "The ROC curve plots..." for "ROC curve and AUC": a definition that opens on the first of two things named names it.
  const [first, second] = conjuncts(term, lang);
  if (second && first && first.length >= 3 && definition.trim().slice(0, first.length + 6).toLowerCase().includes(first.toLowerCase())) return upperFirst(definition.trim());
  // « Le Transformer est une architecture... » for « architecture Transformer »: a sentence about the term's name.
  if (opensOnTheTermsName(term, definition)) return upperFirst(definition.trim());
  // "Next-token (or next-word) prediction is...": a name that an aside interrupts names it too.
  const withoutAsides = definition.replace(/\s*\([^)]*\)/gu, '');
  if (withoutAsides !== definition && namesTermFirst(withoutAsides, term)) return upperFirst(definition.trim());
  const sentence = definitionSentence(term, definition, lang);
  // « La règle qui fixe combien de bruit est ajouté... » reads as a sentence but does not name its term.
  if (sentence && sentence.toLowerCase().includes(term.trim().toLowerCase())) return sentence;
  // « "Attention Is All You Need" is the 2017 paper... »: the definition names its term already.
  if (namesTermFirst(definition, term)) return upperFirst(definition.trim());
  const setting = SETTING_FIRST.exec(definition.trim());
  if (setting) return `${setting[1]}${lowerFirst(namingSentence(term, setting[2]!, lang))}`;
  return lang === 'en' ? englishNaming(term, definition.trim()) : frenchNaming(term, definition.trim());
}

function englishNaming(term: string, text: string): string {
  const subject = isProperName(term) ? term.trim() : upperFirst(term.trim());
  // ("Turning PDFs, scans... into clean text": a gerund is no name, whatever word follows it.)
  if (/^\p{Lu}\p{Ll}+ing\s/u.test(text)) return `${subject} means ${lowerFirst(text)}`;
  const rest = startsWithName(text) ? text : lowerFirst(text);
  if (/^when\s/iu.test(text)) return `${subject} is ${rest}`;
  return `${subject} ${englishPlural(term) ? 'are' : 'is'} ${rest}`;
}

/** "Hugging Face's library", "Microsoft's": a definition that opens on a name keeps its capital. */
function startsWithName(text: string): boolean {
  return /^\S+['’]s\s/u.test(text) || /^\S+\s+\p{Lu}/u.test(text);
}

/** French nouns in -er or -ir, and verbs in -re: what tells an infinitive (« Entraîner un modèle ») from a noun. */
const NOUNS_LIKE_INFINITIVES = new Set(['premier', 'dernier', 'fichier', 'clavier', 'quartier', 'avenir', 'plaisir', 'désir', 'loisir', 'pouvoir', 'savoir', 'devoir', 'dossier', 'cahier', 'papier', 'atelier', 'métier', 'panier', 'levier', 'palier', 'sentier', 'entier']);
const VERBS_IN_RE = /^(?:faire|prendre|apprendre|comprendre|mettre|permettre|réduire|produire|construire|traduire|conduire|lire|écrire|dire|rendre|répondre|attendre|étendre|décrire|inscrire|transmettre|soumettre|combattre|résoudre|extraire|distraire|peindre|atteindre|joindre|suivre|vivre|croire|boire)$/u;
/** Abstract nouns in -eur that are feminine (« la grandeur », « l'erreur »); other -eur nouns are masculine. */
const FEMININE_EUR = /^(?:grandeur|valeur|largeur|longueur|profondeur|erreur|hauteur|lenteur|rigueur|épaisseur|saveur|couleur|peur|chaleur|douleur|faveur|humeur|odeur|vapeur|teneur|ampleur|fraîcheur|lueur|sueur|minceur|rondeur|torpeur)$/u;
/** Endings of masculine nouns in -e, where a noun outside the lexicon in -e is more often feminine. */
const MASCULINE_IN_E = /(?:age|isme|ème|aire|ège|ède|ome|ice|sque|tre|vre|cle|ple|gme|ste|phe|ire|oire|amme|ogue)$/u;
/** « premier axe », « grande partie »: the adjective that comes first says the gender. */
const ADJECTIVE_GENDER: ReadonlyMap<string, Gender> = new Map([
  ...['premier', 'grand', 'petit', 'nouveau', 'bon', 'mauvais', 'vrai', 'seul', 'dernier'].map((word) => [word, 'm'] as const),
  ...['première', 'grande', 'petite', 'nouvelle', 'bonne', 'mauvaise', 'vraie', 'seule', 'dernière'].map((word) => [word, 'f'] as const),
]);

/** A word without the punctuation that may follow it (« Mesure, entre −1 et 1 »), in lower case. */
function wordOnly(word: string): string {
  return word.toLowerCase().replace(/[^\p{L}-]/gu, '');
}

function isInfinitive(word: string): boolean {
  if (MASCULINE.has(word) || FEMININE.has(word) || NOUNS_LIKE_INFINITIVES.has(word)) return false;
  return /(?:er|ir)$/u.test(word) || VERBS_IN_RE.test(word);
}

/** The gender of a noun outside the lexicon, from its ending. */
function guessedGender(word: string): Gender {
  const adjective = ADJECTIVE_GENDER.get(word);
  if (adjective) return adjective;
  if (MASCULINE.has(word) || FEMININE.has(word) || FEMININE_ENDINGS.test(word)) return genderOf(word);
  if (/eur$/u.test(word)) return FEMININE_EUR.test(word) ? 'f' : 'm';
  return /e$/u.test(word) && !MASCULINE_IN_E.test(word) ? 'f' : 'm';
}

/** « Entraîner un modèle... » (an infinitive), « Fait de... », « Découpage d'un jeu... » (a noun without article). */
function frenchNaming(term: string, text: string): string {
  const coordinated = isCoordinated(term, 'fr');
  const plural = !isProperName(term) && !coordinated && frenchPlural(term);
  const subject = isProperName(term) ? term.trim() : upperFirst(plural ? `les ${lowerFirst(term.trim())}` : definiteTerm(term, 'fr'));
  const verb = plural || coordinated ? 'désignent' : 'désigne';
  const firstWord = wordOnly(text.split(/[\s']/u)[0]!);
  const noun = ADJECTIVE_GENDER.has(firstWord) ? firstWord : wordOnly(headWord(text));
  const rest = lowerFirst(text);
  if (firstWord === 'fait') return `${subject} ${verb} le ${rest}`;
  if (isInfinitive(firstWord)) return `${subject} ${verb} le fait ${elideDe(rest)}`;
  if (/^(?:le|la|les|un|une|des|l|deux|trois|plusieurs)$/u.test(firstWord)) return `${subject} ${verb} ${rest}`;
  const isPlural = PLURAL_FR.test(firstWord) && !MASCULINE.has(firstWord) && !FEMININE.has(firstWord) && !/(?:ais|as|us|is|ès|os|eux|oux|biais|poids|temps|corpus|processus|accès|pas|cas|flux|taux|choix|prix|index)$/u.test(firstWord);
  const article = isPlural ? 'les ' : startsWithVowelSound(firstWord) ? "l'" : guessedGender(noun) === 'f' ? 'la ' : 'le ';
  return `${subject} ${verb} ${article}${rest}`;
}

/** « l' », « la », "the"...: the article a definition may open with. */
const LEADING_ARTICLE = /^(?:l['’]|(?:le|la|les|un|une|des|the|an|a)\s+)/iu;

/** The definition names its term within its first words. */
function namesTermFirst(definition: string, term: string): boolean {
  return definition.trim().slice(0, term.trim().length + 6).toLowerCase().includes(term.trim().toLowerCase());
}

/** The definition is a sentence about the capitalised name inside the term: « Le Transformer est... ». */
function opensOnTheTermsName(term: string, definition: string): boolean {
  const name = term.trim().split(/\s+/u).find((word) => /^\p{Lu}/u.test(word) && word.length >= 4);
  const opening = definition.trim().replace(LEADING_ARTICLE, '');
  return name !== undefined && new RegExp(`^${escapeRegExp(name)}\\s+(?:est|sont|is|are)\\s`, 'u').test(opening);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
