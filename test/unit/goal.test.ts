import { strict as assert } from 'node:assert';
import { goalInTheirWords } from '../../src/core/pipeline/goal';

describe('the project’s goal said back in the learner’s words', () => {
  it('says a plain wish back, as theirs, in either language', () => {
    assert.equal(goalInTheirWords("Hi, I've logged the humidity of 40 blocks. Can I predict the yield of a block from the sensor readings?", 'en'), 'You want to predict the yield of a block from the sensor readings');
    assert.equal(goalInTheirWords('We want to build a chatbot that answers our teachers’ questions about our booking rules. Where do I start?', 'en'), 'You want to build a chatbot that answers your teachers\' questions about your booking rules');
    assert.equal(goalInTheirWords("I want an assistant that answers volunteers' questions like \"when was the lens replaced?\". Where do I start?", 'en'), "You want an assistant that answers volunteers' questions");
    assert.equal(goalInTheirWords("Je note le poids de chaque sac. J'aimerais prédire combien de grammes chaque sac va donner. C'est faisable ?", 'fr'), 'Prédire combien de grammes chaque sac va donner');
  });

  it('says nothing back rather than a goal cut or turned wrong', () => {
    // A list cut after its first item, a pronoun for something said before, a first person to conjugate.
    assert.equal(goalInTheirWords("On reçoit 2 000 comptes rendus et je voudrais utiliser un LLM pour en extraire le site de vol, la phase du vol et la météo.", 'fr'), undefined);
    assert.equal(goalInTheirWords('We get invoices by email and I want an LLM to extract them into our database columns (date, amount).', 'en'), undefined);
    assert.equal(goalInTheirWords('Je voudrais savoir si je peux prévoir mes ventes.', 'fr'), undefined);
    assert.equal(goalInTheirWords('I want to predict.', 'en'), undefined, 'too short to say anything');
  });
});
