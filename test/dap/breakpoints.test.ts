// Breakpoints: line breakpoints verified against the line table and moved to the next line on
// which CPython's code objects start an instruction (expected.json's codeLines, from
// dis.findlinestarts), unverified past the last line with code; function and instruction
// breakpoints; conditions evaluated without running the program.

import * as assert from 'node:assert/strict';
import type { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { collectOutput, expected, fixture, launchWithBreakpoints, startClient, topFrame } from './support';

describe('DAP breakpoints', () => {
  let dc: DebugClient;
  beforeEach(async () => {
    dc = await startClient();
  });
  afterEach(async () => {
    await dc.stop();
  });

  it('moves every line breakpoint to the next line with code, as co_lines allows; none past the end', async () => {
    const file = fixture('breakpoints.py');
    const codeLines = expected.codeLines['breakpoints.py'];
    const lastLine = expected.lineCount['breakpoints.py'];
    const requested = Array.from({ length: lastLine + 3 }, (_, i) => i + 1);
    const response = await launchWithBreakpoints(dc, { program: file }, file, requested);
    const got = response.body.breakpoints;
    assert.equal(got.length, requested.length);
    requested.forEach((line, i) => {
      const want = codeLines.find((l) => l >= line);
      if (want === undefined) assert.equal(got[i].verified, false, `line ${line} should be unverified`);
      else {
        assert.equal(got[i].verified, true, `line ${line} should be verified`);
        assert.equal(got[i].line, want, `line ${line} should move to ${want}`);
      }
    });
    // Class bodies run inside __build_class__ (a nested activation): the adapter process stops
    // there synchronously (nested.test.ts), so no line carries a warning.
    assert.equal(got[requested.indexOf(14)].message, undefined, 'a class body is observed');
    assert.equal(got[requested.indexOf(17)].message, undefined, 'a method body is observed');
    // The list of verified lines is exactly CPython's line starts (a test that can fail both ways).
    assert.deepEqual([...new Set(got.filter((b) => b.verified).map((b) => b.line))], codeLines);
  });

  it('stops at a moved breakpoint: a blank line inside a loop body, then the comment inside a function', async () => {
    const file = fixture('breakpoints.py');
    const stopped = dc.waitForEvent('stopped');
    const response = await launchWithBreakpoints(dc, { program: file }, file, [22, 9]);
    assert.deepEqual(response.body.breakpoints.map((b) => b.line), [23, 10]);
    const first = (await stopped) as DebugProtocol.StoppedEvent;
    assert.equal(first.body.reason, 'breakpoint');
    assert.equal((await topFrame(dc)).line, 23);
    const second = dc.waitForEvent('stopped');
    await dc.continueRequest({ threadId: 1 });
    await second;
    const frame = await topFrame(dc);
    assert.equal(frame.line, 10);
    assert.equal(frame.name, 'area');
  });

  it('a breakpoint added while stopped is hit after continue, also in a function that already ran', async () => {
    const file = fixture('breakpoints.py');
    const stopped = dc.waitForEvent('stopped');
    await launchWithBreakpoints(dc, { program: file }, file, [23]);
    await stopped;
    // area() has run once with no breakpoint in it (the adapter's fast path only counted it).
    const second = dc.waitForEvent('stopped');
    await dc.continueRequest({ threadId: 1 });
    await second;
    const added = await dc.setBreakpointsRequest({ source: { path: file }, breakpoints: [{ line: 23 }, { line: 9 }] });
    assert.deepEqual(added.body.breakpoints.map((b) => [b.verified, b.line]), [[true, 23], [true, 10]]);
    const third = dc.waitForEvent('stopped');
    await dc.continueRequest({ threadId: 1 });
    await third;
    const frame = await topFrame(dc);
    assert.deepEqual([frame.name, frame.line], ['area', 10]);
  });

  it('leaves a breakpoint in another file unverified', async () => {
    const response = await launchWithBreakpoints(dc, { program: fixture('hello.py') }, fixture('closure.py'), [1]);
    assert.equal(response.body.breakpoints[0].verified, false);
  });

  it('function breakpoints: by qualname or name, unverified for unknown names', async () => {
    const file = fixture('closure.py');
    const stopped = dc.waitForEvent('stopped');
    const configured = dc.waitForEvent('initialized').then(async () => {
      const response = await dc.setFunctionBreakpointsRequest({ breakpoints: [{ name: 'outer.<locals>.inner' }, { name: 'nowhere' }] });
      await dc.configurationDoneRequest();
      return response;
    });
    const [response] = await Promise.all([configured, dc.launch({ program: file })]);
    assert.deepEqual(response.body.breakpoints.map((b) => b.verified), [true, false]);
    assert.equal(((await stopped) as DebugProtocol.StoppedEvent).body.reason, 'function breakpoint');
    const frame = await topFrame(dc);
    assert.equal(frame.name, 'outer.<locals>.inner');
    assert.equal(frame.line, 4);
  });

  it('instruction breakpoints stop before the instruction at that address', async () => {
    const file = fixture('augassign.py');
    const entry = dc.waitForEvent('stopped');
    await Promise.all([dc.configurationSequence(), dc.launch({ program: file, stopOnEntry: true })]);
    await entry;
    const ip = (await topFrame(dc)).instructionPointerReference!;
    const listing = (await dc.disassembleRequest({ memoryReference: ip, instructionOffset: -20, instructionCount: 60 })).body!.instructions;
    const binaryOp = listing.find((i) => i.instruction.startsWith('BINARY_OP'))!;
    const args: DebugProtocol.SetInstructionBreakpointsArguments = { breakpoints: [{ instructionReference: binaryOp.address }, { instructionReference: binaryOp.address, offset: 1 }] };
    const set = (await dc.customRequest('setInstructionBreakpoints', args)) as DebugProtocol.SetInstructionBreakpointsResponse;
    assert.deepEqual(set.body.breakpoints.map((b) => b.verified), [true, false]);
    const stopped = dc.waitForEvent('stopped');
    await dc.continueRequest({ threadId: 1 });
    assert.equal(((await stopped) as DebugProtocol.StoppedEvent).body.reason, 'instruction breakpoint');
    const frame = await topFrame(dc);
    assert.equal(frame.instructionPointerReference, binaryOp.address);
    assert.equal(frame.line, 2);
  });

  it('a conditional breakpoint stops only where its condition holds; the output is unchanged', async () => {
    const file = fixture('conditional.py');
    const output = collectOutput(dc);
    const stopped = dc.waitForEvent('stopped');
    const response = await launchWithBreakpoints(dc, { program: file }, file, [3], ['i == 7 and len(found) > 6']);
    assert.equal(response.body.breakpoints[0].verified, true);
    await stopped;
    const value = await dc.evaluateRequest({ expression: 'i', frameId: (await topFrame(dc)).id, context: 'watch' });
    assert.equal(value.body.result, '7');
    // Watch expressions use the same side-effect-free evaluator, and print Python reprs.
    const frameId = (await topFrame(dc)).id;
    const watch = async (expression: string) => (await dc.evaluateRequest({ expression, frameId, context: 'watch' })).body.result;
    assert.equal(await watch('found'), '[0, 1, 2, 3, 4, 5, 6]');
    assert.equal(await watch('i * 2 + 1'), '15');
    assert.equal(await watch("'a' + 'b'"), "'ab'");
    assert.equal(await watch('i / 2'), '3.5');
    assert.equal(await watch('found[-1] is None'), 'False');
    assert.equal(await watch('None'), 'None');
    await assert.rejects(dc.evaluateRequest({ expression: 'undefined_name', frameId, context: 'watch' }), /not defined/);
    const terminated = dc.waitForEvent('terminated');
    await dc.continueRequest({ threadId: 1 });
    await terminated;
    assert.equal(output.stdout, expected.output['conditional.py'].stdout);
  });

  it('hit counts: "%4" stops on the 4th and 8th time the line runs', async () => {
    const file = fixture('conditional.py');
    const seen: string[] = [];
    const configured = dc.waitForEvent('initialized').then(async () => {
      await dc.setBreakpointsRequest({ source: { path: file }, breakpoints: [{ line: 3, hitCondition: '%4' }] });
      await dc.configurationDoneRequest();
    });
    const first = dc.waitForEvent('stopped');
    await Promise.all([configured, dc.launch({ program: file })]);
    await first;
    for (let round = 0; round < 2; round++) {
      const frameId = (await topFrame(dc)).id;
      seen.push((await dc.evaluateRequest({ expression: 'i', frameId, context: 'watch' })).body.result);
      const next = round === 0 ? dc.waitForEvent('stopped') : dc.waitForEvent('terminated');
      await dc.continueRequest({ threadId: 1 });
      await next;
    }
    assert.deepEqual(seen, ['3', '7']);
  });

  it('logpoints print to the debug console without stopping; the program output is unchanged', async () => {
    const file = fixture('conditional.py');
    const output = collectOutput(dc);
    let logged = '';
    dc.on('output', (event: DebugProtocol.OutputEvent) => {
      if (event.body.category === 'console') logged += event.body.output;
    });
    const configured = dc.waitForEvent('initialized').then(async () => {
      await dc.setBreakpointsRequest({ source: { path: file }, breakpoints: [{ line: 3, logMessage: 'i={i} seen {len(found)} {{x}}', condition: 'i % 3 == 0' }] });
      await dc.configurationDoneRequest();
    });
    const terminated = dc.waitForEvent('terminated');
    await Promise.all([configured, dc.launch({ program: file })]);
    await terminated;
    assert.equal(logged, 'i=0 seen 0 {x}\ni=3 seen 3 {x}\ni=6 seen 6 {x}\ni=9 seen 9 {x}\n');
    assert.equal(output.stdout, expected.output['conditional.py'].stdout);
  });

  it('refuses a condition it cannot evaluate without running code, with a message', async () => {
    const file = fixture('conditional.py');
    const response = await launchWithBreakpoints(dc, { program: file }, file, [3], ['found.append(1)']);
    assert.equal(response.body.breakpoints[0].verified, false);
    assert.match(response.body.breakpoints[0].message ?? '', /not supported|only call/);
  });
});
