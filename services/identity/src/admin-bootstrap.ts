import { ConfigError } from '@cinesync/kit/config';
import { isAppError } from '@cinesync/kit/http';
import type { Logger } from '@cinesync/kit/log';
import type { UserService } from './users.js';

const VARIABLE_OF_FIELD: Record<string, string> = {
  '/body/email': 'ADMIN_EMAIL',
  '/body/password': 'ADMIN_PASSWORD',
};

/**
 * Makes sure ADMIN_EMAIL is an admin. A password the policy refuses stops the start as a
 * configuration error naming the variable. Neither the password nor the email is logged.
 */
export async function bootstrapAdmin(
  users: UserService,
  email: string,
  password: string | undefined,
  logger: Logger,
): Promise<void> {
  try {
    const outcome = await users.ensureAdmin(email, password);
    if (outcome !== 'unchanged') logger.info({ outcome }, `admin account ${outcome}`);
  } catch (error) {
    if (isAppError(error) && error.errors) {
      throw new ConfigError(
        error.errors.map(({ field, message }) => ({
          variable: VARIABLE_OF_FIELD[field] ?? field,
          problem: message,
        })),
      );
    }
    if (error instanceof Error && error.message.startsWith('ADMIN_PASSWORD is required')) {
      throw new ConfigError([
        { variable: 'ADMIN_PASSWORD', problem: 'is required to create the ADMIN_EMAIL account' },
      ]);
    }
    throw error;
  }
}
