export { createLogger, type Logger, type LoggerOptions, type LogLevel } from './logger.js';
export { redactPaths } from './redact.js';
