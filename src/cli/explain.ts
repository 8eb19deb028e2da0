import type { Glossary } from '../core/glossary/glossary';
import { otherLang, SECTION_NAMES, type Concept, type Lang, type Sections } from '../core/glossary/types';
import { contrastsLabel, sectionLabel, stepLabel } from '../core/present/labels';
import type { ParsedArgs } from './args';
import { UsageError } from './args';

export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
}

/** The JSON that `explain --json` prints: the concept in one language. */
export interface ExplainJson {
  id: string;
  lang: Lang;
  term: string;
  aliases: string[];
  definition: string;
  explanation: string;
  sections: Sections;
  related: string[];
}

export function parseLang(value: string | true | undefined): Lang | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (value === 'fr' || value === 'en') {
    return value;
  }
  throw new UsageError('--lang must be fr or en');
}

/** `explain "<text>"`: exit code 0 when a concept is found, 1 (with suggestions on stderr) otherwise. */
export function runExplain(glossary: Glossary, args: ParsedArgs, io: CliOutput): number {
  const text = args.positional.join(' ').trim();
  if (!text) {
    throw new UsageError('explain needs a text, for example: explain "auto-attention"');
  }
  const requested = parseLang(args.flags.get('lang'));
  const hit = glossary.find(text);
  if (!hit) {
    reportNotFound(glossary, text, requested ?? 'en', io);
    return 1;
  }
  const lang = requested ?? hit.lang ?? 'en';
  if (args.flags.has('json')) {
    io.out(JSON.stringify(toExplainJson(glossary.withDetails(hit.concept), lang), null, 2));
  } else {
    io.out(formatExplanation(glossary, glossary.withDetails(hit.concept), lang));
  }
  return 0;
}

export function toExplainJson(concept: Concept, lang: Lang): ExplainJson {
  const entry = concept[lang];
  return {
    id: concept.id,
    lang,
    term: entry.term,
    aliases: [...entry.aliases],
    definition: entry.definition,
    explanation: entry.explanation,
    sections: entry.sections ?? {},
    related: [...concept.related],
  };
}

function formatExplanation(glossary: Glossary, concept: Concept, lang: Lang): string {
  const entry = concept[lang];
  const other = concept[otherLang(lang)].term;
  const termOf = (id: string) => glossary.get(id)?.[lang].term ?? id;
  const labels = LABELS[lang];
  const sections = [
    ...SECTION_NAMES.flatMap((name) => (entry.sections?.[name] ? ['', `${sectionLabel(name, lang)}: ${entry.sections[name]}`] : [])),
    ...(entry.step ? ['', `${stepLabel(lang)}: ${entry.step}`] : []),
  ];
  const contrasts = (concept.contrasts ?? []).flatMap((contrast) => ['', `${contrastsLabel(lang)} ${termOf(contrast.with)}: ${contrast[lang]}`]);
  return [
    `${entry.term} (${other})`,
    '',
    entry.definition,
    '',
    entry.explanation,
    ...sections,
    '',
    `${labels.example}: ${entry.example}`,
    ...contrasts,
    '',
    `${labels.related}: ${concept.related.map(termOf).join(', ')}`,
  ].join('\n');
}

const LABELS: Record<Lang, { example: string; related: string; notFound: string; closest: string }> = {
  en: { example: 'Example', related: 'Related', notFound: 'No concept found for', closest: 'Closest concepts' },
  fr: { example: 'Exemple', related: 'Voir aussi', notFound: 'Aucun concept trouvé pour', closest: 'Concepts proches' },
};

function reportNotFound(glossary: Glossary, text: string, lang: Lang, io: CliOutput): void {
  const labels = LABELS[lang];
  io.err(`${labels.notFound} "${text}".`);
  const suggestions = glossary.suggest(text);
  if (suggestions.length > 0) {
    io.err(`${labels.closest}: ${suggestions.map((concept) => `${concept[lang].term} (${concept.id})`).join(', ')}`);
  }
}

/** `list --json`: every concept with its terms and definitions in both languages. */
export function runList(glossary: Glossary, io: CliOutput): number {
  const rows = glossary.concepts.map((concept) => ({
    id: concept.id,
    category: concept.category,
    level: concept.level,
    fr: { term: concept.fr.term, definition: concept.fr.definition },
    en: { term: concept.en.term, definition: concept.en.definition },
    related: [...concept.related],
    prerequisites: [...(concept.prerequisites ?? [])],
  }));
  io.out(JSON.stringify(rows, null, 2));
  return 0;
}
