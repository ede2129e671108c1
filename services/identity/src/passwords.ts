import { hash, verify } from '@node-rs/argon2';

/**
 * Argon2id with the OWASP minimum (m = 19 MiB, t = 2, p = 1). The library's default algorithm is
 * Argon2id; it is not passed explicitly because its enum is a `const enum` that isolated modules
 * cannot read. A unit test pins the resulting prefix.
 */
const PARAMS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
const CURRENT_PREFIX = `$argon2id$v=19$m=${PARAMS.memoryCost},t=${PARAMS.timeCost},p=${PARAMS.parallelism}$`;

export function hashPassword(password: string): Promise<string> {
  return hash(password, PARAMS);
}

/** False for a wrong password and for a malformed stored hash alike. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** Hashes made with older parameters are upgraded at the next successful sign-in. */
export function needsRehash(stored: string): boolean {
  return !stored.startsWith(CURRENT_PREFIX);
}

/**
 * A real hash to verify against when the email is unknown, so an unknown email costs the same
 * time as a wrong password and response times do not reveal which accounts exist.
 */
export class DummyHash {
  private hashed: Promise<string> | undefined;

  /** Call at start, so the first unknown-email sign-in is not the slow one. */
  warm(): Promise<string> {
    this.hashed ??= hashPassword(`dummy-${crypto.randomUUID()}`);
    return this.hashed;
  }

  async verify(password: string): Promise<false> {
    await verifyPassword(await this.warm(), password);
    return false;
  }
}
