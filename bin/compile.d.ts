// Types of compile.js (plain JavaScript, so that `npm start` can run it before anything is compiled).
/** The folders compiled into dist/. */
export const SOURCE_FOLDERS: string[];
/** True when dist/ is missing, unfinished, or older than a source file. */
export function isStale(root: string): boolean;
/** Compiles the sources into dist/; false when no compiler is installed or nothing was written. */
export function compile(root: string, log?: (line: string) => void): boolean;
