import { setImmediate as nextTurn } from 'node:timers/promises';
import { mapConcurrent } from '@cinesync/kit/resilience';
import type { FilmSummary } from '../../clients/catalog.js';
import { UpstreamUnavailableError } from '../../clients/json-api.js';
import { type FilmData, ratedFilms } from '../../film-data.js';
import { type AnswerRequest, type Provider, ProviderError } from '../provider.js';
import { bestNameMatch, bestTitleMatch } from './match.js';
import { parseQuestion, type Question } from './question.js';
import { favouriteGenres, type GenreTaste, genreTastes, rankCandidates } from './recommend.js';
import { DONT_KNOW, describeFilm, filmList, HELP_TEXT, joinNames, pieces, titled } from './text.js';

/** Films listed in one answer. */
const LIST_SIZE = 8;
const RECOMMENDATIONS = 5;
/** Ratings the taste is computed from: the user's highest, one catalog call each. */
const TASTE_RATINGS = 50;
/** Films per genre considered for a recommendation (the catalog's largest page). */
const CANDIDATES_PER_GENRE = 100;

function yearsText(q: Pick<Question, 'yearFrom' | 'yearTo'>): string {
  const { yearFrom, yearTo } = q;
  if (yearFrom !== undefined && yearFrom === yearTo) return ` from ${yearFrom}`;
  if (yearFrom !== undefined && yearTo !== undefined) return ` from ${yearFrom} to ${yearTo}`;
  if (yearFrom !== undefined) return ` from ${yearFrom} on`;
  if (yearTo !== undefined) return ` before ${yearTo + 1}`;
  return '';
}

const tasteText = (taste: GenreTaste) =>
  `${taste.genre} (${taste.average.toFixed(1)} on average over ${taste.count} ${
    taste.count === 1 ? 'film' : 'films'
  })`;

/**
 * Answers from the catalog and the user's own history, with no language model: the question is
 * read with fixed rules (see question.ts), the catalog is asked, and the answer is written from
 * templates. When it cannot tell what is asked, or finds nothing, it says so plainly.
 */
export class BuiltinProvider implements Provider {
  readonly name = 'builtin';

  constructor(private readonly data: FilmData) {}

  async *answer(request: AnswerRequest): AsyncGenerator<string> {
    const text = await this.compose(request);
    for (const piece of pieces(text)) {
      if (request.signal.aborted) {
        throw new ProviderError('cancelled', 'The answer was cancelled.', {
          cause: request.signal.reason,
        });
      }
      yield piece;
      // Lets each piece leave as its own chunk, and an abort be noticed between pieces.
      await nextTurn();
    }
  }

  private async compose(request: AnswerRequest): Promise<string> {
    const question = request.turns.at(-1)?.content ?? '';
    try {
      const q = parseQuestion(question, await this.data.catalog.genres());
      switch (q.intent) {
        case 'help':
          return HELP_TEXT;
        case 'about':
          return await this.about(q.title ?? '');
        case 'bookmarks':
          return await this.bookmarks(request.user.token);
        case 'ratings':
          return await this.ratings(request.user.id);
        case 'recommend':
          return await this.recommend(q, request.user.id);
        case 'search':
          return await this.search(q);
      }
    } catch (err) {
      if (err instanceof UpstreamUnavailableError) {
        throw new ProviderError(
          'assistant_unavailable',
          `I cannot reach the ${err.service} service right now, so I cannot answer. Please try again in a moment.`,
          { cause: err, upstreamFault: false },
        );
      }
      throw err;
    }
  }

  private async findFilm(title: string): Promise<FilmSummary | undefined> {
    const { films } = await this.data.catalog.searchFilms({ query: title, pageSize: 10 });
    return bestTitleMatch(title, films);
  }

  private async about(title: string): Promise<string> {
    const found = await this.findFilm(title);
    const film = found && (await this.data.catalog.film(found.id));
    if (!film) return `I don't know a film called "${title}": it is not in the CineSync catalog.`;
    return describeFilm(film);
  }

  private async bookmarks(token: string): Promise<string> {
    const bookmarks = await this.data.engagement.bookmarks(token);
    if (bookmarks.length === 0) return 'You have no bookmarks yet.';
    const shown = bookmarks.slice(0, 20).map((bookmark) => `- ${titled(bookmark)}`);
    return [`Your bookmarks, newest first:`, ...shown].join('\n');
  }

  private async ratings(userId: string): Promise<string> {
    const rated = await ratedFilms(this.data, userId, 20);
    if (rated.length === 0) return 'You have not rated any films yet.';
    const shown = rated.map((film) => `- ${titled(film)}: ${film.rating}/10`);
    return ['Your ratings, highest first:', ...shown].join('\n');
  }

