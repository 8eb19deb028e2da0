import conceptSchema from '../../../glossary/concept.schema.json';

type JsonObject = Record<string, unknown>;

/**
 * The schema of one entry in a user's glossary: the bundled format, made lighter to write by hand. Only a
 * term and a definition are required in each language; aliases, explanation, example and related concepts
 * may be left out, and no minimum length applies (a team's short definition is still worth a hover).
 */
export function userConceptSchema(): JsonObject {
  const schema = structuredClone(conceptSchema) as JsonObject;
  delete schema.$schema;
  delete schema.$id;
  schema.required = ['id', 'category', 'level', 'fr', 'en'];
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
 * The schema of a user glossary file, contributed to VS Code through `jsonValidation` for completion and
 * validation while editing: one concept, or an array of concepts.
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
