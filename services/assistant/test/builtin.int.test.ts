import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { service as catalogService } from '@cinesync/catalog';
import { service as engagementService } from '@cinesync/engagement';
import { createMemoryBus } from '@cinesync/kit/bus';
import type { Schema } from '@cinesync/kit/config';
import { type ServiceDefinition, type StartedService, startService } from '@cinesync/kit/service';
import { createTestDatabase, type TestDatabase } from '@cinesync/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { service } from '../src/index.js';
import { type Caller, startIssuer, type TestIssuer } from './support/auth.js';
import { answerText, lastEvent, parseSse } from './support/sse.js';

/** Films of the demo catalog (services/catalog/data/films.json) loaded for these tests. */
const TITLES = [
  'Inception',
  'The Dark Knight',
  'Interstellar',
  'Memento',
  'Dunkirk',
  'Alien',
  'Aliens',
  'Blade Runner',
  'The Terminator',
  'Back to the Future',
  'E.T. the Extra-Terrestrial',
  'Heat',
  'The Godfather',
  'The Godfather Part II',
  'Goodfellas',
  'Pulp Fiction',
  'Se7en',
  'Casablanca',
  'Toy Story',
  'Spirited Away',
  'Amélie',
  'Parasite',
  'Some Like It Hot',
  'Groundhog Day',
  'The Shining',
  'Halloween',
  'The Departed',
  'Scarface',
  'Taxi Driver',
  'Annie Hall',
  'Airplane!',
  'Ghostbusters',
  'The Big Lebowski',
  'Fargo',
];
const DEMO_FILE = new URL('../../catalog/data/films.json', import.meta.url);

const serverUrl = process.env.DATABASE_URL;
const engines = [
  { name: 'pglite', skip: false },
  { name: 'postgres', skip: !serverUrl },
] as const;

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

