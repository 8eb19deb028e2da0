import Ajv, { type ErrorObject } from 'ajv';
import schema from '../../../glossary/concept.schema.json';
import { normalizeTerm } from '../matching/normalize';
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
  const path = error.instancePath.split('/').filter(Boolean);
  if (error.keyword === 'required') {
    path.push(String(error.params.missingProperty));
    return { file, field: path.join('.'), message: 'is missing' };
  }
  if (error.keyword === 'additionalProperties') {
    path.push(String(error.params.additionalProperty));
    return { file, field: path.join('.'), message: 'is not a known field' };
  }
  if (error.keyword === 'enum') {
    const allowed = (error.params.allowedValues as unknown[]).join(', ');
    return { file, field: path.join('.'), message: `must be one of: ${allowed}` };
  }
  return { file, field: path.join('.'), message: error.message ?? 'is invalid' };
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
      if (id === concept.id) {
        problems.push({ file, field: `${field}.${index}`, message: 'a concept cannot point to itself' });
      } else if (!ids.has(id)) {
        problems.push({ file, field: `${field}.${index}`, message: `unknown concept id "${id}"` });
      }
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
        const key = normalizeTerm(form);
        if (!key) {
          problems.push({ file, field: aliasField(lang, index), message: 'has no letters or digits' });
          return;
        }
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
