export {
  defineService,
  type PlatformConfig,
  type ServiceContext,
  type ServiceDefinition,
  type SharedEngines,
  type StartedService,
  type StartOptions,
  startService,
} from './define.js';
export { platformSchema } from './platform-config.js';
export { runStandalone } from './standalone.js';
