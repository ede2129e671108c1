import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** `npm run -w apps/web dev`: the app with hot reload, the API from a running `npm start`. */
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { '/api': process.env.CINESYNC_URL ?? 'http://localhost:8080' },
  },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
});
