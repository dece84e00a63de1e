/** Jest runs TypeScript through SWC (ts-jest needs a TypeScript compiler API that 7.x lacks). */
const transform = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', tsx: true },
        transform: { react: { runtime: 'automatic' } },
        target: 'es2022',
      },
      module: { type: 'commonjs' },
    },
  ],
};
// @pnp/* ships ES modules only, so it must be transformed too.
const transformIgnorePatterns = ['/node_modules/(?!(@pnp)/)'];
const common = { testEnvironmentOptions: { globalsCleanup: 'off' }, transform, transformIgnorePatterns, testEnvironment: 'node', moduleFileExtensions: ['ts', 'tsx', 'js', 'cjs', 'mjs', 'json'] };

module.exports = {
  // Integration and browser tests start servers and browsers on a 2-core machine.
  testTimeout: 90_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts?(x)'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/tests/integration/**/*.test.ts?(x)'], testPathIgnorePatterns: ['/node_modules/', '\\.scale\\.test\\.tsx?$'] },
    // `npm run test:scale`: tests at tens of thousands of rows, too slow for every `npm test`.
    { ...common, displayName: 'scale', testMatch: ['<rootDir>/tests/**/*.scale.test.ts?(x)'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/tests/e2e/**/*.test.ts?(x)'] },
  ],
};
