import type { Server } from '@cinesync/kit/http';
import { Type } from 'typebox';
import { addComment, type CommentView, listComments, MAX_COMMENT_LENGTH } from '../comments.js';
import type { Writer } from '../writer.js';
import { actorOf } from './actor.js';
import { iso, PageQuery, pageOf, problems, ReviewParams, Timestamp, Uuid } from './schemas.js';

const Comment = Type.Object(
  {
    id: Uuid,
    reviewId: Uuid,
    parentId: Type.Union([Uuid, Type.Null()]),
    depth: Type.Integer({
      description: '0 for a comment on the review, n for a reply n levels down',
    }),
    userId: Uuid,
    author: Type.Union([Type.String(), Type.Null()]),
    text: Type.String(),
    createdAt: Timestamp,
  },
  { title: 'Comment' },
);

const toBody = (comment: CommentView) => ({ ...comment, createdAt: iso(comment.createdAt) });

export function commentRoutes(server: Server, deps: Writer): void {
  const tags = ['comments'];

  server.post(
    '/api/v1/reviews/:id/comments',
    {
      schema: {
        tags,
        summary: 'Comment on a review, or reply to one of its comments',
        params: ReviewParams,
        body: Type.Object({
          text: Type.String({ minLength: 1, maxLength: MAX_COMMENT_LENGTH }),
          parentId: Type.Optional(Uuid),
        }),
        response: { 201: Comment, ...problems(400, 401, 404, 422) },
      },
    },
    async (request, reply) => {
      const { text, parentId } = request.body;
      const comment = await addComment(
        deps.db,
        actorOf(request),
        request.params.id,
        text,
        parentId,
      );
      return reply.code(201).send(toBody(comment));
    },
  );

  server.get(
    '/api/v1/reviews/:id/comments',
    {
      schema: {
        tags,
        summary:
          'Threads of comments on a review: a page of top-level comments (oldest first), each ' +
          'followed by its replies depth-first',
        params: ReviewParams,
        querystring: Type.Object(PageQuery),
        response: { 200: pageOf(Comment, 'CommentPage'), ...problems(400, 404) },
      },
    },
    async (request) => {
      const page = await listComments(deps.db, request.params.id, request.query);
      return { ...page, items: page.items.map(toBody) };
    },
  );
}
