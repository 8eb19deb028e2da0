import type { Concept, LocalizedConcept } from '../../src/core/glossary/types';

const LONG_TEXT =
  'This explanation is long enough to satisfy the schema, which asks for several paragraphs of Markdown. ' +
  'It says what the concept is, how it works, why it matters and which mistake people make with it. ' +
  'Tests only need its length, not its meaning.';

function localized(term: string, aliases: string[] = []): LocalizedConcept {
  return {
    term,
    aliases,
    definition: `${term} is a concept used only by the tests of the glossary.`,
    explanation: LONG_TEXT,
    example: `An example that mentions ${term}.`,
  };
}

/** A valid concept; override any field to make it invalid. */
export function makeConcept(id: string, overrides: Partial<Concept> = {}): Concept {
  return {
    id,
    category: 'foundations',
    level: 'beginner',
    fr: localized(`${id} fr`),
    en: localized(`${id} en`),
    related: [],
    ...overrides,
  };
}
