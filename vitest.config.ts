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

/** Resolves `@cinesync/<package>[/<module>]` to its TypeScript source. */
const workspaceSources = {
  name: 'cinesync-workspace-sources',
  enforce: 'pre' as const,
  resolveId(source: string) {
    const match = /^@cinesync\/([a-z0-9-]+)(?:\/([a-z0-9-]+))?$/.exec(source);
    if (!match?.[1]) return null;
    return workspaceSource(match[1], match[2]);
  },
};

export default defineConfig({
  plugins: [workspaceSources],
  test: {
    include: ['{packages,services,apps}/*/{src,test}/**/*.test.ts', 'apps/web/e2e/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
  },
});
