import type { paths } from './gen/schema';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** The JSON body a path and method answer with on success (status 200 or 201). */
export type Answer<P extends keyof paths, M extends Method & keyof paths[P]> = paths[P][M] extends {
  responses: infer R;
}
  ? R extends { 200: { content: { 'application/json': infer B } } }
    ? B
    : R extends { 201: { content: { 'application/json': infer B } } }
      ? B
      : never
  : never;

export type Film = Answer<'/api/v1/films/{id}', 'get'>;
export type FilmPage = Answer<'/api/v1/films', 'get'>;
export type FilmListItem = FilmPage['items'][number];
export type LocalFilm = Extract<FilmListItem, { source: 'local' }>;
export type Genre = Answer<'/api/v1/genres', 'get'>['items'][number];
export type FilmStats = Answer<'/api/v1/films/{filmId}/stats', 'get'>;
export type Review = Answer<'/api/v1/films/{filmId}/reviews', 'get'>['items'][number];
export type Comment = Answer<'/api/v1/reviews/{id}/comments', 'get'>['items'][number];
export type Bookmark = Answer<'/api/v1/bookmarks', 'get'>['items'][number];
export type Product = Answer<'/api/v1/products', 'get'>['items'][number];
export type User = Answer<'/api/v1/users/me', 'get'>;
export type Notification = Answer<'/api/v1/notifications', 'get'>['items'][number];
export type FilmQuery = NonNullable<paths['/api/v1/films']['get']['parameters']['query']>;
