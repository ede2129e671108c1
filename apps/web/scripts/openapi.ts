import openapiTS, { astToString } from 'openapi-typescript';

export interface MergedOpenApi {
  paths?: Record<string, unknown>;
  'x-unavailable'?: string[];
  [key: string]: unknown;
}

/** The public API as a running gateway serves it; fails if any service's part is missing. */
export async function gatewayOpenApi(gatewayUrl: string): Promise<MergedOpenApi> {
  const response = await fetch(`${gatewayUrl}/api/openapi.json`);
  if (!response.ok) throw new Error(`GET /api/openapi.json answered ${response.status}`);
  const document = (await response.json()) as MergedOpenApi;
  const unavailable = document['x-unavailable'] ?? [];
  if (unavailable.length > 0) throw new Error(`no OpenAPI from ${unavailable.join(', ')}`);
  return document;
}

const HEADER = `/**
 * Generated from the gateway's merged OpenAPI (apps/web/scripts/openapi.ts). Do not edit.
 * Regenerate: npm run -w apps/web gen:api
 */

`;

/** TypeScript types of the document's paths and components (openapi-typescript). */
export async function schemaTypes(document: MergedOpenApi): Promise<string> {
  // The version and the list of services in the description would churn the file for nothing.
  const stable = { ...document, info: { title: 'CineSync API', version: '1' } };
  const ast = await openapiTS(JSON.stringify(stable), { silent: true, alphabetize: true });
  return HEADER + astToString(ast);
}
