export {
  type Caller,
  callerFromContext,
  callerFromRequest,
  callerIdentityKey,
  identityFromRequest,
  requireCallerUser,
} from './caller.js';
export { callOptions, createRpcTransport, type RpcTransport } from './client.js';
export { codeForStatus, ERROR_CODE_HEADER, fromConnectError, toConnectError } from './errors.js';
export { type H2cOptions, serveH2c } from './h2c.js';
export { type RegisterRpcOptions, registerRpc } from './server.js';
export { traceClientInterceptor, traceServerInterceptor } from './tracing.js';
export { validationInterceptor, violations } from './validate.js';
