/**
 * Spelling correction for film search, without I/O: the catalog keeps a dictionary of the words
 * of its titles and people's names (table `search_words`), and a query whose words match no film
 * is retried with its unknown words replaced by the closest dictionary words ("godfater" →
 * "godfather", "the ilsands" → "the islands"). The repository asks the dictionary; this module
 * decides which words are candidates and in what order the corrected queries are tried.
 */

/** The words of a query, in order: runs of letters and digits, as the full-text parser sees them. */
export function queryWords(query: string): string[] {
  return query.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '');
}

/**
 * Shorter words are left as typed: one edit away from almost anything. Longer ones too: no title
 * word is that long, and each letter adds ~70 strings to look up.
 */
const MIN_CORRECTED_LENGTH = 3;
const MAX_CORRECTED_LENGTH = 30;

/** Edits allowed between a typed word and its correction: one per word, two in long words. */
export function maxEdits(word: string): number {
  return [...word].length >= 7 ? 2 : 1;
}

/**
 * Every string one edit away from `word` (a letter deleted, inserted, replaced, or two neighbours
 * swapped): the candidates the dictionary is asked about, so a one-letter typo in a short word is
 * found exactly, however few letter triples it shares with the right word. Letters tried are a–z,
 * 0–9 and the word's own.
 */
export function oneEditAway(word: string): string[] {
  const letters = [...word];
  const alphabet = new Set([...'abcdefghijklmnopqrstuvwxyz0123456789', ...letters]);
  const out = new Set<string>();
  for (let i = 0; i <= letters.length; i++) {
    const head = letters.slice(0, i).join('');
    const tail = letters.slice(i);
    if (tail.length > 0) out.add(head + tail.slice(1).join(''));
    if (tail.length > 1) out.add(head + tail[1] + tail[0] + tail.slice(2).join(''));
    for (const letter of alphabet) {
      out.add(head + letter + tail.join(''));
      if (tail.length > 0) out.add(head + letter + tail.slice(1).join(''));
    }
  }
  out.delete(word);
  return [...out];
}

/**
 * Edit distance counting a swap of neighbours as one edit (optimal string alignment), so
 * "ilsands" is one edit from "islands", as a typist would count it.
 */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  // Three rows of the dynamic-programming table: two back for swaps.
  let before = new Array<number>(y.length + 1).fill(0);
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let best = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) {
        best = Math.min(best, (before[j - 2] as number) + 1);
      }
      current.push(best);
    }
    before = previous;
    previous = current;
  }
  return previous[y.length] as number;
}

/** A typed word and what the dictionary said of it. */
export interface WordLookup {
  /** As typed, folded the way the dictionary is (lower case, accents removed). */
  word: string;
  known: boolean;
}

/**
 * At most this many corrections of one word are tried, in at most this many unknown words (the
 * first ones typed), and at most this many corrected queries.
 */
const PER_WORD = 3;
const MAX_CORRECTED_WORDS = 4;
const MAX_SUGGESTIONS = 6;

/** The dictionary words close enough to `word`, closest first. */
export function corrections(word: string, dictionary: Iterable<string>): string[] {
  const limit = maxEdits(word);
  const scored: { candidate: string; distance: number }[] = [];
  for (const candidate of dictionary) {
    if (candidate === word) continue;
    const distance = editDistance(word, candidate);
    if (distance <= limit) scored.push({ candidate, distance });
  }
  // Fewer edits first; then the correction that keeps the typed first letter and length (people
  // rarely get the first letter wrong); then alphabetical, so the order is repeatable.
  const rank = ({ candidate, distance }: { candidate: string; distance: number }) => [
    distance,
    candidate[0] === word[0] ? 0 : 1,
    Math.abs(candidate.length - word.length),
  ];
  scored.sort((a, b) => {
    const [ra, rb] = [rank(a), rank(b)];
    for (let i = 0; i < ra.length; i++) {
      if (ra[i] !== rb[i]) return (ra[i] as number) - (rb[i] as number);
    }
    return a.candidate < b.candidate ? -1 : a.candidate > b.candidate ? 1 : 0;
  });
  return scored.slice(0, PER_WORD).map((entry) => entry.candidate);
}

/** Whether a typed word is one the dictionary is asked to correct. */
function needsCorrection(lookup: WordLookup): boolean {
  const length = [...lookup.word].length;
  return (
    !lookup.known &&
    length >= MIN_CORRECTED_LENGTH &&
    length <= MAX_CORRECTED_LENGTH &&
    !/^\p{N}+$/u.test(lookup.word)
  );
}

/** The folded words spelling correction works on: the first few unknown ones. */
export function wordsToCorrect(words: readonly WordLookup[]): string[] {
  return words
    .filter(needsCorrection)
    .map((lookup) => lookup.word)
    .slice(0, MAX_CORRECTED_WORDS);
}

/**
 * Corrected queries to try, best first: every unknown word replaced by one of its corrections,
 * ordered by the total number of edits (then by each word's own order of corrections). Empty when
 * no word can be corrected. Words without a correction stay as typed.
 */
export function suggestions(words: readonly WordLookup[], dictionary: readonly string[]): string[] {
  const corrected = new Set(wordsToCorrect(words));
  const options = words.map((lookup) => {
    if (!corrected.has(lookup.word)) return [{ word: lookup.word, cost: 0 }];
    const found = corrections(lookup.word, dictionary).map((word) => ({
      word,
      cost: editDistance(lookup.word, word),
    }));
    return found.length > 0 ? found : [{ word: lookup.word, cost: 0 }];
  });
  if (options.every((list) => list.length === 1 && list[0]?.cost === 0)) return [];

  // The combinations, cheapest first: at most 3^4 = 81.
  let combos: { words: string[]; cost: number; order: number[] }[] = [
    { words: [], cost: 0, order: [] },
  ];
  for (const list of options) {
    combos = combos.flatMap((combo) =>
      list.map((option, index) => ({
        words: [...combo.words, option.word],
        cost: combo.cost + option.cost,
        order: [...combo.order, index],
      })),
    );
  }
  combos.sort((a, b) => a.cost - b.cost || compareOrder(a.order, b.order));
  return combos.slice(0, MAX_SUGGESTIONS).map((combo) => combo.words.join(' '));
}

function compareOrder(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  }
  return 0;
}
