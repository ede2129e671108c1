// Where the CPU time of a load run goes: each service process, the local Postgres server and the
// load generator itself, read from /proc (Linux). Flat out on 2 shared cores, the sum per request
// is what bounds throughput, and with it the queueing latency of every connection.
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's times (USER_HZ: 100 on Linux's usual builds). */
const TICK_MS = 10;

/** utime, stime, cutime, cstime of a process in ms, or undefined when it cannot be read. */
function times(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const [utime, stime, cutime, cstime] = [11, 12, 13, 14].map((i) => Number(fields[i]) * TICK_MS);
    return { own: utime + stime, children: cutime + cstime, ppid: Number(fields[1]) };
  } catch {
    return undefined;
  }
}

const command = (pid) => {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
};

/** CPU ms of the process `pid`. */
export const processCpuMs = (pid) => times(pid)?.own ?? Number.NaN;

/**
 * CPU ms of every local Postgres process, plus what the postmaster collected from backends that
 * have exited. NaN where /proc is missing (not Linux) or no Postgres runs here.
 */
export function postgresCpuMs() {
  let pids;
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return Number.NaN;
  }
  let total = 0;
  let found = false;
  for (const pid of pids) {
    if (command(pid) !== 'postgres') continue;
    const t = times(pid);
    if (!t) continue;
    found = true;
    total += t.own;
    // The postmaster: its parent is not a postgres process; it reaps the backends.
    if (command(t.ppid) !== 'postgres') total += t.children;
  }
  return found ? total : Number.NaN;
}

/** This process's own CPU ms (the load generator). */
export function ownCpuMs() {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/**
 * Starts counting CPU for the named pids, Postgres and this process; `stop(requests)` gives
 * microseconds of CPU per request for each, keyed by name (plus `postgres` and `load`).
 */
export function cpuMeter(pids) {
  const read = () => ({
    ...Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, processCpuMs(pid)])),
    postgres: postgresCpuMs(),
    load: ownCpuMs(),
  });
  const start = read();
  return {
    stop(requests) {
      const end = read();
      return Object.fromEntries(
        Object.keys(end).map((name) => [name, ((end[name] - start[name]) * 1000) / requests]),
      );
    },
  };
}
