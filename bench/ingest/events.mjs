// Request bodies for the ingest benchmark: batches of a realistic mix of the six event types,
// every event with an id never sent before (a repeated id would be de-duplicated, not measured).
import { randomBytes } from 'node:crypto';

const PAGES = ['/', '/films', '/search', '/account', '/films/tt0079944', '/films/tt0056172'];
const ELEMENTS = ['film-card', 'trailer', 'category', 'nav-button', 'play'];
const QUALITIES = ['480p', '720p', '1080p', '2160p'];
const GENRES = ['drama', 'comedy', 'sci-fi', 'documentary', 'thriller'];

/** A UUID-shaped id: 8 random hex digits for the run, then a counter. Cheap and never repeated. */
export function idSource() {
  const run = randomBytes(4).toString('hex');
  let n = 0;
  return () => {
    const hex = (n++).toString(16).padStart(22, '0');
    return `${run}-${hex.slice(0, 4)}-4${hex.slice(4, 7)}-8${hex.slice(7, 10)}-${hex.slice(10)}`;
  };
}

function pick(list, i) {
  return list[i % list.length];
}

/** The i-th event of the mix: half page views and clicks, the rest spread over the other types. */
function event(i, id, occurredAt) {
  const session = `bench-s${i % 997}`;
  const base = { id, occurredAt, sessionId: session, anonymousId: `bench-a${i % 997}` };
  const film = `tt${String(100_000 + (i % 500)).padStart(7, '0')}`;
  switch (i % 10) {
    case 0:
    case 1:
    case 2:
      return {
        ...base,
        type: 'page_view',
        page: `/films/${film}`,
        dwellMs: (i * 37) % 120_000,
        filmId: film,
      };
    case 3:
      return { ...base, type: 'page_view', page: pick(PAGES, i), dwellMs: (i * 53) % 60_000 };
    case 4:
    case 5:
      return {
        ...base,
        type: 'click',
        element: pick(ELEMENTS, i),
        page: pick(PAGES, i),
        target: `/films/${film}`,
        filmId: film,
      };
    case 6:
      return {
        ...base,
        type: 'quality_change',
        filmId: film,
        from: pick(QUALITIES, i),
        to: pick(QUALITIES, i + 1),
        positionSec: i % 5400,
      };
    case 7:
      return {
        ...base,
        type: 'video_complete',
        filmId: film,
        positionSec: 5400,
        durationSec: 5400,
      };
    case 8:
      return {
        ...base,
        type: 'search_filter',
        filters: { genre: [pick(GENRES, i), pick(GENRES, i + 2)], ratingMin: i % 10 },
        query: 'stalker',
        page: '/search',
      };
    default:
      return {
        ...base,
        type: 'custom',
        name: 'promo.banner_shown',
        properties: { banner: 'spring', slot: i % 4 },
        page: '/',
      };
  }
}

/** Distinct event shapes cycled through; each is JSON with two holes, for the id and the time. */
const TEMPLATES = 4_999;

/**
 * Makes request bodies of `size` events each, all stamped `occurredAt()` at the time of making.
 * Events are pasted from prepared JSON rather than serialized, so that making the load costs the
 * client little of the cores it shares with the server.
 */
export function batchMaker(size, occurredAt) {
  const templates = Array.from({ length: TEMPLATES }, (_, i) => {
    const [head, rest] = JSON.stringify(event(i, '\u0000', '\u0001')).split('\\u0000');
    const [middle, tail] = rest.split('\\u0001');
    return [head, middle, tail];
  });
  const nextId = idSource();
  let i = 0;
  return () => {
    const at = occurredAt();
    let body = '{"events":[';
    for (let k = 0; k < size; k++, i++) {
      const [head, middle, tail] = templates[i % TEMPLATES];
      body += `${k === 0 ? '' : ','}${head}${nextId()}${middle}${at}${tail}`;
    }
    return `${body}]}`;
  };
}
