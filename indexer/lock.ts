// One writer at a time in a data folder: `dgsn index` and `dgsn add` (and `npm run index`) take a lock
// file there, so that two adds at once cannot both read the old manifest and lose a report. The lock
// names its holder's process; a lock whose process has died is taken over, and the temporary files a
// killed writer left are removed.
import { mkdirSync, openSync, closeSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { TEMPORARY_SUFFIX } from './build.ts';

export const LOCK_FILE = '.lock';

/** Another process holds the lock and did not let go in time. */
export class LockBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: number,
  ) {
    super(`indexer: another \`dgsn index\` or \`dgsn add\` (process ${holder}) is writing to ${dataDir}; try again when it has finished`);
    this.name = 'LockBusyError';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// Takes the lock, or says who holds it: 'taken', the live holder's pid, or 'unwritable' when the folder
// cannot take a file at all (the write that follows will then say why).
function tryLock(file: string): 'taken' | 'unwritable' | number {
  try {
    const fd = openSync(file, 'wx');
    try {
      writeSync(fd, String(process.pid));
    } finally {
      closeSync(fd);
    }
    return 'taken';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EEXIST') return 'unwritable';
  }
  const holder = Number(readFileSync(file, 'utf8').trim());
  if (Number.isInteger(holder) && holder > 0 && alive(holder)) return holder;
  // A stale lock: its process is gone.
  rmSync(file, { force: true });
  return tryLock(file);
}

// Temporary files of writes that never finished, in the folder and its text/ folder.
function removeStaleTemporaries(dataDir: string): void {
  for (const dir of [dataDir, path.join(dataDir, 'text')]) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) if (name.endsWith(TEMPORARY_SUFFIX)) rmSync(path.join(dir, name), { force: true });
  }
}

/** Runs `action` holding the data folder's lock, waiting up to `waitMs` for another holder to finish. */
export async function withDataLock<T>(dataDir: string, action: () => Promise<T>, waitMs = 120_000): Promise<T> {
  const file = path.join(dataDir, LOCK_FILE);
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch {
    // A folder that cannot be made cannot be written either; the write will say why.
  }
  const deadline = Date.now() + waitMs;
  for (;;) {
    const state = tryLock(file);
    if (state === 'unwritable') return action();
    if (state === 'taken') break;
    if (Date.now() >= deadline) throw new LockBusyError(dataDir, state);
    await sleep(100);
  }
  try {
    removeStaleTemporaries(dataDir);
    return await action();
  } finally {
    rmSync(file, { force: true });
  }
}
