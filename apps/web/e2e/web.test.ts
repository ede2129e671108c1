import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger } from '@cinesync/kit/log';
import { backends, gateway, launch, type Platform } from '@cinesync/launcher';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildWeb,
  CHROMIUM,
  CHROMIUM_ARGS,
  collectPageErrors,
  eventually,
  skipReason,
} from './support.js';

/** The services this journey goes through; the launcher must run them all. */
const NEEDED = ['identity', 'catalog', 'engagement', 'analytics', 'product', 'notifications'];
const missing = NEEDED.filter((name) => !backends.some((service) => service.name === name));
const reason =
  skipReason() ??
  (missing.length > 0 ? `the launcher does not run ${missing.join(', ')} yet` : undefined);

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

describe.skipIf(reason !== undefined)(
  `web app in Chromium against the launched platform${reason ? ` (skipped: ${reason})` : ''}`,
  () => {
    let dataDir: string;
    let platform: Platform;
    let browser: Browser;
    let page: Page;
    let errors: string[];

    const shot = async (name: string, target: Page = page) => {
      await target.evaluate('window.scrollTo(0, 0)');
      await target.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
    };
    const go = (path: string) => page.goto(`${platform.url}${path}`);

    beforeAll(async () => {
      dataDir = await mkdtemp(join(tmpdir(), 'cinesync-e2e-'));
      const webDist = join(dataDir, 'web');
      await buildWeb(webDist);
      await mkdir(SCREENSHOTS, { recursive: true });
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
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
      page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      errors = collectPageErrors(page);
    }, 300_000);

    afterAll(async () => {
      await browser?.close();
      await platform?.close();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    });

    it('shows the home page with the demo catalog', async () => {
      await go('/');
      await page.getByRole('heading', { name: 'Films worth your evening' }).waitFor();
      await page.getByRole('list', { name: 'Newest releases' }).getByRole('link').first().waitFor();
      await page.getByRole('link', { name: /Drama/ }).first().waitFor();
      await shot('home');
    });

    it('signs up, and is signed in', async () => {
      await page.getByRole('link', { name: 'Sign up' }).click();
      await page.getByLabel('Name (shown on your reviews)').fill(VIEWER.name);
      await page.getByLabel('Email').fill(VIEWER.email);
      await page.getByLabel('Password').fill(VIEWER.password);
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.getByRole('button', { name: 'Sign out' }).waitFor();
      await page.getByText(VIEWER.name).waitFor();
    });

    it('searches with filters and pages, then opens a film', async () => {
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Search' })
        .click();
      await page.getByLabel('Genre').selectOption({ label: 'Drama' });
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await page.getByText(/\d+ films found/).waitFor();
      await page.getByRole('button', { name: 'Next →' }).click();
      await page.getByText(/Page 2 of \d+/).waitFor();
      expect(page.url()).toContain('page=2');

      await page.getByLabel('Words').fill('matrix');
      await page.getByLabel('Genre').selectOption({ label: 'Science Fiction' });
      await page.getByLabel('From year').fill('1990');
      await page.getByLabel('To year').fill('2005');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      const result = page
        .getByRole('list', { name: 'Search results' })
        .getByRole('link', { name: /The Matrix/ });
      await result.waitFor();
      await shot('search');
      await result.click();
      await page.getByRole('heading', { name: 'The Matrix', level: 1 }).waitFor();
    });

    it('rates the film and sees the stats change', async () => {
      await page.getByRole('button', { name: 'Rate 8 out of 10' }).click();
      await page.getByText('You rated it 8/10.').waitFor();
      const ratings = page.getByRole('region', { name: 'Ratings' });
      await ratings.getByText('8.0').waitFor();
    });

    it('writes a review', async () => {
      await page.getByLabel('Your review').fill(REVIEW);
      await page.getByRole('button', { name: 'Publish review' }).click();
      await page.getByText(REVIEW).waitFor();
      // One review per person and film: the form is gone once written.
      expect(await page.getByRole('button', { name: 'Publish review' }).count()).toBe(0);
    });

    it('bookmarks the film and finds it under My bookmarks', async () => {
      await page.getByRole('button', { name: 'Bookmark' }).click();
      await page.getByRole('button', { name: 'Bookmarked' }).waitFor();
    });

    it('plays the trailer: changes quality and watches to the end', async () => {
      await page.getByRole('button', { name: '▶ Play trailer' }).click();
      await page.getByLabel('Quality').selectOption('1080p');
      await page.getByLabel('Position in the trailer').fill('90');
      await page.getByRole('button', { name: '▶ Play trailer' }).waitFor();
      await shot('film');
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Bookmarks' })
        .click();
      await page.getByRole('link', { name: 'The Matrix' }).waitFor();
      await shot('bookmarks');
    });

    it('shows the admin dashboard with the events of this session', async () => {
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('link', { name: 'Sign in' }).click();
      await page.getByLabel('Email').fill(ADMIN.email);
      await page.getByLabel('Password').fill(ADMIN.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('button', { name: 'Sign out' }).waitFor();

      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Analytics' })
        .click();
      await page.getByRole('heading', { name: 'Analytics', level: 1 }).waitFor();
      const refresh = () => page.getByRole('button', { name: 'Refresh' }).click();
      const card = (name: string) => page.getByRole('region', { name });
      await eventually(
        async () => {
          await card('Top films by views').getByText('The Matrix').waitFor({ timeout: 1_000 });
          await card('Search filters used')
            .getByText('genre = science-fiction')
            .waitFor({ timeout: 1_000 });
          await card('Quality changes').getByRole('img').waitFor({ timeout: 1_000 });
          await card('Average time on page').getByText('/films/:id').waitFor({ timeout: 1_000 });
        },
        { timeoutMs: 60_000, intervalMs: 2_000, onRetry: refresh },
      );
      await shot('admin-dashboard');
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
      const width = Number(await phone.evaluate('document.documentElement.scrollWidth'));
      expect(width).toBeLessThanOrEqual(375);
      await shot('home-phone', phone);
      await phone.getByRole('button', { name: 'Menu' }).click();
      await phone
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Search' })
        .click();
      await phone.getByRole('heading', { name: 'Search films' }).waitFor();
      await phone.close();
    });

    it('raised no uncaught errors in the page', () => {
      expect(errors).toEqual([]);
    });
  },
);
