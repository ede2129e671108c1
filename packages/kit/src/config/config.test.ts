import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  bool,
  ConfigError,
  duration,
  int,
  list,
  loadConfig,
  oneOf,
  optional,
  parseDuration,
  port,
  str,
  url,
} from './index.js';

const schema = {
  PORT: port(8080),
  DATABASE_URL: optional(url()),
  LOG_LEVEL: oneOf(['debug', 'info', 'warn', 'error'], 'info'),
  TOKEN_TTL: duration('15m'),
  ADMIN_EMAIL: optional(str()),
  FLAG: bool(false),
  N: int({ min: 1 }, 10),
};

function errorOf(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('applies defaults when variables are unset or blank', () => {
    const cfg = loadConfig(schema, { DATABASE_URL: '', FLAG: '  ' });
    expect(cfg).toEqual({
      PORT: 8080,
      DATABASE_URL: undefined,
      LOG_LEVEL: 'info',
      TOKEN_TTL: 900_000,
      ADMIN_EMAIL: undefined,
      FLAG: false,
      N: 10,
    });
    expectTypeOf(cfg.PORT).toEqualTypeOf<number>();
    expectTypeOf(cfg.DATABASE_URL).toEqualTypeOf<string | undefined>();
    expectTypeOf(cfg.LOG_LEVEL).toEqualTypeOf<'debug' | 'info' | 'warn' | 'error'>();
    expectTypeOf(cfg.FLAG).toEqualTypeOf<boolean>();
  });

  it('parses set variables', () => {
    const cfg = loadConfig(schema, {
      PORT: '3000',
      DATABASE_URL: 'postgres://u:p@db:5432/x',
      LOG_LEVEL: 'debug',
      TOKEN_TTL: '1h30m',
      ADMIN_EMAIL: 'a@b.c',
      FLAG: 'yes',
      N: '42',
    });
    expect(cfg).toEqual({
      PORT: 3000,
      DATABASE_URL: 'postgres://u:p@db:5432/x',
      LOG_LEVEL: 'debug',
      TOKEN_TTL: 5_400_000,
      ADMIN_EMAIL: 'a@b.c',
      FLAG: true,
      N: 42,
    });
  });

  it('lists every bad variable at once, without echoing URLs', () => {
    const error = errorOf(() =>
      loadConfig(
        { ...schema, SECRET: str(), NODES: list() },
        {
          PORT: '70000',
          DATABASE_URL: 'not a url with password hunter2',
          LOG_LEVEL: 'loud',
          TOKEN_TTL: '15 minutes',
          FLAG: 'maybe',
          N: '0',
        },
      ),
    );
    expect(error.issues.map((issue) => issue.variable)).toEqual([
      'PORT',
      'DATABASE_URL',
      'LOG_LEVEL',
      'TOKEN_TTL',
      'FLAG',
      'N',
      'SECRET',
      'NODES',
    ]);
    expect(error.message).toContain('Invalid configuration (8 variables)');
    expect(error.message).toContain('PORT: must be a port number 0-65535, got "70000"');
    expect(error.message).toContain(
      'LOG_LEVEL: must be one of debug, info, warn, error, got "loud"',
    );
    expect(error.message).toContain('N: must be an integer >= 1, got "0"');
    expect(error.message).toContain('SECRET: is required but not set');
    expect(error.message).not.toContain('hunter2');
  });

  it('rejects non-integers and out-of-range integers', () => {
    const cfg = { N: int({ min: 1, max: 5 }) };
    expect(loadConfig(cfg, { N: '5' }).N).toBe(5);
    for (const bad of ['6', '1.5', '1e3', '0x10', 'ten']) {
      expect(errorOf(() => loadConfig(cfg, { N: bad })).message).toContain('between 1 and 5');
    }
  });

  it('splits lists', () => {
    expect(loadConfig({ L: list() }, { L: ' a, b ,,c' }).L).toEqual(['a', 'b', 'c']);
  });

  it('lets unexpected errors through', () => {
    const broken = {
      X: {
        parse: () => {
          throw new TypeError('bug');
        },
      },
    };
    expect(() => loadConfig(broken, {})).toThrow(TypeError);
  });
});

describe('parseDuration', () => {
  it.each([
    ['250', 250],
    ['500ms', 500],
    ['30s', 30_000],
    ['2d', 172_800_000],
    ['1h30m', 5_400_000],
  ])('%s → %d ms', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(['', '1x', '1h 30m', 'm', '-5s', '5S'])('rejects %s', (text) =>
    expect(parseDuration(text)).toBeUndefined(),
  );

  it('refuses an invalid default at definition time', () => {
    expect(() => duration('soon')).toThrow(/invalid default/);
  });
});
