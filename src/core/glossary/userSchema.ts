import conceptSchema from '../../../glossary/concept.schema.json';

type JsonObject = Record<string, unknown>;

/**
 * The schema of one entry in a user's glossary: the bundled format, made lighter to write by hand. Only a
 * term and a definition are required, in one language at least; aliases, explanation, example and related concepts
 * may be left out, and no minimum length applies (a team's short definition is still worth a hover).
 */
export function userConceptSchema(): JsonObject {
  const schema = structuredClone(conceptSchema) as JsonObject;
  delete schema.$schema;
  delete schema.$id;
  // One language is enough: a team may write its glossary in French or in English only, and the other
  // language shows the same text (see withDefaults in userGlossary.ts).
  schema.required = ['id', 'category', 'level'];
  schema.anyOf = [{ required: ['fr'] }, { required: ['en'] }];
  const definitions = schema.definitions as { localized: { required: string[]; properties: Record<string, JsonObject> } };
  const localized = definitions.localized;
  localized.required = ['term', 'definition'];
  localized.properties.definition = { ...localized.properties.definition, minLength: 1 };
  localized.properties.explanation = { ...localized.properties.explanation, minLength: 0 };
  localized.properties.example = { ...localized.properties.example, minLength: 0 };
  localized.properties.sections = { ...localized.properties.sections, required: [] };
  return schema;
}

/**
 * The schema of a user glossary file (one concept, or an array of concepts), which the loader validates
 * against; `editingSchema` derives what VS Code gets.
 */
export function userGlossaryFileSchema(): JsonObject {
  const concept = userConceptSchema();
  // The entry's own `#/definitions/localized` references stay valid once its definitions move to the top.
  const { definitions, ...conceptDefinition } = concept as { definitions: JsonObject } & JsonObject;
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Concept Explainer glossary',
    description: 'Your own machine-learning concepts: one concept, or an array of concepts, in the bundled glossary format.',
    definitions: { ...definitions, concept: conceptDefinition },
    anyOf: [
      { $ref: '#/definitions/concept' },
      { type: 'array', items: { $ref: '#/definitions/concept' } },
    ],
  };
}

/** Keywords that make a JSON validator report a problem. */
const VALIDATION_KEYWORDS = new Set([
  'type', 'required', 'additionalProperties', 'pattern', 'minLength', 'maxLength', 'minItems', 'maxItems',
  'uniqueItems', 'minimum', 'maximum', 'const', 'format', 'propertyNames', 'not',
]);

/**
 * The file schema as contributed to VS Code (`jsonValidation`): its field names, descriptions and allowed
 * values (as `examples`, which VS Code offers as completions) without a single validation keyword, so that
 * each mistake is reported once, by the extension's own loader, at its place and in words a person reads,
 * rather than a second time by VS Code's JSON validator.
 */
export function editingSchema(schema: unknown = userGlossaryFileSchema()): unknown {
  if (Array.isArray(schema)) return schema.map((item) => editingSchema(item));
  if (!schema || typeof schema !== 'object') return schema;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema as JsonObject)) {
    if (VALIDATION_KEYWORDS.has(key)) continue;
    if (key === 'enum') out.examples = value;
    else if (key === 'properties' || key === 'definitions') {
      out[key] = Object.fromEntries(Object.entries(value as JsonObject).map(([name, child]) => [name, editingSchema(child)]));
    } else out[key] = typeof value === 'object' ? editingSchema(value) : value;
  }
  return out;
}
