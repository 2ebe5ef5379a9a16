// The VM runs CPython's own code objects (committed fixtures made by scripts/gen-vm-fixtures.py)
// and must print exactly what CPython printed, tracebacks included.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runProgram } from '../../../runtime/src/vm/program';
import { MemoryHost } from '../../../runtime/src/vm/host';
import { normalise } from './normalize';
import { reviveCode } from '../../support/cpythonJson';

const programs = path.join(__dirname, 'programs');
const fixtures = path.join(__dirname, 'fixtures');

describe('VM runs CPython 3.11 bytecode like CPython', () => {
  for (const name of fs.readdirSync(fixtures).filter((f) => f.endsWith('.json')).sort()) {
    it(name.replace(/\.json$/, ''), () => {
      const fixture = JSON.parse(fs.readFileSync(path.join(fixtures, name), 'utf8'));
      // The code object names the file where the fixture was generated; serve the source there.
      const file: string = fixture.code.co_filename;
      const source = fs.readFileSync(path.join(programs, fixture.program), 'utf8');
      const host = new MemoryHost(file, { [file]: source });
      const result = runProgram(reviveCode(fixture.code), host);
      assert.equal(normalise(host.output, path.dirname(file)), fixture.output);
      assert.equal(result.exitCode, fixture.exitCode);
    });
  }
});
