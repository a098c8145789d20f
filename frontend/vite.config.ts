import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The SPA talks to the API on its own origin: the dev and preview servers proxy these paths, so
// the session cookie, the login callback and CSRF all live on one origin (no CORS).
const apiOrigin = process.env.ZORGROUTE_API_ORIGIN ?? 'http://127.0.0.1:8000';
const proxy = Object.fromEntries(
  ['/api', '/auth', '/graphql', '/health'].map((path) => [path, { target: apiOrigin, xfwd: true }]),
);

export default defineConfig({
  plugins: [react()],
  server: { host: '127.0.0.1', port: 5173, strictPort: true, proxy },
  preview: { host: '127.0.0.1', port: 5173, strictPort: true, proxy },
  build: { sourcemap: true },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
