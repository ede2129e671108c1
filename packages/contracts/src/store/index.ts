export { storeAuthSchema } from './auth-config.js';
export {
  type Caller,
  callerFromContext,
  callerFromRequest,
  callerIdentityKey,
  identityFromRequest,
  requireCallerUser,
} from './caller.js';
export {
  DIGITAL_STOCK,
  type ProductKindName,
  STORE_CURRENCY,
  STORE_ITEMS,
  type StoreItem,
} from './catalogue.js';
export { type H2cOptions, serveH2c } from './h2c.js';
export { type Amount, fromMoney, toMoney } from './money.js';
export * from './proto.js';
export { MoneyJson, SkuParam } from './rest.js';
export { callOptions, createRpcTransport, type RpcTransport } from './rpc-client.js';
export {
  codeForStatus,
  ERROR_CODE_HEADER,
  fromConnectError,
  toConnectError,
} from './rpc-errors.js';
export { type RegisterRpcOptions, registerRpc } from './rpc-server.js';
export { startTestIssuer, type TestIssuer } from './testing.js';
export { traceClientInterceptor, traceServerInterceptor } from './tracing.js';
export { validationInterceptor, violations } from './validate.js';
