import type { Schema } from '../config/index.js';
import { ConfigError } from '../config/index.js';
import { closeOnSignal } from '../http/index.js';
import { initTelemetry } from '../telemetry/index.js';
import { type ServiceDefinition, startService } from './define.js';

/**
 * The whole of a service's `main.ts` in production: telemetry first (so clients made while
 * building are instrumented), then start; SIGTERM/SIGINT close it gracefully and flush traces
 * (`closeOnSignal`).
 */
export async function runStandalone<S extends Schema>(definition: ServiceDefinition<S>) {
  await initTelemetry({ service: definition.name, version: definition.version });
  try {
    const started = await startService(definition);
    closeOnSignal(() => started.close(), started.server.log);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${definition.name}: ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}
