import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@cinesync/kit/log';
import { gateway, launch } from '@cinesync/launcher';
import openapiTS, { astToString } from 'openapi-typescript';
import { apiServices } from './services.js';

export interface MergedOpenApi {
  paths?: Record<string, unknown>;
  'x-unavailable'?: string[];
  [key: string]: unknown;
}

/**
 * The public API exactly as the gateway serves it at /api/openapi.json: every API service started
 * on embedded engines in a throw-away data directory, merged by the gateway's own code.
 */
export async function platformOpenApi(): Promise<MergedOpenApi> {
  const dataDir = await mkdtemp(join(tmpdir(), 'cinesync-openapi-'));
  const platform = await launch({
    backends: apiServices,
    gateway,
    env: { PATH: process.env.PATH, DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    portOverride: 0,
    logger: createLogger({ service: 'web-openapi', level: 'warn' }),
  });
  try {
    const response = await fetch(`${platform.url}/api/openapi.json`);
    if (!response.ok) throw new Error(`GET /api/openapi.json answered ${response.status}`);
    const document = (await response.json()) as MergedOpenApi;
    const unavailable = document['x-unavailable'] ?? [];
    if (unavailable.length > 0) throw new Error(`no OpenAPI from ${unavailable.join(', ')}`);
    return document;
  } finally {
    await platform.close();
    await rm(dataDir, { recursive: true, force: true });
  }
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
