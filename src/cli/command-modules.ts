import type { Command } from 'commander';
import * as doctor from './commands/doctor';
import * as emulator from './commands/emulator';
import * as importCommand from './commands/import';
import * as packageCommand from './commands/package';
import * as provision from './commands/provision';
import * as remind from './commands/remind';
import * as start from './commands/start';

/** Every command of the CLI, each registering itself on the program. */
export const commandModules: { register(program: Command): void }[] = [start, emulator, provision, importCommand, remind, packageCommand, doctor];
