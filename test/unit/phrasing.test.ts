import * as assert from 'node:assert/strict';
import type { Lang } from '../../src/core/glossary/types';
import { definiteTerm, indefiniteTerm, namingSentence, ofDefiniteTerm, ofTerm, quoted, typeset, whatIsQuestion } from '../../src/core/pipeline/phrasing';
import { bundledGlossary } from './bundled';
import { aboutConcept, compareWithLabel, comparePair, differenceQuestion, EXAMPLE_QUESTIONS, exampleQuestions, simplerQuestion } from '../../src/core/present/questions';

/** Every template the extension writes around a term, by name. */
const TEMPLATES: Record<string, (term: string, lang: Lang) => string> = {
  whatIs: whatIsQuestion,
  definite: definiteTerm,
  indefinite: indefiniteTerm,
  of: ofTerm,
  ofDefinite: ofDefiniteTerm,
  exampleWhatIs: (t, lang) => EXAMPLE_QUESTIONS[0]![lang](t),
  exampleSimply: (t, lang) => EXAMPLE_QUESTIONS[1]![lang](t),
  exampleOf: (t, lang) => EXAMPLE_QUESTIONS[2]![lang](t),
  about: aboutConcept,
  simpler: simplerQuestion,
  compareWith: compareWithLabel,
};

type Row = [term: string, expected: Partial<Record<keyof typeof TEMPLATES, string>>];

/** French: elision, gender, number, aspirated h, names, things and processes, coordinated concepts. */
const FRENCH: Row[] = [
  ['exactitude', { whatIs: "Qu'est-ce que l'exactitude ?", definite: "l'exactitude", exampleSimply: "Explique-moi l'exactitude simplement.", about: "À propos de l'exactitude : " }],
  ['affinage', { whatIs: "Qu'est-ce que l'affinage ?", of: "d'affinage", exampleOf: "Donne un exemple d'affinage.", ofDefinite: "de l'affinage", compareWith: "Comparer avec l'affinage" }],
  ['surapprentissage', { whatIs: "Qu'est-ce que le surapprentissage ?", ofDefinite: 'du surapprentissage', about: 'À propos du surapprentissage : ', simpler: 'Explique-moi le surapprentissage plus simplement.' }],
  ['réseau de neurones', { whatIs: "Qu'est-ce qu'un réseau de neurones ?", indefinite: 'un réseau de neurones', of: 'de réseau de neurones', definite: 'le réseau de neurones' }],
  ['jeton', { whatIs: "Qu'est-ce qu'un jeton ?", exampleWhatIs: "Qu'est-ce qu'un jeton ?", exampleOf: 'Donne un exemple de jeton.' }],
  ['couche', { whatIs: "Qu'est-ce qu'une couche ?", definite: 'la couche', indefinite: 'une couche' }],
  ['quantification', { whatIs: "Qu'est-ce que la quantification ?", ofDefinite: 'de la quantification' }],
  ['paramètres', { whatIs: 'Que sont les paramètres ?', definite: 'les paramètres', indefinite: 'des paramètres', ofDefinite: 'des paramètres', of: 'de paramètres' }],
  ['lois d\'échelle', { whatIs: "Que sont les lois d'échelle ?", about: "À propos des lois d'échelle : " }],
  ['faux positif', { whatIs: "Qu'est-ce qu'un faux positif ?", definite: 'le faux positif' }],
  ['garde-fous', { whatIs: 'Que sont les garde-fous ?' }],
  ['k plus proches voisins', { whatIs: 'Que sont les k plus proches voisins ?' }],
  ['harnais d\'évaluation', { definite: "le harnais d'évaluation", of: "de harnais d'évaluation", whatIs: "Qu'est-ce qu'un harnais d'évaluation ?" }],
  ['hachage', { definite: 'le hachage' }],
  ['hallucination', { definite: "l'hallucination", whatIs: "Qu'est-ce que l'hallucination ?" }],
  ['Hub de Hugging Face', { definite: 'le hub de Hugging Face' }],
  ['LoRA', { whatIs: "Qu'est-ce que LoRA ?", of: 'de LoRA', ofDefinite: 'de LoRA', exampleSimply: 'Explique-moi LoRA simplement.', about: 'À propos de LoRA : ' }],
  ['Adagrad', { whatIs: "Qu'est-ce qu'Adagrad ?", of: "d'Adagrad", ofDefinite: "d'Adagrad", about: "À propos d'Adagrad : " }],
  ['ReLU à fuite', { definite: 'le ReLU à fuite' }],
  ['Q-learning', { definite: 'le Q-learning', whatIs: "Qu'est-ce que le Q-learning ?" }],
  ['pandas', { whatIs: "Qu'est-ce que pandas ?", of: 'de pandas' }],
  ['nn.Module', { whatIs: "Qu'est-ce que nn.Module ?" }],
  ['théorème de Bayes', { whatIs: "Qu'est-ce que le théorème de Bayes ?" }],
  ['suivi des expériences', { whatIs: "Qu'est-ce que le suivi des expériences ?" }],
  ['taille de lot', { whatIs: "Qu'est-ce que la taille de lot ?" }],
  ['descente de gradient', { whatIs: "Qu'est-ce que la descente de gradient ?", ofDefinite: 'de la descente de gradient' }],
  ['bagging', { whatIs: "Qu'est-ce que le bagging ?" }],
  ['dropout', { whatIs: "Qu'est-ce que le dropout ?" }],
  ['forêt aléatoire', { whatIs: "Qu'est-ce qu'une forêt aléatoire ?", definite: 'la forêt aléatoire' }],
  ['grand modèle de langage', { whatIs: "Qu'est-ce qu'un grand modèle de langage ?" }],
  ['simple précision', { whatIs: "Qu'est-ce que la simple précision ?" }],
  ['analyse en composantes principales', { whatIs: "Qu'est-ce que l'analyse en composantes principales ?", indefinite: 'une analyse en composantes principales' }],
  ['précision et rappel', { whatIs: 'Que sont la précision et le rappel ?', definite: 'la précision et le rappel', ofDefinite: 'de la précision et du rappel' }],
  ['requête, clé et valeur', { whatIs: 'Que sont la requête, la clé et la valeur ?' }],
  ['IA éthique et équitable', { whatIs: "Qu'est-ce que l'IA éthique et équitable ?" }],
  ['bi-encodeur', { whatIs: "Qu'est-ce qu'un bi-encodeur ?" }],
  ['GPU', { whatIs: "Qu'est-ce qu'un GPU ?", definite: 'le GPU' }],
  ['LLM', { whatIs: "Qu'est-ce qu'un LLM ?", of: "de LLM" }],
  ['« Attention Is All You Need »', { whatIs: "Qu'est-ce que « Attention Is All You Need » ?" }],
];

