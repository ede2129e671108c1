/**
 * Reads an English question with a few fixed rules (no model): what is asked (the intent) and
 * which title, person, genre and years it names. The rules are listed in the README; in short:
 *
 * - intent, first match wins: recommend ("recommend", "suggest", "what should I watch", "similar
 *   to"), bookmarks ("bookmarks", "watchlist"), ratings ("my ratings", "what did I rate"), about a
 *   film ("tell me about X", "who directed X", "what is X about", or a title in double quotes),
 *   help ("hi", "help", "what can you do"), else a search;
 * - years: "the 80s", "1980s", "between 1990 and 1995", "before 1970", "after 2000", "since
 *   2010", or a year such as 1999;
 * - genre: one of the catalog's genres by name (plurals too) or a common alias ("sci-fi",
 *   "scary", "animated", "romantic"...); the first one mentioned;
 * - person: the words after "directed by", "starring", "featuring", "with", "by" or "from", or
 *   before "'s films"; checked against the catalog's people by the provider;
 * - whatever words remain, less filler words, become a free-text search.
 */

export type Intent = 'recommend' | 'bookmarks' | 'ratings' | 'about' | 'help' | 'search';

export interface Question {
  intent: Intent;
  /** A film title the question names. */
  title?: string;
  /** A person's name as written in the question. */
  person?: string;
  /** A catalog genre name. */
  genre?: string;
  yearFrom?: number;
  yearTo?: number;
  /** Remaining words for a free-text search. */
  keywords?: string;
}

const GENRE_ALIASES: Record<string, string> = {
  'sci-fi': 'Science Fiction',
  'sci fi': 'Science Fiction',
  scifi: 'Science Fiction',
  'science-fiction': 'Science Fiction',
  scary: 'Horror',
  horrors: 'Horror',
  funny: 'Comedy',
  comedies: 'Comedy',
  comic: 'Comedy',
  romantic: 'Romance',
  'love story': 'Romance',
  'love stories': 'Romance',
  animated: 'Animation',
  cartoon: 'Animation',
  cartoons: 'Animation',
  anime: 'Animation',
  documentaries: 'Documentary',
  musical: 'Music',
  musicals: 'Music',
  historical: 'History',
  kids: 'Family',
  children: 'Family',
  mysteries: 'Mystery',
  detective: 'Mystery',
  gangster: 'Crime',
  'action-packed': 'Action',
};

const FILLER = new Set(
  `a about all an and any are as at be best can could do does film films find for from give good
  great have how i i'd i'm i've in is it it's let's list look looking me movie movies my of on one
  or please recommend see show some something suggest tell that the there these this to tonight
  top want watch what what's which who with would you your`.split(/\s+/),
);

/** Words that end a person's name: what follows them is another part of the question. */
const NAME_STOP = new Set(
  `a about after an and any are before between but during films for from in is made movies my of
  or please released since some that the to when where which while who with`.split(/\s+/),
);

const RECOMMEND =
  /\b(recommend\w*|suggest\w*|what (?:should|could|can|shall) i (?:watch|see)|something (?:good )?to watch|what to watch|in the mood for|similar to|films? like|movies? like|something like)\b/i;
const BOOKMARKS = /\b(bookmark(?:s|ed)?|watch ?list|saved (?:films|movies))\b/i;
const RATINGS =
  /\b(my ratings?|(?:films|movies) i(?: have|'ve)? rated|what (?:have|did) i rate[d]?|i(?: have|'ve)? rated)\b/i;
