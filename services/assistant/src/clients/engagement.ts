import { Type } from 'typebox';
import { JsonApi, type JsonApiOptions } from './json-api.js';

const BookmarkPage = Type.Object({
  items: Type.Array(
    Type.Object({
      filmId: Type.String(),
      title: Type.String(),
      year: Type.Union([Type.Integer(), Type.Null()]),
      createdAt: Type.String(),
    }),
  ),
  hasMore: Type.Boolean(),
});

export interface Bookmark {
  filmId: string;
  title: string;
  year: number | null;
  createdAt: string;
}

/** Engagement's API, called on behalf of the user with their own access token. */
export class EngagementApi {
  private readonly api: JsonApi;

  constructor(options: Omit<JsonApiOptions, 'name'>) {
    this.api = new JsonApi({ ...options, name: 'engagement' });
  }

  /** The user's newest bookmarks (at most 100). */
  async bookmarks(token: string): Promise<Bookmark[]> {
    const page = await this.api.get('api/v1/bookmarks', BookmarkPage, {
      query: { pageSize: 100 },
      headers: { authorization: `Bearer ${token}` },
    });
    return page?.items ?? [];
  }

  close(): Promise<void> {
    return this.api.close();
  }
}
