import { describe, expect, it } from 'vitest';
import { parseQuestion } from '../src/providers/builtin/question.js';

const GENRES = [
  'Action',
  'Adventure',
  'Animation',
  'Comedy',
  'Crime',
  'Documentary',
  'Drama',
  'Family',
  'Fantasy',
  'History',
  'Horror',
  'Music',
  'Mystery',
  'Romance',
  'Science Fiction',
  'Thriller',
  'War',
  'Western',
];
const parse = (text: string) => parseQuestion(text, GENRES);

describe('the built-in question rules', () => {
  it.each([
    [
      'sci-fi films from the 80s',
      { intent: 'search', genre: 'Science Fiction', yearFrom: 1980, yearTo: 1989 },
    ],
    [
      'Science fiction movies of the 1960s?',
      { intent: 'search', genre: 'Science Fiction', yearFrom: 1960, yearTo: 1969 },
    ],
    [
      'comedies with Jim Carrey from 1994',
      { intent: 'search', genre: 'Comedy', person: 'Jim Carrey', yearFrom: 1994, yearTo: 1994 },
    ],
    ['films by christopher nolan', { intent: 'search', person: 'christopher nolan' }],
    [
      'movies directed by Akira Kurosawa before 1960',
      { intent: 'search', person: 'Akira Kurosawa', yearTo: 1959 },
    ],
    ["Show me Kubrick's films", { intent: 'search', person: 'Kubrick' }],
    [
      'westerns between 1960 and 1970',
      { intent: 'search', genre: 'Western', yearFrom: 1960, yearTo: 1970 },
    ],
    ['horror films since 2010', { intent: 'search', genre: 'Horror', yearFrom: 2010 }],
    ['thrillers after 2000', { intent: 'search', genre: 'Thriller', yearFrom: 2001 }],
    ['films about a heist in Paris', { intent: 'search', keywords: 'heist Paris' }],
    ['Tell me about Alien', { intent: 'about', title: 'Alien' }],
    ['who directed the godfather?', { intent: 'about', title: 'the godfather' }],
    ['What is Parasite about?', { intent: 'about', title: 'Parasite' }],
    ['"Blade Runner"', { intent: 'about', title: 'Blade Runner' }],
    ["what's the best horror film?", { intent: 'search', genre: 'Horror' }],
    ['Recommend me something', { intent: 'recommend' }],
    ['What should I watch tonight?', { intent: 'recommend' }],
    [
      "I'm in the mood for a thriller from the 90s",
      { intent: 'recommend', genre: 'Thriller', yearFrom: 1990, yearTo: 1999 },
    ],
    ['suggest films like Heat', { intent: 'recommend', title: 'Heat' }],
    ['show my bookmarks', { intent: 'bookmarks' }],
    ["what's on my watchlist", { intent: 'bookmarks' }],
    ['What did I rate?', { intent: 'ratings' }],
    ['hello', { intent: 'help' }],
    ['what can you do?', { intent: 'help' }],
    ['asdf', { intent: 'search', keywords: 'asdf' }],
    ['please', { intent: 'search' }],
  ])('%s', (text, expected) => {
    expect(parse(text)).toEqual(expected);
  });
});
