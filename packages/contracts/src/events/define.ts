import type { Static, TSchema } from 'typebox';
import { Value } from 'typebox/value';

/**
 * One event type on the bus: its subject and the schema of its payload. The payload carries its
 * own `version`; a breaking change ships as a new version next to the old one, so consumers can
 * move over one at a time.
 */
export interface EventContract<S extends TSchema> {
  subject: string;
  version: number;
  schema: S;
}

export function defineEvent<S extends TSchema>(
  subject: string,
  version: number,
  schema: S,
): EventContract<S> {
  return { subject, version, schema };
}

export class InvalidEventError extends Error {
  override readonly name = 'InvalidEventError';
  readonly problems: readonly string[];

  constructor(subject: string, problems: readonly string[]) {
    super(`invalid ${subject} payload: ${problems.join('; ')}`);
    this.problems = problems;
  }
}

/** Checks a payload against its contract: returns it typed, or throws listing every problem. */
export function parseEvent<S extends TSchema>(
  contract: EventContract<S>,
  payload: unknown,
): Static<S> {
  if (Value.Check(contract.schema, payload)) return payload;
  const problems = [...Value.Errors(contract.schema, payload)].map(
    (error) => `${error.instancePath || '/'} ${error.message}`,
  );
  throw new InvalidEventError(contract.subject, problems);
}
