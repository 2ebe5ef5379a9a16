// The host interface: everything a running program may ask of the outside world. The CLI, the
// debug adapter and the tests each supply one, so programs run in memory and a snippet can never
// reach Node APIs directly. Each host also carries the program's file system (sandboxFs.ts):
// reads may fall through to files next to the program, writes always stay in memory.

import { SandboxFs, recordLower } from './sandboxFs';

export interface Host {
  writeStdout(text: string): void;
  writeStderr(text: string): void;
  /** One line of standard input including its '\n', or null at end of input. */
  readStdinLine(): string | null;
  /** The text of a file (source of sibling modules, tracebacks' source lines), or null. */
  readFile(path: string): string | null;
  /** Absolute path of the program being run (sys.argv[0] and __file__). */
  programPath: string;
  /** sys.argv[1:]. */
  args: string[];
  /** open(), os and tempfile work on this; it starts in the program's folder. */
  fs: SandboxFs;
}

/** A file's text from the program's file system (what it wrote, or files next to it), or null. */
export function fsText(fs: SandboxFs, path: string): string | null {
  const st = fs.stat(path);
  if (st === null || st.isDir) return null;
  return new TextDecoder().decode(fs.readFile(path));
}

/** The folder holding `programPath` (the program's initial working directory). */
export function programDir(programPath: string): string {
  const i = programPath.lastIndexOf('/');
  return i <= 0 ? '/' : programPath.slice(0, i);
}

/** A host backed by strings: collects output, serves stdin from a string. For tests and tools. */
export class MemoryHost implements Host {
  stdout = '';
  stderr = '';
  /** stdout and stderr interleaved, as a terminal (or `2>&1`) shows them. */
  output = '';
  private stdinLines: string[];
  readonly fs: SandboxFs;
  constructor(
    public programPath: string,
    private readonly files: Record<string, string> = {},
    stdin = '',
    public args: string[] = [],
  ) {
    this.stdinLines = stdin.split(/(?<=\n)/).filter((l) => l.length > 0);
    this.fs = new SandboxFs(recordLower(files), programDir(programPath));
  }
  writeStdout(text: string): void {
    this.stdout += text;
    this.output += text;
  }
  writeStderr(text: string): void {
    this.stderr += text;
    this.output += text;
  }
  readStdinLine(): string | null {
    return this.stdinLines.shift() ?? null;
  }
  readFile(path: string): string | null {
    return this.files[path] ?? fsText(this.fs, path);
  }
}
