import { ProblemSchema } from '@cinesync/kit/http';
import { type TSchema, Type } from 'typebox';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../pagination.js';

export const Uuid = Type.String({ format: 'uuid' });
export const Timestamp = Type.String({ format: 'date-time' });

export const FilmParams = Type.Object({ filmId: Uuid });
export const ReviewParams = Type.Object({ id: Uuid });

export const PageQuery = {
  page: Type.Integer({ minimum: 1, maximum: 10_000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE }),
};

export const pageOf = <T extends TSchema>(item: T, title: string) =>
  Type.Object(
    {
      items: Type.Array(item),
      page: Type.Integer(),
      pageSize: Type.Integer(),
      hasMore: Type.Boolean({ description: 'Whether a next page exists' }),
    },
    { title },
  );

/** The error answers every route may give, documented in OpenAPI. */
export const problems = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [status, ProblemSchema]));

export const iso = (date: Date) => date.toISOString();
