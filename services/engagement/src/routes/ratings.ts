import { requireUser } from '@cinesync/kit/auth';
import type { Server } from '@cinesync/kit/http';
import { Type } from 'typebox';
import { getFilmStats, getMyRating, rateFilm, unrateFilm } from '../ratings.js';
import type { RatingRow } from '../repository/ratings.js';
import { MAX_RATING, MIN_RATING } from '../stats.js';
import type { Writer } from '../writer.js';
import { actorOf } from './actor.js';
import { FilmParams, iso, problems, Timestamp, Uuid } from './schemas.js';

const Value = Type.Integer({ minimum: MIN_RATING, maximum: MAX_RATING });

const FilmStats = Type.Object(
  {
    filmId: Uuid,
    likes: Type.Integer({ description: 'Ratings of 6 or more' }),
    dislikes: Type.Integer({ description: 'Ratings of 5 or less' }),
    count: Type.Integer(),
    average: Type.Union([Type.Number(), Type.Null()], {
      description: 'Mean rating, 2 decimals; null when nobody rated the film',
    }),
    distribution: Type.Record(Type.String({ pattern: '^([1-9]|10)$' }), Type.Integer(), {
      description: 'Number of ratings per value "1".."10"',
    }),
  },
  { title: 'FilmStats' },
);

const Rating = Type.Object(
  { filmId: Uuid, value: Value, createdAt: Timestamp, updatedAt: Timestamp },
  { title: 'Rating' },
);

const RatingWithStats = Type.Object(
  {
    filmId: Uuid,
    value: Value,
    createdAt: Timestamp,
    updatedAt: Timestamp,
    stats: FilmStats,
  },
  { title: 'RatingWithStats' },
);

const toBody = (rating: RatingRow) => ({
  ...rating,
  createdAt: iso(rating.createdAt),
  updatedAt: iso(rating.updatedAt),
});

export function ratingRoutes(server: Server, deps: Writer): void {
  const tags = ['ratings'];

  server.put(
    '/api/v1/ratings',
    {
      schema: {
        tags,
        summary: "Set the caller's rating of a film (idempotent; 201 for a first rating)",
        body: Type.Object({ filmId: Uuid, value: Value }),
        response: { 200: RatingWithStats, 201: RatingWithStats, ...problems(400, 401) },
      },
    },
    async (request, reply) => {
      const { filmId, value } = request.body;
      const result = await rateFilm(deps, actorOf(request).id, filmId, value);
      return reply
        .code(result.created ? 201 : 200)
        .send({ ...toBody(result.rating), stats: result.stats });
    },
  );

  server.delete(
    '/api/v1/ratings/:filmId',
    {
      schema: {
        tags,
        summary: "Remove the caller's rating of a film",
        params: FilmParams,
        response: { 204: Type.Null(), ...problems(400, 401, 404) },
      },
    },
    async (request, reply) => {
      await unrateFilm(deps, actorOf(request).id, request.params.filmId);
      return reply.code(204).send(null);
    },
  );

  server.get(
    '/api/v1/ratings/:filmId',
    {
      onRequest: [requireUser],
      schema: {
        tags,
        summary: "The caller's own rating of a film",
        params: FilmParams,
        response: { 200: Rating, ...problems(400, 401, 404) },
      },
    },
    async (request) =>
      toBody(await getMyRating(deps.db, actorOf(request).id, request.params.filmId)),
  );

  server.get(
    '/api/v1/films/:filmId/stats',
    {
      schema: {
        tags,
        summary: "A film's likes, dislikes, count, average and distribution of ratings",
        params: FilmParams,
        response: { 200: FilmStats, ...problems(400) },
      },
    },
    async (request) => getFilmStats(deps.db, request.params.filmId),
  );
}
