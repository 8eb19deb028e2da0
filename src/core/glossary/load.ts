import * as fs from 'node:fs';
import { Glossary } from './glossary';
import type { Concept } from './types';

/** Loads the glossary that the build validated and bundled (`dist/glossary.json`). */
export function loadBundledGlossary(file: string): Glossary {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`The bundled glossary is missing (${file}): ${(error as Error).message}. Run "npm run build".`);
  }
  try {
    return new Glossary(JSON.parse(text) as Concept[]);
  } catch (error) {
    throw new Error(`The bundled glossary ${file} is not valid JSON: ${(error as Error).message}. Run "npm run build".`);
  }
}
