import { type Auth, installAuth } from '@cinesync/kit/auth';
import type { Db } from '@cinesync/kit/db';
import { registerRpc } from '@cinesync/kit/grpc';
import { createServer, type Server } from '@cinesync/kit/http';
import type { Logger } from '@cinesync/kit/log';
import type { Cart } from './cart.js';
import { cartRestRoutes } from './routes/cart.js';
import { cartRoutes } from './rpc.js';

export interface CartDeps {
  db: Db;
  cart: Cart;
  auth: Auth;
  logger: Logger;
  /** Budget of one request, downstream calls included. */
  requestTimeoutMs: number;
  version?: string;
}

/** cart.v1.CartService over gRPC, gRPC-Web and Connect, plus its REST mapping, on one port. */
export async function buildApp(deps: CartDeps): Promise<Server> {
  const server = await createServer({
    service: 'cart',
    version: deps.version,
    logger: deps.logger,
    ready: { database: () => deps.db.ping() },
    openapi: {
      title: 'CineSync cart',
      description:
        'The signed-in user’s cart and checkout. Also served as gRPC: cart.v1.CartService.',
    },
  });
  installAuth(server, deps.auth, { guestReadOnly: true });
  cartRestRoutes(server, deps.cart, deps.requestTimeoutMs);
  await registerRpc(server, {
    service: 'cart',
    routes: cartRoutes(deps.cart, deps.requestTimeoutMs),
  });
  return server;
}
