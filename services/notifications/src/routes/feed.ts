import { requireUser } from '@cinesync/kit/auth';
import type { Db } from '@cinesync/kit/db';
import { type Server, unauthorized } from '@cinesync/kit/http';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { listFeed, readAll, readOne } from '../feed.js';
import { FeedPage, FeedQuery, Notification, problems, toBody, Uuid } from './schemas.js';

export function userIdOf(request: FastifyRequest): string {
  if (!request.user) throw unauthorized();
  return request.user.id;
}

export function feedRoutes(server: Server, deps: { db: Db }): void {
  const tags = ['notifications'];

  server.get(
    '/api/v1/notifications',
    {
      onRequest: [requireUser],
      schema: {
        tags,
        summary: "The caller's notifications, newest first, with the unread count",
        querystring: FeedQuery,
        response: { 200: FeedPage, ...problems(400, 401) },
      },
    },
    async (request) => {
      const page = await listFeed(deps.db, userIdOf(request), request.query);
      return { ...page, items: page.items.map(toBody) };
    },
  );

  server.post(
    '/api/v1/notifications/:id/read',
    {
      schema: {
        tags,
        summary: 'Mark one of your notifications read (idempotent)',
        params: Type.Object({ id: Uuid }),
        response: { 200: Notification, ...problems(400, 401, 404) },
      },
    },
    async (request) => toBody(await readOne(deps.db, userIdOf(request), request.params.id)),
  );

  server.post(
    '/api/v1/notifications/read-all',
    {
      schema: {
        tags,
        summary: 'Mark all your notifications read',
        response: {
          200: Type.Object({ marked: Type.Integer({ description: 'How many were unread' }) }),
          ...problems(401),
        },
      },
    },
    async (request) => readAll(deps.db, userIdOf(request)),
  );
}
