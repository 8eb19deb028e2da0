import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeUtf8 } from '../text';
import { Glossary } from './glossary';
import type { Concept, ConceptDetails, DetailsSource } from './types';

/** `dist/glossary.json` -> `dist/glossary-details.json`. */
export function detailsFileOf(indexFile: string): string {
  return path.join(path.dirname(indexFile), 'glossary-details.json');
}

/**
 * Concepts without their long parts (empty explanation and example; no sections, references or contrasts),
 * and those parts by id.
 */
export function splitDetails(concepts: readonly Concept[]): { index: Concept[]; details: Record<string, ConceptDetails> } {
  const details: Record<string, ConceptDetails> = {};
  const index = concepts.map((concept) => {
    const { references, contrasts, ...rest } = concept;
    const long = (lang: 'fr' | 'en') => {
      const { explanation, example, sections, signs, step, byField } = concept[lang];
      return { explanation, example, ...(sections && { sections }), ...(signs && { signs }), ...(step && { step }), ...(byField && { byField }) };
    };
    details[concept.id] = { fr: long('fr'), en: long('en'), ...(references && { references }), ...(contrasts && { contrasts }) };
    const short = (lang: 'fr' | 'en') => {
      const { term, aliases, definition } = concept[lang];
      return { term, aliases, definition, explanation: '', example: '' };
    };
    return { ...rest, fr: short('fr'), en: short('en') };
  });
  return { index, details };
}

function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = decodeUtf8(fs.readFileSync(file));
  } catch (error) {
    throw new Error(`The bundled ${what} is missing (${file}): ${(error as Error).message}. Run "npm run build".`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`The bundled ${what} ${file} is not valid JSON: ${(error as Error).message}. Run "npm run build".`);
  }
}

/** Reads the index of the glossary that the build validated and bundled (`dist/glossary.json`). */
export function readBundledConcepts(file: string): Concept[] {
  return readJson(file, 'glossary') as Concept[];
}

/** Reads the bundled concepts' details on first use, once. */
export function bundledDetails(indexFile: string): DetailsSource {
  let details: ReadonlyMap<string, ConceptDetails> | undefined;
  return () => {
    details ??= new Map(Object.entries(readJson(detailsFileOf(indexFile), 'glossary details') as Record<string, ConceptDetails>));
    return details;
  };
}

/** The bundled glossary, indexed for lookups, its details read when first shown. */
export function loadBundledGlossary(file: string): Glossary {
  return new Glossary(readBundledConcepts(file), { details: bundledDetails(file) });
}
