// The store's generated protobuf code (packages/contracts/src/gen, from proto/ by
// `npm run proto:gen`), under one import path.
export * from '../gen/cart/v1/cart_pb.js';
export * from '../gen/orders/v1/orders_pb.js';
export * from '../gen/product/v1/product_pb.js';
export * from '../gen/store/v1/money_pb.js';