/** English: a/an by sound, mass nouns, plurals, heads before "of", names, one-of-a-kind and quantities. */
const ENGLISH: Row[] = [
  ['multilayer perceptron', { exampleWhatIs: 'What is a multilayer perceptron?', whatIs: 'What is a multilayer perceptron?', of: 'of a multilayer perceptron', exampleOf: 'Give an example of a multilayer perceptron.', definite: 'the multilayer perceptron' }],
  ['fine-tuning', { whatIs: 'What is fine-tuning?', of: 'of fine-tuning', exampleSimply: 'Explain fine-tuning simply.', about: 'About fine-tuning: ', compareWith: 'Compare with fine-tuning' }],
  ['activation function', { whatIs: 'What is an activation function?', about: 'About the activation function: ' }],
  ['LLM', { indefinite: 'an LLM', of: 'of an LLM', whatIs: 'What is an LLM?' }],
  ['GPU', { indefinite: 'a GPU', whatIs: 'What is a GPU?' }],
  ['F1 score', { indefinite: 'an F1 score', whatIs: 'What is the F1 score?' }],
  ['n-gram', { whatIs: 'What is an n-gram?' }],
  ['one-hot encoding', { indefinite: 'a one-hot encoding' }],
  ['Bayesian optimization', { whatIs: 'What is Bayesian optimization?', definite: 'Bayesian optimization' }],
  ['Adam optimizer', { whatIs: 'What is an Adam optimizer?', definite: 'the Adam optimizer' }],
  ['Q-learning', { whatIs: 'What is Q-learning?' }],
  ['A/B testing', { whatIs: 'What is A/B testing?' }],
  ['scaling laws', { whatIs: 'What are scaling laws?', definite: 'scaling laws', ofDefinite: 'of scaling laws' }],
  ['tokens per second', { whatIs: 'What are tokens per second?' }],
  ['bag of words', { whatIs: 'What is a bag of words?' }],
  ['freezing parameters', { whatIs: 'What is freezing parameters?' }],
  ['k-means', { whatIs: 'What is k-means?' }],
  ['precision and recall', { whatIs: 'What are precision and recall?' }],
  ['query, key and value', { whatIs: 'What are the query, key and value?' }],
  ['training, validation and test sets', { whatIs: 'What are training, validation and test sets?' }],
  ['ethical and fair AI', { whatIs: 'What is ethical and fair AI?' }],
  ['constitutional AI', { whatIs: 'What is constitutional AI?' }],
  ['vanishing gradient problem', { whatIs: 'What is the vanishing gradient problem?', definite: 'the vanishing gradient problem' }],
  ['batch size', { whatIs: 'What is the batch size?' }],
  ['future of AI', { whatIs: 'What is the future of AI?', definite: 'the future of AI' }],
  ["Bayes' theorem", { whatIs: "What is Bayes' theorem?", definite: "Bayes' theorem" }],
  ['sycophancy', { whatIs: 'What is sycophancy?' }],
  ['pandas', { whatIs: 'What is pandas?', of: 'of pandas' }],
  ['pass@k', { whatIs: 'What is pass@k?' }],
  ['LoRA', { whatIs: 'What is LoRA?', of: 'of LoRA', about: 'About LoRA: ', simpler: 'Explain LoRA more simply.' }],
  ['dropout', { whatIs: 'What is dropout?', exampleOf: 'Give an example of dropout.' }],
  ['data loader', { whatIs: 'What is a data loader?' }],
];

