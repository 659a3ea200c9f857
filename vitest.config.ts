import { defineConfig } from "vitest/config";

// Two projects: most test files run in parallel; files named *.timing.test.ts measure pacing,
// latency or kill a process, so they run after the rest, one file at a time, with margins that hold on a loaded
// two-core machine.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // One throwaway PostgreSQL server for the run (when its binaries exist); see the file.
    globalSetup: ["test/support/postgres-global-setup.ts"],
    pool: "forks",
    // Two workers on two cores (vitest's default leaves one idle).
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: "parallel",
          sequence: { groupOrder: 0 },
          include: ["test/**/*.test.ts"],
          exclude: ["test/**/*.timing.test.ts", "test/**/*.isolated.test.ts"],
          // One module graph per worker: most of a file's cost was loading the same modules again.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          // Files that replace a module (vi.mock) need a module graph of their own.
          name: "isolated",
          sequence: { groupOrder: 0 },
          include: ["test/**/*.isolated.test.ts"],
          isolate: true,
        },
      },
      {
        extends: true,
        test: {
          name: "timing",
          sequence: { groupOrder: 1 },
          include: ["test/**/*.timing.test.ts"],
          fileParallelism: false,
        },
      },
    ],
  },
});
