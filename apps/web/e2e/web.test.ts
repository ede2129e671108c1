import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger } from '@cinesync/kit/log';
import { backends, gateway, launch, type Platform } from '@cinesync/launcher';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayOpenApi, schemaTypes } from '../scripts/openapi.js';
import { API_SERVICES } from '../scripts/services.js';
import {
  buildWeb,
  CHROMIUM,
  CHROMIUM_ARGS,
  collectPageErrors,
  eventually,
  skipReason,
} from './support.js';

const missing = API_SERVICES.filter((name) => !backends.some((service) => service.name === name));
const platformSkip =
  missing.length > 0 ? `the launcher does not run ${missing.join(', ')} yet` : undefined;
const browserSkip = skipReason();
const because = (reason: string | undefined) => (reason ? ` (skipped: ${reason})` : '');

const SCHEMA = new URL('../src/api/gen/schema.d.ts', import.meta.url);
/**
 * Screenshots go to artifacts/screenshots (CI keeps them); with UPDATE_SCREENSHOTS=1 to
 * docs/screenshots, the ones the README shows.
 */
const SCREENSHOTS = fileURLToPath(
  new URL(
    process.env.UPDATE_SCREENSHOTS
      ? '../../../docs/screenshots/'
      : '../../../artifacts/screenshots/',
    import.meta.url,
  ),
);

const ADMIN = { email: 'admin@cinesync.test', password: 'e2e-admin-password' };
const VIEWER = {
  name: 'Vera Viewer',
  email: 'vera@cinesync.test',
  password: 'popcorn-projector-42',
};
const REVIEW = 'A landmark of science fiction: the lobby shoot-out still holds up.';

