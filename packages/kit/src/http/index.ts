export {
  AppError,
  type AppErrorOptions,
  badGateway,
  badRequest,
  conflict,
  type FieldError,
  forbidden,
  gone,
  internal,
  isAppError,
  notFound,
  payloadTooLarge,
  serviceUnavailable,
  tooManyRequests,
  unauthorized,
  unprocessable,
  upstreamTimeout,
  validation,
} from './errors.js';
export type { ReadyCheck } from './health.js';
export type { OpenApiOptions } from './openapi.js';
export {
  FieldErrorSchema,
  type Problem,
  ProblemSchema,
  problemType,
  sendProblem,
  toAppError,
  toProblem,
} from './problem.js';
export { REQUEST_ID_HEADER } from './request-id.js';
export { closeOnSignal, type ListenOptions, listen } from './run.js';
export { type CreateServerOptions, createServer, type Server } from './server.js';
export { onShutdown, type ShutdownHook } from './shutdown.js';
