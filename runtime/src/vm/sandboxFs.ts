// The program's file system: an in-memory layer over a read-only "lower" view of the files next
// to the program. Writes, new directories, removals and renames stay in memory (the upper layer
// and its whiteouts), so a snippet can create, read back and delete files exactly as under
// `python3` while the real disk is never touched. Paths are POSIX, resolved against a working
// directory that starts at the program's folder; '/' and '/tmp' always exist.
// Failures throw FsError carrying the errno CPython's OSError would report.

export interface LowerFs {
  /** The bytes of a regular file, or null when there is none. */
  read(path: string): Uint8Array | null;
  /** Entry names of a directory, or null when `path` is not a directory. */
  list(path: string): string[] | null;
}

export const ENOENT = 2;
export const EBADF = 9;
export const EEXIST = 17;
export const ENOTDIR = 20;
export const EISDIR = 21;
export const EINVAL = 22;
export const ENOTEMPTY = 39;

const MESSAGES: Record<number, string> = {
  [ENOENT]: 'No such file or directory',
  [EBADF]: 'Bad file descriptor',
  [EEXIST]: 'File exists',
  [ENOTDIR]: 'Not a directory',
  [EISDIR]: 'Is a directory',
  [EINVAL]: 'Invalid argument',
  [ENOTEMPTY]: 'Directory not empty',
};

export class FsError extends Error {
  constructor(readonly errno: number, readonly filename: string, readonly filename2: string | null = null) {
    super(`[Errno ${errno}] ${MESSAGES[errno]}: '${filename}'`);
  }
  get strerror(): string {
    return MESSAGES[this.errno] ?? 'Unknown error';
  }
}

type UpperNode = { kind: 'file'; data: Uint8Array; mtime: number } | { kind: 'dir'; mtime: number };

export interface FsStat {
  isDir: boolean;
  size: number;
  /** Virtual modification time (seconds): bumps on every write, so ordering is observable. */
  mtime: number;
}

/** Normalise an absolute POSIX path: no '.', '..', repeated or trailing slashes. */
export function normalizePath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return '/' + parts.join('/');
}

function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

/** A lower layer built from a path → text record (MemoryHost): directories are implied by files. */
export function recordLower(files: Record<string, string>): LowerFs {
  const encoded = new Map<string, Uint8Array>();
  const encoder = new TextEncoder();
  return {
    read(path) {
      const text = files[path];
      if (text === undefined) return null;
      let bytes = encoded.get(path);
      if (bytes === undefined) encoded.set(path, (bytes = encoder.encode(text)));
      return bytes;
    },
    list(path) {
      const prefix = path === '/' ? '/' : path + '/';
      const names = new Set<string>();
      for (const f of Object.keys(files)) {
        if (f.startsWith(prefix)) names.add(f.slice(prefix.length).split('/')[0]);
      }
      return names.size > 0 ? [...names] : null;
    },
  };
}

export class SandboxFs {
  cwd: string;
  private readonly upper = new Map<string, UpperNode>();
  /** Lower-layer paths removed or renamed away (whiteouts). */
  private readonly removed = new Set<string>();
  private clock = 1_700_000_000;

  constructor(private readonly lower: LowerFs, cwd: string) {
    this.cwd = normalizePath(cwd);
    for (const dir of ['/', '/tmp', this.cwd]) this.ensureDirChain(dir);
  }

  private ensureDirChain(dir: string): void {
    for (let d = dir; ; d = parentOf(d)) {
      if (!this.upper.has(d) && this.lowerKind(d) !== 'dir') this.upper.set(d, { kind: 'dir', mtime: this.clock });
      if (d === '/') break;
    }
  }

  resolve(path: string): string {
    return normalizePath(path.startsWith('/') ? path : `${this.cwd}/${path}`);
  }

  private lowerKind(abs: string): 'file' | 'dir' | null {
    if (this.removed.has(abs)) return null;
    for (let d = parentOf(abs); d !== '/'; d = parentOf(d)) if (this.removed.has(d)) return null;
    if (this.lower.read(abs) !== null) return 'file';
    if (this.lower.list(abs) !== null) return 'dir';
    return null;
  }

  private kind(abs: string): 'file' | 'dir' | null {
    const node = this.upper.get(abs);
    if (node !== undefined) return node.kind;
    return this.lowerKind(abs);
  }

  stat(path: string): FsStat | null {
    const abs = this.resolve(path);
    const node = this.upper.get(abs);
    if (node !== undefined) return { isDir: node.kind === 'dir', size: node.kind === 'file' ? node.data.length : 4096, mtime: node.mtime };
    const kind = this.lowerKind(abs);
    if (kind === null) return null;
    return { isDir: kind === 'dir', size: kind === 'file' ? this.lower.read(abs)!.length : 4096, mtime: 1_600_000_000 };
  }

