import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Tests run against the TypeScript sources of workspace packages, never their builds. */
function workspaceSource(name: string, sub: string | undefined): string {
  for (const dir of ['packages', 'services', 'apps']) {
    const base = `${root}${dir}/${name}/src`;
    if (!existsSync(base)) continue;
    return sub ? `${base}/${sub}/index.ts` : `${base}/index.ts`;
  }
  throw new Error(`unknown workspace package @cinesync/${name}`);
}

export default defineConfig({
  resolve: {
    alias: [
      {
        find: /^@cinesync\/([a-z0-9-]+)(?:\/([a-z0-9-]+))?$/,
        replacement: '$1/$2',
        customResolver: (source: string) => {
          const [name, sub] = source.split('/');
          return workspaceSource(name ?? '', sub || undefined);
        },
      },
    ],
  },
  test: {
    include: ['{packages,services,apps}/*/{src,test}/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**', 'apps/web/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
  },
});
