import { type Static, type TSchema, Type } from 'typebox';
import { Value } from 'typebox/value';
import { UpstreamUnavailableError } from '../../clients/json-api.js';
import { type FilmData, ratedFilms } from '../../film-data.js';

/** A function the model may call, in the chat-completions `tools` format. */
export interface ToolSpec {
  type: 'function';
  function: { name: string; description: string; parameters: TSchema };
}

const SearchArgs = Type.Object(
  {
    query: Type.Optional(
      Type.String({
        maxLength: 200,
        description: 'Words of the title, people, characters or plot',
      }),
    ),
    genre: Type.Optional(
      Type.String({ maxLength: 100, description: 'A genre, e.g. Drama or Science Fiction' }),
    ),
    year: Type.Optional(Type.Integer({ minimum: 1870, maximum: 2100 })),
    yearFrom: Type.Optional(Type.Integer({ minimum: 1870, maximum: 2100 })),
    yearTo: Type.Optional(Type.Integer({ minimum: 1870, maximum: 2100 })),
    person: Type.Optional(
      Type.String({ maxLength: 200, description: 'Full name of an actor, director or writer' }),
    ),
  },
  { additionalProperties: false },
);
const NoArgs = Type.Object({}, { additionalProperties: false });

export const TOOLS: readonly ToolSpec[] = [
  {
    type: 'function',
    function: {
      name: 'search_films',
      description:
        'Search the CineSync film catalog. Returns up to 10 films (id, title, year, genres, ' +
        'directors, average user rating 1-10) and how many matched. Give at least one argument.',
      parameters: SearchArgs,
    },
  },
  {
    type: 'function',
    function: {
      name: 'get_my_ratings',
      description: "The user's own film ratings (1-10), highest first.",
      parameters: NoArgs,
    },
  },
  {
    type: 'function',
    function: {
      name: 'get_my_bookmarks',
      description: 'Films the user bookmarked to watch later, newest first.',
      parameters: NoArgs,
    },
  },
];

/** Longest tool result sent back to the model. */
const MAX_RESULT_CHARS = 8000;

export interface ToolContext {
  data: FilmData;
  user: { id: string; token: string };
}

function parseArgs(text: string): unknown {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

async function searchFilms(ctx: ToolContext, args: Static<typeof SearchArgs>) {
  const { year, ...rest } = args;
  const { films, total } = await ctx.data.catalog.searchFilms({
    ...rest,
    yearFrom: args.yearFrom ?? year,
    yearTo: args.yearTo ?? year,
    pageSize: 10,
  });
  return { total, films };
}

/**
 * Runs one tool call for the user and returns its result as JSON text for the model. Failures
 * come back as `{"error": ...}` so the model can tell the user, rather than failing the answer.
 */
export async function runTool(
  ctx: ToolContext,
  name: string,
  argumentsText: string,
): Promise<string> {
  const args = parseArgs(argumentsText);
  let result: unknown;
  try {
    if (name === 'search_films') {
      result = Value.Check(SearchArgs, args)
        ? await searchFilms(ctx, args)
        : { error: 'Invalid arguments: see the parameters of search_films.' };
    } else if (name === 'get_my_ratings') {
      result = { ratings: await ratedFilms(ctx.data, ctx.user.id, 60) };
    } else if (name === 'get_my_bookmarks') {
      const bookmarks = await ctx.data.engagement.bookmarks(ctx.user.token);
      result = {
        bookmarks: bookmarks
          .slice(0, 60)
          .map(({ filmId, title, year }) => ({ filmId, title, year })),
      };
    } else {
      result = { error: `There is no tool called ${name}.` };
    }
  } catch (err) {
    if (!(err instanceof UpstreamUnavailableError)) throw err;
    result = { error: `The ${err.service} service is unavailable right now.` };
  }
  const text = JSON.stringify(result);
  return text.length <= MAX_RESULT_CHARS
    ? text
    : JSON.stringify({ error: 'The result was too long; ask for less.' });
}
