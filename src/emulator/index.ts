/** The embedded SharePoint-compatible server: the Request → Response core and its Node adapter. */
export { createEmulator, ACT_AS_HEADER, type Emulator, type EmulatorOptions } from './emulator';
export { startEmulatorServer, type EmulatorServer, type EmulatorServerOptions } from './node-server';
export { parseFaults, type FaultRates } from './faults';
export { readUsersFile, parseUsers, type SeedUser } from './users-file';
export type { EmulatorPlugin, PluginContext } from './plugin';
