import { type Auth, installAuth } from '@cinesync/kit/auth';
import type { Db } from '@cinesync/kit/db';
import { registerRpc } from '@cinesync/kit/grpc';
import { createServer, type Server } from '@cinesync/kit/http';
import type { Logger } from '@cinesync/kit/log';
import { productRestRoutes } from './routes/products.js';
import { productRoutes } from './rpc.js';

export interface ProductDeps {
  db: Db;
  auth: Auth;
  logger: Logger;
  version?: string;
}

/**
 * product.v1.ProductService over gRPC, gRPC-Web and Connect, plus its REST mapping, on one port.
 * Guests may read; a token, when sent (the cart forwards its user's), must be valid.
 */
export async function buildApp(deps: ProductDeps): Promise<Server> {
  const server = await createServer({
    service: 'product',
    version: deps.version,
    logger: deps.logger,
    ready: { database: () => deps.db.ping() },
    openapi: {
      title: 'CineSync product',
      description: 'What the store sells. Also served as gRPC: product.v1.ProductService.',
    },
  });
  installAuth(server, deps.auth, { guestReadOnly: true });
  productRestRoutes(server, deps.db);
  await registerRpc(server, { service: 'product', routes: productRoutes(deps.db) });
  return server;
}
