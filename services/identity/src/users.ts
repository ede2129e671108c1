import { type UserRegisteredV1, userRegistered } from '@cinesync/contracts';
import type { Db, Tx } from '@cinesync/kit/db';
import { isUniqueViolation } from '@cinesync/kit/db';
import {
  conflict,
  type FieldError,
  forbidden,
  isAppError,
  notFound,
  validation,
} from '@cinesync/kit/http';
import { enqueue, uuidv7 } from '@cinesync/kit/outbox';
import { isValidEmail, normalizeEmail } from './email.js';
import type { LoginThrottle } from './login-throttle.js';
import type { PasswordPolicy } from './password-policy.js';
import { hashPassword } from './passwords.js';
import * as repo from './repository.js';

export type Role = 'user' | 'admin';

/** What anyone may see of an account: never the password hash. */
export interface User {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  createdAt: Date;
}

export function publicUser(record: repo.UserRecord): User {
  const { id, email, displayName, role, createdAt } = record;
  return { id, email, displayName, role, createdAt };
}

export interface NewAccount {
  email: string;
  password: string;
  displayName?: string | undefined;
}

export const MAX_DISPLAY_NAME_LENGTH = 64;

const emailTaken = () => conflict('An account with this email already exists.', 'email_taken');

export interface UserServiceDeps {
  db: Db;
  policy: PasswordPolicy;
  clock: () => Date;
  throttle: LoginThrottle;
  /** Called after a commit that wrote outbox rows (wakes the relay). */
  published: () => void;
}

/** Accounts and roles; the sign-in side lives in AuthService. */
export class UserService {
  constructor(private readonly deps: UserServiceDeps) {}

  /** Sign-up: the IP's sign-up bucket first (each sign-up costs an Argon2 hash). */
  async register(input: NewAccount, ip: string): Promise<User> {
    await this.deps.throttle.admitRegistration(ip);
    return this.create(input);
  }

  /**
   * Checks the input (field names as in the request body), hashes the password outside any
   * transaction, then inserts the user and its `identity.user.registered` event in one.
   */
  async create(input: NewAccount, role: Role = 'user'): Promise<User> {
    const email = normalizeEmail(input.email);
    const problems: FieldError[] = [];
    if (!isValidEmail(email))
      problems.push({ field: '/body/email', message: 'must be an email address' });
    const weak = this.deps.policy.problem(input.password, email);
    if (weak) problems.push({ field: '/body/password', message: weak });
    const displayName = (input.displayName ?? '').trim() || (email.split('@')[0] ?? '');
    if (displayName.length > MAX_DISPLAY_NAME_LENGTH) {
      problems.push({ field: '/body/displayName', message: 'is too long' });
    }
    if (problems.length > 0) throw validation(problems);
    // Cheap check first: a taken email should not cost an Argon2 hash.
    if (await repo.findUserByEmail(this.deps.db, email)) throw emailTaken();

    const passwordHash = await hashPassword(input.password);
    const createdAt = this.deps.clock();
    let user: repo.UserRecord;
    try {
      user = await this.deps.db.transaction(async (tx) => {
        const created = await repo.insertUser(tx, {
          id: uuidv7(createdAt.getTime()),
          email,
          displayName,
          passwordHash,
          role,
          createdAt,
        });
        await announce(tx, created);
        return created;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw emailTaken();
      throw error;
    }
    this.deps.published();
    return publicUser(user);
  }

  async get(id: string): Promise<User> {
    const user = await repo.findUserById(this.deps.db, id);
    if (!user) throw notFound('No such user.', 'user_not_found');
    return publicUser(user);
  }

  /**
   * The actor's role is read from the database, not only from their token: an admin demoted a
   * minute ago still holds a token saying admin for up to its TTL. The last admin cannot be
   * demoted, or nobody could ever promote anyone again.
   */
  async changeRole(actorId: string, targetId: string, role: Role): Promise<User> {
    return this.deps.db.transaction(async (tx) => {
      const admins = await repo.lockAdmins(tx);
      if (!admins.includes(actorId)) throw forbidden('This needs the admin role.');
      const target = await repo.findUserById(tx, targetId, { forUpdate: true });
      if (!target) throw notFound('No such user.', 'user_not_found');
      if (target.role === role) return publicUser(target);
      if (target.role === 'admin' && admins.length === 1) {
        throw conflict(
          'The last admin cannot be demoted; promote another user first.',
          'last_admin',
        );
      }
      return publicUser(await repo.updateRole(tx, targetId, role));
    });
  }

  /**
   * The first admin from ADMIN_EMAIL / ADMIN_PASSWORD: creates the account when it is missing,
   * promotes it when it exists. The password is only used to create; an existing account keeps
   * its own.
   */
  async ensureAdmin(
    email: string,
    password: string | undefined,
  ): Promise<'created' | 'promoted' | 'unchanged'> {
    const existing = await repo.findUserByEmail(this.deps.db, email);
    if (existing) {
      if (existing.role === 'admin') return 'unchanged';
      await repo.updateRole(this.deps.db, existing.id, 'admin');
      return 'promoted';
    }
    if (password === undefined) {
      throw new Error('ADMIN_PASSWORD is required to create the admin account ADMIN_EMAIL');
    }
    try {
      await this.create({ email, password, displayName: 'Admin' }, 'admin');
      return 'created';
    } catch (error) {
      // Another replica created it between our look-up and insert.
      if (isAppError(error) && error.code === 'email_taken') {
        return this.ensureAdmin(email, undefined);
      }
      throw error;
    }
  }
}

async function announce(tx: Tx, user: repo.UserRecord): Promise<void> {
  const payload: UserRegisteredV1 = {
    version: 1,
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    occurredAt: user.createdAt.toISOString(),
  };
  await enqueue(tx, { subject: userRegistered.subject, key: user.id, payload });
}
