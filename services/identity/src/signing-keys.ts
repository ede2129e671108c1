import type { Db } from '@cinesync/kit/db';
import {
  type CryptoKey,
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
} from 'jose';
import * as repo from './repository.js';

export const SIGNING_ALG = 'EdDSA';

/** A public key as served in the JWKS. */
export interface PublicJwk {
  kty: string;
  crv: string;
  x: string;
  kid: string;
  alg: string;
  use: 'sig';
}

export interface ActiveKey {
  kid: string;
  privateKey: CryptoKey;
  createdAt: Date;
}

interface Loaded {
  at: number;
  active: ActiveKey | undefined;
  verifiers: Map<string, CryptoKey>;
}

export interface KeyStoreOptions {
  db: Db;
  clock: () => Date;
  /** The active key is replaced once it is this old. */
  maxAgeMs: number;
  /** How long a retired key stays published: the access-token TTL plus clock leeway. */
  publishForMs: number;
  /** How stale this replica's copy of the keys may get (another replica may rotate). */
  reloadEveryMs?: number;
}

/** Least time between reloads caused by unknown key ids, so junk tokens cannot hammer the db. */
const UNKNOWN_KID_COOLDOWN_MS = 5_000;

function publicPart(record: repo.SigningKeyRecord): PublicJwk {
  const { kty = 'OKP', crv = 'Ed25519', x = '' } = record.publicJwk;
  return { kty, crv, x, kid: record.kid, alg: record.alg, use: 'sig' };
}

/**
 * Ed25519 signing keys kept in the identity database, shared by every replica. Exactly one key
 * signs; a rotation retires it and creates the next. A retired key stays published (JWKS) for
 * `publishForMs`, long enough for every token it signed to expire, then it is deleted.
 */
export class KeyStore {
  private readonly db: Db;
  private readonly clock: () => Date;
  private readonly maxAgeMs: number;
  private readonly publishForMs: number;
  private readonly reloadEveryMs: number;
  private loaded: Loaded | undefined;
  private loading: Promise<Loaded> | undefined;

  constructor(options: KeyStoreOptions) {
    this.db = options.db;
    this.clock = options.clock;
    this.maxAgeMs = options.maxAgeMs;
    this.publishForMs = options.publishForMs;
    this.reloadEveryMs = options.reloadEveryMs ?? 30_000;
  }

  /** The key to sign with now; creates the first key, and rotates one that has grown too old. */
  async signingKey(): Promise<ActiveKey> {
    let loaded = await this.current();
    const active = loaded.active;
    if (!active || this.tooOld(active.createdAt)) {
      await this.rotate({ onlyIfOlderThan: this.clock().getTime() - this.maxAgeMs });
      loaded = await this.current();
    }
    if (!loaded.active) throw new Error('no active signing key after rotation');
    return loaded.active;
  }

  /** Public key for a token's `kid`; reloads once when another replica may have rotated. */
  async verificationKey(kid: string | undefined): Promise<CryptoKey | undefined> {
    if (kid === undefined) return undefined;
    const loaded = await this.current();
    const known = loaded.verifiers.get(kid);
    if (known || Date.now() - loaded.at < UNKNOWN_KID_COOLDOWN_MS) return known;
    return (await this.reload()).verifiers.get(kid);
  }

  /** The published key set, read fresh so a rotation on any replica shows at once. */
  async jwks(): Promise<{ keys: PublicJwk[] }> {
    const records = await repo.listPublishedKeys(this.db, this.publishedSince());
    return { keys: records.map(publicPart) };
  }

  /**
   * Retires the active key and creates a new one. With `onlyIfOlderThan` (automatic rotation),
   * does nothing when the active key is newer, e.g. because another replica just rotated.
   */
  async rotate(options: { onlyIfOlderThan?: number } = {}): Promise<{ kid: string }> {
    const now = this.clock();
    const fresh = await newKeyPair();
    const kid = await this.db.transaction(async (tx) => {
      await repo.lockSigningKeys(tx);
      const published = await repo.listPublishedKeys(tx, this.publishedSince());
      const active = published.find((key) => key.retiredAt === null);
      if (
        active &&
        options.onlyIfOlderThan !== undefined &&
        active.createdAt.getTime() > options.onlyIfOlderThan
      ) {
        return active.kid;
      }
      await repo.retireActiveKey(tx, now);
      await repo.deleteKeysRetiredBefore(tx, this.publishedSince());
      await repo.insertSigningKey(tx, {
        kid: fresh.kid,
        alg: SIGNING_ALG,
        publicJwk: fresh.publicJwk,
        privateJwk: fresh.privateJwk,
        createdAt: now,
      });
      return fresh.kid;
    });
    await this.reload();
    return { kid };
  }

  private tooOld(createdAt: Date): boolean {
    return this.clock().getTime() - createdAt.getTime() >= this.maxAgeMs;
  }

  private publishedSince(): Date {
    return new Date(this.clock().getTime() - this.publishForMs);
  }

  private async current(): Promise<Loaded> {
    const loaded = this.loaded;
    if (loaded && Date.now() - loaded.at < this.reloadEveryMs) return loaded;
    return this.reload();
  }

  /** One load at a time; callers arriving meanwhile share it. */
  private reload(): Promise<Loaded> {
    this.loading ??= this.load().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  private async load(): Promise<Loaded> {
    const records = await repo.listPublishedKeys(this.db, this.publishedSince());
    const verifiers = new Map<string, CryptoKey>();
    let active: ActiveKey | undefined;
    for (const record of records) {
      verifiers.set(record.kid, await importKey(record.publicJwk, record.alg));
      if (record.retiredAt === null) {
        active = {
          kid: record.kid,
          privateKey: await importKey(record.privateJwk, record.alg),
          createdAt: record.createdAt,
        };
      }
    }
    this.loaded = { at: Date.now(), active, verifiers };
    return this.loaded;
  }
}

async function importKey(jwk: JWK, alg: string): Promise<CryptoKey> {
  const key = await importJWK(jwk, alg);
  if (key instanceof Uint8Array) throw new Error('signing key is not an asymmetric key');
  return key;
}

async function newKeyPair(): Promise<{ kid: string; publicJwk: JWK; privateJwk: JWK }> {
  const { publicKey, privateKey } = await generateKeyPair(SIGNING_ALG, { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  // The RFC 7638 thumbprint: a stable id derived from the key itself.
  const kid = await calculateJwkThumbprint(publicJwk);
  return { kid, publicJwk, privateJwk: await exportJWK(privateKey) };
}