function check(rows: readonly Row[], lang: Lang): void {
  for (const [term, expected] of rows) {
    for (const [template, text] of Object.entries(expected)) {
      it(`${template}(${term})`, () => assert.equal(TEMPLATES[template]!(term, lang), text));
    }
  }
}

describe('phrasing: every template around a term', () => {
  describe('in French', () => check(FRENCH, 'fr'));
  describe('in English', () => check(ENGLISH, 'en'));

  it('covers every template in both languages', () => {
    for (const [rows, lang] of [[FRENCH, 'fr'], [ENGLISH, 'en']] as const) {
      const used = new Set(rows.flatMap(([, expected]) => Object.keys(expected)));
      assert.deepEqual([...Object.keys(TEMPLATES)].filter((name) => !used.has(name)), [], `templates without a case in ${lang}`);
    }
  });

  it('never writes a French article before a vowel, nor « de le », nor a bare term after « Qu\'est-ce que »', () => {
    for (const [term] of FRENCH) {
      for (const [name, template] of Object.entries(TEMPLATES)) {
        const text = template(term, 'fr');
        assert.doesNotMatch(text, /\b(?:de|que|le|la) [aeiouéèêàâîôû]/iu, `${name}(${term}): ${text}`);
        assert.doesNotMatch(text, /\bde (?:le|les) /u, `${name}(${term}): ${text}`);
      }
    }
  });

  it('gives each example question its own template', () => {
    assert.deepEqual(exampleQuestions(['exactitude', 'affinage', 'perceptron multicouche'], 'fr'), [
      "Qu'est-ce que l'exactitude ?",
      "Explique-moi l'affinage simplement.",
      'Donne un exemple de perceptron multicouche.',
    ]);
    assert.deepEqual(exampleQuestions(['accuracy', 'fine-tuning', 'multilayer perceptron'], 'en'), [
      'What is accuracy?',
      'Explain fine-tuning simply.',
      'Give an example of a multilayer perceptron.',
    ]);
  });

  it('asks for a difference with the terms and their articles', () => {
    assert.equal(differenceQuestion(comparePair('affinage', 'pré-entraînement', 'fr'), 'fr'), "Quelle est la différence entre l'affinage et le pré-entraînement ?");
    assert.equal(differenceQuestion(comparePair('fine-tuning', 'Transformer', 'en'), 'en'), 'What is the difference between fine-tuning and the Transformer?');
  });
});