const ABOUT =
  /^(?:please\s+)?(?:tell me (?:more )?about|what(?: is|'s| was)|whats|who (?:directed|made|wrote|stars in|starred in|is in|was in|acted in|plays in)|who's in|what happens in|describe|plot of|info on|information about)\s+(?:the (?:film|movie)\s+)?(.+?)(?:\s+about)?$/i;
const SIMILAR = /\b(?:similar to|films? like|movies? like|something like)\s+(.+)$/i;
const HELP = /^(?:hi|hello|hey|help|what can you do|who are you|how does this work)\b/i;
const QUOTED = /["“”]([^"“”]{1,200})["“”]/;

const YEAR = '(18[7-9]\\d|19\\d\\d|20\\d\\d)';

interface Found {
  yearFrom?: number;
  yearTo?: number;
}

/** Replaces the first match of `pattern` in `text` by a space; the match, if any. */
function take(text: string, pattern: RegExp): { rest: string; match: RegExpExecArray | null } {
  const match = pattern.exec(text);
  if (!match) return { rest: text, match: null };
  return {
    rest: `${text.slice(0, match.index)} ${text.slice(match.index + match[0].length)}`,
    match,
  };
}

function decadeStart(digits: string, century: string | undefined): number {
  const decade = Number(digits) * 10;
  if (century) return Number(century) * 100 + decade;
  // "the 20s" … "the 90s" are the 1900s; "the 00s" and "the 10s" the 2000s.
  return decade >= 20 ? 1900 + decade : 2000 + decade;
}

function readYears(text: string): { rest: string; years: Found } {
  let rest = text;
  const years: Found = {};
  const range = take(
    rest,
    new RegExp(`\\b(?:from|between)\\s+${YEAR}\\s+(?:to|and|until|-|–)\\s+${YEAR}\\b`, 'i'),
  );
  if (range.match) {
    rest = range.rest;
    const [a, b] = [Number(range.match[1]), Number(range.match[2])];
    return { rest, years: { yearFrom: Math.min(a, b), yearTo: Math.max(a, b) } };
  }
  const decade = take(rest, /\b(?:in |from )?(?:the )?(?:(19|20)|')?(\d)0'?s\b/i);
  if (decade.match?.[2] !== undefined) {
    const start = decadeStart(decade.match[2], decade.match[1]);
    return { rest: decade.rest, years: { yearFrom: start, yearTo: start + 9 } };
  }
  const before = take(
    rest,
    new RegExp(`\\b(?:before|until|prior to|older than)\\s+${YEAR}\\b`, 'i'),
  );
  if (before.match) {
    rest = before.rest;
    years.yearTo = Number(before.match[1]) - 1;
  }
  const after = take(rest, new RegExp(`\\b(after|since|newer than)\\s+${YEAR}\\b`, 'i'));
  if (after.match) {
    rest = after.rest;
    const year = Number(after.match[2]);
    years.yearFrom = after.match[1]?.toLowerCase() === 'since' ? year : year + 1;
  }
  if (years.yearFrom !== undefined || years.yearTo !== undefined) return { rest, years };
  const exact = take(rest, new RegExp(`\\b(?:in |from )?${YEAR}\\b`, 'i'));
  if (exact.match)
    return {
      rest: exact.rest,
      years: { yearFrom: Number(exact.match[1]), yearTo: Number(exact.match[1]) },
    };
  return { rest, years };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function readGenre(text: string, genres: readonly string[]): { rest: string; genre?: string } {
  const names: [string, string][] = [
    ...genres.map((genre): [string, string] => [genre, genre]),
    ...Object.entries(GENRE_ALIASES).filter(([, genre]) => genres.includes(genre)),
  ];
  let best: { index: number; length: number; genre: string } | undefined;
  for (const [word, genre] of names) {
    const match = new RegExp(`\\b${escapeRegExp(word)}(?:s|es)?\\b`, 'i').exec(text);
    // The earliest mention wins; at one place the longest name ("science fiction" over "fiction").
    if (
      match &&
      (!best ||
        match.index < best.index ||
        (match.index === best.index && match[0].length > best.length))
    ) {
      best = { index: match.index, length: match[0].length, genre };
    }
  }
  if (!best) return { rest: text };
  return {
    rest: `${text.slice(0, best.index)} ${text.slice(best.index + best.length)}`,
    genre: best.genre,
  };
}

const words = (text: string) => text.split(/\s+/).filter((word) => word !== '');

/** Cuts a captured name at the first word that starts another part of the question. */
function nameFrom(captured: string): string | undefined {
  const kept: string[] = [];
  for (const word of words(captured)) {
    if (NAME_STOP.has(word.toLowerCase())) break;
    kept.push(word);
  }
  const name = kept.join(' ').replace(/[,.;:!?]+$/, '');
  return name === '' ? undefined : name;
}

function readPerson(text: string): { rest: string; person?: string } {
  const after =
    /\b(?:directed by|written by|starring|featuring|with|by|from)\s+((?:[\p{L}][\p{L}.'’-]*\s*){1,4})/iu.exec(
      text,
    );
  if (after?.[1]) {
    const person = nameFrom(after[1]);
    if (person) return { rest: text.replace(after[0], ' '), person };
  }
  const possessive =
    /((?:[\p{L}][\p{L}.-]*\s+){0,3}[\p{L}][\p{L}.-]*)['’]s\s+(?:films|movies|work|filmography)\b/iu.exec(
      text,
    );
  if (possessive?.[1]) {
    const person = words(possessive[1])
      .filter((word) => !FILLER.has(word.toLowerCase()))
      .join(' ');
    if (person) return { rest: text.replace(possessive[0], ' '), person };
  }
  return { rest: text };
}

function keywordsOf(text: string): string | undefined {
  const kept = words(text.replaceAll('’', "'").replace(/[^\p{L}\p{N}'-]+/gu, ' ')).filter(
    (word) => !FILLER.has(word.toLowerCase()),
  );
  return kept.length > 0 ? kept.join(' ') : undefined;
}

/** `genres`: the catalog's genre names, so the rules follow the catalog. */
export function parseQuestion(question: string, genres: readonly string[]): Question {
  let text = question
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[?!.]+$/, '')
    .trim();
  const quoted = QUOTED.exec(text);
  let title = quoted?.[1]?.trim();
  if (quoted) text = text.replace(quoted[0], ' ');

  let intent: Intent = 'search';
  if (RECOMMEND.test(text)) {
    intent = 'recommend';
    const similar = SIMILAR.exec(text);
    if (!title && similar?.[1]) {
      title = similar[1].trim();
      text = text.replace(similar[0], ' ');
    }
  } else if (BOOKMARKS.test(text)) intent = 'bookmarks';
  else if (RATINGS.test(text)) intent = 'ratings';
  else {
    const about = ABOUT.exec(text);
    const named = about?.[1]?.trim();
    // "What is a good comedy?" asks for films, not about a film called "a good comedy".
    if (
      named &&
      !readGenre(named, genres).genre &&
      !/^(a|an|some|any|good|the best)\b/i.test(named)
    ) {
      intent = 'about';
      title ??= named;
    } else if (title) intent = 'about';
    else if (HELP.test(text)) intent = 'help';
  }
  if (intent === 'about' || intent === 'bookmarks' || intent === 'ratings' || intent === 'help') {
    return { intent, ...(title ? { title } : {}) };
  }

  const years = readYears(text);
  const genre = readGenre(years.rest, genres);
  const person = readPerson(genre.rest);
  const keywords = keywordsOf(person.rest);
  const result: Question = { intent, ...years.years };
  if (title) result.title = title;
  if (genre.genre) result.genre = genre.genre;
  if (person.person) result.person = person.person;
  if (keywords && intent === 'search') result.keywords = keywords;
  return result;
}
