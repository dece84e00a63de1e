#!/usr/bin/env node
// The `plan-tracker` command: runs the TypeScript CLI through tsx, so there is no separate build step.
// npx and npm link run this file through a link named `plan-tracker`, so the CLI is started
// explicitly here rather than by guessing from process.argv[1].
require('tsx/cjs');
require('../src/cli/main.ts').runCli(process.argv);
