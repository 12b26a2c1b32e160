// Types of compile.js (plain JavaScript, so that `npm start` can run it before anything is compiled).
/** The folders whose sources the server is compiled from. */
export const SOURCE_FOLDERS: string[];
/** True when dist/ is missing, unfinished, or older than a source file. */
export function isStale(root: string): boolean;
/** Bundles the server into dist/server/ with esbuild; false when esbuild is not installed or the bundle fails. */
export function compile(root: string, log?: (line: string) => void): boolean;
