// The disassemble request as VS Code's Disassembly view drives it: exactly instructionCount
// instructions for any offset (negative too), placeholders beyond the code object's ends, dis's
// text for each instruction (CPython's dis.get_instructions from expected.json), stable addresses.

import * as assert from 'node:assert/strict';
import type { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { expected, fixture, launchWithBreakpoints, startClient, topFrame } from './support';

describe('DAP disassemble', () => {
  let dc: DebugClient;
  let ip: string;
  const listing = expected.dis['augassign.py'];

  before(async () => {
    dc = await startClient();
    const file = fixture('augassign.py');
    const stopped = dc.waitForEvent('stopped');
    await launchWithBreakpoints(dc, { program: file }, file, [2]);
    await stopped;
    ip = (await topFrame(dc)).instructionPointerReference!;
  });
  after(async () => {
    await dc.stop();
  });

  async function disassemble(args: Partial<DebugProtocol.DisassembleArguments>): Promise<DebugProtocol.DisassembledInstruction[]> {
    const response = await dc.disassembleRequest({ memoryReference: ip, instructionCount: 10, ...args });
    return response.body!.instructions;
  }

  it('every stack frame has an instruction pointer; it names the instruction about to run', async () => {
    const [here] = await disassemble({ instructionCount: 1 });
    const want = listing.find((i) => i.line === 2)!;
    assert.equal(here.address, ip);
    assert.equal(here.instruction, want.text);
    assert.equal(here.line, 2);
  });

  it('lists the whole code object in dis format', async () => {
    const index = listing.findIndex((i) => i.line === 2);
    const all = await disassemble({ instructionOffset: -index, instructionCount: listing.length });
    assert.deepEqual(all.map((i) => i.instruction), listing.map((i) => i.text));
    assert.deepEqual(all.map((i) => i.presentationHint ?? 'normal'), listing.map(() => 'normal'));
    // Addresses grow with the dis offsets.
    const base = parseInt(all[0].address, 16);
    assert.deepEqual(all.map((i) => parseInt(i.address, 16) - base), listing.map((i) => i.offset));
  });

  for (const [instructionOffset, instructionCount] of [[-50, 20], [-7, 10], [0, 1], [5, 30], [200, 7], [-3, 0]]) {
    it(`returns exactly ${instructionCount} instructions at instructionOffset ${instructionOffset}, padded with placeholders`, async () => {
      const index = listing.findIndex((i) => i.line === 2);
      const got = await disassemble({ instructionOffset, instructionCount });
      assert.equal(got.length, instructionCount);
      got.forEach((ins, k) => {
        const at = index + instructionOffset + k;
        if (at < 0 || at >= listing.length) assert.equal(ins.presentationHint, 'invalid', `slot ${k} should be a placeholder`);
        else assert.equal(ins.instruction, listing[at].text);
      });
      const addresses = got.map((i) => parseInt(i.address, 16));
      for (let k = 1; k < addresses.length; k++) assert.ok(addresses[k] > addresses[k - 1], 'addresses increase');
    });
  }

  it('pages consistently: two half windows equal one window', async () => {
    const whole = await disassemble({ instructionOffset: -4, instructionCount: 12 });
    const first = await disassemble({ instructionOffset: -4, instructionCount: 6 });
    const second = await disassemble({ memoryReference: first[5].address, instructionOffset: 1, instructionCount: 6 });
    assert.deepEqual([...first, ...second].map((i) => [i.address, i.instruction]), whole.map((i) => [i.address, i.instruction]));
  });

  it('a byte offset lands on the instruction containing it', async () => {
    const [viaOffset] = await disassemble({ offset: 2, instructionCount: 1 });
    const [next] = await disassemble({ instructionOffset: 1, instructionCount: 1 });
    assert.equal(viaOffset.address, next.address);
  });

  it("scrolling past the module's end continues into the next code object", async () => {
    const closure = await startClient();
    try {
      const file = fixture('closure.py');
      const stopped = closure.waitForEvent('stopped');
      await launchWithBreakpoints(closure, { program: file }, file, [8]);
      await stopped;
      const here = (await topFrame(closure)).instructionPointerReference!;
      const window = (await closure.disassembleRequest({ memoryReference: here, instructionOffset: -40, instructionCount: 120 })).body!.instructions;
      assert.equal(window.length, 120);
      const symbols = window.filter((i) => i.symbol !== undefined).map((i) => i.symbol);
      assert.deepEqual(symbols, ['<module>', 'outer', 'outer.<locals>.inner']);
      const real = window.filter((i) => i.presentationHint !== 'invalid');
      const addresses = real.map((i) => parseInt(i.address, 16));
      for (let k = 1; k < addresses.length; k++) assert.ok(addresses[k] > addresses[k - 1], 'addresses increase');
      assert.equal(window[0].presentationHint, 'invalid');
      assert.equal(window[window.length - 1].presentationHint, 'invalid');
    } finally {
      await closure.stop();
    }
  });
});
