import type { Db } from '@cinesync/kit/db';
import { notFound } from '@cinesync/kit/http';
import type { CatalogClient } from './catalog-client.js';
import { type Page, type PageRequest, toPage, window } from './pagination.js';
import type { BookmarkRow } from './repository/bookmarks.js';
import { bookmarks } from './repository/index.js';

export interface BookmarkResult {
  bookmark: BookmarkRow;
  /** False when the film was already bookmarked: adding is idempotent. */
  created: boolean;
}

/**
 * Bookmarks a film the catalog knows. An existing bookmark is returned as is without asking the
 * catalog; otherwise the catalog is asked (404 for an unknown film, 503 when it cannot answer) and
 * its title is stored with the bookmark, so listing never depends on the catalog being up.
 */
export async function addBookmark(
  db: Db,
  catalog: CatalogClient,
  userId: string,
  filmId: string,
): Promise<BookmarkResult> {
  const existing = await bookmarks.findBookmark(db, userId, filmId);
  if (existing) return { bookmark: existing, created: false };
  const film = await catalog.findFilm(filmId);
  if (!film) throw notFound('There is no film with this id.', 'film_not_found');
  const inserted = await bookmarks.insertBookmark(db, userId, film);
  if (inserted) return { bookmark: inserted, created: true };
  // A concurrent request of the same user bookmarked it between the check and the insert.
  const raced = await bookmarks.findBookmark(db, userId, filmId);
  if (!raced) throw new Error('addBookmark: bookmark vanished after a conflicting insert');
  return { bookmark: raced, created: false };
}

/** The caller's bookmark of one film: what the film page asks to show the button's state. */
export async function getBookmark(db: Db, userId: string, filmId: string): Promise<BookmarkRow> {
  const bookmark = await bookmarks.findBookmark(db, userId, filmId);
  if (!bookmark) throw notFound('This film is not in your bookmarks.', 'bookmark_not_found');
  return bookmark;
}

export async function removeBookmark(db: Db, userId: string, filmId: string): Promise<void> {
  if (!(await bookmarks.deleteBookmark(db, userId, filmId))) {
    throw notFound('This film is not in your bookmarks.', 'bookmark_not_found');
  }
}

export async function listBookmarks(
  db: Db,
  userId: string,
  request: PageRequest,
): Promise<Page<BookmarkRow>> {
  const { limit, offset } = window(request);
  return toPage(await bookmarks.listBookmarks(db, userId, limit, offset), request);
}
