import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * The official OpenAPI specs, and validators for their schemas. Specs come from
 * `TRIAGE_LENS_SPECS` or `../shared/specs` beside the checkout (where CI puts them).
 */
export type SpecName = 'platform' | 'jsm';

const FILES: Record<SpecName, string> = { platform: 'jira-platform-openapi.json', jsm: 'jsm-openapi.json' };

export function specsDir(): string {
  const repoRoot = resolve(__dirname, '..', '..');
  return process.env.TRIAGE_LENS_SPECS ?? join(repoRoot, '..', 'shared', 'specs');
}

export interface OpenApiOperation {
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

export interface OpenApiSpec {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, unknown> };
}

const cache = new Map<SpecName, OpenApiSpec>();

export function loadSpec(name: SpecName): OpenApiSpec {
  const hit = cache.get(name);
  if (hit) return hit;
  const file = join(specsDir(), FILES[name]);
  if (!existsSync(file)) {
    throw new Error(
      `OpenAPI spec not found at ${file}; set TRIAGE_LENS_SPECS to the folder holding ${FILES[name]}`,
    );
  }
  const spec = JSON.parse(readFileSync(file, 'utf8')) as OpenApiSpec;
  cache.set(name, spec);
  return spec;
}

/**
 * OpenAPI 3.0 schema → JSON Schema: `nullable: true` becomes a union with null (on a `type`,
 * or around a `$ref` / `allOf`), and `$ref`s into components point into the document ajv knows
 * under the spec's name. Keywords JSON Schema does not know (`xml`, `example`, `discriminator`)
 * are dropped.
 */
export function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
    if (k === 'nullable' || k === 'xml' || k === 'example' || k === 'discriminator' || k === 'externalDocs')
      continue;
    // `properties` and `patternProperties` hold names → schemas: keep the names, convert the schemas.
    if ((k === 'properties' || k === 'patternProperties') && typeof v === 'object' && v !== null) {
      out[k] = Object.fromEntries(
        Object.entries(v as Record<string, unknown>).map(([p, s]) => [p, toJsonSchema(s)]),
      );
      continue;
    }
    out[k] = toJsonSchema(v);
  }
  if ((node as Record<string, unknown>).nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    else if (
      out.$ref !== undefined ||
      out.allOf !== undefined ||
      out.oneOf !== undefined ||
      out.anyOf !== undefined
    ) {
      return { anyOf: [out, { type: 'null' }] };
    }
    if (Array.isArray(out.enum)) out.enum = [...(out.enum as unknown[]), null];
  }
  return out;
}

const ajvs = new Map<SpecName, Ajv>();

function ajvFor(name: SpecName): Ajv {
  const hit = ajvs.get(name);
  if (hit) return hit;
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false, validateSchema: false });
  addFormats(ajv);
  for (const f of ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password']) ajv.addFormat(f, true);
  ajv.addSchema({ $id: name, components: toJsonSchema(loadSpec(name).components) as object });
  ajvs.set(name, ajv);
  return ajv;
}

/** A validator for a schema taken from the spec (a `$ref` into components or inline). */
export function validatorFor(name: SpecName, schema: unknown): ValidateFunction {
  const converted = toJsonSchema(schema);
  const rebased = JSON.parse(
    JSON.stringify(converted).replace(/"#\/components\//g, `"${name}#/components/`),
  ) as object;
  return ajvFor(name).compile(rebased);
}

export function componentValidator(name: SpecName, component: string): ValidateFunction {
  return validatorFor(name, { $ref: `#/components/schemas/${component}` });
}

/** The spec's JSON schema for a response (or undefined when the spec gives none for that status). */
export function responseSchema(name: SpecName, method: string, path: string, status: number): unknown {
  const op = loadSpec(name).paths[path]?.[method.toLowerCase()];
  return op?.responses?.[String(status)]?.content?.['application/json']?.schema;
}

export function requestSchema(name: SpecName, method: string, path: string): unknown {
  const op = loadSpec(name).paths[path]?.[method.toLowerCase()];
  return op?.requestBody?.content?.['application/json']?.schema;
}

/** ajv's errors in one readable line each, for test failure messages. */
export function describeErrors(validate: ValidateFunction): string {
  return (validate.errors ?? [])
    .slice(0, 8)
    .map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''} ${JSON.stringify(e.params)}`)
    .join('\n');
}