  private async search(q: Question): Promise<string> {
    let keywords = q.keywords;
    let person: { id: string; name: string } | undefined;
    if (q.person) {
      person = bestNameMatch(q.person, await this.data.catalog.persons(q.person));
      // Not a person after all ("films from Japan"): search the words instead.
      if (!person) keywords = [keywords, q.person].filter(Boolean).join(' ');
    }
    const query = keywords ?? q.title;
    const filtered =
      person !== undefined ||
      q.genre !== undefined ||
      q.yearFrom !== undefined ||
      q.yearTo !== undefined;
    if (!filtered && query === undefined) return DONT_KNOW;

    const { films, total } = await this.data.catalog.searchFilms({
      query,
      genre: q.genre,
      yearFrom: q.yearFrom,
      yearTo: q.yearTo,
      person: person?.id,
      sort: query === undefined ? 'rating' : 'relevance',
      pageSize: LIST_SIZE,
    });
    const what = [
      q.genre ? `${q.genre} films` : 'films',
      person ? ` by or with ${person.name}` : '',
      yearsText(q),
      query === undefined ? '' : ` matching "${query}"`,
    ].join('');
    if (films.length === 0) {
      if (q.person && !person && !filtered && q.keywords === undefined) {
        return `I don't know anyone called "${q.person}" in the CineSync catalog, and I found no films matching it.`;
      }
      return `I found no ${what} in the CineSync catalog.`;
    }
    const count = total > films.length ? ` (${films.length} of ${total})` : '';
    return [`Here are ${what} in the catalog${count}:`, filmList(films)].join('\n');
  }

  private async recommend(q: Question, userId: string): Promise<string> {
    const ratings = await this.data.ratings.ratingsOf(userId, TASTE_RATINGS);
    const ratedIds = new Set(ratings.map((rating) => rating.filmId));
    const films = await mapConcurrent(ratings, 4, (rating) =>
      this.data.catalog.film(rating.filmId),
    );
    let tastes = genreTastes(
      ratings.flatMap((rating, i) => {
        const film = films[i];
        return film ? [{ rating: rating.value, genres: film.genres }] : [];
      }),
    );

    let reason: string;
    let genres: string[];
    if (q.title) {
      const like = await this.findFilm(q.title);
      const film = like && (await this.data.catalog.film(like.id));
      if (!film) return `I don't know a film called "${q.title}", so I cannot find films like it.`;
      // "Films like X": X's genres stand in for the user's taste.
      ratedIds.add(film.id);
      tastes = film.genres.map((genre) => ({ genre, average: 10, count: 1 }));
      genres = q.genre ? [q.genre] : film.genres.slice(0, 2);
      reason = `Films like ${titled(film)} (${film.genres.join(', ')})`;
    } else if (q.genre) {
      genres = [q.genre];
      reason =
        tastes.length === 0
          ? `You have not rated any films yet, so here are the ${q.genre} films CineSync users rate best`
          : `${q.genre} films picked by the genres you rate highest`;
    } else {
      const favourites = favouriteGenres(tastes);
      if (tastes.length === 0) {
        return 'I don\'t know your taste yet: you have not rated any films. Rate a few films you liked (or didn\'t), then ask me again, or ask for a genre, like "recommend a comedy".';
      }
      if (favourites.length === 0) {
        return 'I can\'t tell what you like yet: you have not rated any genre 6 or higher on average. Rate some films you enjoyed, or ask for a genre, like "recommend a comedy".';
      }
      genres = favourites.map((taste) => taste.genre);
      reason = `You rate ${joinNames(favourites.map(tasteText))} highest, so you might like`;
    }

    const pages = await mapConcurrent(genres, 2, (genre) =>
      this.data.catalog.searchFilms({
        genre,
        yearFrom: q.yearFrom,
        yearTo: q.yearTo,
        sort: 'rating',
        pageSize: CANDIDATES_PER_GENRE,
      }),
    );
    const candidates = pages.flatMap((page) => page.films);
    let picks = rankCandidates(candidates, tastes, ratedIds);
    // Asked for a genre the user's ratings do not favour: still answer with that genre.
    if (picks.length === 0 && q.genre) picks = rankCandidates(candidates, [], ratedIds);
    if (picks.length === 0) {
      return `I have nothing new to recommend in ${joinNames(genres)}${yearsText(q)}: you have rated every film I would suggest.`;
    }
    return [`${reason}${yearsText(q)}:`, filmList(picks.slice(0, RECOMMENDATIONS))].join('\n');
  }
}
