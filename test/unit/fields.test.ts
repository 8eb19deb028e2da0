import * as assert from 'node:assert/strict';
import { LEARNER_FIELDS } from '../../src/core/glossary/types';
import { asksAboutOwnCase, learnerField } from '../../src/core/pipeline/fields';
import { buildConceptView } from '../../src/core/present/conceptView';
import { bundledGlossary } from './bundled';

describe('the learner’s kind of data', () => {
  it('reads it from a project told in a learner’s words, in both languages', () => {
    const told: [string, string][] = [
      ['Hi, I do IT for a chain of veterinary clinics and we want to predict which appointments will be no-shows. Where do I start?', 'appointments'],
      ['Je suis ingénieur maintenance pour des trains régionaux et nous voudrions prédire les pannes de portes à partir des capteurs.', 'machines'],
      ['Je travaille dans une boulangerie et je veux prévoir mes ventes de la semaine.', 'sales'],
      ['We have photos of welds from a camera on the line and want to find defects.', 'images'],
      ['Je suis analyste pour un club de rugby, on veut prédire les blessures des joueurs.', 'sports'],
      ['I am an HR recruiter and we get 2,000 candidates a month.', 'people'],
      ['Je travaille dans une coopérative agricole et nous voudrions estimer le rendement de chaque parcelle à partir de la météo.', 'nature'],
      ['Je gère des hôtels et je veux prévoir les annulations de réservations.', 'appointments'],
      // A defect per part or cycle is production quality, not a breakdown, even when sensors record the process.
      ['We run injection-moulding presses, 4% of parts are scrapped, and the sensors log every shot. Can we predict scrap?', 'quality'],
      ['Nous sommes une fonderie et voulons prédire à partir des capteurs de la presse les pièces qui auront de la porosité.', 'quality'],
      ['Our paint plant wants to flag off-spec batches from the mixing logs.', 'quality'],
      ['We want to know which of our pumps will break down next month, from their vibration sensors.', 'machines'],
      ['We have hourly readings from 3,000 street lamps and a log of those that failed.', 'machines'],
      // A level, a temperature or a flow forecast from its readings is no breakdown.
      ['Our cold rooms log the temperature every 10 minutes and we want to forecast when one will go above 4 °C.', 'readings'],
      ["On a des sondes qui mesurent le niveau d'eau de la rivière toutes les heures, on voudrait prévoir les crues.", 'readings'],
      ['We run grain silos with sensors on the fill level and want to know when each will be full.', 'readings'],
      // Weather is an input of many projects, not a sign of farming: rentals a day ahead are demand.
      ['Je loue des vélos électriques et voudrais prévoir les locations du lendemain avec la météo.', 'sales'],
    ];
    for (const [question, field] of told) assert.equal(learnerField([question]), field, question);
  });

  it('keeps the field told at the opening for the rest of the conversation', () => {
    assert.equal(learnerField(['We want to predict which appointments will be no-shows.', 'What is precision?', 'And recall?']), 'appointments');
    assert.equal(learnerField(['I work at a city water utility: which water mains will burst next winter?', "Bursts depend on frost and we can't know the weather or the farm's crops."]), 'energy');
  });

  it('reads none from questions about machine learning itself, whose words name no kind of data', () => {
    for (const question of [
      'What is a train/test split and why do I need one?',
      'How does logistic regression work with a grid search?',
      'Is the noise in my labels a problem for the machine learning model?',
      'Comment fonctionne le produit scalaire dans l’attention ? Le texte est découpé en jetons ?',
      'Our team wants to train a driver model in production.',
      // (Temperature alone is a language model's setting too.)
      'What temperature should I use for my chatbot?',
    ]) {
      assert.equal(learnerField([question]), undefined, question);
    }
  });

  it('reads a question about the learner’s own case, and not a general one', () => {
    for (const question of ['How should I split data like mine?', 'Which matters more for us, precision or recall?', 'Quelle est la différence entre la précision et le rappel dans mon cas ?', 'Can you give me a concrete example from our booking data?', 'Which one should I care more about?']) {
      assert.ok(asksAboutOwnCase(question), question);
    }
    for (const question of ['What are precision and recall?', 'Comment fonctionne un arbre de décision ?']) assert.ok(!asksAboutOwnCase(question), question);
  });

  it('has, for every entry that says what it means by field, the same known fields in both languages (every field, but where only some make sense)', () => {
    const glossary = bundledGlossary();
    const withFields = glossary.concepts.map((concept) => glossary.withDetails(concept)).filter((concept) => concept.en.byField || concept.fr.byField);
    assert.ok(withFields.length >= 7, `${withFields.length} entries say what they mean by field`);
    // A prompt is written for text: what it means with a herd of dairy cows would be made up.
    // Records in time: lags and time splits mean nothing for photos, sounds or texts on their own.
    const inTime = LEARNER_FIELDS.filter((field) => !['text', 'images', 'audio'].includes(field));
    // An isolation forest scores rows of numbers: photos, sounds and texts need features computed first. Predictive
    // maintenance is about equipment that fails.
    const equipment = ['machines', 'readings', 'signals', 'energy', 'transport'];
    const someFields: Readonly<Record<string, readonly string[]>> = { prompt: ['text'], 'few-shot-learning': ['text'], 'retrieval-augmented-generation': ['text'], 'lag-feature': inTime, 'time-based-split': inTime, 'isolation-forest': inTime, 'predictive-maintenance': equipment };
    for (const concept of withFields) {
      for (const lang of ['en', 'fr'] as const) assert.deepEqual(Object.keys(concept[lang].byField ?? {}).sort(), [...(someFields[concept.id] ?? LEARNER_FIELDS)].sort(), `${concept.id} (${lang})`);
    }
  });

  it('shows in the explanation panel what to do about a concept in a project, in the panel’s language', () => {
    const glossary = bundledGlossary();
    const baseline = glossary.withDetails(glossary.get('baseline-model')!);
    const en = buildConceptView(glossary, glossary.get('baseline-model')!, 'en');
    assert.deepEqual(en.sections.at(-1), { title: 'In a project', text: baseline.en.step });
    const fr = buildConceptView(glossary, glossary.get('baseline-model')!, 'fr');
    assert.equal(fr.sections.at(-1)!.title, 'Dans un projet');
    // A concept with nothing to do about it has no such section.
    assert.ok(!buildConceptView(glossary, glossary.get('derivative')!, 'en').sections.some((section) => section.title === 'In a project'));
  });
});
