import type { CatalogApi } from './clients/catalog.js';
import type { EngagementApi } from './clients/engagement.js';
import type { RatingsSource } from './ratings.js';

/** Where both providers get films and the user's history from. */
export interface FilmData {
  catalog: CatalogApi;
  engagement: EngagementApi;
  ratings: RatingsSource;
}

export interface RatedFilm {
  filmId: string;
  title: string;
  year: number | null;
  /** The user's rating, 1–10. */
  rating: number;
}

/** The user's ratings with film titles, highest first; films the catalog no longer has are left out. */
export async function ratedFilms(
  data: FilmData,
  userId: string,
  limit = 100,
): Promise<RatedFilm[]> {
  const ratings = await data.ratings.ratingsOf(userId, limit);
  const films = new Map(
    (await data.catalog.lookup(ratings.map((rating) => rating.filmId))).map((film) => [
      film.id,
      film,
    ]),
  );
  return ratings.flatMap((rating) => {
    const film = films.get(rating.filmId);
    return film
      ? [{ filmId: film.id, title: film.title, year: film.year, rating: rating.value }]
      : [];
  });
}
