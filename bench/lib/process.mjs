// Starting the services a benchmark measures: exactly as deployed (`node services/<name>/dist/
// main.js`, NODE_ENV=production), each on a free local port, ready when its probe answers.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

export async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Runs `node [...nodeArgs] main` with PORT, HOST, NODE_ENV=production and LOG_LEVEL set, plus
 * `env`, and waits until `probe` answers 2xx (up to `timeoutMs`). Returns its URL, pid and a
 * `stop()` that sends SIGTERM (a graceful close) and waits for the exit.
 */
export async function startNodeService({
  main,
  name = main,
  env = {},
  nodeArgs = [],
  logLevel = 'error',
  probe = '/healthz',
  timeoutMs = 30_000,
}) {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, main], {
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: logLevel,
      NODE_ENV: 'production',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      if ((await fetch(`${url}${probe}`)).ok) return { url, pid: child.pid, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`${name} did not become ready`);
}
