import Ajv, { type ErrorObject } from 'ajv';
import schema from '../../../glossary/concept.schema.json';
import { normalizeTerm } from '../matching/normalize';
import { isBlankForm, linkFault, schemaFault } from './rules';
import { LANGS, type Concept, type GlossaryProblem } from './types';

/** A parsed file before it is known to be a valid concept. */
export interface GlossarySource {
  readonly file: string;
  readonly data: unknown;
}

const validateShape = new Ajv({ allErrors: true }).compile<Concept>(schema);

/** Schema errors of one file, named by field. */
export function checkShape(source: GlossarySource): GlossaryProblem[] {
  if (validateShape(source.data)) {
    return [];
  }
  return (validateShape.errors ?? []).map((error) => shapeProblem(source.file, error));
}

export function shapeProblem(file: string, error: ErrorObject): GlossaryProblem {
  // The sentence names the field itself ("fr.definition is missing."), in the words users' files get too.
  return { file, field: '', message: schemaFault(error).message };
}

/**
 * Checks that hold across entries: unique ids, links that resolve, and no alias claimed by two concepts in
 * the same language (the matcher could not tell which one the user meant).
 */
export function checkCrossReferences(entries: ReadonlyArray<{ file: string; concept: Concept }>): GlossaryProblem[] {
  const problems: GlossaryProblem[] = [];
  const ids = new Map<string, string>();
  for (const { file, concept } of entries) {
    const previous = ids.get(concept.id);
    if (previous) {
      problems.push({ file, field: 'id', message: `"${concept.id}" is already used by ${previous}` });
    }
    ids.set(concept.id, file);
  }
  for (const { file, concept } of entries) {
    problems.push(...checkLinks(file, concept, ids));
  }
  problems.push(...checkAliases(entries));
  return problems;
}

function checkLinks(file: string, concept: Concept, ids: ReadonlyMap<string, string>): GlossaryProblem[] {
  const problems: GlossaryProblem[] = [];
  for (const field of ['related', 'prerequisites'] as const) {
    (concept[field] ?? []).forEach((id, index) => {
      const fault = linkFault(concept.id, id, ids);
      if (fault === 'self') problems.push({ file, field: `${field}.${index}`, message: 'a concept cannot point to itself' });
      if (fault === 'unknown') problems.push({ file, field: `${field}.${index}`, message: `unknown concept id "${id}"` });
    });
  }
  return problems;
}

function checkAliases(entries: ReadonlyArray<{ file: string; concept: Concept }>): GlossaryProblem[] {
  const problems: GlossaryProblem[] = [];
  for (const lang of LANGS) {
    const owners = new Map<string, string>();
    for (const { file, concept } of entries) {
      const forms = [concept[lang].term, ...concept[lang].aliases];
      forms.forEach((form, index) => {
        if (isBlankForm(form)) {
          problems.push({ file, field: aliasField(lang, index), message: 'has no letters or digits' });
          return;
        }
        const key = normalizeTerm(form);
        const owner = owners.get(key);
        if (owner && owner !== concept.id) {
          problems.push({ file, field: aliasField(lang, index), message: `"${form}" is already a ${lang} term of "${owner}"` });
        }
        owners.set(key, concept.id);
      });
    }
  }
  return problems;
}

function aliasField(lang: string, index: number): string {
  return index === 0 ? `${lang}.term` : `${lang}.aliases.${index - 1}`;
}
