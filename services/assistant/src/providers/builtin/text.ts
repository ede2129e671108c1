import type { FilmDetail, FilmSummary } from '../../clients/catalog.js';

/** "Title (1999)", or the title alone when the year is unknown. */
export const titled = (film: { title: string; year: number | null }) =>
  film.year === null ? film.title : `${film.title} (${film.year})`;

export const joinNames = (names: readonly string[]) =>
  names.length <= 1
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;

/** One line of a film list: "- Heat (1995) — Action, Crime; directed by Michael Mann". */
export function filmLine(film: FilmSummary): string {
  const parts = [titled(film)];
  if (film.genres.length > 0) parts.push(` — ${film.genres.join(', ')}`);
  if (film.directors.length > 0) parts.push(`; directed by ${joinNames(film.directors)}`);
  return `- ${parts.join('')}`;
}

export function filmList(films: readonly FilmSummary[]): string {
  return films.map(filmLine).join('\n');
}

export function describeFilm(film: FilmDetail): string {
  const lines = [`${titled(film)}${film.genres.length > 0 ? ` — ${film.genres.join(', ')}` : ''}.`];
  if (film.directors.length > 0) lines.push(`Directed by ${joinNames(film.directors)}.`);
  if (film.cast.length > 0) lines.push(`Starring ${joinNames(film.cast.slice(0, 4))}.`);
  if (film.overview.trim() !== '') lines.push(film.overview.trim());
  if (film.rating !== null)
    lines.push(`CineSync users rate it ${film.rating.toFixed(1)} out of 10.`);
  return lines.join(' ');
}

/** Splits an answer into small pieces (a few words each) to stream. Joined, they are the text. */
export function* pieces(text: string, wordsPerPiece = 3): Generator<string> {
  const parts = text.match(/\S+\s*|\s+/g) ?? [];
  for (let i = 0; i < parts.length; i += wordsPerPiece) {
    yield parts.slice(i, i + wordsPerPiece).join('');
  }
}

export const HELP_TEXT = [
  "I'm the CineSync film assistant. I answer from the CineSync catalog and your own ratings and bookmarks. You can ask me to:",
  '- find films by title, person, genre or year: "sci-fi films from the 80s", "films by Christopher Nolan", "comedies with Jim Carrey"',
  '- tell you about a film: "tell me about Alien", "who directed Heat?"',
  '- recommend films from the genres you rate highest: "recommend me something", "suggest a thriller"',
  '- list your bookmarks or your ratings: "my bookmarks", "what did I rate?"',
].join('\n');

export const DONT_KNOW =
  'I\'m sorry, I don\'t know how to answer that. I can find films by title, person, genre or year, tell you about a film, or recommend films from your ratings. Try "comedies from the 1990s" or "recommend me a film".';
