import { requireUser } from '@cinesync/kit/auth';
import type { Db } from '@cinesync/kit/db';
import type { Server } from '@cinesync/kit/http';
import { getPreferences, setPreferences } from '../preferences.js';
import { userIdOf } from './feed.js';
import { Preferences, problems } from './schemas.js';

export function preferenceRoutes(server: Server, deps: { db: Db }): void {
  const tags = ['notifications'];
  const path = '/api/v1/notifications/preferences';

  server.get(
    path,
    {
      onRequest: [requireUser],
      schema: {
        tags,
        summary: 'Your e-mail preferences (every kind on until changed)',
        response: { 200: Preferences, ...problems(401) },
      },
    },
    async (request) => getPreferences(deps.db, userIdOf(request)),
  );

  server.put(
    path,
    {
      schema: {
        tags,
        summary: 'Turn e-mail on or off per kind; in-app notifications stay on',
        body: Preferences,
        response: { 200: Preferences, ...problems(400, 401) },
      },
    },
    async (request) => setPreferences(deps.db, userIdOf(request), request.body),
  );
}