for (const engine of engines) {
  const title = engine.skip
    ? `${engine.name} (skipped unless DATABASE_URL is set)`
    : `the built-in assistant on the demo catalog, real catalog and engagement, on ${engine.name}`;
  describe.skipIf(engine.skip)(title, () => {
    const bus = createMemoryBus();
    const databases: TestDatabase[] = [];
    const started: StartedService[] = [];
    let issuer: TestIssuer;
    let dataDir: string;
    let catalog: StartedService;
    let engagement: StartedService;
    let assistant: StartedService;
    const ids = new Map<string, string>();

    async function start<S extends Schema>(
      definition: ServiceDefinition<S>,
      env: Record<string, string>,
    ) {
      let databaseUrl: string | undefined;
      if (engine.name === 'postgres' && serverUrl) {
        const database = await createTestDatabase(serverUrl);
        databases.push(database);
        databaseUrl = database.url;
      }
      const running = await startService(definition, {
        env: {
          JWKS_URL: issuer.jwksUrl,
          DATA_DIR: dataDir,
          DATABASE_URL: databaseUrl,
          LOG_LEVEL: 'silent',
          ...env,
        },
        shared: { bus },
        host: '127.0.0.1',
        port: 0,
      });
      started.push(running);
      return running;
    }

    /** Loads the test films through the catalog's admin API. */
    async function loadFilms() {
      const admin = await issuer.caller('admin');
      const all = JSON.parse(await readFile(DEMO_FILE, 'utf8')) as { title: string }[];
      for (const film of all.filter((f) => TITLES.includes(f.title))) {
        const response = await fetch(`${catalog.url}/api/v1/films`, {
          method: 'POST',
          headers: { ...admin.headers, 'content-type': 'application/json' },
          body: JSON.stringify(film),
        });
        expect(response.status).toBe(201);
        ids.set(film.title, ((await response.json()) as { id: string }).id);
      }
      expect(ids.size).toBe(TITLES.length);
    }

    async function send(url: string, caller: Caller, method: string, body: object) {
      const response = await fetch(url, {
        method,
        headers: {
          ...caller.headers,
          'content-type': 'application/json',
          accept: 'text/event-stream',
        },
        body: JSON.stringify(body),
      });
      return { status: response.status, text: await response.text() };
    }

    /** A fresh session for `caller`, and a function asking in it that returns the answer. */
    async function chat(caller: Caller) {
      const created = await send(`${assistant.url}/api/v1/assistant/sessions`, caller, 'POST', {});
      const { id } = JSON.parse(created.text) as { id: string };
      return async (question: string) => {
        const { status, text } = await send(
          `${assistant.url}/api/v1/assistant/sessions/${id}/messages`,
          caller,
          'POST',
          { text: question },
        );
        expect(status).toBe(200);
        const events = parseSse(text);
        expect(lastEvent(events)?.event).toBe('done');
        expect(events.filter((e) => e.event === 'token').length).toBeGreaterThan(1);
        return answerText(events);
      };
    }

    const rate = async (caller: Caller, film: string, value: number) => {
      const { status } = await send(`${engagement.url}/api/v1/ratings`, caller, 'PUT', {
        filmId: ids.get(film),
        value,
      });
      expect(status).toBe(201);
    };

    beforeAll(async () => {
      issuer = await startIssuer();
      dataDir = await mkdtemp(join(tmpdir(), 'assistant-'));
      catalog = await start(catalogService, { CATALOG_DEMO_DATA: 'false' });
      await loadFilms();
      engagement = await start(engagementService, { CATALOG_URL: catalog.url });
      assistant = await start(service, {
        CATALOG_URL: catalog.url,
        ENGAGEMENT_URL: engagement.url,
        ASSISTANT_RATE_BURST: '1000',
        ASSISTANT_SESSION_MAX_MESSAGES: '1000',
      });
    }, 300_000);
    afterAll(async () => {
      for (const running of started.toReversed()) await running.close();
      await bus.close();
      for (const database of databases) await database.drop();
      await issuer?.close();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    });

    it('finds films by person, genre and decade, and describes one film', async () => {
      const ask = await chat(await issuer.caller('user'));
      const nolan = await ask('Films by christopher nolan?');
      expect(nolan).toContain('films by or with Christopher Nolan');
      for (const film of ['Inception', 'The Dark Knight', 'Interstellar', 'Memento', 'Dunkirk']) {
        expect(nolan).toContain(film);
      }
      expect(nolan).not.toContain('Heat');

      const eighties = await ask('sci-fi films from the 80s');
      expect(eighties).toContain('Science Fiction films from 1980 to 1989');
      for (const film of [
        'Aliens (1986)',
        'Blade Runner (1982)',
        'The Terminator (1984)',
        'Back to the Future (1985)',
      ]) {
        expect(eighties).toContain(film);
      }
      expect(eighties).not.toContain('Alien (1979)');

      const alien = await ask('Tell me about Alien');
      expect(alien).toMatch(
        /^Alien \(1979\) — Horror, Science Fiction\. Directed by Ridley Scott\. Starring /,
      );
      expect(await ask('who directed the godfater?')).toContain('Directed by Francis Ford Coppola');
    });

    it('says plainly when it does not know', async () => {
      const ask = await chat(await issuer.caller('user'));
      expect(await ask('Tell me about Zorblax the Unfilmable')).toBe(
        'I don\'t know a film called "Zorblax the Unfilmable": it is not in the CineSync catalog.',
      );
      expect(await ask('films with Nobody Atall')).toContain(
        'I don\'t know anyone called "Nobody Atall"',
      );
      expect(await ask('horror films from 1920')).toBe(
        'I found no Horror films from 1920 in the CineSync catalog.',
      );
      expect(await ask('please')).toMatch(/^I'm sorry, I don't know how to answer that/);
      expect(await ask('recommend me something')).toMatch(
        /^I don't know your taste yet: you have not rated any films/,
      );
    });

    it('recommends from the genres the user rates highest, leaving out what they rated', async () => {
      const user = await issuer.caller('user');
      await rate(user, 'The Godfather', 10);
      await rate(user, 'Goodfellas', 9);
      await rate(user, 'Heat', 8);
      await rate(user, 'Alien', 2);
      await rate(user, 'The Shining', 3);
      const ask = await chat(user);
      // Ratings reach the assistant as events, through engagement's outbox and the bus.
      const ratings = await eventually(
        () => ask('What did I rate?'),
        (answer) => answer.split('\n').length === 6,
      );
      expect(ratings).toBe(
        [
          'Your ratings, highest first:',
          '- The Godfather (1972): 10/10',
          '- Goodfellas (1990): 9/10',
          '- Heat (1995): 8/10',
          '- The Shining (1980): 3/10',
          '- Alien (1979): 2/10',
        ].join('\n'),
      );

      const picks = await ask('Recommend me something to watch');
      expect(picks.split('\n')).toEqual([
        'You rate Drama (9.5 on average over 2 films) and Crime (9.0 on average over 3 films) highest, so you might like:',
        '- The Dark Knight (2008) — Action, Crime, Drama, Thriller; directed by Christopher Nolan',
        '- The Departed (2006) — Crime, Drama, Thriller; directed by Martin Scorsese',
        '- Scarface (1983) — Crime, Drama; directed by Brian De Palma',
        '- Taxi Driver (1976) — Crime, Drama; directed by Martin Scorsese',
        '- The Godfather Part II (1974) — Crime, Drama; directed by Francis Ford Coppola',
      ]);

      const comedies = await ask('suggest a comedy');
      expect(comedies.split('\n').map((line) => line.split(' (')[0])).toEqual([
        'Comedy films picked by the genres you rate highest:',
        '- Parasite',
        '- Fargo',
        '- Pulp Fiction',
        '- The Big Lebowski',
        '- Some Like It Hot',
      ]);
      expect(await ask('films like Heat')).toMatch(
        /^Films like Heat \(1995\) \(Action, Crime, Thriller\):\n- /,
      );
    });

    it("lists the user's bookmarks, read from engagement with the user's token", async () => {
      const user = await issuer.caller('user');
      const { status } = await send(`${engagement.url}/api/v1/bookmarks`, user, 'POST', {
        filmId: ids.get('Spirited Away'),
      });
      expect(status).toBe(201);
      const ask = await chat(user);
      expect(await ask('show my bookmarks')).toBe(
        'Your bookmarks, newest first:\n- Spirited Away (2001)',
      );
      expect(await (await chat(await issuer.caller('user')))('my watchlist')).toBe(
        'You have no bookmarks yet.',
      );
    });
  });
}
