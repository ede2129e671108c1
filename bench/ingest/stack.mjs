// What the ingest benchmark runs against: a key set for tokens, the analytics service as deployed
// (dist/main.js in its own process), and the engines' checks and clean-up.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startNodeService } from '../lib/process.mjs';

/** Serves a JWKS for the service and signs the admin token the lag probe reads with. */
export async function startKeys() {
  const { SignJWT, exportJWK, generateKeyPair } = await import('jose');
  const { privateKey, publicKey } = await generateKeyPair('EdDSA');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'bench', alg: 'EdDSA', use: 'sig' };
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const adminToken = await new SignJWT({ role: 'admin' })
    .setProtectedHeader({ alg: 'EdDSA', kid: 'bench' })
    .setSubject('bench-admin')
    .setIssuer('cinesync-identity')
    .setAudience('cinesync')
    .setExpirationTime('6h')
    .sign(privateKey);
  return {
    jwksUrl: `http://127.0.0.1:${server.address().port}/.well-known/jwks.json`,
    adminToken,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

export async function startService({ main, jwksUrl, env = {}, cpuProfileDir, nodeArgs = [] }) {
  const dataDir = await mkdtemp(join(tmpdir(), 'cinesync-bench-ingest-'));
  const profile = cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] : [];
  const removeData = () => rm(dataDir, { recursive: true, force: true });
  try {
    const service = await startNodeService({
      main,
      name: 'the analytics service',
      nodeArgs: [...profile, ...nodeArgs],
      logLevel: 'warn',
      probe: '/readyz',
      env: {
        DATA_DIR: dataDir,
        JWKS_URL: jwksUrl,
        // A bucket so deep it never empties and so slow to refill that it is never full again:
        // the bench's one client address keeps one live bucket, as a busy client would, and the
        // figures stay comparable with runs made before the kit's limiter moved off lru-cache
        // (where dropping the last key cost ~0.5 ms).
        INGEST_RATE_PER_SEC: '1',
        INGEST_RATE_BURST: '1000000000',
        ...env,
      },
    });
    return {
      ...service,
      stop: async () => {
        await service.stop();
        await removeData();
      },
    };
  } catch (error) {
    await removeData();
    throw error;
  }
}

/** CPU seconds (user + system) a process has used so far; NaN if it cannot be read. */
export async function cpuSeconds(pid) {
  if (pid === undefined) return Number.NaN;
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which sits in parentheses and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

/** Ids of the running processes whose command line contains `needle`. */
export async function findProcesses(needle) {
  const found = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = (await readFile(`/proc/${entry}/cmdline`, 'utf8')).replaceAll('\0', ' ');
      if (cmdline.includes(needle)) found.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

/** Machine-wide CPU seconds used so far (all cores, everything but idle and iowait). */
export async function machineCpuSeconds() {
  const [line] = (await readFile('/proc/stat', 'utf8')).split('\n');
  const [user, nice, system, _idle, _iowait, irq, softirq, steal] = line
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  return (user + nice + system + irq + softirq + steal) / 100;
}

/**
 * JetStream as the service will use it: stream ANALYTICS, durable analytics-etl. The bench
 * refuses to run if that stream exists (someone else's data, or a consumer position that is not
 * ours) and deletes it afterwards, with its consumer.
 */
export async function prepareJetStream(url) {
  const { connect } = await import('@nats-io/transport-node');
  const { jetstreamManager } = await import('@nats-io/jetstream');
  const nc = await connect({ servers: url });
  const version = nc.info?.version ?? 'unknown';
  const jsm = await jetstreamManager(nc);
  const exists = await jsm.streams.info('ANALYTICS').then(
    () => true,
    () => false,
  );
  if (exists) {
    await nc.close();
    throw new Error(
      'JetStream already has a stream ANALYTICS; the bench needs it to itself (delete it, or run --engines embedded)',
    );
  }
  return {
    version,
    async cleanup() {
      await jsm.streams.delete('ANALYTICS').catch(() => false);
      await nc.close();
    },
  };
}

export async function clickHouseVersion(url) {
  const response = await fetch(`${url}/?query=${encodeURIComponent('SELECT version()')}`);
  return (await response.text()).trim();
}

export async function dropClickHouseDatabase(url, database) {
  await fetch(`${url}/`, { method: 'POST', body: `DROP DATABASE IF EXISTS ${database}` });
}
