// The CLI's host: the real terminal and file system, as `python3 FILE` sees them. Output is
// written synchronously so stdout and stderr interleave in program order, and stdin is read a
// line at a time only when the program asks (input() at a prompt works interactively).
// The program's file system reads through to real files in the program's folder (and below)
// and keeps every write in memory: a snippet never changes the real disk.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Host } from '../src/index';
import { SandboxFs, type LowerFs } from '../src/vm/sandboxFs';
import { programDir, fsText } from '../src/vm/host';

export class NodeHost implements Host {
  private pending = Buffer.alloc(0);
  private stdinEnded = false;

  readonly fs: SandboxFs;

  constructor(readonly programPath: string, readonly args: string[]) {
    this.fs = new SandboxFs(folderLower(programDir(programPath)), programDir(programPath));
  }

  writeStdout(text: string): void {
    fs.writeSync(1, text);
  }

  writeStderr(text: string): void {
    fs.writeSync(2, text);
  }

  readStdinLine(): string | null {
    const chunk = Buffer.alloc(4096);
    for (;;) {
      const newline = this.pending.indexOf(0x0a);
      if (newline >= 0) {
        const line = this.pending.subarray(0, newline + 1).toString('utf8');
        this.pending = this.pending.subarray(newline + 1);
        return line;
      }
      if (this.stdinEnded) break;
      let count = 0;
      try {
        count = fs.readSync(0, chunk, 0, chunk.length, null);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EAGAIN') continue;
        if ((error as NodeJS.ErrnoException).code !== 'EOF') throw error;
      }
      if (count === 0) this.stdinEnded = true;
      else this.pending = Buffer.concat([this.pending, chunk.subarray(0, count)]);
    }
    if (this.pending.length === 0) return null;
    const rest = this.pending.toString('utf8');
    this.pending = Buffer.alloc(0);
    return rest;
  }

  readFile(file: string): string | null {
    // Files the program wrote (modules it then imports) live only in the sandbox.
    const written = fsText(this.fs, path.resolve(path.dirname(this.programPath), file));
    if (written !== null) return written;
    try {
      return fs.readFileSync(path.resolve(path.dirname(this.programPath), file), 'utf8');
    } catch {
      return null;
    }
  }
}

/** Read-only view of the real files under `root` (nothing outside it is visible). */
function folderLower(root: string): LowerFs {
  const inside = (p: string) => p === root || p.startsWith(root === '/' ? '/' : root + '/');
  return {
    read(p) {
      if (!inside(p)) return null;
      try {
        return fs.statSync(p).isFile() ? new Uint8Array(fs.readFileSync(p)) : null;
      } catch {
        return null;
      }
    },
    list(p) {
      if (!inside(p)) return null;
      try {
        return fs.statSync(p).isDirectory() ? fs.readdirSync(p) : null;
      } catch {
        return null;
      }
    },
  };
}
