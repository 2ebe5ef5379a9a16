// Checks the extension's manifest and grammar without a VS Code: every command the server's
// code lenses carry is contributed, the debugger's schema names every launch attribute the
// adapter reads, and the bytecode grammar picks out offsets, jump targets, line numbers,
// opnames, args and argreprs in a real listing (TextMate's Oniguruma reads these patterns as
// JavaScript does).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SHOW_BYTECODE_COMMAND, SHOW_SCOPES_COMMAND, DEFAULT_SETTINGS } from '../../server/src/protocol';

// The views' ids, as the client registers them (the modules import vscode, so not imported here).
const MEMORY_MAP_VIEW = 'pyxray.memoryMap';
const GC_VIEW = 'pyxray.gc';
const GIL_VIEW = 'pyxray.gilTimeline';
const OPEN_MEMORY_MAP_COMMAND = 'pyxray.openMemoryMap';

const root = path.resolve(__dirname, '../..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const grammar = JSON.parse(readFileSync(path.join(root, 'syntaxes/pyxray-bytecode.tmLanguage.json'), 'utf8'));

describe('extension manifest', () => {
  it('contributes the commands the code lenses carry, and Debug with PyXray on the editor title', () => {
    const commands = manifest.contributes.commands.map((command: { command: string }) => command.command);
    assert.ok(commands.includes(SHOW_BYTECODE_COMMAND));
    assert.ok(commands.includes(SHOW_SCOPES_COMMAND));
    assert.ok(commands.includes('pyxray.debugFile'));
    assert.ok(manifest.contributes.menus['editor/title'].some((item: { command: string }) => item.command === 'pyxray.debugFile'));
  });

  it('contributes a setting with a description for every server setting', () => {
    const properties = manifest.contributes.configuration.properties;
    for (const name of Object.keys(DEFAULT_SETTINGS.inlayHints)) {
      const setting = properties[`pyxray.inlayHints.${name}`];
      assert.ok(setting, `pyxray.inlayHints.${name} is contributed`);
      assert.equal(setting.default, DEFAULT_SETTINGS.inlayHints[name as keyof typeof DEFAULT_SETTINGS.inlayHints]);
      assert.ok(setting.description.length > 20);
    }
  });

  it('describes every launch attribute of the pyxray debugger', () => {
    const [debuggerContribution] = manifest.contributes.debuggers;
    assert.equal(debuggerContribution.type, 'pyxray');
    const properties = debuggerContribution.configurationAttributes.launch.properties;
    for (const attribute of ['program', 'args', 'cwd', 'stopOnEntry', 'stdin', 'stepGranularity', 'maxInstructions']) {
      assert.ok(properties[attribute]?.description, `${attribute} has a description`);
    }
    assert.ok(debuggerContribution.initialConfigurations.length > 0);
    assert.ok(debuggerContribution.configurationSnippets.length > 0);
  });

  it('contributes the memory map, GC and GIL views to Run and Debug, with the webviews\' files shipped', () => {
    const views = manifest.contributes.views.debug.map((view: { id: string }) => view.id);
    for (const id of [MEMORY_MAP_VIEW, GC_VIEW, GIL_VIEW]) assert.ok(views.includes(id), `${id} is contributed`);
    const commands = manifest.contributes.commands.map((command: { command: string }) => command.command);
    assert.ok(commands.includes(OPEN_MEMORY_MAP_COMMAND));
    const ignore = readFileSync(path.join(root, '.vscodeignore'), 'utf8').split('\n');
    for (const shipped of ['!dist/webview/*.js', '!dist/webview/*.css', '!dist/webview/codicon.ttf']) assert.ok(ignore.includes(shipped), shipped);
    assert.equal(manifest.license, 'MIT');
    assert.match(readFileSync(path.join(root, 'LICENSE'), 'utf8'), /MIT License[\s\S]*PyXray contributors/);
    assert.ok(manifest.repository?.url);
  });

  it('ships only bundles: main is the bundled extension and .vscodeignore lets no node_modules in', () => {
    assert.equal(manifest.main, './dist/extension.js');
    const ignore = readFileSync(path.join(root, '.vscodeignore'), 'utf8').split('\n');
    assert.ok(ignore.includes('**'));
    assert.ok(!ignore.some((line) => line.startsWith('!') && line.includes('node_modules')));
  });
});

describe('bytecode grammar', () => {
  const instruction = new RegExp(grammar.repository.instruction.match);
  const header = new RegExp(grammar.repository.codeHeader.match);
  const listing = readFileSync(path.join(root, 'test/golden/expected/dis/corpus/seeds/s003_42_legb_nonlocal_annotated.txt'), 'utf8').split('\n');

  it('matches every instruction line of a real listing, and code headers', () => {
    const instructionLines = listing.filter((line) => /^\s+(\d+\s+)?(>>\s+)?\d+ [A-Z]/.test(line));
    assert.ok(instructionLines.length > 20);
    for (const line of instructionLines) assert.match(line, instruction);
    assert.deepEqual(header.exec('code outer.<locals>.inner line 11')?.slice(1), ['code', 'outer.<locals>.inner', 'line', '11']);
  });

  it('captures line number, jump target, offset, opname, arg and argrepr', () => {
    assert.deepEqual(instruction.exec('    18 >>  120 LOAD_CONST 1 (None)')?.slice(1), ['18', '>>', '120', 'LOAD_CONST', '1', '(None)']);
    assert.deepEqual(instruction.exec('       >>   92 FOR_ITER 13 (to 120)')?.slice(1), [undefined, '>>', '92', 'FOR_ITER', '13', '(to 120)']);
    assert.deepEqual(instruction.exec('            30 POP_TOP')?.slice(1), [undefined, undefined, '30', 'POP_TOP', undefined, undefined]);
    assert.deepEqual(instruction.exec('     0       0 RESUME 0')?.slice(1), ['0', undefined, '0', 'RESUME', '0', undefined]);
  });
});
