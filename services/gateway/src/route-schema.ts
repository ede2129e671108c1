/**
 * `schema.hide` keeps a route out of the gateway's own /openapi.json. The kit registers
 * @fastify/swagger, which declares the field, but its typing is only seen where that package is
 * imported; the gateway does not depend on it, so the one field is declared here.
 */
declare module 'fastify' {
  interface FastifySchema {
    hide?: boolean;
  }
}

export {};
