// The opcode table, location table and exception table codecs against facts from CPython 3.11
// (values below were read from CPython's `opcode`/`dis` modules and compiled code objects).
import { strict as assert } from 'node:assert';
import * as op from '../../../runtime/src/compiler/opcodes';
import { LineTableWriter, decodeLineTable, lineStarts } from '../../../runtime/src/compiler/linetable';
import { ExceptionTableWriter, decodeExceptionTable } from '../../../runtime/src/compiler/exceptionTable';
import { prettyFlags } from '../../../runtime/src/compiler/disassembler';

describe('compiler tables', () => {
  it('opcode numbers, caches and stack effects are CPython 3.11\'s', () => {
    assert.equal(op.LOAD_GLOBAL, 116);
    assert.equal(op.OPNAME[171], 'CALL');
    assert.equal(op.INLINE_CACHE_ENTRIES[op.LOAD_METHOD], 10);
    assert.equal(op.INLINE_CACHE_ENTRIES[op.LOAD_GLOBAL], 5);
    assert.equal(op.stackEffect(op.LOAD_GLOBAL, 1, false), 2);
    assert.equal(op.stackEffect(op.FOR_ITER, 0, true), -1);
    assert.equal(op.stackEffect(op.FOR_ITER, 0, false), 1);
    assert.equal(op.stackEffect(op.MAKE_FUNCTION, 0x0f, false), -4);
    assert.equal(op.DEOPT[5], op.BINARY_OP); // BINARY_OP_ADD_INT
    assert.equal(op.NB_OPS[op.NB_INPLACE_ADD][1], '+=');
  });
  it('location table: CPython\'s bytes for `x = 1` at module level', () => {
    // compile('x = 1', ...).co_linetable in CPython 3.11
    const cpython = Uint8Array.from([240, 3, 1, 1, 1, 216, 4, 5, 128, 1, 128, 1, 128, 1]);
    const w = new LineTableWriter(1);
    w.add(1, 0, 1, 0, 0);
    w.add(1, 1, 1, 4, 5);
    w.add(1, 1, 1, 0, 1);
    w.add(1, 1, 1, 0, 1);
    w.add(1, 1, 1, 0, 1);
    assert.deepEqual(Array.from(w.finish()), Array.from(cpython));
    const entries = decodeLineTable(cpython, 1);
    assert.deepEqual(entries.map((e) => [e.start, e.lineno, e.col_offset, e.end_col_offset]), [[0, 0, 0, 0], [2, 1, 4, 5], [4, 1, 0, 1], [6, 1, 0, 1], [8, 1, 0, 1]]);
    assert.deepEqual([...lineStarts(cpython, 1)], [[0, 0], [2, 1]]);
  });
  it('exception table round-trips, large values included', () => {
    const w = new ExceptionTableWriter();
    w.add(2, 11, 13, 0, false);
    w.add(13, 5000, 70000, 3, true);
    assert.deepEqual(decodeExceptionTable(w.finish()), [
      { start: 4, end: 22, target: 26, depth: 0, lasti: false },
      { start: 26, end: 10000, target: 140000, depth: 3, lasti: true },
    ]);
  });
  it('flags print like dis.pretty_flags', () => {
    assert.equal(prettyFlags(0), '0x0');
    assert.equal(prettyFlags(3), 'OPTIMIZED, NEWLOCALS');
    assert.equal(prettyFlags(0x1000003), 'OPTIMIZED, NEWLOCALS, 0x1000000');
  });
});
