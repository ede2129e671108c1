import { CartService, toMoney } from '@cinesync/contracts/store';
import { callerFromContext } from '@cinesync/kit/grpc';
import type { ConnectRouter } from '@connectrpc/connect';
import type { Cart } from './cart.js';

/** cart.v1.CartService over the Cart domain; requests arrive validated (protovalidate). */
export function cartRoutes(cart: Cart, budgetMs: number) {
  return (router: ConnectRouter) => {
    router.service(CartService, {
      async addItem(request, context) {
        await cart.add(callerFromContext(context, budgetMs), request.sku, request.count);
        return {};
      },
      async deleteItem(request, context) {
        await cart.remove(callerFromContext(context, budgetMs), request.sku);
        return {};
      },
      async listCart(_request, context) {
        const view = await cart.list(callerFromContext(context, budgetMs));
        return {
          items: view.items.map((item) => ({
            sku: item.sku,
            name: item.name,
            count: item.count,
            price: toMoney(item.price),
          })),
          total: toMoney(view.total),
        };
      },
      async clearCart(_request, context) {
        await cart.clear(callerFromContext(context, budgetMs));
        return {};
      },
      async checkout(_request, context) {
        return { orderId: await cart.checkout(callerFromContext(context, budgetMs)) };
      },
    });
  };
}
