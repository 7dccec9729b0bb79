// Jest, the one test runner. Two projects: "unit" (model, functions, validator, CLI, pane components
// in jsdom where a file asks for it) and "e2e" (the built pane in headless Chromium, `npm start`).
// TypeScript is stripped by SWC; types are checked once, by `npm run typecheck`.

/** @type {[string, Record<string, unknown>]} */
const swc = [
  "@swc/jest",
  {
    jsc: {
      parser: { syntax: "typescript", tsx: true },
      transform: { react: { runtime: "automatic" } },
      target: "es2022",
    },
    module: { type: "commonjs" },
  },
];

/** @type {import("jest").Config} */
const common = {
  rootDir: __dirname,
  testEnvironment: "node",
  transform: { "^.+\\.(t|j)sx?$": swc },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  // ES-module-only packages deep in the dependency tree (strip-bom, uuid): let SWC turn them into CommonJS.
  transformIgnorePatterns: ["/node_modules/(?!(?:.+/node_modules/)?(?:strip-bom|uuid)/)"],
};

/** @type {import("jest").Config} */
module.exports = {
  // Tests do not time things (benchmarks do). Jest's 5 s default failed heavy tests (a million findings,
  // 20 validations at once) when CI ran them beside other suites on 2 cores; 30 s still ends a hung test.
  testTimeout: 30_000,
  reporters: ["default", "<rootDir>/test/support/summary-reporter.js"],
  projects: [
    {
      ...common,
      displayName: "unit",
      testMatch: ["<rootDir>/test/**/*.test.ts", "<rootDir>/test/**/*.test.tsx"],
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/e2e/"],
    },
    {
      ...common,
      displayName: "e2e",
      testMatch: ["<rootDir>/test/e2e/**/*.test.ts"],
      setupFilesAfterEnv: ["<rootDir>/test/e2e/setup.ts"],
    },
  ],
};
