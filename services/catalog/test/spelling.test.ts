import { describe, expect, it } from 'vitest';
import {
  corrections,
  editDistance,
  maxEdits,
  oneEditAway,
  queryWords,
  suggestions,
  type WordLookup,
  wordsToCorrect,
} from '../src/spelling.js';

const known = (word: string): WordLookup => ({ word, known: true });
const unknown = (word: string): WordLookup => ({ word, known: false });

describe('spelling correction', () => {
  it('splits a query into words as the full-text parser does', () => {
    expect(queryWords('Dune: Part Two')).toEqual(['Dune', 'Part', 'Two']);
    expect(queryWords("  Amélie's  fabuleux-destin 2049 ")).toEqual([
      'Amélie',
      's',
      'fabuleux',
      'destin',
      '2049',
    ]);
    expect(queryWords('七人の侍')).toEqual(['七人の侍']);
    expect(queryWords(' -- ')).toEqual([]);
  });

  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('ilsands', 'islands')).toBe(1);
    expect(editDistance('godfater', 'godfather')).toBe(1);
    expect(editDistance('prat', 'part')).toBe(1);
    expect(editDistance('runer', 'runner')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('amélie', 'amelie')).toBe(1);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('lists every string one edit away, and only those', () => {
    const edits = oneEditAway('prat');
    expect(edits).toEqual(expect.arrayContaining(['part', 'pat', 'prats', 'brat', 'rpat']));
    expect(edits).not.toContain('prat');
    expect(edits.every((edit) => editDistance('prat', edit) === 1)).toBe(true);
    // Letters of the word itself are tried too, beyond a–z and digits.
    expect(oneEditAway('amlie')).not.toContain('amélie');
    expect(oneEditAway('amélei')).toContain('amélie');
  });

  it('allows two edits only in words of seven letters or more', () => {
    expect(maxEdits('prat')).toBe(1);
    expect(maxEdits('ilsands')).toBe(2);
  });

  it('orders corrections by edits, then the typed first letter and length, then alphabet', () => {
    const dictionary = ['part', 'brat', 'pray', 'pirate', 'praat', 'prat'];
    // 'prat' itself is not a correction of 'prat'; 'pirate' is two edits from a four-letter word.
    expect(corrections('prat', dictionary)).toEqual(['part', 'pray', 'praat']);
    expect(corrections('godfater', ['godfather', 'godfathers', 'grandfather'])).toEqual([
      'godfather',
      'godfathers',
    ]);
    expect(corrections('xyz', dictionary)).toEqual([]);
  });

  it('corrects only unknown words of 3 to 30 letters that are not numbers', () => {
    const long = 'a'.repeat(31);
    const words = [known('the'), unknown('to'), unknown('2049'), unknown(long), unknown('ilsands')];
    expect(wordsToCorrect(words)).toEqual(['ilsands']);
    const many = ['aaaa', 'bbbb', 'cccc', 'dddd', 'eeee'].map(unknown);
    expect(wordsToCorrect(many)).toEqual(['aaaa', 'bbbb', 'cccc', 'dddd']);
  });

  it('suggests corrected queries, fewest edits first, keeping known and short words', () => {
    const words = [known('return'), unknown('to'), known('the'), unknown('ilsands')];
    expect(suggestions(words, ['islands', 'island', 'isands'])).toEqual([
      'return to the islands',
      'return to the isands',
      'return to the island',
    ]);
  });

  it('combines corrections of several words, cheapest combination first', () => {
    const words = [unknown('dnue'), unknown('prat'), known('two')];
    const got = suggestions(words, ['dune', 'part', 'pray']);
    expect(got[0]).toBe('dune part two');
    expect(got).toContain('dune pray two');
    expect(got).toHaveLength(2);
  });

  it('suggests nothing when no unknown word has a correction', () => {
    expect(suggestions([known('heat')], ['heath'])).toEqual([]);
    expect(suggestions([unknown('zzzzzz')], ['heat'])).toEqual([]);
  });

  it('caps the corrected queries tried', () => {
    const words = ['aaaa', 'bbbb', 'cccc'].map(unknown);
    const dictionary = ['aaab', 'aaac', 'aaad', 'bbba', 'bbbc', 'bbbd', 'ccca', 'cccb', 'cccd'];
    const got = suggestions(words, dictionary);
    expect(got).toHaveLength(6);
    expect(got[0]).toBe('aaab bbba ccca');
    expect(new Set(got).size).toBe(6);
  });
});
