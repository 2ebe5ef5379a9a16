// The host interface: everything a running program may ask of the outside world. The CLI, the
// debug adapter and the tests each supply one, so programs run in memory and a snippet can never
// reach Node APIs directly.

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
}

/** A host backed by strings: collects output, serves stdin from a string. For tests and tools. */
export class MemoryHost implements Host {
  stdout = '';
  stderr = '';
  /** stdout and stderr interleaved, as a terminal (or `2>&1`) shows them. */
  output = '';
  private stdinLines: string[];
  constructor(
    public programPath: string,
    private readonly files: Record<string, string> = {},
    stdin = '',
    public args: string[] = [],
  ) {
    this.stdinLines = stdin.split(/(?<=\n)/).filter((l) => l.length > 0);
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
    return this.files[path] ?? null;
  }
}
