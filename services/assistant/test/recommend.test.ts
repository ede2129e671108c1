import { describe, expect, it } from 'vitest';
import type { FilmSummary } from '../src/clients/catalog.js';
import { bestNameMatch, bestTitleMatch, similarity } from '../src/providers/builtin/match.js';
import {
  favouriteGenres,
  genreTastes,
  rankCandidates,
} from '../src/providers/builtin/recommend.js';
import { pieces } from '../src/providers/builtin/text.js';

const film = (
  id: string,
  genres: string[],
  rating: number | null = null,
  year = 2000,
): FilmSummary => ({
  id,
  title: id,
  year,
  genres,
  directors: [],
  rating,
});

describe('taste from ratings', () => {
  const tastes = genreTastes([
    { rating: 10, genres: ['Crime', 'Drama'] },
    { rating: 9, genres: ['Crime'] },
    { rating: 2, genres: ['Horror', 'Drama'] },
    { rating: 7, genres: ['Comedy'] },
  ]);

  it('ranks genres by the mean rating, then by how many films', () => {
    expect(tastes.map((t) => [t.genre, t.average, t.count])).toEqual([
      ['Crime', 9.5, 2],
      ['Comedy', 7, 1],
      ['Drama', 6, 2],
      ['Horror', 2, 1],
    ]);
    expect(favouriteGenres(tastes).map((t) => t.genre)).toEqual(['Crime', 'Comedy']);
    expect(favouriteGenres(genreTastes([{ rating: 3, genres: ['Drama'] }]))).toEqual([]);
  });

  it('recommends unrated films that fit, best fit first', () => {
    const ranked = rankCandidates(
      [
        film('crime-drama', ['Crime', 'Drama']),
        film('crime', ['Crime'], 8),
        film('crime-horror', ['Crime', 'Horror']),
        film('horror', ['Horror'], 9.9),
        film('seen', ['Crime', 'Drama']),
        film('crime', ['Crime'], 8),
      ],
      tastes,
      new Set(['seen']),
    );
    // crime-drama: 4 + 0.5; crime: 4; crime-horror: 4 - 3.5; horror is disliked.
    expect(ranked.map((f) => f.id)).toEqual(['crime-drama', 'crime', 'crime-horror']);
  });

  it('orders by catalog rating, then year, when there is no taste', () => {
    const ranked = rankCandidates(
      [
        film('old', ['Drama'], 7, 1950),
        film('new', ['Drama'], 7, 2020),
        film('unrated', ['Drama']),
        film('best', ['Drama'], 9),
      ],
      [],
      new Set(),
    );
    expect(ranked.map((f) => f.id)).toEqual(['best', 'new', 'old', 'unrated']);
  });
});

describe('matching names', () => {
  const films = [
    { title: 'The Godfather Part II' },
    { title: 'The Godfather' },
    { title: 'Amélie' },
  ];

  it('prefers the exact title, ignoring case, accents and a leading article', () => {
    expect(bestTitleMatch('godfather', films)?.title).toBe('The Godfather');
    expect(bestTitleMatch('AMELIE', films)?.title).toBe('Amélie');
    expect(bestTitleMatch('godfather part ii', films)?.title).toBe('The Godfather Part II');
    expect(bestTitleMatch('godfater', films)?.title).toBe('The Godfather');
    expect(bestTitleMatch('casablanca', films)).toBeUndefined();
    expect(similarity('godfather', 'godfather')).toBe(1);
  });

  it('finds a person by full name, by every word, or by a close spelling', () => {
    const people = [{ name: 'Jonathan Nolan' }, { name: 'Christopher Nolan' }];
    expect(bestNameMatch('christopher nolan', people)?.name).toBe('Christopher Nolan');
    expect(bestNameMatch('Nolan', people)?.name).toBe('Jonathan Nolan');
    expect(bestNameMatch('cristopher nolan', people)?.name).toBe('Christopher Nolan');
    expect(bestNameMatch('Kubrick', people)).toBeUndefined();
  });
});

describe('streaming pieces', () => {
  it('splits text into pieces that join back to it', () => {
    const text = 'Here are films:\n- Heat (1995)\n- Alien  (1979)';
    const parts = [...pieces(text)];
    expect(parts.length).toBeGreaterThan(2);
    expect(parts.join('')).toBe(text);
  });
});
