// The standard-library modules the runtime ships (runtime/lib and runtime/src/modules), one
// Python case per behaviour, each compared with CPython 3.11's output committed next to it
// (scripts/gen-stdlib-expected.py). Tracebacks through stdlib frames are dropped before
// comparing, as the corpus normaliser does: only the program's own frames must match.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { strict as assert } from 'node:assert';
import { runCase } from './runCase';

const casesDir = path.join(__dirname, 'cases');

/** Drop traceback entries whose file is not the program (stdlib frames differ in detail). */
export function dropLibraryFrames(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^ {2}File "/.test(line) && !line.includes('"/tmp/stdlib_case/case.py"')) {
      // Skip the frame line and its indented source/caret lines.
      while (i + 1 < lines.length && /^ {4}/.test(lines[i + 1])) i++;
      continue;
    }
    out.push(line);
  }
  return out.join('\n');
}

if (typeof describe === "function") describe('stdlib modules vs CPython 3.11', () => {
  const cases = fs.readdirSync(casesDir).filter((f) => f.endsWith('.py')).sort();
  it('has cases with expected outputs', () => {
    assert.ok(cases.length > 0);
    for (const c of cases) assert.ok(fs.existsSync(path.join(casesDir, c.replace(/\.py$/, '.out'))), `${c} has no .out`);
  });
  for (const c of cases) {
    it(c.replace(/\.py$/, ''), () => {
      const source = fs.readFileSync(path.join(casesDir, c), 'utf8');
      const expected = fs.readFileSync(path.join(casesDir, c.replace(/\.py$/, '.out')), 'utf8');
      assert.equal(dropLibraryFrames(runCase(source)), dropLibraryFrames(expected));
    });
  }
});
