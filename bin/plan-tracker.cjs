#!/usr/bin/env node
// The `plan-tracker` command: runs the TypeScript CLI through tsx, so there is no separate build step.
require('tsx/cjs');
require('../src/cli/main.ts');
