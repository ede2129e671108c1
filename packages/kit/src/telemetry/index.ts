export { captureError, type ErrorContext } from './sentry.js';
