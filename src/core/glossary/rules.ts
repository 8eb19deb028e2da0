import * as l10n from '@vscode/l10n';
import type { ErrorObject } from 'ajv';
import { normalizeTerm } from '../matching/normalize';

/**
 * The rules a glossary entry follows, and the words for breaking them, written once for the bundled build
 * (`check.ts`) and for users' files (`userGlossary.ts`): each reports a fault where it finds one, in its own
 * place (a build error, a Problem at a line).
 */
export interface SchemaFault {
  /** The path of the value at fault (numbers for array items). */
  readonly path: ReadonlyArray<string | number>;
  /** Where to point: the key of the property named last in `path`, its value, or the whole entry. */
  readonly at: 'key' | 'value' | 'entry';
  /** The dotted field, such as `fr.definition`. */
  readonly field: string;
  /** A sentence a person reads, in the current language. */
  readonly message: string;
}

/** Ajv's error as a fault: the field it is about and what is wrong with it. */
export function schemaFault(error: ErrorObject): SchemaFault {
  const path: Array<string | number> = error.instancePath.split('/').filter(Boolean).map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  const named = (name: string): Array<string | number> => [...path, name];
  switch (error.keyword) {
    case 'required': {
      const missing = named(String(error.params.missingProperty));
      return { path: missing, at: 'key', field: missing.join('.'), message: l10n.t('{0} is missing.', missing.join('.')) };
    }
    case 'additionalProperties': {
      const unknown = named(String(error.params.additionalProperty));
      return { path: unknown, at: 'key', field: unknown.join('.'), message: l10n.t('{0} is not a known field.', unknown.join('.')) };
    }
    case 'anyOf':
      return { path, at: 'entry', field: path.join('.'), message: l10n.t('the entry needs "fr" or "en" (or both), each with a term and a definition.') };
    case 'enum':
      return { path, at: 'value', field: path.join('.'), message: l10n.t('{0} must be one of: {1}.', path.join('.'), (error.params.allowedValues as unknown[]).join(', ')) };
    default: {
      // Ajv's own phrase ("must be string") is English: it follows the field's name.
      const reason = error.message ?? l10n.t('is invalid');
      const field = path.join('.');
      return { path, at: 'value', field, message: field ? l10n.t('{0} {1}.', field, reason) : l10n.t('the entry {0}.', reason) };
    }
  }
}

/** What is wrong with a link from `from` to `to`, if anything. */
export function linkFault(from: string, to: string, known: { has(id: string): boolean }): 'self' | 'unknown' | undefined {
  if (to === from) return 'self';
  return known.has(to) ? undefined : 'unknown';
}

/** A term or alias the matcher could never find: no letter, no digit. */
export function isBlankForm(text: string): boolean {
  return normalizeTerm(text) === '';
}
