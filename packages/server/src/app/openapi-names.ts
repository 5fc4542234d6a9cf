import type { SwaggerTransformObject } from '@fastify/swagger';
import type { FastifySchema } from 'fastify';

/**
 * How the OpenAPI document names the views the web reads by name. A view schema carries an `$id`
 * (`{ $id: 'Application' }`); the document lists it once under `components.schemas` by that id and
 * every route that answers with it refers to it there, so the web's generated types offer
 * `components['schemas']['Application']` instead of a path to dig it out of.
 */

/** `@fastify/swagger`'s `refResolver`: a schema with an `$id` is the component of that name. */
export function componentName(json: { $id?: unknown }, _baseUri: unknown, _fragment: unknown, i: number): string {
  return typeof json.$id === 'string' ? json.$id : `def-${i}`;
}

/**
 * `@fastify/swagger`'s `transform`. The generator lifts only nested schemas to components; a route whose
 * whole answer is a named view would carry a copy of it, so that answer is wrapped (`allOf` of one) to
 * make it nested. The route's own schema, which validation and serialization use, is left as it is.
 */
export function nameWholeAnswers({ schema, url }: { schema: FastifySchema; url: string }): {
  schema: FastifySchema;
  url: string;
} {
  const response = schema?.response as Record<string, unknown> | undefined;
  if (!response) return { schema, url };
  const wrapped: Record<string, unknown> = {};
  for (const [status, answer] of Object.entries(response))
    wrapped[status] = isNamed(answer) ? { allOf: [answer] } : answer;
  return { schema: { ...schema, response: wrapped }, url };
}

function isNamed(answer: unknown): boolean {
  return !!answer && typeof answer === 'object' && typeof (answer as { $id?: unknown }).$id === 'string';
}

/**
 * `@fastify/swagger`'s `transformObject`: adds the named schemas that cannot carry an `$id` to the
 * document's components. An answer that repeats a schema (a text in both languages, a subsidy id) would
 * hold two `$id`s of one name, which the serializer's Ajv refuses as two schemas; these are named here,
 * from the same TypeBox objects the routes use, so the two cannot drift.
 */
export function withComponents(named: Record<string, object>): SwaggerTransformObject {
  return (document) => {
    if (!('openapiObject' in document)) return document.swaggerObject;
    const openapi = document.openapiObject;
    const schemas: Record<string, unknown> = { ...openapi.components?.schemas };
    for (const [name, schema] of Object.entries(named)) {
      if (name in schemas) throw new Error(`OpenAPI component ${name} is named twice`);
      schemas[name] = structuredClone(schema);
    }
    return { ...openapi, components: { ...openapi.components, schemas } } as typeof openapi;
  };
}
