import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { factSentence, learnerFacts } from '../../src/core/pipeline/learnerFacts';

const NOTHING_SHOWN = () => false;

describe("the learner's own numbers and constraints", () => {
  it('reads a share of rare cases told as a part of a whole, in both languages', () => {
    assert.deepEqual(learnerFacts(['We had 18 bad firings out of 200 last year.']).share, { percent: 9, part: 18, whole: 200, what: 'bad firings' });
    assert.deepEqual(learnerFacts(['On a 18 cuissons ratées sur 200.']).share, { percent: 9, part: 18, whole: 200, what: 'cuissons ratées' });
    assert.deepEqual(learnerFacts(['About 2% of transactions are fraud.']).share, { percent: 2, of: 'transactions' });
    assert.deepEqual(learnerFacts(['3% scrap on the line']).share, { percent: 3, what: 'scrap' });
  });

  it('does not take a score, a split or a common share for rare cases', () => {
    for (const question of ['Our model has 98% accuracy', 'I use an 80/20 split, with 20% of the data for test', 'Half of them, 60 of 120, are late', 'We retrieve the top 5 of 40 passages']) {
      const share = learnerFacts([question]).share;
      assert.ok(share === undefined || share.percent <= 30 && !/accuracy|data/.test(share.what ?? ''), `${question}: ${JSON.stringify(share)}`);
    }
    assert.equal(learnerFacts(['Our model has 98% accuracy']).share, undefined);
    assert.equal(learnerFacts(['I use an 80/20 split, with 20% of the data for test']).share, undefined);
    assert.equal(learnerFacts(['Half of them, 60 of 120, are late']).share, undefined);
    assert.equal(learnerFacts(["Il y a eu des contaminations 2 ans sur 12."]).share, undefined);
    assert.equal(learnerFacts(['1 of our 5 sites is new']).share, undefined);
  });

  it('reads a handful of cases to find, and not a span of time or a count of people', () => {
    assert.deepEqual(learnerFacts(['We only have 3 recorded failures.']).fewCases, { count: 3, what: 'recorded failures' });
    assert.deepEqual(learnerFacts(['seulement 6 casses de lame en deux ans']).fewCases, { count: 6, what: 'casses de lame' });
    assert.deepEqual(learnerFacts(['we saw three collapses in two years']).fewCases, { count: 3, what: 'collapses' });
    // « en » stands for the noun said before it; "last year" is no noun for what is counted.
    assert.deepEqual(learnerFacts(["Pourquoi faudrait-il des exemples de casses passées ? On n'en a eu que six l'année dernière."]).fewCases, { count: 6, what: 'casses' });
    assert.equal(learnerFacts(['We only had six last year.']).fewCases, undefined);
    // (A count said in words is its number: « une quarantaine de casses » is 40 of them, never "1 quarantaine".)
    assert.deepEqual(learnerFacts(['On a une quarantaine de casses par an sur la machine.']).fewCases, { count: 40, what: 'casses' });
    assert.deepEqual(learnerFacts(['about 40 breaks a year']).fewCases, { count: 40, what: 'breaks' });
    assert.equal(learnerFacts(['I only have 2 weeks and 3 people']).fewCases, undefined);
  });

  it('reads the size of a table and of a collection, the collection as the project told it', () => {
    assert.deepEqual(learnerFacts(['Our log has 12,000 rows.']).rows, { count: 12000, what: 'rows' });
    assert.deepEqual(learnerFacts(['environ 12 000 lignes']).rows, { count: 12000, what: 'lignes' });
    const facts = learnerFacts(['An assistant over our 300 internal PDFs', 'Some rules run to 80 pages, how do I cut them?']);
    assert.deepEqual(facts.documents, { count: 300, what: 'internal PDFs' });
    assert.deepEqual(learnerFacts(['our 600 pages of port procedures, berth restrictions and tide rules']).documents, { count: 600, what: 'pages of port procedures' });
  });

  it('reads having no GPU and data that must stay inside', () => {
    assert.ok(learnerFacts(["We don't have a GPU, only laptops"]).noGpu);
    assert.ok(learnerFacts(["On n'a pas de GPU"]).noGpu);
    assert.ok(learnerFacts(["The contracts can't leave our servers"]).mustStayInside);
    assert.ok(learnerFacts(['Les dossiers ne doivent pas sortir de la mairie']).mustStayInside);
    assert.deepEqual(learnerFacts(['How does a GPU speed up training?', 'What leaves the model out?']), {});
  });

  it('computes what the numbers mean for the concept asked about', () => {
    const facts = learnerFacts(['We had 18 bad firings out of 200.']);
    const imbalance = factSentence(['class-imbalance'], facts, 'en', NOTHING_SHOWN)!.text;
    assert.match(imbalance, /^With 18 bad firings out of 200 \(9%\), a model that always answers "no" would be right 91% of the time/);
    const split = factSentence(['train-validation-test-split'], learnerFacts(['We had 18 bad firings out of 200.']), 'fr', NOTHING_SHOWN)!.text;
    assert.match(split, /^Avec 18 bad firings en tout, un jeu de test de 20 % en contiendrait environ 4 : chaque cas manqué fait bouger le rappel de 25 points/);
    const some = factSentence(['training-set-size'], learnerFacts(['we had 40 chlorine drops below the limit in two years']), 'en', NOTHING_SHOWN)!.text;
    assert.match(some, /^40 chlorine drops is enough to try a simple model .* but not to train a neural network/);
    const pages = factSentence(['context-window'], learnerFacts(['our 600 pages of procedures']), 'en', NOTHING_SHOWN)!.text;
    assert.match(pages, /^600 pages come to roughly 300,000 tokens/);
  });

  it('says nothing where the facts do not bear on the concept, and nothing twice', () => {
    const facts = learnerFacts(['We had 18 bad firings out of 200, no GPU.']);
    assert.equal(factSentence(['self-attention', 'tokenization'], facts, 'en', NOTHING_SHOWN), undefined);
    // (Each sentence once: with every one shown, none is left.)
    const shown = new Set<string>();
    for (let sentence = factSentence(['class-imbalance'], facts, 'en', NOTHING_SHOWN); sentence; sentence = factSentence(['class-imbalance'], facts, 'en', (text) => shown.has(text))) {
      assert.ok(!shown.has(sentence.text) && shown.size < 3, sentence.text);
      shown.add(sentence.text);
    }
    assert.ok(shown.size >= 1);
  });

  it('always says the rare share and the rest as numbers that add up to 100', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 20, max: 20_000 }), (part, whole) => {
        const share = learnerFacts([`We had ${part} bad welds out of ${whole}.`]).share;
        if (part >= whole || (100 * part) / whole > 30) return share === undefined;
        const sentence = factSentence(['accuracy'], { share: share! }, 'en', NOTHING_SHOWN)!.text;
        const [told, rest] = [...sentence.matchAll(/([\d.]+)%/g)].map((match) => Number(match[1]));
        return Math.abs(told! + rest! - 100) < 0.001 && Math.abs(told! - (100 * part) / whole) <= 0.0501;
      }),
    );
  });

  it('estimates a collection told in documents, then their length in pages, against any context window', () => {
    const facts = learnerFacts(['We want an assistant over our 400 internal procedures.', 'They are PDFs of 10 to 40 pages with many tables.']);
    assert.deepEqual([facts.documents?.count, facts.pagesPerDocument], [400, 25]);
    assert.match(factSentence(['long-context'], facts, 'en', NOTHING_SHOWN)!.text, /^Some 10,000 pages in all come to roughly 5,000,000 tokens .*more than any model's context window holds/);
    const few = learnerFacts(['Nos 40 contrats font environ 30 pages chacun.']);
    assert.match(factSentence(['long-context'], few, 'fr', NOTHING_SHOWN)!.text, /^Quelque 1\s200 pages en tout font environ 600\s000 tokens .*même quand la fenêtre le permet/);
  });

  it('reads one document told by its length ("our 400-page manual") against a prompt', () => {
    const facts = learnerFacts(['We want an assistant over our 400-page operating manual.']);
    assert.equal(facts.pagesPerDocument, 400);
    assert.match(factSentence(['long-context'], facts, 'en', NOTHING_SHOWN)!.text, /^400 pages come to roughly 200,000 tokens/);
  });
});
