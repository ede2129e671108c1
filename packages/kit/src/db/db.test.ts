import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbEngines } from '../testing/index.js';
import {
  type Db,
  isUniqueViolation,
  openDb,
  pgErrorCode,
  TransactionAbortedError,
} from './index.js';

for (const engine of dbEngines()) {
  describe.skipIf(engine.skipReason)(engine.title, () => {
    let db: Db;
    beforeAll(async () => {
      db = await engine.open();
      await db.exec(`
        CREATE TABLE items (id int PRIMARY KEY, label text NOT NULL);
        CREATE TABLE counters (name text PRIMARY KEY, value int NOT NULL);
      `);
    });
    afterAll(() => db?.close());

    it('reports its engine and answers ping', async () => {
      expect(db.engine).toBe(engine.name);
      await db.ping();
    });

    it('runs parameterised queries and counts rows', async () => {
      const inserted = await db.query('INSERT INTO items VALUES ($1, $2), ($3, $4)', [
        1,
        'one',
        2,
        'two',
      ]);
      expect(inserted.rowCount).toBe(2);
      const selected = await db.query<{ id: number; label: string }>(
        'SELECT id, label FROM items WHERE id >= $1 ORDER BY id',
        [1],
      );
      expect(selected.rows).toEqual([
        { id: 1, label: 'one' },
        { id: 2, label: 'two' },
      ]);
      expect(selected.rowCount).toBe(2);
      const updated = await db.query('UPDATE items SET label = upper(label) WHERE id = 99');
      expect(updated.rowCount).toBe(0);
    });

    it('commits a transaction that resolves', async () => {
      const result = await db.transaction(async (tx) => {
        await tx.query('INSERT INTO counters VALUES ($1, 1)', ['committed']);
        const inside = await tx.query('SELECT value FROM counters WHERE name = $1', ['committed']);
        return inside.rows[0]?.value;
      });
      expect(result).toBe(1);
      const after = await db.query('SELECT value FROM counters WHERE name = $1', ['committed']);
      expect(after.rows).toEqual([{ value: 1 }]);
    });

    it('rolls back a transaction that throws and rethrows the error', async () => {
      const failure = new Error('business rule broken');
      await expect(
        db.transaction(async (tx) => {
          await tx.query('INSERT INTO counters VALUES ($1, 1)', ['rolled-back']);
          throw failure;
        }),
      ).rejects.toBe(failure);
      const after = await db.query('SELECT 1 FROM counters WHERE name = $1', ['rolled-back']);
      expect(after.rowCount).toBe(0);
    });

    it('refuses to commit when a statement inside failed, even if the error was caught', async () => {
      const outcome = db.transaction(async (tx) => {
        await tx.query('INSERT INTO counters VALUES ($1, 1)', ['aborted']);
        await tx.query('SELECT 1 / 0').catch(() => undefined);
      });
      await expect(outcome).rejects.toBeInstanceOf(Error);
      await expect(outcome).rejects.toMatchObject({ code: '25P02' });
      const after = await db.query('SELECT 1 FROM counters WHERE name = $1', ['aborted']);
      expect(after.rowCount).toBe(0);
      expect(new TransactionAbortedError().code).toBe('25P02');
    });

    it('closes the transaction handle when the transaction ends', async () => {
      let leaked: Parameters<Parameters<Db['transaction']>[0]>[0] | undefined;
      await db.transaction(async (tx) => {
        leaked = tx;
      });
      await expect(leaked?.query('SELECT 1')).rejects.toThrow(/closed/i);
    });

    it('exposes the SQLSTATE of constraint violations', async () => {
      await db.query('INSERT INTO items VALUES (10, $1)', ['ten']);
      const err = await db.query('INSERT INTO items VALUES (10, $1)', ['again']).catch((e) => e);
      expect(pgErrorCode(err)).toBe('23505');
      expect(isUniqueViolation(err)).toBe(true);
      const notNull = await db.query('INSERT INTO items VALUES (11, NULL)').catch((e) => e);
      expect(pgErrorCode(notNull)).toBe('23502');
      expect(isUniqueViolation(notNull)).toBe(false);
      const inTx = await db
        .transaction((tx) => tx.query('INSERT INTO items VALUES (10, $1)', ['tx']))
        .catch((e) => e);
      expect(isUniqueViolation(inTx)).toBe(true);
    });

    it('returns the documented JS types', async () => {
      const at = new Date('2024-05-06T07:08:09.123Z');
      const { rows } = await db.query(
        `SELECT 1::int2 AS i2, 2::int4 AS i4, 9007199254740993::int8 AS i8, 5::int8 AS small_i8,
                count(*) AS n, 12.50::numeric AS num, 1.5::float8 AS f8, true AS b,
                'a'::text AS t, '00000000-0000-0000-0000-000000000001'::uuid AS u,
                '2024-01-02'::date AS d, '1 day 02:00:00'::interval AS iv,
                $1::timestamptz AS ts, '{"x":[1,{"y":null}]}'::jsonb AS j, '[1,2]'::json AS js,
                $2::jsonb AS jp, ARRAY[1, 2]::int8[] AS i8s, ARRAY[1, 2]::int4[] AS i4s,
                ARRAY[1.5]::numeric[] AS nums, ARRAY['2024-01-02'::date] AS ds,
                ARRAY['a', 'b'] AS ts_arr, '\\x0102'::bytea AS bytes, NULL::int4 AS nothing,
                $3::int8 AS big_param`,
        [at, JSON.stringify({ list: [1, 2] }), 9007199254740993n],
      );
      const row = rows[0] ?? {};
      expect(row).toEqual({
        i2: 1,
        i4: 2,
        i8: '9007199254740993',
        small_i8: '5',
        n: '1',
        num: '12.50',
        f8: 1.5,
        b: true,
        t: 'a',
        u: '00000000-0000-0000-0000-000000000001',
        d: '2024-01-02',
        iv: '1 day 02:00:00',
        ts: at,
        j: { x: [1, { y: null }] },
        js: [1, 2],
        jp: { list: [1, 2] },
        i8s: ['1', '2'],
        i4s: [1, 2],
        nums: ['1.5'],
        ds: ['2024-01-02'],
        ts_arr: ['a', 'b'],
        bytes: expect.any(Uint8Array),
        nothing: null,
        big_param: '9007199254740993',
      });
      expect(row.ts).toBeInstanceOf(Date);
      expect([...(row.bytes as Uint8Array)]).toEqual([1, 2]);
    });
  });
}

describe('pglite on disk', { timeout: 120_000 }, () => {
  it('keeps data across reopen when given a dataDir', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'cinesync-pglite-'));
    try {
      const first = await openDb({ dataDir: join(dataDir, 'db') });
      await first.exec("CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here');");
      await first.close();
      const second = await openDb({ dataDir: join(dataDir, 'db') });
      const { rows } = await second.query('SELECT v FROM kept');
      await second.close();
      expect(rows).toEqual([{ v: 'still here' }]);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('pgErrorCode', () => {
  it('ignores errors that are not from the database', () => {
    expect(pgErrorCode(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toBeUndefined();
    expect(pgErrorCode('23505')).toBeUndefined();
    expect(pgErrorCode(null)).toBeUndefined();
  });
});
