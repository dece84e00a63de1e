import path from 'node:path';

/** The project folder (where package.json is), whatever the working directory. Node-only. */
export const PROJECT_ROOT = path.resolve(__dirname, '..');