describe('naming sentences: a definition said as a sentence that names its term, whatever its shape', () => {
  const cases: Array<[string, string, Lang, string]> = [
    ['streaming generation', 'Sending a language model\'s answer to the client piece by piece.', 'en', 'Streaming generation means sending a language model\'s answer to the client piece by piece.'],
    ['underfitting', 'When a model is too simple to capture its data.', 'en', 'Underfitting is when a model is too simple to capture its data.'],
    // (A gerund followed by a name is still a gerund.)
    ['document parsing', 'Turning PDFs and Word files into clean text.', 'en', 'Document parsing means turning PDFs and Word files into clean text.'],
    ['value function', 'In reinforcement learning, a function that estimates future reward.', 'en', 'In reinforcement learning, a value function is a function that estimates future reward.'],
    ['DeepSpeed', "Microsoft's library for training very large models.", 'en', "DeepSpeed is Microsoft's library for training very large models."],
    ['génération en flux', "Envoi de la réponse d'un modèle au client morceau par morceau.", 'fr', "La génération en flux désigne l'envoi de la réponse d'un modèle au client morceau par morceau."],
    ['supervision faible', 'Entraîner un modèle sur des étiquettes imparfaites.', 'fr', "La supervision faible désigne le fait d'entraîner un modèle sur des étiquettes imparfaites."],
    ['corrélation', 'Mesure, entre −1 et 1, de la force du lien.', 'fr', 'La corrélation désigne la mesure, entre −1 et 1, de la force du lien.'],
    ['dimension du lot', 'Premier axe de la plupart des tenseurs.', 'fr', 'La dimension du lot désigne le premier axe de la plupart des tenseurs.'],
    ['précision et rappel', 'Deux mesures complémentaires.', 'fr', 'La précision et le rappel désignent deux mesures complémentaires.'],
    ['pic de perte', 'Hausse soudaine de la perte.', 'fr', 'Le pic de perte désigne la hausse soudaine de la perte.'],
    ['next-token prediction', 'Next-token (or next-word) prediction is the basic task of language models.', 'en', 'Next-token (or next-word) prediction is the basic task of language models.'],
    ['prédiction du jeton suivant', 'La prédiction du jeton (ou du mot) suivant est la tâche de base.', 'fr', 'La prédiction du jeton (ou du mot) suivant est la tâche de base.'],
  ];
  for (const [term, definition, lang, sentence] of cases) {
    it(`${lang}: ${term}`, () => assert.equal(namingSentence(term, definition, lang), sentence));
  }

  it('names the term of every bundled definition in both languages, never as a « Terme : » label', () => {
    for (const concept of bundledGlossary().concepts) {
      for (const lang of ['fr', 'en'] as const) {
        const sentence = namingSentence(concept[lang].term, concept[lang].definition, lang);
        const words = concept[lang].term.toLowerCase().split(/[\s,]+/u).filter((word) => word.length > 2);
        assert.ok(words.every((word) => sentence.toLowerCase().includes(word)), `${concept.id}.${lang}: ${sentence}`);
        assert.ok(!sentence.startsWith(`${concept[lang].term} :`) && !sentence.startsWith(`${concept[lang].term}:`), `${concept.id}.${lang}: ${sentence}`);
        assert.doesNotMatch(sentence, /\b(?:de de|le fait de de|l' )\b/u, `${concept.id}.${lang}: ${sentence}`);
      }
    }
  });
});

describe('typeset and quoted', () => {
  it('keeps French guillemets and ? ! : ; with their word across a line break', () => {
    assert.equal(typeset("« affinage » : qu'est-ce ? Oui ! Non ;", 'fr'), '«\u00a0affinage\u00a0»\u00a0: qu\'est-ce\u00a0? Oui\u00a0! Non\u00a0;');
    assert.equal(typeset('«\u00a0déjà\u00a0»', 'fr'), '«\u00a0déjà\u00a0»');
    assert.equal(typeset('What is it? Fine: yes', 'en'), 'What is it? Fine: yes');
  });

  it('quotes with guillemets in French and quotation marks in English', () => {
    assert.equal(quoted('réseau', 'fr'), '«\u00a0réseau\u00a0»');
    assert.equal(quoted('network', 'en'), '"network"');
  });
});
