export {
  bool,
  duration,
  type Field,
  type IntRange,
  InvalidValue,
  int,
  list,
  oneOf,
  optional,
  parseDuration,
  port,
  str,
  url,
} from './fields.js';
export {
  ConfigError,
  type ConfigIssue,
  type ConfigOf,
  type Env,
  loadConfig,
  type Schema,
} from './load.js';
