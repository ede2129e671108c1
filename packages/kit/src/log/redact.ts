/** Keys whose values never reach a log line, whatever object they sit in. */
const SECRET_KEYS = [
  'authorization',
  'cookie',
  'password',
  'passwordHash',
  'token',
  'accessToken',
  'refreshToken',
  'idToken',
  'secret',
  'clientSecret',
  'apiKey',
];

/** Header names that are not valid identifiers need bracket syntax. */
const SECRET_HEADERS = ['["set-cookie"]', '["x-api-key"]', '["proxy-authorization"]'];

/**
 * pino's redaction wildcards match exactly one level, so each key is listed at the top level and
 * up to three levels deep — enough for `req.headers.authorization` and `{ user: { password } }`.
 */
export const redactPaths: readonly string[] = [
  ...SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`, `*.*.*.${key}`]),
  ...SECRET_HEADERS.flatMap((header) => [`headers${header}`, `*.headers${header}`]),
];
