import { service as gateway } from '@cinesync/gateway';
import { service as identity } from '@cinesync/identity';
import type { Schema } from '@cinesync/kit/config';
import type { ServiceDefinition } from '@cinesync/kit/service';

/**
 * Every backend the embedded platform runs, in start order: a service comes after the ones it
 * calls at start. Adding a service is one line here. The gateway is started last, separately.
 */
export const backends: readonly ServiceDefinition<Schema>[] = [identity];

export { gateway };
