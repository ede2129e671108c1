import { create } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import {
  fromMoney,
  InsufficientStockSchema,
  OrderItemSchema,
  type Order as OrderMessage,
  OrderSchema,
  OrderService,
  OrderStatus as OrderStatusProto,
  StockService,
  toMoney,
} from '@cinesync/contracts/store';
import { callerIdentityKey, ERROR_CODE_HEADER, requireCallerUser } from '@cinesync/kit/grpc';
import { Code, ConnectError, type ConnectRouter, type HandlerContext } from '@connectrpc/connect';
import { InsufficientStockError, type Order, type Orders } from './orders.js';
import type { OrderStatus } from './status.js';

const STATUS_TO_PROTO: Record<OrderStatus, OrderStatusProto> = {
  new: OrderStatusProto.NEW,
  awaiting_payment: OrderStatusProto.AWAITING_PAYMENT,
  paid: OrderStatusProto.PAID,
  cancelled: OrderStatusProto.CANCELLED,
  failed: OrderStatusProto.FAILED,
};

export function orderMessage(order: Order): OrderMessage {
  return create(OrderSchema, {
    id: order.id,
    userId: order.userId,
    status: STATUS_TO_PROTO[order.status],
    items: order.items.map((item) =>
      create(OrderItemSchema, {
        sku: item.sku,
        name: item.name,
        count: item.count,
        price: toMoney(item.price),
      }),
    ),
    total: toMoney(order.total),
    createdAt: timestampFromDate(order.createdAt),
    updatedAt: timestampFromDate(order.updatedAt),
  });
}

const userOf = (context: HandlerContext) =>
  requireCallerUser(context.values.get(callerIdentityKey));

/** orders.v1.OrderService and StockService over the Orders domain; requests arrive validated. */
export function ordersRoutes(orders: Orders) {
  return (router: ConnectRouter) => {
    router.service(OrderService, {
      async createOrder(request, context) {
        const user = userOf(context);
        const lines = request.items.map((item) => ({
          sku: item.sku,
          name: item.name,
          count: item.count,
          price: fromMoney(item.price),
        }));
        try {
          return { order: orderMessage(await orders.create(user, lines)) };
        } catch (error) {
          if (!(error instanceof InsufficientStockError)) throw error;
          // The caller learns which order was recorded as failed and which SKU was short.
          throw new ConnectError(
            error.message,
            Code.FailedPrecondition,
            { [ERROR_CODE_HEADER]: error.code },
            [{ desc: InsufficientStockSchema, value: { orderId: error.orderId, sku: error.sku } }],
          );
        }
      },
      async getOrder(request, context) {
        return { order: orderMessage(await orders.get(userOf(context), request.orderId)) };
      },
      async listOrders(request, context) {
        const page = await orders.list(userOf(context), {
          limit: request.pageSize,
          cursor: request.pageToken || undefined,
        });
        return { orders: page.orders.map(orderMessage), nextPageToken: page.next ?? '' };
      },
      async payOrder(request, context) {
        return { order: orderMessage(await orders.pay(userOf(context), request.orderId)) };
      },
      async cancelOrder(request, context) {
        return { order: orderMessage(await orders.cancel(userOf(context), request.orderId)) };
      },
    });
    router.service(StockService, {
      async getStock(request) {
        return { stock: await orders.stock(request.sku) };
      },
    });
  };
}
