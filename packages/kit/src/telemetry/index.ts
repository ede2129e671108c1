export { captureError, type ErrorContext } from './sentry.js';
export { initTelemetry, shutdownTelemetry, type TelemetryOptions } from './telemetry.js';
export { traceHeaders } from './tracing.js';
