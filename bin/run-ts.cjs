#!/usr/bin/env node
// Runs one TypeScript file (benchmarks, scripts) through tsx: `node bin/run-ts.cjs bench/run.ts`.
const path = require('node:path');
require('tsx/cjs');
const file = process.argv[2];
if (!file) { console.error('usage: run-ts <file.ts> [args…]'); process.exit(2); }
process.argv.splice(2, 1);
require(path.resolve(file));