  /** Check that `abs`'s parent exists and is a directory (ENOENT/ENOTDIR otherwise). */
  private checkParent(abs: string, shown: string): void {
    const parent = this.kind(parentOf(abs));
    if (parent === null) throw new FsError(ENOENT, shown);
    if (parent !== 'dir') throw new FsError(ENOTDIR, shown);
  }

  readFile(path: string): Uint8Array {
    const abs = this.resolve(path);
    const node = this.upper.get(abs);
    if (node !== undefined) {
      if (node.kind === 'dir') throw new FsError(EISDIR, path);
      return node.data;
    }
    const kind = this.lowerKind(abs);
    if (kind === 'dir') throw new FsError(EISDIR, path);
    if (kind === null) throw new FsError(ENOENT, path);
    return this.lower.read(abs)!;
  }

  /** Create or replace a regular file's contents. */
  writeFile(path: string, data: Uint8Array): void {
    const abs = this.resolve(path);
    if (this.kind(abs) === 'dir') throw new FsError(EISDIR, path);
    this.checkParent(abs, path);
    this.upper.set(abs, { kind: 'file', data, mtime: ++this.clock });
  }

  mkdir(path: string): void {
    const abs = this.resolve(path);
    if (this.kind(abs) !== null) throw new FsError(EEXIST, path);
    this.checkParent(abs, path);
    this.removed.delete(abs);
    this.upper.set(abs, { kind: 'dir', mtime: ++this.clock });
  }

  listdir(path: string): string[] {
    const abs = this.resolve(path);
    const kind = this.kind(abs);
    if (kind === null) throw new FsError(ENOENT, path);
    if (kind !== 'dir') throw new FsError(ENOTDIR, path);
    const names: string[] = [];
    const seen = new Set<string>();
    const add = (n: string) => {
      if (!seen.has(n)) {
        seen.add(n);
        names.push(n);
      }
    };
    if (!this.upper.has(abs) || this.lowerKind(abs) === 'dir') {
      for (const n of this.lower.list(abs) ?? []) if (this.kind(abs === '/' ? `/${n}` : `${abs}/${n}`) !== null) add(n);
    }
    const prefix = abs === '/' ? '/' : abs + '/';
    for (const p of this.upper.keys()) {
      if (p !== abs && p.startsWith(prefix) && !p.slice(prefix.length).includes('/')) add(p.slice(prefix.length));
    }
    return names;
  }

  unlink(path: string): void {
    const abs = this.resolve(path);
    const kind = this.kind(abs);
    if (kind === null) throw new FsError(ENOENT, path);
    if (kind === 'dir') throw new FsError(EISDIR, path);
    this.upper.delete(abs);
    this.removed.add(abs);
  }

  rmdir(path: string): void {
    const abs = this.resolve(path);
    const kind = this.kind(abs);
    if (kind === null) throw new FsError(ENOENT, path);
    if (kind !== 'dir') throw new FsError(ENOTDIR, path);
    if (this.listdir(abs).length > 0) throw new FsError(ENOTEMPTY, path);
    this.upper.delete(abs);
    this.removed.add(abs);
  }

  /** os.rename/os.replace: files replace files; a directory moves with everything under it. */
  rename(src: string, dst: string): void {
    const a = this.resolve(src), b = this.resolve(dst);
    const kind = this.kind(a);
    if (kind === null) throw new FsError(ENOENT, src, dst);
    this.checkParent(b, src);
    const target = this.kind(b);
    if (target === 'dir' && kind !== 'dir') throw new FsError(EISDIR, src, dst);
    if (target === 'file' && kind === 'dir') throw new FsError(ENOTDIR, src, dst);
    if (target === 'dir' && this.listdir(b).length > 0) throw new FsError(ENOTEMPTY, src, dst);
    if (a === b) return;
    if (kind === 'file') {
      const data = this.readFile(a);
      this.unlink(a);
      this.upper.set(b, { kind: 'file', data, mtime: ++this.clock });
      this.removed.delete(b);
      return;
    }
    const moves: [string, string][] = [];
    const walk = (from: string, to: string) => {
      moves.push([from, to]);
      if (this.kind(from) === 'dir') for (const n of this.listdir(from)) walk(`${from}/${n}`, `${to}/${n}`);
    };
    walk(a, b);
    const nodes = moves.map(([from, to]) => [to, this.kind(from) === 'dir' ? null : this.readFile(from)] as const);
    for (const [from] of moves.reverse()) {
      this.upper.delete(from);
      this.removed.add(from);
    }
    for (const [to, data] of nodes) {
      this.removed.delete(to);
      this.upper.set(to, data === null ? { kind: 'dir', mtime: ++this.clock } : { kind: 'file', data, mtime: ++this.clock });
    }
  }

  chdir(path: string): void {
    const abs = this.resolve(path);
    const kind = this.kind(abs);
    if (kind === null) throw new FsError(ENOENT, path);
    if (kind !== 'dir') throw new FsError(ENOTDIR, path);
    this.cwd = abs;
  }
}
