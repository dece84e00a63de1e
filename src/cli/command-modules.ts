import type { Command } from 'commander';
import * as provision from './commands/provision';

/** Every command of the CLI, each registering itself on the program. */
export const commandModules: { register(program: Command): void }[] = [provision];
