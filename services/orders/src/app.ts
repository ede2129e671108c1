import { type Auth, installAuth } from '@cinesync/kit/auth';
import type { Db } from '@cinesync/kit/db';
import { registerRpc } from '@cinesync/kit/grpc';
import { createServer, type Server } from '@cinesync/kit/http';
import type { Logger } from '@cinesync/kit/log';
import type { Orders } from './orders.js';
import { ordersRestRoutes } from './routes/orders.js';
import { ordersRoutes } from './rpc.js';

export interface OrdersDeps {
  db: Db;
  orders: Orders;
  auth: Auth;
  logger: Logger;
  version?: string;
}

/** orders.v1 (OrderService, StockService) over gRPC, gRPC-Web and Connect, plus REST, on one port. */
export async function buildApp(deps: OrdersDeps): Promise<Server> {
  const server = await createServer({
    service: 'orders',
    version: deps.version,
    logger: deps.logger,
    ready: { database: () => deps.db.ping() },
    openapi: {
      title: 'CineSync orders',
      description:
        'Orders and stock (LOMS). Also served as gRPC: orders.v1.OrderService, orders.v1.StockService.',
    },
  });
  installAuth(server, deps.auth, { guestReadOnly: true });
  ordersRestRoutes(server, deps.orders);
  await registerRpc(server, { service: 'orders', routes: ordersRoutes(deps.orders) });
  return server;
}
