import { Ajv, type AnySchema, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

/** Fastify's own Ajv defaults (those of @fastify/ajv-compiler), so only coercion differs by part. */
const AJV_OPTIONS: Options = {
  useDefaults: true,
  removeAdditional: true,
  addUsedSchema: false,
  // All errors, not only the first: the caller fixes every field in one go.
  allErrors: true,
};

function createAjv(coerceTypes: Options['coerceTypes']): Ajv {
  const ajv = new Ajv({ ...AJV_OPTIONS, coerceTypes });
  addFormats.default(ajv);
  return ajv;
}

/**
 * Validates each request part with its own Ajv. Query strings, path params and headers are text,
 * so `?page=2` must become 2 there; a JSON body already carries its types, and coercing it would
 * accept `"7"` or `true` where a number is asked for. Bodies are therefore checked strictly.
 */
export function createValidatorCompiler(): FastifySchemaCompiler<AnySchema> {
  const text = createAjv('array');
  const json = createAjv(false);
  return ({ schema, httpPart }) => {
    const ajv = httpPart === 'body' ? json : text;
    // Ajv refuses to compile a second schema with an $id it already holds; reuse the first.
    const id = typeof schema === 'object' ? schema.$id : undefined;
    const known = typeof id === 'string' ? ajv.getSchema(id) : undefined;
    return known ?? ajv.compile(schema);
  };
}
