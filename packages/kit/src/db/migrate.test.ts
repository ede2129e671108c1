import { mkdir, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dbEngines } from '../testing/index.js';
import { type Db, type MigrationSet, migrate, openDb } from './index.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cinesync-migrations-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

let dirs = 0;
/** A folder of migration files; each test uses its own tables so one database serves them all. */
async function migrationDir(files: Record<string, string>): Promise<string> {
  const dir = join(root, `m${++dirs}`);
  await mkdir(dir);
  await Promise.all(Object.entries(files).map(([name, sql]) => writeFile(join(dir, name), sql)));
  return dir;
}

async function tableExists(db: Db, name: string): Promise<boolean> {
  const { rows } = await db.query('SELECT to_regclass($1) IS NOT NULL AS found', [name]);
  return rows[0]?.found === true;
}

/** Not idempotent on purpose: applying either file twice fails or doubles the count. */
function racingFiles(prefix: string): Record<string, string> {
  return {
    '0001_create.sql': `CREATE TABLE ${prefix}_runs (n int NOT NULL);`,
    '0002_first.sql': `INSERT INTO ${prefix}_runs VALUES (1); SELECT pg_sleep(0.05);`,
    '0003_second.sql': `ALTER TABLE ${prefix}_runs ADD COLUMN note text; INSERT INTO ${prefix}_runs VALUES (2);`,
  };
}

async function race(a: Db, b: Db, dir: string): Promise<void> {
  const table = 'h_migrations';
  const [ranA, ranB] = await Promise.all([migrate(a, { dir, table }), migrate(b, { dir, table })]);
  expect([...ranA, ...ranB].sort()).toEqual(Object.keys(racingFiles('h')).sort());
  const runs = await a.query('SELECT n FROM h_runs ORDER BY n');
  expect(runs.rows).toEqual([{ n: 1 }, { n: 2 }]);
  const recorded = await b.query(`SELECT count(*) AS n FROM ${table}`);
  expect(recorded.rows).toEqual([{ n: '3' }]);
}

