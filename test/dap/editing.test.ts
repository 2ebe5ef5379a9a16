// Reading and changing a stopped program: readMemory returns CPython's object layout (compared
// byte for byte with what CPython has at id(x), pointers and counts aside), evaluate / hover /
// variables never change a refcount the program prints afterwards, setVariable and setExpression
// assign with exact refcounts (the program then prints what CPython prints with the same
// assignment), and the debug console completes names and attributes as dir() lists them.

import * as assert from 'node:assert/strict';
import type { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import {
  children, collectOutput, corpusProgram, expected, fixture, launchWithBreakpoints, named, scopeVariables, startClient, topFrame,
} from './support';

describe('DAP memory, evaluation, assignment and completion', () => {
  let dc: DebugClient;
  beforeEach(async () => {
    dc = await startClient();
  });
  afterEach(async () => {
    await dc.stop();
  });

  async function launchTo(file: string, line: number): Promise<DebugProtocol.Variable[]> {
    const stopped = dc.waitForEvent('stopped');
    await launchWithBreakpoints(dc, { program: file }, file, [line]);
    await stopped;
    return scopeVariables(dc, (await topFrame(dc)).id, 'Locals');
  }

  async function finish(): Promise<void> {
    const terminated = dc.waitForEvent('terminated');
    await dc.continueRequest({ threadId: 1 });
    await terminated;
  }

  async function bytesAt(variable: DebugProtocol.Variable, count: number): Promise<Buffer> {
    assert.ok(variable.memoryReference, `${variable.name} has no memoryReference`);
    const read = await dc.customRequest('readMemory', { memoryReference: variable.memoryReference, count }) as DebugProtocol.ReadMemoryResponse;
    assert.equal(read.body!.unreadableBytes ?? 0, 0);
    return Buffer.from(read.body!.data!, 'base64');
  }

  it("readMemory shows CPython's layout of ints, floats, strs and tuples", async () => {
    const locals = await launchTo(fixture('memory.py'), 9);
    const cpython = (name: string) => Buffer.from(expected.memory[name], 'hex');
    for (const name of ['small', 'big', 'zero', 'ratio']) {
      const v = named(locals, name);
      const want = cpython(name);
      const got = await bytesAt(v, want.length);
      // ob_size, digits and ob_fval are CPython's; ob_refcnt and ob_type are this process's.
      assert.equal(got.subarray(16).toString('hex'), want.subarray(16).toString('hex'), name);
      const header = await children(dc, v);
      const refcount = named(header, 'ob_refcnt').value;
      if (refcount !== 'static (never freed)') assert.equal(got.readBigInt64LE(0), BigInt(refcount), `${name} ob_refcnt`);
    }
    for (const name of ['word', 'accented', 'wide']) {
      const want = cpython(name);
      const got = await bytesAt(named(locals, name), want.length);
      assert.equal(got.subarray(16, 24).toString('hex'), want.subarray(16, 24).toString('hex'), `${name} length`);
      // state: kind, compact, ascii, ready (the interned bits aside)
      assert.equal(got[32] & 0xfc, want[32] & 0xfc, `${name} state`);
      assert.equal(got.subarray(40).toString('hex'), want.subarray(40).toString('hex'), `${name} wstr…data`);
    }
    // The size row is sys.getsizeof as CPython reports it (the byte counts read above).
    for (const name of Object.keys(expected.memory)) {
      const size = named(await children(dc, named(locals, name)), 'size').value;
      assert.match(size, new RegExp(`^${cpython(name).length} bytes \\(sys\\.getsizeof\\)`), name);
    }
    // A tuple's ob_item holds the addresses of its items (the ids the debugger shows).
    const pair = named(locals, 'pair');
    const got = await bytesAt(pair, 40);
    assert.equal(got.subarray(16, 24).toString('hex'), cpython('pair').subarray(16, 24).toString('hex'));
    const itemAddress = (offset: number) => '0x' + got.readBigUInt64LE(offset).toString(16);
    assert.deepEqual([itemAddress(24), itemAddress(32)], [named(locals, 'small').memoryReference, named(locals, 'ratio').memoryReference]);
  });

  it('evaluate, hover and variables never change a refcount the program prints', async () => {
    const file = corpusProgram('s001_54_getrefcount_del.py');
    const output = collectOutput(dc);
    const locals = await launchTo(file, 9);
    const frameId = (await topFrame(dc)).id;
    for (const expression of ['a', 'b', 'c', 'a[0]', 'len(a) + 1', 'a is b', 'sys']) {
      for (const context of ['hover', 'watch', 'repl'] as const) await dc.evaluateRequest({ expression, frameId, context });
    }
    for (const v of locals) if (v.variablesReference > 0) for (const child of await children(dc, v)) if (child.variablesReference > 0) await children(dc, child);
    await bytesAt(named(locals, 'a'), 40);
    await dc.customRequest('completions', { text: 'a.', column: 3, frameId });
    await finish();
    assert.equal(output.stdout, expected.corpus.output['s001_54_getrefcount_del.py'].stdout);
  });

  it('setVariable stores into a list item with exact refcounts (a[0] = a)', async () => {
    const file = corpusProgram('s000_50_refcount_scenario.py');
    const output = collectOutput(dc);
    const locals = await launchTo(file, 8);
    const a = named(locals, 'a');
    const set = await dc.setVariableRequest({ variablesReference: a.variablesReference, name: '[0]', value: 'a' });
    assert.match(set.body.value, /^\[\[\.\.\.\], 2, 3\]$/);
    await finish();
    assert.equal(output.stdout, expected.corpus['setVariable s000_50 a[0]=a before 8']);
  });

  it('setExpression binds a new name in the frame (c = a)', async () => {
    const file = corpusProgram('s000_50_refcount_scenario.py');
    const output = collectOutput(dc);
    await launchTo(file, 8);
    const set = await dc.customRequest('setExpression', { expression: 'c', value: 'a', frameId: (await topFrame(dc)).id }) as DebugProtocol.SetExpressionResponse;
    assert.equal(set.body.value, '[1, 2, 3]');
    await finish();
    assert.equal(output.stdout, expected.corpus['setExpression s000_50 c=a before 8']);
  });

  it('completes names in scope and attributes after a dot, as dir() lists them', async () => {
    await launchTo(fixture('memory.py'), 9);
    const frameId = (await topFrame(dc)).id;
    for (const [text, want] of Object.entries(expected.completions)) {
      const response = await dc.customRequest('completions', { text, column: text.length + 1, frameId }) as DebugProtocol.CompletionsResponse;
      assert.deepEqual(response.body.targets.map((t) => t.label), want, text);
      const prefix = text.split('.').pop()!;
      for (const t of response.body.targets) assert.deepEqual([t.start, t.length], [text.length - prefix.length + 1, prefix.length]);
    }
  });
});
