export { type LaunchOptions, launch, type Platform, serviceEnv, urlVariable } from './launch.js';
export { backends, gateway } from './services.js';
