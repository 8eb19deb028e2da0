import * as fs from 'node:fs';
import { loadBundledGlossary, readBundledConcepts, bundledDetails } from './src/core/glossary/load';
import { mergeHere } from './src/core/glossary/mergeOffThread';
import { ChatEngine } from './src/core/chat/chatEngine';
const bundled = readBundledConcepts('dist/glossary.json');
const entries = [];
for (let i = 0; entries.length === 0 || JSON.stringify(entries).length < 1.9e6; i++) entries.push({ id: `team-term-${i}`, category: 'foundations', level: 'beginner', related: ['attention'], fr: { term: `terme maison ${i}`, definition: `Une définition assez longue pour ressembler à une vraie, numéro ${i}, avec quelques mots de plus.` }, en: { term: `team term ${i}`, definition: `A definition long enough to look like a real one, number ${i}, with a few more words.` } });
const merged = mergeHere(bundled, [{ file: 'x.json', text: JSON.stringify(entries) }], bundledDetails('dist/glossary.json'));
for (let i = 0; i < 3; i++) {
  let t = performance.now();
  const e = new ChatEngine(merged.glossary);
  const built = performance.now() - t;
  t = performance.now();
  e.prepare({ question: 'What is LoRA?', answerLang: 'auto', fallbackLang: 'en', history: [] });
  console.log('engine', built.toFixed(0), 'prepare', (performance.now() - t).toFixed(0));
}
const small = loadBundledGlossary('dist/glossary.json');
let t = performance.now(); new ChatEngine(small); console.log('bundled only', (performance.now() - t).toFixed(0));
