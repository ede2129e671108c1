import { type OrderService, toMoney } from '@cinesync/contracts/store';
import { type Caller, callOptions, fromConnectError } from '@cinesync/kit/grpc';
import type { Client } from '@connectrpc/connect';
import type { ProductInfo } from './products.js';

export interface OrderPlacer {
  /** Creates the order (stock reserved) and returns its id; 409 `insufficient_stock` when short. */
  place(caller: Caller, lines: readonly (ProductInfo & { count: number })[]): Promise<string>;
}

export function grpcOrderPlacer(client: Client<typeof OrderService>): OrderPlacer {
  return {
    async place(caller, lines) {
      try {
        const { order } = await client.createOrder(
          {
            items: lines.map((line) => ({
              sku: line.sku,
              name: line.name,
              count: line.count,
              price: toMoney(line.price),
            })),
          },
          callOptions(caller),
        );
        if (!order) throw new Error('orders: empty response');
        return order.id;
      } catch (error) {
        throw fromConnectError(error, 'The orders service');
      }
    },
  };
}
