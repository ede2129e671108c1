import { describe, expect, it } from 'vitest';
import { platformOpenApi, schemaTypes } from '../scripts/openapi.js';

describe('web API types', () => {
  it('src/api/gen/schema.d.ts matches the OpenAPI the gateway serves (update: npm run -w apps/web gen:api)', async () => {
    const document = await platformOpenApi();
    await expect(await schemaTypes(document)).toMatchFileSnapshot('../src/api/gen/schema.d.ts');
  }, 180_000);
});
