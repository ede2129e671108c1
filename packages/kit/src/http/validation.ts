import { Ajv, type AnySchema, type ErrorObject, type Options, type ValidateFunction } from 'ajv';
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
    return withoutNul(known ?? ajv.compile(schema));
  };
}

/** Where a string holding U+0000 sits in `data` (a JSON pointer), or undefined if none does. */
function nulPath(data: unknown, path = ''): string | undefined {
  if (typeof data === 'string') return data.includes('\u0000') ? path : undefined;
  if (typeof data !== 'object' || data === null) return undefined;
  for (const [key, value] of Object.entries(data)) {
    const found = nulPath(value, `${path}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Fails validation, naming the field, when a value holds U+0000: Postgres text and jsonb cannot
 * store it, so it would otherwise reach the database and come back as a 500.
 */
function withoutNul(validate: ValidateFunction): (data: unknown) => boolean {
  const check = (data: unknown): boolean => {
    if (!validate(data)) {
      check.errors = validate.errors;
      return false;
    }
    const path = nulPath(data);
    if (path === undefined) return true;
    const issue: ErrorObject = {
      instancePath: path,
      schemaPath: '#',
      keyword: 'nul',
      params: {},
      message: 'must not contain the NUL character (U+0000)',
    };
    check.errors = [issue];
    return false;
  };
  check.errors = null as ErrorObject[] | null | undefined;
  return check;
}
