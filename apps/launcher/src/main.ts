import { existsSync } from 'node:fs';
import { ConfigError } from '@cinesync/kit/config';
import { closeOnSignal } from '@cinesync/kit/http';
import { createLogger } from '@cinesync/kit/log';
import { initTelemetry } from '@cinesync/kit/telemetry';
import { launch } from './launch.js';
import { backends, gateway } from './services.js';

/** Demo admin for a laptop; set ADMIN_EMAIL / ADMIN_PASSWORD to choose your own. */
const DEMO_ADMIN = { email: 'admin@cinesync.local', password: 'cinesync-admin' };

// A .env file next to package.json, when present, is read like exported variables.
if (existsSync('.env')) process.loadEnvFile('.env');

const logger = createLogger({ service: 'launcher' });
await initTelemetry({ service: 'cinesync' });

const env = {
  ...process.env,
  ADMIN_EMAIL: process.env.ADMIN_EMAIL ?? DEMO_ADMIN.email,
  ADMIN_PASSWORD: process.env.ADMIN_PASSWORD ?? DEMO_ADMIN.password,
};

try {
  const platform = await launch({ backends, gateway, env, logger });
  closeOnSignal(() => platform.close(), logger);
  const lines = [
    '',
    `  CineSync is running: ${platform.url}`,
    `  API docs:            ${platform.url}/api/docs`,
    `  Services:            ${platform.services.map((s) => s.name).join(', ')}`,
    `  Admin sign-in:       ${env.ADMIN_EMAIL}${process.env.ADMIN_PASSWORD ? '' : ` / ${DEMO_ADMIN.password}`}`,
    `  Data:                ${process.env.DATA_DIR ?? '.data'} (delete it to start afresh)`,
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
} catch (err) {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  }
  throw err;
}
