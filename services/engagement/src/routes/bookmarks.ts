import { requireUser } from '@cinesync/kit/auth';
import type { Server } from '@cinesync/kit/http';
import { Type } from 'typebox';
import { addBookmark, getBookmark, listBookmarks, removeBookmark } from '../bookmarks.js';
import type { CatalogClient } from '../catalog-client.js';
import type { BookmarkRow } from '../repository/bookmarks.js';
import type { Writer } from '../writer.js';
import { actorOf } from './actor.js';
import { FilmParams, iso, PageQuery, pageOf, problems, Timestamp, Uuid } from './schemas.js';

const Bookmark = Type.Object(
  {
    filmId: Uuid,
    title: Type.String({ description: "The film's title when it was bookmarked" }),
    year: Type.Union([Type.Integer(), Type.Null()]),
    createdAt: Timestamp,
  },
  { title: 'Bookmark' },
);

const toBody = (bookmark: BookmarkRow) => ({ ...bookmark, createdAt: iso(bookmark.createdAt) });

export function bookmarkRoutes(server: Server, deps: Writer & { catalog: CatalogClient }): void {
  const tags = ['bookmarks'];

  server.post(
    '/api/v1/bookmarks',
    {
      schema: {
        tags,
        summary: 'Bookmark a film (idempotent: 201 when added, 200 when it already was)',
        body: Type.Object({ filmId: Uuid }),
        response: { 200: Bookmark, 201: Bookmark, ...problems(400, 401, 404, 503) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const result = await addBookmark(deps.db, deps.catalog, actor.id, request.body.filmId);
      return reply.code(result.created ? 201 : 200).send(toBody(result.bookmark));
    },
  );

  server.get(
    '/api/v1/bookmarks/:filmId',
    {
      onRequest: [requireUser],
      schema: {
        tags,
        summary: "The caller's bookmark of a film (404 when not bookmarked)",
        params: FilmParams,
        response: { 200: Bookmark, ...problems(400, 401, 404) },
      },
    },
    async (request) =>
      toBody(await getBookmark(deps.db, actorOf(request).id, request.params.filmId)),
  );

  server.delete(
    '/api/v1/bookmarks/:filmId',
    {
      schema: {
        tags,
        summary: 'Remove a bookmark',
        params: FilmParams,
        response: { 204: Type.Null(), ...problems(400, 401, 404) },
      },
    },
    async (request, reply) => {
      await removeBookmark(deps.db, actorOf(request).id, request.params.filmId);
      return reply.code(204).send(null);
    },
  );

  server.get(
    '/api/v1/bookmarks',
    {
      onRequest: [requireUser],
      schema: {
        tags,
        summary: "The caller's bookmarks, newest first",
        querystring: Type.Object(PageQuery),
        response: { 200: pageOf(Bookmark, 'BookmarkPage'), ...problems(400, 401) },
      },
    },
    async (request) => {
      const page = await listBookmarks(deps.db, actorOf(request).id, request.query);
      return { ...page, items: page.items.map(toBody) };
    },
  );
}
