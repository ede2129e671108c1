// A throwaway ClickHouse server for the study: Debian's clickhouse-server binary, a config that
// listens on 127.0.0.1 only, data in a temp dir removed on stop. Used when CLICKHOUSE_URL is unset.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const config = (dir, httpPort, tcpPort) => `<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>${dir}/server.log</log><errorlog>${dir}/error.log</errorlog></logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>${httpPort}</http_port>
  <tcp_port>${tcpPort}</tcp_port>
  <path>${dir}/data/</path>
  <tmp_path>${dir}/tmp/</tmp_path>
  <user_files_path>${dir}/user_files/</user_files_path>
  <users_config>${dir}/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
  <mark_cache_size>268435456</mark_cache_size>
</yandex>
`;

const users = `<?xml version="1.0"?>
<yandex>
  <profiles><default><max_memory_usage>8000000000</max_memory_usage></default></profiles>
  <users><default><password></password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></default></users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>
`;

/** Starts the server and resolves once it answers /ping; `stop()` kills it and deletes its data. */
export async function startClickHouseServer({ httpPort = 18123, tcpPort = 19000 } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'cinesync-bench-clickhouse-'));
  await writeFile(join(dir, 'config.xml'), config(dir, httpPort, tcpPort));
  await writeFile(join(dir, 'users.xml'), users);
  const child = spawn('clickhouse-server', [`--config-file=${join(dir, 'config.xml')}`], {
    stdio: 'ignore',
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const spawnError = new Promise((_, reject) => child.once('error', reject));
  const url = `http://127.0.0.1:${httpPort}`;
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    await rm(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    const ok = await Promise.race([
      fetch(`${url}/ping`).then(
        (r) => r.ok,
        () => false,
      ),
      spawnError,
    ]);
    if (ok) return { url, stop };
    if (Date.now() > deadline || child.exitCode !== null) {
      await stop();
      throw new Error(`clickhouse-server did not start (see ${dir})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
