import { defineConfig } from 'vitest/config';

const exclude = ['node_modules/**', 'dist/**', 'tests/e2e/**', 'tests/bench/**'];

// Unit and component tests sit beside their code as *.test.ts(x); integration tests (real SQLite files,
// sockets, HTTP on 127.0.0.1, child processes) are *.int.test.ts. End-to-end tests are Playwright's.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['**/*.test.{ts,tsx}'],
          exclude: [...exclude, '**/*.int.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['**/*.int.test.ts'],
          exclude,
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
