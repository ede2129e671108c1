import { type Field, InvalidValue } from './fields.js';

export type Schema = Record<string, Field<unknown>>;

/** The typed object `loadConfig` returns for a schema. */
export type ConfigOf<S extends Schema> = {
  [K in keyof S]: S[K] extends Field<infer T> ? T : never;
};

export interface ConfigIssue {
  variable: string;
  problem: string;
}

/** Every bad variable at once, so one restart fixes them all. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly issues: readonly ConfigIssue[];

  constructor(issues: readonly ConfigIssue[]) {
    const lines = issues.map((issue) => `  ${issue.variable}: ${issue.problem}`);
    const count = issues.length === 1 ? '1 variable' : `${issues.length} variables`;
    super(`Invalid configuration (${count}):\n${lines.join('\n')}`);
    this.issues = issues;
  }
}

export type Env = Record<string, string | undefined>;

/** Parses every variable of the schema from env; throws one ConfigError listing all problems. */
export function loadConfig<S extends Schema>(schema: S, env: Env = process.env): ConfigOf<S> {
  const values: Record<string, unknown> = {};
  const issues: ConfigIssue[] = [];
  for (const [variable, spec] of Object.entries(schema)) {
    try {
      values[variable] = spec.parse(env[variable]);
    } catch (error) {
      if (!(error instanceof InvalidValue)) throw error;
      issues.push({ variable, problem: error.message });
    }
  }
  if (issues.length > 0) throw new ConfigError(issues);
  return values as ConfigOf<S>;
}
