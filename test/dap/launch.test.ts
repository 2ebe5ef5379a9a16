// Launching the bundled adapter: program output and exit codes, uncaught exceptions and syntax
// errors exactly as `python3 FILE` reports them (CPython's text from expected.json).

import * as assert from 'node:assert/strict';
import type { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { collectOutput, expected, fixture, startClient, withFixturePaths, ROOT } from './support';
import { launchAttributeNames } from '../../debug-adapter/src/protocol';

describe('DAP launch', () => {
  let dc: DebugClient;
  beforeEach(async () => {
    dc = await startClient();
  });
  afterEach(async () => {
    await dc.stop();
  });

  async function runToEnd(name: string, extra: Record<string, unknown> = {}) {
    const output = collectOutput(dc);
    const exited = dc.waitForEvent('exited') as Promise<DebugProtocol.ExitedEvent>;
    const terminated = dc.waitForEvent('terminated');
    await Promise.all([dc.configurationSequence().catch(() => undefined), dc.launch({ program: fixture(name), ...extra })]);
    const exit = await exited;
    await terminated;
    return { output, exitCode: exit.body.exitCode };
  }

  it("package.json's launch schema lists exactly the attributes the adapter reads, each described", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const debuggerContribution = manifest.contributes.debuggers.find((d: { type: string }) => d.type === 'pyxray');
    const properties = debuggerContribution.configurationAttributes.launch.properties as Record<string, { description?: string }>;
    assert.deepEqual(Object.keys(properties).sort(), [...launchAttributeNames].sort());
    for (const [name, schema] of Object.entries(properties)) assert.ok((schema.description ?? '').length > 20, `${name} has no description`);
  });

  it('announces the capabilities the extension relies on', async () => {
    const response = await dc.initializeRequest();
    const body = response.body!;
    assert.equal(body.supportsDisassembleRequest, true);
    assert.equal(body.supportsInstructionBreakpoints, true);
    assert.equal(body.supportsSteppingGranularity, true);
    assert.equal(body.supportsStepBack, true);
    assert.equal(body.supportsDataBreakpoints, true);
    assert.equal(body.supportsReadMemoryRequest, true);
    assert.equal(body.supportsSetVariable, true);
    assert.equal(body.supportsSetExpression, true);
    assert.equal(body.supportsCompletionsRequest, true);
    assert.equal(body.supportsFunctionBreakpoints, true);
    assert.equal(body.supportsConfigurationDoneRequest, true);
  });

  it('runs a program: stdout as output events, exit code 0', async () => {
    const { output, exitCode } = await runToEnd('hello.py');
    assert.equal(output.stdout, expected.output['hello.py'].stdout);
    assert.equal(output.stderr, '');
    assert.equal(exitCode, expected.output['hello.py'].exitCode);
  });

  it('serves launch.json stdin to input() (EOFError at its end) and args to sys.argv', async () => {
    const inputs = expected.runInputs['stdin_args.py'];
    const { output, exitCode } = await runToEnd('stdin_args.py', { stdin: inputs.stdin, args: inputs.args });
    const want = expected.output['stdin_args.py'];
    assert.deepEqual([output.stdout, output.stderr, exitCode], [want.stdout, want.stderr, want.exitCode]);
  });

  it('without launch stdin, input() asks in the Debug Console and reads the line typed there', async () => {
    const output = collectOutput(dc);
    const asked = new Promise<void>((resolve) => {
      dc.on('output', (event: DebugProtocol.OutputEvent) => {
        if (event.body.category === 'console' && event.body.output.startsWith('[input]')) resolve();
      });
    });
    const terminated = dc.waitForEvent('terminated');
    await Promise.all([dc.configurationSequence(), dc.launch({ program: fixture('ask.py') })]);
    await asked;
    await dc.evaluateRequest({ expression: expected.runInputs['ask.py'].stdin.trimEnd(), context: 'repl' });
    await terminated;
    assert.equal(output.stdout, expected.output['ask.py'].stdout);
  });

  it('reports an uncaught exception with CPython traceback text and exit code 1', async () => {
    const { output, exitCode } = await runToEnd('uncaught.py');
    const want = expected.output['uncaught.py'];
    assert.equal(output.stdout, want.stdout);
    assert.equal(output.stderr, withFixturePaths(want.stderr));
    assert.equal(exitCode, want.exitCode);
  });

  for (const name of ['syntax_unclosed.py', 'syntax_indent.py']) {
    it(`reports a SyntaxError as python3 prints it, then terminates with 1 (${name})`, async () => {
      const output = collectOutput(dc);
      const exited = dc.waitForEvent('exited') as Promise<DebugProtocol.ExitedEvent>;
      const terminated = dc.waitForEvent('terminated');
      const launch = await dc.launch({ program: fixture(name) });
      assert.equal(launch.success, true);
      const exit = await exited;
      await terminated;
      const want = expected.output[name];
      assert.equal(output.stderr, withFixturePaths(want.stderr));
      assert.equal(exit.body.exitCode, want.exitCode);
    });
  }

  it('refuses a launch without a program, without crashing', async () => {
    await dc.initializeRequest();
    await assert.rejects(dc.launchRequest({} as DebugProtocol.LaunchRequestArguments), /program/);
    const threads = await dc.threadsRequest();
    assert.equal(threads.body.threads[0].name, 'MainThread');
  });

  it('maxHeapBytes: a program whose heap stays under the limit runs as python3 does', async () => {
    const { output, exitCode } = await runToEnd('heap_growth.py', { maxHeapBytes: 256 * 2 ** 20 });
    const want = expected.output['heap_growth.py'];
    assert.equal(output.stdout, want.stdout);
    assert.equal(exitCode, want.exitCode);
  });

  it('maxHeapBytes: growing beyond it stops at the allocation, frames intact; continuing ends the run with exit code 1', async () => {
    const limit = 8 * 2 ** 20;
    const file = fixture('heap_growth.py');
    const output = collectOutput(dc);
    const stopped = dc.waitForEvent('stopped') as Promise<DebugProtocol.StoppedEvent>;
    await Promise.all([dc.configurationSequence(), dc.launch({ program: file, maxHeapBytes: limit })]);
    const stop = await stopped;
    assert.equal(stop.body.reason, 'heap limit');
    assert.match(stop.body.description!, new RegExp(`would grow to \\d+ bytes, beyond maxHeapBytes \\(${limit}\\)`));
    // In the loop, at the append that needed the memory; the first line printed, not the last.
    const trace = (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames;
    assert.deepEqual(trace.map((f) => [f.name, f.line]), [['<module>', 4]]);
    const i = Number((await dc.evaluateRequest({ expression: 'i', frameId: trace[0].id, context: 'watch' })).body.result);
    assert.ok(i > 0 && i < 8000, `i = ${i}`);
    assert.equal((await dc.evaluateRequest({ expression: 'len(chunks)', frameId: trace[0].id, context: 'watch' })).body.result, String(i));
    const want = expected.output['heap_growth.py'];
    assert.equal(output.stdout, want.stdout.split('\n')[0] + '\n');
    const exited = dc.waitForEvent('exited') as Promise<DebugProtocol.ExitedEvent>;
    await dc.continueRequest({ threadId: 1 });
    assert.equal((await exited).body.exitCode, 1);
    assert.match(output.stderr, new RegExp(`^pyxray: stopped: the simulated heap would grow to \\d+ bytes, beyond maxHeapBytes \\(${limit}\\)\n$`));
    assert.equal(output.stdout, want.stdout.split('\n')[0] + '\n');
  });

  it('stops at the instruction limit with exit code 1', async () => {
    const { output, exitCode } = await runToEnd('spin.py', { maxInstructions: 5000 });
    assert.match(output.stderr, /instruction limit of 5000 reached/);
    assert.equal(exitCode, 1);
  });
});
