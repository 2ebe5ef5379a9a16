// dis.dis()-style listings (disassembleText) of our compiler's code objects against CPython 3.11's
// dis.dis() output for the same sources (fixtures written by fixtures/gen-dis-text.py).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compileSource } from '../../../runtime/src/compiler/compile';
import { disassembleText } from '../../../runtime/src/compiler/disassembler';

const FIXTURES = path.join(__dirname, 'fixtures', 'dis-text');
const CASES = path.join(__dirname, '..', '..', 'golden', 'cases', 'bytecode');

describe('dis.dis text', () => {
  for (const file of fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.txt')).sort()) {
    const name = file.replace(/\.txt$/, '');
    it(name, () => {
      const code = compileSource(fs.readFileSync(path.join(CASES, `${name}.py`), 'utf8'), `${name}.py`);
      const text = disassembleText(code, {
        recursive: true,
        reprCode: (c) => `<code object ${c.co_name} at 0xADDR, file "${c.co_filename}", line ${c.co_firstlineno}>`,
      });
      assert.equal(text, fs.readFileSync(path.join(FIXTURES, file), 'utf8'));
    });
  }
});
