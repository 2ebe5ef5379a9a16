// The standard-library modules the runtime ships (runtime/lib and runtime/src/modules), one
// Python case per behaviour, each compared with CPython 3.11's output committed next to it
// (scripts/gen-stdlib-expected.py). Tracebacks through stdlib frames are dropped before
// comparing, as the corpus normaliser does: only the program's own frames must match.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { strict as assert } from 'node:assert';
import { runCase, dropLibraryFrames } from './runCase';
import { STDLIB_SOURCES } from '../../../runtime/src/modules/stdlibSources.generated';

const casesDir = path.join(__dirname, 'cases');

describe('stdlib modules vs CPython 3.11', () => {
  const cases = fs.readdirSync(casesDir).filter((f) => f.endsWith('.py')).sort();
  it('bundles the current runtime/lib sources (node scripts/gen-stdlib-sources.mjs)', () => {
    const libDir = path.join(__dirname, '../../../runtime/lib');
    const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.py') ? [path.join(dir, e.name)] : []);
    const onDisk = Object.fromEntries(walk(libDir).map((f) => [path.relative(libDir, f).split(path.sep).join('/'), fs.readFileSync(f, 'utf8')]));
    assert.deepEqual(Object.keys(STDLIB_SOURCES).sort(), Object.keys(onDisk).sort());
    for (const [name, text] of Object.entries(onDisk)) assert.equal(STDLIB_SOURCES[name], text, `${name} differs from the bundle`);
  });
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
