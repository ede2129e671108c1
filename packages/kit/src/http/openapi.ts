import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { ProblemSchema } from './problem.js';

export interface OpenApiOptions {
  title: string;
  description?: string;
}

const PROBLEM_RESPONSE = {
  description: 'Error, as RFC 9457 problem details',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

type Operation = { responses?: Record<string, unknown> };
type PathItem = Partial<Record<(typeof METHODS)[number], Operation>>;

/** Every operation may fail with a problem, so each gets it as its default response. */
function addDefaultProblem(paths: Record<string, PathItem | undefined>): void {
  for (const item of Object.values(paths)) {
    for (const method of METHODS) {
      const operation = item?.[method];
      if (!operation) continue;
      operation.responses ??= {};
      operation.responses.default ??= { $ref: '#/components/responses/Problem' };
    }
  }
}

/** OpenAPI 3 built from the route schemas, served at /openapi.json. */
export async function registerOpenApi(
  server: FastifyInstance,
  options: OpenApiOptions & { version: string },
): Promise<void> {
  await server.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: options.title, description: options.description, version: options.version },
      components: {
        securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
        schemas: { Problem: ProblemSchema },
        responses: { Problem: PROBLEM_RESPONSE },
      },
      // A token is optional by default: guests may read. Routes that need one say so.
      security: [{}, { bearerAuth: [] }],
    },
    transformObject: (document) => {
      if ('openapiObject' in document) {
        addDefaultProblem((document.openapiObject.paths ?? {}) as Record<string, PathItem>);
        return document.openapiObject;
      }
      return document.swaggerObject;
    },
  });
  server.get('/openapi.json', { schema: { hide: true }, logLevel: 'warn' }, async () =>
    server.swagger(),
  );
}
