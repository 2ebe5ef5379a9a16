// The session's console I/O: the program's host (output to the Debug Console, input() from the
// launch `stdin` or typed in the Debug Console) and the synchronous reading of DAP requests from
// stdin that lets the session answer while the VM sits inside a native call (session.ts: stops in
// nested activations, input()).
//
// Invariant: synchronous reads happen only when main.ts enabled them (the adapter runs as its own
// process over stdio); run inline in the extension host there is no stdin to read.

import * as fs from 'node:fs';
import { MemoryHost } from '../../runtime/src/inspect/index';

/** Set by main.ts when the session speaks DAP over this process's stdin/stdout. */
let synchronousInputFd: number | null = null;

export function enableSynchronousStops(fd: number): void {
  synchronousInputFd = fd;
}

export function synchronousStopsEnabled(): boolean {
  return synchronousInputFd !== null;
}

/** Sleep without the event loop (between two empty reads of stdin). */
const sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleepMs(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

/**
 * Read stdin and hand what arrives to `dispatch` (the protocol parser, which runs the request
 * handlers) until `done()`; `block`: wait for data, else return as soon as nothing is waiting.
 * Returns false when the client closed the connection.
 */
export function readRequestsSynchronously(dispatch: (data: Buffer) => void, block: boolean, done: () => boolean): boolean {
  const buffer = Buffer.alloc(65536);
  while (!block || !done()) {
    let n: number;
    try {
      n = fs.readSync(synchronousInputFd!, buffer, 0, buffer.length, null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      if (!block) return true;
      sleepMs(2);
      continue;
    }
    if (n === 0) return false;
    dispatch(Buffer.from(buffer.subarray(0, n)));
    if (!block && done()) return true;
  }
  return true;
}

/** Characters of each stream already shown in the Debug Console (a replay does not show them again). */
export interface Emitted {
  stdout: number;
  stderr: number;
}

/**
 * A host whose output goes to the Debug Console as it is written, stdout and stderr in order.
 * A replay's host first swallows what the console already shows.
 */
export class ConsoleHost extends MemoryHost {
  private readonly skip: Emitted;
  /** Lines typed in the Debug Console so far, served again to a replay in the same order. */
  private typedIndex = 0;
  constructor(
    programPath: string, files: Record<string, string>, stdin: string, args: string[],
    private readonly emitted: Emitted,
    private readonly emit: (text: string, category: 'stdout' | 'stderr') => void,
    /** Without launch `stdin`: the lines typed so far, and how to ask for the next one (null: EOF). */
    private readonly console: { typed: string[]; ask: () => string | null } | null,
  ) {
    super(programPath, files, stdin, args);
    this.skip = { ...emitted };
  }
  override readStdinLine(): string | null {
    if (this.console === null) return super.readStdinLine();
    if (this.typedIndex < this.console.typed.length) return this.console.typed[this.typedIndex++];
    const line = this.console.ask();
    if (line !== null) {
      this.console.typed.push(line);
      this.typedIndex++;
    }
    return line;
  }
  private write(text: string, category: 'stdout' | 'stderr'): void {
    const skipped = Math.min(this.skip[category], text.length);
    this.skip[category] -= skipped;
    const shown = skipped > 0 ? text.slice(skipped) : text;
    if (shown === '') return;
    this.emitted[category] += shown.length;
    this.emit(shown, category);
  }
  override writeStdout(text: string): void {
    this.write(text, 'stdout');
  }
  override writeStderr(text: string): void {
    this.write(text, 'stderr');
  }
}
