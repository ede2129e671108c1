import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Migration {
  /** `0001_create_users.sql`: a number, an underscore, a name. Applied in numeric order. */
  name: string;
  sql: string;
}

/** Migrations shipped in code (the kit's own tables); recorded as `<set name>/<migration name>`. */
export interface MigrationSet {
  name: string;
  migrations: readonly Migration[];
}

/** One migration ready to apply: `scope` is '' for the service's folder, else the set's name. */
export interface PlannedMigration {
  scope: string;
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'MigrationError';
  }
}

const fileName = /^(\d+)_[A-Za-z0-9_.-]+\.sql$/;
const setName = /^[a-z0-9][a-z0-9_.-]*$/;

/** Line endings are normalised so a checkout with CRLF does not look like an edit. */
export function checksum(sql: string): string {
  return createHash('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex');
}

/** Sorts by number and refuses names that break the numbering, naming the culprits. */
function ordered(scope: string, migrations: readonly Migration[]): PlannedMigration[] {
  const seen = new Map<number, string>();
  const planned = migrations.map((migration) => {
    const match = fileName.exec(migration.name);
    if (!match?.[1]) {
      throw new MigrationError(
        `${scopedName(scope, migration.name)}: migration names look like 0001_name.sql`,
      );
    }
    const number = Number(match[1]);
    const clash = seen.get(number);
    if (clash !== undefined) {
      throw new MigrationError(
        `${scopedName(scope, migration.name)} and ${clash} share the number ${match[1]}`,
      );
    }
    seen.set(number, migration.name);
    return { number, migration };
  });
  return planned
    .sort((a, b) => a.number - b.number)
    .map(({ migration }) => ({
      scope,
      name: scopedName(scope, migration.name),
      sql: migration.sql,
      checksum: checksum(migration.sql),
    }));
}

/** Set migrations carry a slash, which no file name can, so they never clash with the folder's. */
export function scopedName(scope: string, name: string): string {
  return scope === '' ? name : `${scope}/${name}`;
}

export function scopeOf(recordedName: string): string {
  const slash = recordedName.lastIndexOf('/');
  return slash === -1 ? '' : recordedName.slice(0, slash);
}

export async function readMigrationDir(dir: string | URL): Promise<PlannedMigration[]> {
  const path = dir instanceof URL ? fileURLToPath(dir) : dir;
  const names = (await readdir(path)).filter((name) => name.endsWith('.sql'));
  const migrations = await Promise.all(
    names.map(async (name) => ({ name, sql: await readFile(join(path, name), 'utf8') })),
  );
  return ordered('', migrations);
}

export function planSet(set: MigrationSet): PlannedMigration[] {
  if (!setName.test(set.name)) {
    throw new MigrationError(`migration set name ${JSON.stringify(set.name)} is not a plain name`);
  }
  return ordered(set.name, set.migrations);
}
