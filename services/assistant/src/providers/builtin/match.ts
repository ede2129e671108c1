/** Lower case, no accents, letters and digits only, single spaces: "Amélie!" → "amelie". */
export function normalize(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const withoutArticle = (text: string) => text.replace(/^(the|a|an) /, '');

function bigrams(text: string): string[] {
  const padded = ` ${text} `;
  const grams: string[] = [];
  for (let i = 0; i < padded.length - 1; i++) grams.push(padded.slice(i, i + 2));
  return grams;
}

/** Dice coefficient of character pairs, 0–1: tolerant of a typo or two ("godfater", "godfather"). */
export function similarity(a: string, b: string): number {
  const left = bigrams(normalize(a));
  const right = bigrams(normalize(b));
  if (left.length === 0 || right.length === 0) return 0;
  const pool = new Map<string, number>();
  for (const gram of right) pool.set(gram, (pool.get(gram) ?? 0) + 1);
  let shared = 0;
  for (const gram of left) {
    const available = pool.get(gram) ?? 0;
    if (available > 0) {
      shared++;
      pool.set(gram, available - 1);
    }
  }
  return (2 * shared) / (left.length + right.length);
}

const CLOSE_ENOUGH = 0.6;

/**
 * The candidate the words name, or undefined: the exact title (ignoring case, accents and a
 * leading article), else one containing all the words ("godfather part ii"), else the closest
 * spelling if it is close.
 */
export function bestTitleMatch<T extends { title: string }>(
  words: string,
  candidates: readonly T[],
): T | undefined {
  const wanted = withoutArticle(normalize(words));
  if (wanted === '') return undefined;
  const exact = candidates.find((film) => withoutArticle(normalize(film.title)) === wanted);
  if (exact) return exact;
  const containing = candidates.find((film) =>
    ` ${normalize(film.title)} `.includes(` ${wanted} `),
  );
  if (containing) return containing;
  return closest(wanted, candidates, (film) => withoutArticle(normalize(film.title)));
}

/** The person the words name: the exact name, one whose name holds every word, or a close spelling. */
export function bestNameMatch<T extends { name: string }>(
  words: string,
  candidates: readonly T[],
): T | undefined {
  const wanted = normalize(words);
  if (wanted === '') return undefined;
  const exact = candidates.find((person) => normalize(person.name) === wanted);
  if (exact) return exact;
  const tokens = wanted.split(' ');
  const covering = candidates.find((person) => {
    const names = normalize(person.name).split(' ');
    return tokens.every((token) => names.includes(token));
  });
  if (covering) return covering;
  return closest(wanted, candidates, (person) => normalize(person.name));
}

function closest<T>(wanted: string, candidates: readonly T[], key: (item: T) => string) {
  let best: { item: T; score: number } | undefined;
  for (const item of candidates) {
    const score = similarity(wanted, key(item));
    if (score >= CLOSE_ENOUGH && (!best || score > best.score)) best = { item, score };
  }
  return best?.item;
}
