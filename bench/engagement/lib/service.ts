import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** The bench's own identity: a JWKS endpoint and tokens the service will accept. */
export async function startIssuer() {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'bench', alg: 'EdDSA', use: 'sig' };
  const server = createServer((_request, response) =>
    response
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ keys: [jwk] })),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    jwksUrl: `http://127.0.0.1:${port}/jwks.json`,
    sign: (sub: string) =>
      new SignJWT({ role: 'user', name: 'bench' })
        .setProtectedHeader({ alg: 'EdDSA', kid: 'bench' })
        .setSubject(sub)
        .setIssuer('cinesync-identity')
        .setAudience('cinesync')
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(privateKey),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * DATA_DIR of the benched service, in memory (/dev/shm) when there is one. Without NATS_URL the
 * service's outbox relay publishes to the embedded bus, which fsyncs its file synchronously on
 * every publish; on this disk (~4 ms per fsync) that blocks the event loop and caps writes near
 * 80/s. In memory it stands in for JetStream, whose publish is an asynchronous network call.
 */
export function benchDataDir(): Promise<string> {
  const base = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  return mkdtemp(join(base, 'engagement-bench-'));
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Runs the built engagement service (services/engagement/dist/main.js) in its own process, as
 * in production, against `databaseUrl`; resolves once /readyz answers 200.
 */
export async function startEngagement(databaseUrl: string, jwksUrl: string, dataDir: string) {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [`${ROOT}services/engagement/dist/main.js`], {
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: databaseUrl,
      JWKS_URL: jwksUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      DATA_DIR: dataDir,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`engagement exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/readyz`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('engagement did not become ready in 30 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    pid: child.pid,
    stop: async () => {
      child.kill('SIGTERM');
      if (child.exitCode === null) await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}
