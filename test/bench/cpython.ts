// Runs CPython in the same benchmark run, so every ratio compares the two on this machine now.
import { execFileSync } from 'node:child_process';

let cachedVersion: string | null | undefined;

/** "3.11.x" when python3 is CPython 3.11, otherwise null (the bench then reports our times alone). */
export function cpythonVersion(): string | null {
  if (cachedVersion !== undefined) return cachedVersion;
  try {
    const text = execFileSync('python3', ['-c', 'import sys, platform; print(platform.python_implementation(), platform.python_version())'], { encoding: 'utf8' }).trim();
    cachedVersion = /^CPython 3\.11\./.test(text) ? text.split(' ')[1] : null;
  } catch {
    cachedVersion = null;
  }
  return cachedVersion;
}

/** Runs a Python snippet under CPython and parses the JSON it prints on its last line. */
export function runCPythonJson<T>(code: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): T {
  const text = execFileSync('python3', ['-c', code, ...args], {
    encoding: 'utf8',
    env: { ...process.env, PYTHONHASHSEED: '0', ...env },
    maxBuffer: 1 << 26,
  });
  const lines = text.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]) as T;
}
