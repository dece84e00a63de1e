#!/usr/bin/env node
// `npm test`: type-check, lint, build the tab, then every Jest project; ends with one
// line `N passed, N failed` (CI reads it). A failed type-check, lint or build counts as a failure.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
let passed = 0;
let failed = 0;

function step(label, cmd, args) {
  console.log(`\n=== ${label}: ${[path.basename(cmd), ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  const ok = r.status === 0;
  console.log(`=== ${label}: ${ok ? 'ok' : `FAILED (exit ${r.status ?? r.signal})`}`);
  return ok;
}

function check(label, cmd, args) {
  if (step(label, cmd, args)) passed += 1; else failed += 1;
}

function jest(label, args) {
  const out = path.join(root, 'test-results', `${label}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.rmSync(out, { force: true });
  const ok = step(`jest ${label}`, bin('jest'), [...args, '--json', `--outputFile=${out}`]);
  if (!fs.existsSync(out)) { failed += 1; return; }
  const r = JSON.parse(fs.readFileSync(out, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests + r.numRuntimeErrorTestSuites;
  if (!ok && r.numFailedTests === 0 && r.numRuntimeErrorTestSuites === 0) failed += 1;
}

check('typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
check('lint', bin('eslint'), ['.']);
check('build', bin('vite'), ['build', '--logLevel', 'warn']);
jest('unit-integration', ['--selectProjects', 'unit', 'integration', '--maxWorkers=2', '--forceExit']);
jest('e2e', ['--selectProjects', 'e2e', '--runInBand', '--forceExit']);

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
