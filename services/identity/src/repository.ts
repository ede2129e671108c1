import type { Queryable, Row } from '@cinesync/kit/db';
import type { JWK } from 'jose';
import type { Role } from './users.js';

// All SQL of the identity service. Every function takes the database or an open transaction.

export interface UserRecord {
  id: string;
  email: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  createdAt: Date;
}

interface UserRow extends Row {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  role: Role;
  created_at: Date;
}

const USER_COLUMNS = 'id, email, display_name, password_hash, role, created_at';

function toUser(row: UserRow): UserRecord {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    passwordHash: row.password_hash,
    role: row.role,
    createdAt: row.created_at,
  };
}

export async function insertUser(
  q: Queryable,
  user: Omit<UserRecord, 'createdAt'> & { createdAt: Date },
): Promise<UserRecord> {
  const { rows } = await q.query<UserRow>(
    `INSERT INTO users (id, email, display_name, password_hash, role, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING ${USER_COLUMNS}`,
    [user.id, user.email, user.displayName, user.passwordHash, user.role, user.createdAt],
  );
  const row = rows[0];
  if (!row) throw new Error('INSERT users returned no row');
  return toUser(row);
}

export async function findUserByEmail(
  q: Queryable,
  email: string,
): Promise<UserRecord | undefined> {
  const { rows } = await q.query<UserRow>(
    `SELECT ${USER_COLUMNS} FROM users WHERE lower(email) = lower($1)`,
    [email],
  );
  return rows[0] && toUser(rows[0]);
}

export async function findUserById(
  q: Queryable,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<UserRecord | undefined> {
  const lock = options.forUpdate ? ' FOR UPDATE' : '';
  const { rows } = await q.query<UserRow>(
    `SELECT ${USER_COLUMNS} FROM users WHERE id = $1${lock}`,
    [id],
  );
  return rows[0] && toUser(rows[0]);
}

export async function updatePasswordHash(q: Queryable, id: string, hash: string): Promise<void> {
  await q.query('UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1', [
    id,
    hash,
  ]);
}

export async function updateRole(q: Queryable, id: string, role: Role): Promise<UserRecord> {
  const { rows } = await q.query<UserRow>(
    `UPDATE users SET role = $2, updated_at = now() WHERE id = $1 RETURNING ${USER_COLUMNS}`,
    [id, role],
  );
  const row = rows[0];
  if (!row) throw new Error(`UPDATE users: no user ${id}`);
  return toUser(row);
}

/** Locks every admin row, so two demotions cannot both see "another admin is left". */
export async function lockAdmins(q: Queryable): Promise<string[]> {
  const { rows } = await q.query<{ id: string }>(
    "SELECT id FROM users WHERE role = 'admin' ORDER BY id FOR UPDATE",
  );
  return rows.map((row) => row.id);
}

// --- refresh tokens ---

export interface RefreshTokenRecord {
  id: string;
  familyId: string;
  userId: string;
  expiresAt: Date;
  rotatedAt: Date | null;
  revokedAt: Date | null;
}

interface RefreshTokenRow extends Row {
  id: string;
  family_id: string;
  user_id: string;
  expires_at: Date;
  rotated_at: Date | null;
  revoked_at: Date | null;
}

export async function insertRefreshToken(
  q: Queryable,
  token: {
    id: string;
    familyId: string;
    userId: string;
    hash: string;
    createdAt: Date;
    expiresAt: Date;
  },
): Promise<void> {
  await q.query(
    `INSERT INTO refresh_tokens (id, family_id, user_id, token_hash, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [token.id, token.familyId, token.userId, token.hash, token.createdAt, token.expiresAt],
  );
}

/** The token with this hash, locked so that two concurrent uses of it are serialised. */
export async function findRefreshTokenForUpdate(
  q: Queryable,
  hash: string,
): Promise<RefreshTokenRecord | undefined> {
  const { rows } = await q.query<RefreshTokenRow>(
    `SELECT id, family_id, user_id, expires_at, rotated_at, revoked_at
     FROM refresh_tokens WHERE token_hash = $1 FOR UPDATE`,
    [hash],
  );
  const row = rows[0];
  return (
    row && {
      id: row.id,
      familyId: row.family_id,
      userId: row.user_id,
      expiresAt: row.expires_at,
      rotatedAt: row.rotated_at,
      revokedAt: row.revoked_at,
    }
  );
}

export async function markRotated(q: Queryable, id: string, at: Date): Promise<void> {
  await q.query('UPDATE refresh_tokens SET rotated_at = $2 WHERE id = $1', [id, at]);
}

export async function revokeFamily(q: Queryable, familyId: string, at: Date): Promise<number> {
  const { rowCount } = await q.query(
    'UPDATE refresh_tokens SET revoked_at = $2 WHERE family_id = $1 AND revoked_at IS NULL',
    [familyId, at],
  );
  return rowCount;
}

/** Expired tokens are useless, revoked or not; a day's grace keeps reuse detection meaningful. */
export async function deleteRefreshTokensExpiredBefore(
  q: Queryable,
  before: Date,
): Promise<number> {
  const { rowCount } = await q.query('DELETE FROM refresh_tokens WHERE expires_at < $1', [before]);
  return rowCount;
}

// --- signing keys ---

export interface SigningKeyRecord {
  kid: string;
  alg: string;
  publicJwk: JWK;
  privateJwk: JWK;
  createdAt: Date;
  retiredAt: Date | null;
}

interface SigningKeyRow extends Row {
  kid: string;
  alg: string;
  public_jwk: JWK;
  private_jwk: JWK;
  created_at: Date;
  retired_at: Date | null;
}

function toSigningKey(row: SigningKeyRow): SigningKeyRecord {
  return {
    kid: row.kid,
    alg: row.alg,
    publicJwk: row.public_jwk,
    privateJwk: row.private_jwk,
    createdAt: row.created_at,
    retiredAt: row.retired_at,
  };
}

/** Serialises key rotations across replicas until the transaction ends. */
export async function lockSigningKeys(q: Queryable): Promise<void> {
  await q.query("SELECT pg_advisory_xact_lock(hashtext('identity.signing_keys'))");
}

/** The active key and every key retired after `retiredAfter`, newest first. */
export async function listPublishedKeys(
  q: Queryable,
  retiredAfter: Date,
): Promise<SigningKeyRecord[]> {
  const { rows } = await q.query<SigningKeyRow>(
    `SELECT kid, alg, public_jwk, private_jwk, created_at, retired_at FROM signing_keys
     WHERE retired_at IS NULL OR retired_at > $1 ORDER BY created_at DESC, kid`,
    [retiredAfter],
  );
  return rows.map(toSigningKey);
}

export async function insertSigningKey(
  q: Queryable,
  key: Omit<SigningKeyRecord, 'retiredAt'>,
): Promise<void> {
  await q.query(
    `INSERT INTO signing_keys (kid, alg, public_jwk, private_jwk, created_at)
     VALUES ($1, $2, $3, $4, $5)`,
    [
      key.kid,
      key.alg,
      JSON.stringify(key.publicJwk),
      JSON.stringify(key.privateJwk),
      key.createdAt,
    ],
  );
}

export async function retireActiveKey(q: Queryable, at: Date): Promise<void> {
  await q.query('UPDATE signing_keys SET retired_at = $1 WHERE retired_at IS NULL', [at]);
}

/** Keys no token can still need: their private part should not linger. */
export async function deleteKeysRetiredBefore(q: Queryable, before: Date): Promise<number> {
  const { rowCount } = await q.query('DELETE FROM signing_keys WHERE retired_at < $1', [before]);
  return rowCount;
}
