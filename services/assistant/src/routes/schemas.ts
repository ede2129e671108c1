import { ProblemSchema } from '@cinesync/kit/http';
import { Type } from 'typebox';
import type { MessageRow, SessionRow } from '../repository.js';

export const Uuid = Type.String({ format: 'uuid' });
const Timestamp = Type.String({ format: 'date-time' });

export const IdParams = Type.Object({ id: Uuid });

export const SessionSchema = Type.Object(
  {
    id: Uuid,
    title: Type.Union([Type.String(), Type.Null()], {
      description: 'Given at creation, else the start of the first question',
    }),
    messageCount: Type.Integer(),
    tokenCount: Type.Integer({
      description: 'Approximate tokens (characters / 4) of all messages',
    }),
    answering: Type.Boolean({ description: 'Whether an answer is being written right now' }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { title: 'ChatSession' },
);

export const MessageSchema = Type.Object(
  {
    id: Uuid,
    role: Type.Union([Type.Literal('user'), Type.Literal('assistant')]),
    content: Type.String(),
    status: Type.Union([Type.Literal('complete'), Type.Literal('interrupted')], {
      description: 'interrupted: the answer broke off; this is the part the user saw',
    }),
    provider: Type.Union([Type.String(), Type.Null()], {
      description: 'What answered: builtin or openai:<model>; null for questions',
    }),
    createdAt: Timestamp,
  },
  { title: 'ChatMessage' },
);

export const sessionBody = (session: SessionRow, now: Date) => ({
  id: session.id,
  title: session.title,
  messageCount: session.messageCount,
  tokenCount: session.tokenCount,
  answering: session.answeringUntil !== null && session.answeringUntil > now,
  createdAt: session.createdAt.toISOString(),
  updatedAt: session.updatedAt.toISOString(),
});

export const messageBody = (message: MessageRow) => ({
  id: message.id,
  role: message.role,
  content: message.content,
  status: message.status,
  provider: message.provider,
  createdAt: message.createdAt.toISOString(),
});

/** The error answers a route may give, documented in OpenAPI. */
export const problems = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [status, ProblemSchema]));