for (const engine of dbEngines()) {
  describe.skipIf(engine.skipReason)(engine.title, () => {
    let db: Db;
    beforeAll(async () => {
      db = await engine.open();
    });
    afterAll(() => db?.close());

    it('applies files in numeric order, records them and is a no-op when re-run', async () => {
      const dir = await migrationDir({
        '0002_add_column.sql': 'ALTER TABLE a_users ADD COLUMN email text;',
        '0001_create.sql':
          'CREATE TABLE a_users (id int PRIMARY KEY);\nCREATE INDEX ON a_users (id);',
        'README.md': 'not a migration',
      });
      const table = 'a_migrations';
      expect(await migrate(db, { dir, table })).toEqual(['0001_create.sql', '0002_add_column.sql']);
      await db.query('INSERT INTO a_users (id, email) VALUES (1, $1)', ['x@example.com']);
      const { rows } = await db.query(
        `SELECT name, checksum, applied_at FROM ${table} ORDER BY name`,
      );
      expect(rows).toHaveLength(2);
      expect(rows[0]).toMatchObject({
        name: '0001_create.sql',
        checksum: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      expect(rows[0]?.applied_at).toBeInstanceOf(Date);

      expect(await migrate(db, { dir, table })).toEqual([]);
      await writeFile(join(dir, '0003_more.sql'), 'CREATE TABLE a_more (id int);');
      expect(await migrate(db, { dir: new URL(`file://${dir}/`), table })).toEqual([
        '0003_more.sql',
      ]);
    });

    it('refuses to start when an applied file was edited, naming it', async () => {
      const dir = await migrationDir({ '0001_create.sql': 'CREATE TABLE b_t (id int);' });
      await migrate(db, { dir, table: 'b_migrations' });
      await writeFile(join(dir, '0001_create.sql'), 'CREATE TABLE b_t (id bigint);');
      await writeFile(join(dir, '0002_next.sql'), 'CREATE TABLE b_next (id int);');
      await expect(migrate(db, { dir, table: 'b_migrations' })).rejects.toThrow(
        /0001_create\.sql was edited/,
      );
      expect(await tableExists(db, 'b_next')).toBe(false);
    });

    it('treats a change of line endings as no edit', async () => {
      const dir = await migrationDir({ '0001_create.sql': 'CREATE TABLE c_t (id int);\n' });
      await migrate(db, { dir, table: 'c_migrations' });
      await writeFile(join(dir, '0001_create.sql'), 'CREATE TABLE c_t (id int);\r\n');
      expect(await migrate(db, { dir, table: 'c_migrations' })).toEqual([]);
    });

    it('refuses to start when an applied file went missing, naming it', async () => {
      const dir = await migrationDir({
        '0001_create.sql': 'CREATE TABLE d_t (id int);',
        '0002_index.sql': 'CREATE INDEX d_t_id ON d_t (id);',
      });
      await migrate(db, { dir, table: 'd_migrations' });
      await unlink(join(dir, '0002_index.sql'));
      await expect(migrate(db, { dir, table: 'd_migrations' })).rejects.toThrow(
        /0002_index\.sql was applied but is missing/,
      );
    });

    it('refuses badly named or duplicate-numbered files', async () => {
      const badName = await migrationDir({ 'create.sql': 'SELECT 1;' });
      await expect(migrate(db, { dir: badName, table: 'e_migrations' })).rejects.toThrow(
        /create\.sql/,
      );
      const twice = await migrationDir({ '0001_a.sql': 'SELECT 1;', '0001_b.sql': 'SELECT 1;' });
      await expect(migrate(db, { dir: twice, table: 'e_migrations' })).rejects.toThrow(
        /share the number/,
      );
    });

    it('rolls back a failing file, keeps the earlier ones, and names it', async () => {
      const dir = await migrationDir({
        '0001_ok.sql': 'CREATE TABLE f_ok (id int);',
        '0002_broken.sql': 'CREATE TABLE f_half (id int); SELECT * FROM f_nowhere;',
      });
      await expect(migrate(db, { dir, table: 'f_migrations' })).rejects.toThrow(
        /0002_broken\.sql failed/,
      );
      expect(await tableExists(db, 'f_ok')).toBe(true);
      expect(await tableExists(db, 'f_half')).toBe(false);
      const { rows } = await db.query('SELECT name FROM f_migrations');
      expect(rows).toEqual([{ name: '0001_ok.sql' }]);
    });

    it('applies in-code sets under their own names, beside the folder', async () => {
      const set: MigrationSet = {
        name: 'kit.sample',
        migrations: [{ name: '0001_create.sql', sql: 'CREATE TABLE g_kit (id int);' }],
      };
      const dir = await migrationDir({ '0001_create.sql': 'CREATE TABLE g_service (id int);' });
      expect(await migrate(db, { dir, sets: [set], table: 'g_migrations' })).toEqual([
        'kit.sample/0001_create.sql',
        '0001_create.sql',
      ]);
      // A run with only the folder does not judge the set's records, and vice versa.
      expect(await migrate(db, { dir, table: 'g_migrations' })).toEqual([]);
      expect(await migrate(db, { sets: [set], table: 'g_migrations' })).toEqual([]);
      const edited = { ...set, migrations: [{ name: '0001_create.sql', sql: 'SELECT 1;' }] };
      await expect(migrate(db, { sets: [edited], table: 'g_migrations' })).rejects.toThrow(
        /kit\.sample\/0001_create\.sql was edited/,
      );
    });

    it('two migrators at once apply each file exactly once and both succeed', async () => {
      const dir = await migrationDir(racingFiles('h'));
      if (engine.name === 'pglite') {
        await race(db, db, dir);
        return;
      }
      // Two pools on one database: what two replicas starting together look like.
      const shared = await createTestDatabase(process.env.DATABASE_URL ?? '');
      const first = await openDb({ url: shared.url, poolMax: 2 });
      const second = await openDb({ url: shared.url, poolMax: 2 });
      try {
        await race(first, second, dir);
      } finally {
        await first.close();
        await second.close();
        await shared.drop();
      }
    });
  });
}
