import type { Server } from '@cinesync/kit/http';
import { Type } from 'typebox';
import type { ReviewRow } from '../repository/reviews.js';
import {
  createReview,
  deleteReview,
  editReview,
  listFilmReviews,
  MAX_REVIEW_LENGTH,
  type ReviewView,
  voteReview,
} from '../reviews.js';
import type { Writer } from '../writer.js';
import { actorOf, viewerOf } from './actor.js';
import {
  FilmParams,
  iso,
  PageQuery,
  pageOf,
  problems,
  ReviewParams,
  Timestamp,
  Uuid,
} from './schemas.js';

const Text = Type.String({ minLength: 1, maxLength: MAX_REVIEW_LENGTH });
const Vote = Type.Union([Type.Literal(1), Type.Literal(-1), Type.Literal(0)]);

const reviewFields = {
  id: Uuid,
  filmId: Uuid,
  userId: Uuid,
  author: Type.Union([Type.String(), Type.Null()], {
    description: "The author's display name when the review was written",
  }),
  text: Type.String(),
  upVotes: Type.Integer(),
  downVotes: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
};

const Review = Type.Object(reviewFields, { title: 'Review' });
const ReviewWithVote = Type.Object(
  {
    ...reviewFields,
    myVote: Type.Union([Vote, Type.Null()], {
      description: "The caller's vote (0: none); null for guests",
    }),
  },
  { title: 'ReviewWithVote' },
);

const VoteResult = Type.Object(
  { reviewId: Uuid, value: Vote, upVotes: Type.Integer(), downVotes: Type.Integer() },
  { title: 'VoteResult' },
);

const toBody = <R extends ReviewRow | ReviewView>(review: R) => ({
  ...review,
  createdAt: iso(review.createdAt),
  updatedAt: iso(review.updatedAt),
});

export function reviewRoutes(server: Server, deps: Writer): void {
  const tags = ['reviews'];

  server.post(
    '/api/v1/reviews',
    {
      schema: {
        tags,
        summary: 'Review a film (one review per user and film)',
        body: Type.Object({ filmId: Uuid, text: Text }),
        response: { 201: Review, ...problems(400, 401, 409) },
      },
    },
    async (request, reply) => {
      const { filmId, text } = request.body;
      const review = await createReview(deps, actorOf(request), filmId, text);
      return reply.code(201).send(toBody(review));
    },
  );

  server.patch(
    '/api/v1/reviews/:id',
    {
      schema: {
        tags,
        summary: 'Edit your own review',
        params: ReviewParams,
        body: Type.Object({ text: Text }),
        response: { 200: Review, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) =>
      toBody(await editReview(deps.db, actorOf(request), request.params.id, request.body.text)),
  );

  server.delete(
    '/api/v1/reviews/:id',
    {
      schema: {
        tags,
        summary: 'Delete your own review (admins: any review)',
        params: ReviewParams,
        response: { 204: Type.Null(), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await deleteReview(deps.db, actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  server.post(
    '/api/v1/reviews/:id/vote',
    {
      schema: {
        tags,
        summary: 'Vote a review up (1) or down (-1), or clear your vote (0)',
        params: ReviewParams,
        body: Type.Object({ value: Vote }),
        response: { 200: VoteResult, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => voteReview(deps, actorOf(request), request.params.id, request.body.value),
  );

  server.get(
    '/api/v1/films/:filmId/reviews',
    {
      schema: {
        tags,
        summary: "A film's reviews, newest first or by votes (up minus down)",
        params: FilmParams,
        querystring: Type.Object({
          sort: Type.Union([Type.Literal('new'), Type.Literal('top')], { default: 'new' }),
          ...PageQuery,
        }),
        response: { 200: pageOf(ReviewWithVote, 'ReviewPage'), ...problems(400) },
      },
    },
    async (request) => {
      const { sort, page, pageSize } = request.query;
      const result = await listFilmReviews(
        deps.db,
        viewerOf(request),
        request.params.filmId,
        sort,
        { page, pageSize },
      );
      return { ...result, items: result.items.map(toBody) };
    },
  );
}
