import SwaggerParser from '@apidevtools/swagger-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';

/**
 * The document at /api/docs/json is what other systems and the web's generated types are built
 * from, so it must pass a validator that is not ours, and say what every success answers.
 */
interface Response {
  content?: Record<string, { schema?: unknown }>;
}
interface Operation {
  responses?: Record<string, Response>;
}
type Document = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown> };
};

/**
 * Routes that answer a file but do not declare it yet: the registry import's files were being
 * reworked when the others were declared. Declare each with `fileResponse()` (http/files.ts) and
 * take it off this list. No route may join it.
 */
const FILES_NOT_YET_DECLARED = ['get /api/v1/imports/{kind}/template'];

let app: TestApp;
let doc: Document;
beforeAll(async () => {
  app = await startTestApp();
  // The validator dereferences in place: hand it a copy, never the app's own document.
  doc = structuredClone(app.http.swagger()) as unknown as Document;
});
afterAll(() => app.close());

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ name: `${method} ${path}`, op })),
  );

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 that @apidevtools/swagger-parser validates without an error', async () => {
    expect(doc.openapi).toBe('3.1.0');
    let errors: unknown[] = [];
    await SwaggerParser.validate(structuredClone(doc) as never).catch((e: Error & { details?: unknown[] }) => {
      errors = e.details ?? [e.message];
    });
    expect(errors.length, JSON.stringify(errors.slice(0, 20), null, 2)).toBe(0);
  });

  it('has only well-formed JSON Schema 2020-12 in its request and response schemas', () => {
    // The 3.1 meta-schema lets any object through as a Schema Object; check each against JSON Schema's own.
    const ajv = new Ajv2020({ strict: false });
    const bad: string[] = [];
    const walk = (node: unknown, at: string): void => {
      if (!node || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node)) {
        if (key === 'schema' && value && typeof value === 'object' && !ajv.validateSchema(value))
          bad.push(`${at}/${key}: ${ajv.errorsText(ajv.errors)}`);
        else walk(value, `${at}/${key}`);
      }
    };
    walk(doc.paths, '#/paths');
    expect(bad).toEqual([]);
  });

  it('gives every success a schema: JSON, a file (format: binary), or 204 with no body', () => {
    const undeclared: string[] = [];
    for (const { name, op } of operations()) {
      const successes = Object.entries(op.responses ?? {}).filter(([status]) => status.startsWith('2'));
      // A redirect-only route (the identity service's callback) has no success body to describe.
      if (successes.length === 0 && Object.keys(op.responses ?? {}).some((status) => status.startsWith('3'))) continue;
      if (successes.length === 0) undeclared.push(name);
      for (const [status, response] of successes) {
        if (status === '204') expect(response.content, `${name} 204 has no body`).toBeUndefined();
        else if (!Object.values(response.content ?? {}).some((media) => media.schema)) undeclared.push(name);
      }
    }
    expect(undeclared.filter((name) => !FILES_NOT_YET_DECLARED.includes(name))).toEqual([]);
  });

  it('declares the files it answers as binary under their media types', () => {
    const evidence = doc.paths['/api/v1/applications/{id}/evidence/{evidenceId}']?.get?.responses?.['200']?.content;
    expect(Object.keys(evidence ?? {})).toEqual(['application/pdf', 'image/jpeg', 'image/png']);
    expect(evidence?.['application/pdf']?.schema).toEqual({ type: 'string', format: 'binary' });
  });

  it('names the views the web reads, and every answer that is one refers to it', () => {
    const named = Object.keys(doc.components?.schemas ?? {});
    expect(named).toEqual(expect.arrayContaining(['Application', 'Decision', 'PolicyListing', 'Text', 'SubsidyId']));
    expect(named.filter((name) => /^def-\d+$/.test(name))).toEqual([]);
    const json = (path: string, method: string, status: string) =>
      doc.paths[path]?.[method]?.responses?.[status]?.content?.['application/json']?.schema;
    expect(json('/api/v1/applications/{id}', 'get', '200')).toEqual({
      allOf: [{ $ref: '#/components/schemas/Application' }],
    });
    expect(JSON.stringify(json('/api/v1/applications', 'get', '200'))).toContain('#/components/schemas/Application');
    // A repeated schema is named without an `$id`: the copy among components is the routes' own.
    expect(doc.components?.schemas?.SubsidyId).toMatchObject({
      type: 'string',
      enum: expect.arrayContaining(['one-time-startup']),
    });
  });
});