describe.skipIf(platformSkip !== undefined)(
  `web app against the platform as npm start runs it${because(platformSkip)}`,
  () => {
    let dataDir: string;
    let platform: Platform;

    beforeAll(async () => {
      dataDir = await mkdtemp(join(tmpdir(), 'cinesync-e2e-'));
      const webDist = join(dataDir, 'web');
      if (!browserSkip) await buildWeb(webDist);
      platform = await launch({
        backends,
        gateway,
        env: {
          PATH: process.env.PATH,
          DATA_DIR: join(dataDir, 'data'),
          LOG_LEVEL: 'warn',
          ADMIN_EMAIL: ADMIN.email,
          ADMIN_PASSWORD: ADMIN.password,
          WEB_DIST: webDist,
        },
        portOverride: 0,
        logger: createLogger({ service: 'web-e2e', level: 'warn' }),
      });
    }, 600_000);

    afterAll(async () => {
      await platform?.close();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    });

    it('API types: src/api/gen/schema.d.ts is what the gateway serves (npm run -w apps/web gen:api)', async () => {
      const generated = await schemaTypes(await gatewayOpenApi(platform.url));
      if (process.env.UPDATE_API) {
        await expect(generated).toMatchFileSnapshot(fileURLToPath(SCHEMA));
      } else {
        expect(generated === (await readFile(SCHEMA, 'utf8'))).toBe(true);
      }
    });

    describe.skipIf(browserSkip !== undefined)(`in Chromium${because(browserSkip)}`, () => {
      let browser: Browser;
      let page: Page;
      let errors: string[];
      let orderPath: string;

      const go = (path: string) => page.goto(`${platform.url}${path}`);
      const nav = (name: string | RegExp) =>
        page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name });
      const shot = async (name: string, target: Page = page) => {
        await target.evaluate('window.scrollTo(0, 0)');
        await target.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
      };
      const signIn = async (email: string, password: string) => {
        await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).click();
        await page.getByLabel('Email').fill(email);
        await page.getByLabel('Password').fill(password);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByRole('button', { name: 'Sign out' }).waitFor();
      };

      beforeAll(async () => {
        await mkdir(SCREENSHOTS, { recursive: true });
        browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
        page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        errors = collectPageErrors(page);
      }, 60_000);

      afterAll(async () => {
        await browser?.close();
      });

      it('shows the home page with the demo catalog', async () => {
        await go('/');
        await page.getByRole('heading', { name: 'Films worth your evening' }).waitFor();
        await page
          .getByRole('list', { name: 'Newest releases' })
          .getByRole('link')
          .first()
          .waitFor();
        await page.getByRole('link', { name: /Drama/ }).first().waitFor();
        await shot('home');
      });

      it('signs up, and is signed in', async () => {
        await page.getByRole('banner').getByRole('link', { name: 'Sign up' }).click();
        await page.getByLabel('Name (shown on your reviews)').fill(VIEWER.name);
        await page.getByLabel('Email').fill(VIEWER.email);
        await page.getByLabel('Password').fill(VIEWER.password);
        await page.getByRole('button', { name: 'Create account' }).click();
        await page.getByRole('button', { name: 'Sign out' }).waitFor();
        await page.getByText(VIEWER.name).waitFor();
      });

      it('searches with filters and pages, then opens a film', async () => {
        await nav('Search').click();
        await page.getByLabel('Genre').selectOption({ label: 'Drama' });
        await page.getByRole('button', { name: 'Search', exact: true }).click();
        await page.getByText(/\d+ films found/).waitFor();
        await page
          .getByRole('list', { name: 'Search results' })
          .getByRole('link')
          .first()
          .waitFor();
        await shot('search');
        await page.getByRole('button', { name: 'Next →' }).click();
        await page.getByText(/Page 2 of \d+/).waitFor();
        expect(page.url()).toContain('page=2');

        // Misspelled: the catalog answers for its correction and the page says so.
        await page.getByLabel('Words').fill('matirx');
        await page.getByLabel('Genre').selectOption({ label: 'Science Fiction' });
        await page.getByLabel('From year').fill('1990');
        await page.getByLabel('To year').fill('2005');
        await page.getByRole('button', { name: 'Search', exact: true }).click();
        await page
          .getByRole('status')
          .filter({ hasText: 'no film matches “matirx” as typed' })
          .waitFor();
        expect(await page.locator('q.corrected-query').textContent()).toBe('matrix');
        await shot('search-corrected');
        const result = page
          .getByRole('list', { name: 'Search results' })
          .getByRole('link', { name: /The Matrix/ });
        await result.waitFor();
        await result.click();
        await page.getByRole('heading', { name: 'The Matrix', level: 1 }).waitFor();
      });

      it('rates the film and sees the stats change', async () => {
        await page.getByRole('button', { name: 'Rate 8 out of 10' }).click();
        await page.getByText('You rated it 8/10.').waitFor();
        await page.getByRole('region', { name: 'Ratings' }).getByText('8.0').waitFor();
      });

      it('writes a review', async () => {
        await page.getByLabel('Your review').fill(REVIEW);
        await page.getByRole('button', { name: 'Publish review' }).click();
        await page.getByText(REVIEW).first().waitFor();
        // One review per person and film: the form goes once the review is saved (React may take
        // a render after the text shows, so wait for it rather than count at once).
        await page.getByRole('button', { name: 'Publish review' }).waitFor({ state: 'detached' });
      });

      it('bookmarks the film', async () => {
        await page.getByRole('button', { name: 'Bookmark' }).click();
        await page.getByRole('button', { name: 'Bookmarked' }).waitFor();
      });

      it('plays the trailer: changes quality and watches to the end', async () => {
        await page.getByRole('button', { name: '▶ Play trailer' }).click();
        await page.getByLabel('Quality').selectOption('1080p');
        await page.getByLabel('Position in the trailer').fill('90');
        await page.getByRole('button', { name: '▶ Play trailer' }).waitFor();
      });

      it('adds a rental to the cart', async () => {
        await page
          .getByRole('button', { name: 'Add Rent “The Matrix” (48 hours) to cart' })
          .click();
        await page.getByText('1 in your cart').waitFor();
        await shot('film');
      });

      it('lists the bookmark under My bookmarks', async () => {
        await nav('Bookmarks').click();
        await page.getByRole('link', { name: 'The Matrix' }).waitFor();
        await shot('bookmarks');
      });

      it('checks out, pays, and the order notification arrives live', async () => {
        await nav('Cart 1 items').click();
        await page
          .getByRole('cell', { name: 'Rent “The Matrix” (48 hours)', exact: true })
          .waitFor();
        await shot('cart');
        await page.getByRole('button', { name: 'Check out' }).click();
        await page.getByRole('status').getByText('Awaiting payment').waitFor();
        orderPath = new URL(page.url()).pathname;
        expect(orderPath).toMatch(/^\/orders\/[0-9a-f-]{36}$/);

        await page.getByRole('button', { name: /^Pay / }).click();
        await page.getByRole('status').getByText('Paid').waitFor();
        await shot('order');
        // Welcome, awaiting payment, paid: the badge counts them as they stream in.
        await nav('Notifications 3 unread').waitFor({ timeout: 30_000 });

        await nav(/^Notifications/).click();
        await page.getByRole('link', { name: /^Payment received for order/ }).waitFor();
        await page.getByText('Live').waitFor();
        await shot('notifications');
        await page.getByRole('link', { name: /^Payment received for order/ }).click();
        expect(new URL(page.url()).pathname).toBe(orderPath);
        await nav('Orders').click();
        await page.getByRole('link', { name: 'Rent “The Matrix” (48 hours)' }).waitFor();
        await shot('orders');
      }, 60_000);

      it('opens a support ticket', async () => {
        await nav('Support').click();
        await page.getByLabel('Subject').fill('Trailer stutters at 1080p');
        await page.getByLabel('Topic').selectOption({ label: 'Playback' });
        await page
          .getByLabel('What happened?')
          .fill('The trailer of The Matrix stutters at 1080p.');
        await page.getByRole('button', { name: 'Open ticket' }).click();
        await page.getByRole('heading', { name: 'Trailer stutters at 1080p' }).waitFor();
        await page.getByRole('status').getByText('Open').waitFor();
        await shot('support-ticket');
      });

      it('asks the assistant and reads the streamed answer', async () => {
        await nav('Assistant').click();
        await page.getByRole('button', { name: '+ New chat' }).click();
        await page.getByLabel('Your question').fill('Who directed The Matrix?');
        await page.getByRole('button', { name: 'Ask' }).click();
        await page
          .getByRole('region', { name: 'Conversation' })
          .getByText(/Wachowski/)
          .first()
          .waitFor({ timeout: 30_000 });
        await shot('assistant');
      }, 60_000);

      it('as an admin, votes and comments on the review, and sees the events on the dashboard', async () => {
        await page.getByRole('button', { name: 'Sign out' }).click();
        await signIn(ADMIN.email, ADMIN.password);

        await go('/search?query=matrix');
        await page
          .getByRole('link', { name: /The Matrix/ })
          .first()
          .click();
        const review = page.getByRole('listitem').filter({ hasText: REVIEW }).first();
        await review.getByRole('button', { name: /^Helpful \d+$/ }).click();
        await review
          .getByRole('button', { name: 'Helpful 1', exact: true, pressed: true })
          .waitFor();
        await review.getByRole('button', { name: 'Comments' }).click();
        await page.getByLabel('Write a comment').fill('Agreed, and the score too.');
        await page.getByRole('button', { name: 'Send' }).click();
        await page.getByText('Agreed, and the score too.').waitFor();

        await nav('Analytics').click();
        await page.getByRole('heading', { name: 'Analytics', level: 1 }).waitFor();
        const card = (name: string) => page.getByRole('region', { name });
        const seen = async (name: string, text: string | RegExp) =>
          card(name).getByText(text).first().waitFor({ timeout: 1_000 });
        await eventually(
          async () => {
            await seen('Top films by views', 'The Matrix');
            await seen('Search filters used', 'genre = science-fiction');
            await seen('Average time on page', '/films/:id');
            await card('Quality changes').getByRole('img').waitFor({ timeout: 1_000 });
            await seen('Events over time', /video_complete \([1-9]\d*\)/);
          },
          {
            timeoutMs: 60_000,
            intervalMs: 2_000,
            onRetry: () => page.getByRole('button', { name: 'Refresh' }).click(),
          },
        );
        await shot('admin-dashboard');
      }, 120_000);

      it('sends waiting events as the page is hidden: keepalive fetch with the token when signed in', async () => {
        await nav('Search').click();
        await page.getByRole('heading', { name: 'Search films' }).waitFor();
        const sent = page.waitForRequest(
          (request) => request.url().endsWith('/api/v1/events') && request.method() === 'POST',
        );
        await page.evaluate("window.dispatchEvent(new PageTransitionEvent('pagehide'))");
        const request = await sent;
        expect(request.headers().authorization).toMatch(/^Bearer /);
        expect((await request.response())?.status()).toBe(202);
      });

      it('lays out at phone width', async () => {
        const phone = await browser.newPage({
          viewport: { width: 375, height: 812 },
          isMobile: true,
        });
        await phone.goto(`${platform.url}/`);
        await phone.getByRole('heading', { name: 'Films worth your evening' }).waitFor();
        await phone
          .getByRole('list', { name: 'Newest releases' })
          .getByRole('link')
          .first()
          .waitFor();
        expect(Number(await phone.evaluate('document.documentElement.scrollWidth'))).toBe(375);
        await shot('home-phone', phone);
        // A guest's events go by sendBeacon, which cannot carry a token.
        const beacon = phone.waitForRequest(
          (request) => request.url().endsWith('/api/v1/events') && request.method() === 'POST',
        );
        await phone.evaluate("window.dispatchEvent(new PageTransitionEvent('pagehide'))");
        const request = await beacon;
        expect(request.headers().authorization).toBeUndefined();
        expect((await request.response())?.status()).toBe(202);
        await phone.getByRole('button', { name: 'Menu' }).click();
        await phone
          .getByRole('navigation', { name: 'Main' })
          .getByRole('link', { name: 'Search' })
          .click();
        await phone.getByRole('heading', { name: 'Search films' }).waitFor();
        await phone.close();
      });

      it('raised no uncaught errors and broke no CSP rule in the page', () => {
        expect(errors).toEqual([]);
      });
    });
  },
);
