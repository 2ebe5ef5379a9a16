// The language server's features over stdio, on small programs with exactly known answers:
// inlay hints, hover, code lenses and the listings behind them, semantic tokens, highlights,
// definition, references, rename, document symbols, settings, incremental edits, and the
// unbound-local flow warnings.

import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  CodeLensRequest,
  DefinitionRequest,
  DocumentHighlightRequest,
  DocumentSymbolRequest,
  HoverRequest,
  InlayHintRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  SemanticTokensRequest,
  type DocumentSymbol,
  type Location,
  type MarkupContent,
  type Position,
  type Range,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { BytecodeRequest, ScopesRequest, SEMANTIC_TOKEN_MODIFIERS, SEMANTIC_TOKEN_TYPES } from '../../server/src/protocol';
import { positionOf, ServerSession } from './support/serverSession';

const LISTINGS = (
  JSON.parse(readFileSync(path.join(__dirname, 'fixtures/cpython.json'), 'utf8')) as {
    listings: { name: string; source: string; symtable: string; dis: string }[];
  }
).listings;
const COUNTER = LISTINGS.find((l) => l.name === 'counter')!.source;
const CLASSES = LISTINGS.find((l) => l.name === 'classes')!.source;
const EVERYTHING: Range = { start: { line: 0, character: 0 }, end: { line: 10000, character: 0 } };

const at = (p: Position) => `${p.line}:${p.character}`;
const span = (r: Range) => `${at(r.start)}-${at(r.end)}`;

describe('language server features (dist/server.js over stdio)', function () {
  let session: ServerSession;
  let serial = 0;
  before(async () => {
    session = await ServerSession.start();
  });
  after(() => session.stop());

  async function open(source: string): Promise<string> {
    const uri = `file:///features/doc${serial++}.py`;
    await session.open(uri, source);
    return uri;
  }
  const hints = async (uri: string, range = EVERYTHING) =>
    ((await session.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range })) ?? []).map((h) => `${at(h.position)} ${h.label}`);
  const hoverText = async (uri: string, position: Position) =>
    ((await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }))?.contents as MarkupContent | undefined)?.value;

  it('advertises incremental sync, every feature and the semantic token legend', () => {
    const capabilities = session.initializeResult.capabilities;
    assert.equal(capabilities.textDocumentSync, 2);
    assert.deepEqual(capabilities.semanticTokensProvider?.legend, { tokenTypes: [...SEMANTIC_TOKEN_TYPES], tokenModifiers: [...SEMANTIC_TOKEN_MODIFIERS] });
    assert.deepEqual(SEMANTIC_TOKEN_MODIFIERS.slice(0, 6), ['local', 'global', 'builtin', 'free', 'cell', 'parameter']);
    for (const feature of ['inlayHintProvider', 'hoverProvider', 'codeLensProvider', 'documentHighlightProvider', 'definitionProvider', 'referencesProvider', 'renameProvider', 'documentSymbolProvider'] as const) {
      assert.ok(capabilities[feature], feature);
    }
  });

  it('hints scopes after names, closures after defs and MROs after classes', async () => {
    const uri = await open(COUNTER);
    assert.deepEqual(await hints(uri), [
      '0:37 cells: count',
      '1:9 cell',
      '2:21 free: count',
      '4:13 free',
      '5:20 free',
      '10:5 builtin',
      '10:20 builtin',
      '10:50 builtin',
    ]);
    const classes = await open(CLASSES);
    assert.deepEqual(await hints(classes), [
      '0:11 MRO: Base → object',
      '1:20 free: __class__',
      '2:24 free',
      '5:13 builtin',
      '6:12 cell',
      '6:14 cells: x',
      '7:20 free',
      '7:20 free: x',
      '10:18 MRO: Child → Base → object',
      '11:20 free: __class__',
      '12:20 builtin',
    ]);
  });

  it('explains each scope hint with the instruction CPython runs there', async () => {
    const uri = await open(COUNTER);
    const raw = (await session.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: EVERYTHING }))!;
    const tooltips = raw.filter((h) => !String(h.label).includes(':')).map((h) => `${at(h.position)} ${h.tooltip}`);
    assert.deepEqual(tooltips, [
      '1:9 CPython: STORE_DEREF',
      '4:13 CPython: LOAD_DEREF then STORE_DEREF',
      '5:20 CPython: LOAD_DEREF',
      '10:5 CPython: LOAD_NAME',
      '10:20 CPython: LOAD_NAME',
      '10:50 CPython: LOAD_NAME',
    ]);
  });

  it('answers hints only for the requested range', async () => {
    const uri = await open(COUNTER);
    assert.deepEqual(await hints(uri, { start: { line: 4, character: 0 }, end: { line: 5, character: 0 } }), ['4:13 free', '5:20 free']);
  });

  it('knows exactly the builtins of CPython 3.11 (3.10 and 3.11 additions in, later ones out)', async () => {
    const source = 'def f():\n    return aiter, anext, EncodingWarning, ExceptionGroup, __build_class__, PythonFinalizationError, reveal_type\n';
    const uri = await open(source);
    const labels = ((await session.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: EVERYTHING })) ?? []).map(
      (h) => `${source.split('\n')[1].slice(0, h.position.character).split(/[ ,]+/).pop()} ${h.label}`,
    );
    assert.deepEqual(labels, [
      'aiter builtin',
      'anext builtin',
      'EncodingWarning builtin',
      'ExceptionGroup builtin',
      '__build_class__ builtin',
      'PythonFinalizationError global',
      'reveal_type global',
    ]);
  });

  it('hovers a name with its scope, binding site and CPython instruction', async () => {
    const uri = await open(COUNTER);
    assert.equal(await hoverText(uri, positionOf(COUNTER, 'count', 3)), '`count` — free in inc, cell of make_counter (line 2)\n\nCPython: `LOAD_DEREF` then `STORE_DEREF`');
    assert.equal(
      await hoverText(uri, positionOf(COUNTER, 'count', 1)),
      '`count` — cell of make_counter (line 2), captured by inc\n\nCPython: `STORE_DEREF`; inner functions receive the cell through `LOAD_CLOSURE`',
    );
    assert.equal(await hoverText(uri, positionOf(COUNTER, 'step', 2)), '`step` — local in make_counter (line 1)\n\nCPython: `LOAD_FAST`');
    assert.equal(await hoverText(uri, positionOf(COUNTER, 'print')), '`print` — builtin (not bound in this module)\n\nCPython: `LOAD_NAME`');
    assert.equal(await hoverText(uri, positionOf(COUNTER, 'counter =')), '`counter` — global (line 10)\n\nCPython: `STORE_NAME`');
    assert.equal(await hoverText(uri, positionOf(COUNTER, 'counter for')), '`counter` — local in <listcomp> (line 11)\n\nCPython: `LOAD_FAST`');
    assert.equal(await hoverText(uri, { line: 8, character: 0 }), undefined);
  });

  it('names LOAD_CLASSDEREF for a class body reading an enclosing function variable, and LOAD_GLOBAL in functions', async () => {
    const source = 'def outer():\n    x = 1\n    class C:\n        y = x\n    return C, len\n';
    const uri = await open(source);
    assert.equal(await hoverText(uri, positionOf(source, 'x', 2)), '`x` — free in class C, cell of outer (line 2)\n\nCPython: `LOAD_CLASSDEREF`');
    assert.equal(await hoverText(uri, positionOf(source, 'len')), '`len` — builtin in outer (not bound in this module)\n\nCPython: `LOAD_GLOBAL`');
  });

  it('hovers a class with its MRO and the C3 merge steps', async () => {
    const source = 'class A: pass\nclass B(A): pass\nclass C(A): pass\nclass D(B, C): pass\n';
    const uri = await open(source);
    assert.equal(
      await hoverText(uri, positionOf(source, 'D')),
      [
        '`D` — global (line 4)',
        '',
        'CPython: `STORE_NAME`',
        '',
        '**MRO**: D → B → C → A → object',
        '',
        '```text',
        'L[D] = D + merge(L[B], L[C], [B, C])',
        'merge([B, A, object], [C, A, object], [B, C]) → take B',
        'merge([A, object], [C, A, object], [C]) → take C, skipping A (in the tail of [C, A, object])',
        'merge([A, object], [A, object], []) → take A',
        'merge([object], [object], []) → take object',
        '= D, B, C, A, object',
        '```',
      ].join('\n'),
    );
  });

  /** One code object's section of a dis_dump.py listing, up to the next code object. */
  function disSection(dis: string, header: string, until?: string): string {
    const start = dis.indexOf(`${header}\n`);
    assert.ok(start >= 0, header);
    const end = until ? dis.indexOf(`${until}\n`, start) : dis.indexOf('\ncode ', start + 1) + 1;
    return dis.slice(start, end > 0 ? end : undefined);
  }

  it('hovers a def with its code object summary, as CPython compiles it', async function () {
    const uri = await open(COUNTER);
    const dis = LISTINGS.find((l) => l.name === 'counter')!.dis;
    for (const [needle, header] of [
      ['make_counter', 'code make_counter line 1'],
      ['inc', 'code make_counter.<locals>.inc line 3'],
    ]) {
      const section = disSection(dis, header);
      const field = (name: string) => new RegExp(`^  ${name} (.*)$`, 'm').exec(section)![1];
      const expected = [
        '```text',
        `code ${header.split(' ')[1]}`,
        `co_varnames  ${field('varnames')}`,
        `co_cellvars  ${field('cellvars')}`,
        `co_freevars  ${field('freevars')}`,
        `co_stacksize ${/stacksize (\d+)/.exec(section)![1]}`,
        `co_flags     ${field('flags')}`,
        '```',
      ].join('\n');
      const text = await hoverText(uri, positionOf(COUNTER, needle));
      assert.ok(text?.endsWith(expected), `${text}\n--- expected to end with ---\n${expected}`);
    }
  });

  it('answers pyxray/bytecode for one code object and what it contains', async function () {
    const experimental = session.initializeResult.capabilities.experimental as { pyxray?: { compiler?: boolean } } | undefined;
    if (!experimental?.pyxray?.compiler) this.skip();
    const counter = LISTINGS.find((l) => l.name === 'counter')!;
    const uri = await open(counter.source);
    const inc = await session.connection.sendRequest(BytecodeRequest, { uri, target: { qualname: 'make_counter.<locals>.inc', line: 3 } });
    assert.equal(inc.text, disSection(counter.dis, 'code make_counter.<locals>.inc line 3'));
    const classes = LISTINGS.find((l) => l.name === 'classes')!;
    const classesUri = await open(classes.source);
    // A decorated def: CPython's co_firstlineno is the decorator's line; the lambda inside comes with it.
    const helper = await session.connection.sendRequest(BytecodeRequest, { uri: classesUri, target: { qualname: 'helper', line: 7 } });
    assert.equal(helper.text, disSection(classes.dis, 'code helper line 6', 'code Child line 11'));
    const missing = await session.connection.sendRequest(BytecodeRequest, { uri, target: { qualname: 'nowhere', line: 1 } });
    assert.deepEqual(missing, { text: null, error: 'no code object nowhere at line 1' });
  });

  it('puts "show bytecode" and "show scopes" lenses above the module, each def and each class', async () => {
    const uri = await open(CLASSES);
    const lenses = (await session.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } }))!;
    assert.deepEqual(
      lenses.map((l) => `${l.range.start.line} ${l.command?.title} ${l.command?.command} ${JSON.stringify(l.command?.arguments?.[0].target ?? null)}`),
      [
        '0 show bytecode pyxray.showBytecode null',
        '0 show scopes pyxray.showScopes null',
        '0 show bytecode pyxray.showBytecode {"qualname":"Base","line":1}',
        '0 show scopes pyxray.showScopes {"qualname":"Base","line":1}',
        '1 show bytecode pyxray.showBytecode {"qualname":"Base.hello","line":2}',
        '1 show scopes pyxray.showScopes {"qualname":"Base.hello","line":2}',
        '5 show bytecode pyxray.showBytecode {"qualname":"helper","line":7}',
        '5 show scopes pyxray.showScopes {"qualname":"helper","line":7}',
        '10 show bytecode pyxray.showBytecode {"qualname":"Child","line":11}',
        '10 show scopes pyxray.showScopes {"qualname":"Child","line":11}',
        '11 show bytecode pyxray.showBytecode {"qualname":"Child.hello","line":12}',
        '11 show scopes pyxray.showScopes {"qualname":"Child.hello","line":12}',
      ],
    );
    assert.ok(lenses.every((l) => l.command?.arguments?.[0].uri === uri));
  });

  for (const listing of LISTINGS) {
    it(`answers pyxray/scopes with symtable_dump.py's text, whole and per block: ${listing.name}`, async () => {
      const uri = await open(listing.source);
      const whole = await session.connection.sendRequest(ScopesRequest, { uri });
      assert.equal(whole.text, listing.symtable);
      const first = /^( +)(function|class) (\S+) line (\d+)/m.exec(listing.symtable)!;
      const qualname = first[3];
      const block = await session.connection.sendRequest(ScopesRequest, { uri, target: { qualname, line: Number(first[4]) } });
      const lines = listing.symtable.split('\n');
      const start = lines.findIndex((l) => l.startsWith(first[0]));
      let end = start + 1;
      while (end < lines.length && lines[end].startsWith(first[1] + ' ')) end++;
      const expected = lines.slice(start, end).map((l) => l.slice(first[1].length));
      assert.equal(block.text, expected.join('\n') + '\n');
    });

    it(`answers pyxray/bytecode with dis_dump.py's text: ${listing.name}`, async function () {
      const experimental = session.initializeResult.capabilities.experimental as { pyxray?: { compiler?: boolean } } | undefined;
      if (!experimental?.pyxray?.compiler) this.skip();
      const uri = await open(listing.source);
      const whole = await session.connection.sendRequest(BytecodeRequest, { uri });
      assert.equal(whole.text, listing.dis);
    });
  }

  it('answers the listings of a program that does not parse with its SyntaxError', async () => {
    const uri = await open('def f(:\n');
    const scopes = await session.connection.sendRequest(ScopesRequest, { uri });
    assert.equal(scopes.text, null);
    assert.match(scopes.error ?? '', /^SyntaxError: .* \(line 1, column \d+\)$/);
  });

  it('classifies every name in semantic tokens by binding and resolution', async () => {
    const uri = await open(COUNTER);
    const tokens = (await session.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } }))!.data;
    const lines = COUNTER.split('\n');
    const decoded: string[] = [];
    let line = 0;
    let character = 0;
    for (let i = 0; i < tokens.length; i += 5) {
      line += tokens[i];
      character = tokens[i] === 0 ? character + tokens[i + 1] : tokens[i + 1];
      const text = lines[line].slice(character, character + tokens[i + 2]);
      const modifiers = SEMANTIC_TOKEN_MODIFIERS.filter((_, bit) => tokens[i + 4] & (1 << bit));
      decoded.push(`${line}:${character} ${text} ${SEMANTIC_TOKEN_TYPES[tokens[i + 3]]} ${modifiers.join(',')}`);
    }
    assert.deepEqual(decoded, [
      '0:4 make_counter function global,declaration',
      '0:17 start parameter local,parameter,declaration',
      '0:29 step parameter local,parameter,declaration',
      '1:4 count variable cell,declaration',
      '1:12 start parameter local,parameter',
      '2:8 inc function local,declaration',
      '2:15 step parameter local,parameter',
      '2:12 by parameter local,parameter,declaration',
      '3:17 count variable free',
      '4:8 count variable free,declaration',
      '4:17 by parameter local,parameter',
      '5:15 count variable free',
      '6:11 inc function local',
      '9:0 counter variable global,declaration',
      '9:10 make_counter function global',
      '10:0 print function builtin',
      '10:6 counter variable global',
      '10:17 len function builtin',
      '10:22 counter variable local',
      '10:34 counter variable local,declaration',
      '10:45 range class builtin',
    ].sort((a, b) => {
      const [la, ca] = a.split(' ')[0].split(':').map(Number);
      const [lb, cb] = b.split(' ')[0].split(':').map(Number);
      return la - lb || ca - cb;
    }));
  });

  it('highlights, defines and references a variable across the blocks that share it', async () => {
    const uri = await open(COUNTER);
    const position = positionOf(COUNTER, 'count', 4);
    const highlights = (await session.connection.sendRequest(DocumentHighlightRequest.type, { textDocument: { uri }, position }))!;
    assert.deepEqual(highlights.map((h) => `${span(h.range)} ${h.kind}`), ['1:4-1:9 3', '3:17-3:22 2', '4:8-4:13 3', '5:15-5:20 2']);
    const definitions = (await session.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position })) as Location[];
    assert.deepEqual(definitions.map((d) => span(d.range)), ['1:4-1:9', '4:8-4:13']);
    const uses = (await session.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position, context: { includeDeclaration: false } }))!;
    assert.deepEqual(uses.map((d) => span(d.range)), ['3:17-3:22', '5:15-5:20']);
    const all = (await session.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position, context: { includeDeclaration: true } }))!;
    assert.equal(all.length, 4);
    const builtin = (await session.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: positionOf(COUNTER, 'print') })) as Location[];
    assert.deepEqual(builtin, []);
  });

  it('renames a free variable together with its enclosing binding, and nothing else', async () => {
    const uri = await open(COUNTER);
    const edit = (await session.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: positionOf(COUNTER, 'count', 4), newName: 'total' }))!;
    assert.deepEqual(edit.changes![uri].map((e: TextEdit) => `${span(e.range)} ${e.newText}`), ['1:4-1:9 total', '3:17-3:22 total', '4:8-4:13 total', '5:15-5:20 total']);
  });

  it('renames a module variable without touching the comprehension variable of the same name, and vice versa', async () => {
    const uri = await open(COUNTER);
    const outer = (await session.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: positionOf(COUNTER, 'counter ='), newName: 'c' }))!;
    assert.deepEqual(outer.changes![uri].map((e: TextEdit) => span(e.range)), ['9:0-9:7', '10:6-10:13']);
    const inner = (await session.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: positionOf(COUNTER, 'counter for'), newName: 'i' }))!;
    assert.deepEqual(inner.changes![uri].map((e: TextEdit) => span(e.range)), ['10:22-10:29', '10:34-10:41']);
  });

  it('keeps a plain import working when renaming the module name', async () => {
    const source = 'import os\nprint(os.sep)\n';
    const uri = await open(source);
    const edit = (await session.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: positionOf(source, 'os', 2), newName: 'system' }))!;
    assert.deepEqual(edit.changes![uri].map((e: TextEdit) => `${span(e.range)} ${e.newText}`), ['0:9-0:9  as system', '1:6-1:8 system']);
  });

  it('refuses a rename that would change what a name means', async () => {
    const uri = await open(COUNTER);
    const position = positionOf(COUNTER, 'count', 4);
    // `by` is inc's parameter: count and by would become one variable.
    await assert.rejects(session.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position, newName: 'by' }), /'by' is already a name in inc/);
    await assert.rejects(
      session.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: positionOf(COUNTER, 'counter ='), newName: 'len' }),
      /'len' is already a name in the module/,
    );
    // A global renamed to `abs` would capture the builtin `abs` that g reads.
    const source = 'x = 1\ndef g():\n    return abs(2)\nprint(x)\n';
    const other = await open(source);
    await assert.rejects(
      session.connection.sendRequest(RenameRequest.type, { textDocument: { uri: other }, position: positionOf(source, 'x'), newName: 'abs' }),
      /'abs' is already used at line 3/,
    );
  });

  it('refuses to rename builtins, or to a keyword or a non-identifier', async () => {
    const uri = await open(COUNTER);
    await assert.rejects(session.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri }, position: positionOf(COUNTER, 'len') }), /builtin/);
    await assert.rejects(session.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: positionOf(COUNTER, 'len'), newName: 'size' }), /builtin/);
    const position = positionOf(COUNTER, 'count', 4);
    await assert.rejects(session.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position, newName: 'class' }), /keyword/);
    await assert.rejects(session.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position, newName: '2fast' }), /not a valid identifier/);
    const prepared = await session.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri }, position });
    assert.deepEqual(prepared, { range: { start: { line: 5, character: 15 }, end: { line: 5, character: 20 } }, placeholder: 'count' });
  });

  it('outlines classes, methods, functions and module variables', async () => {
    const uri = await open(CLASSES + 'LIMIT = 3\n');
    const symbols = (await session.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    const outline = (list: DocumentSymbol[], depth = 0): string[] =>
      list.flatMap((s) => [`${'  '.repeat(depth)}${s.name} ${s.kind} ${s.detail ?? ''}`.trimEnd(), ...outline(s.children ?? [], depth + 1)]);
    assert.deepEqual(outline(symbols), ['Base 5 Base', '  hello 6 Base.hello', 'helper 12 helper', 'Child 5 Child', '  hello 6 Child.hello', 'LIMIT 13']);
  });

  it('switches each kind of hint off through settings', async () => {
    const quiet = await ServerSession.start({ settings: { inlayHints: { scopes: false, closures: true, mro: false } } });
    try {
      const uri = 'file:///quiet.py';
      await quiet.open(uri, COUNTER);
      const labels = ((await quiet.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: EVERYTHING })) ?? []).map((h) => String(h.label));
      assert.deepEqual(labels, ['cells: count', 'free: count']);
      await quiet.changeSettings({ inlayHints: { scopes: true, closures: false, mro: true } }, true);
      const after = ((await quiet.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: EVERYTHING })) ?? []).map((h) => String(h.label));
      assert.deepEqual(after, ['cell', 'free', 'free', 'builtin', 'builtin', 'builtin']);
      assert.ok(quiet.inlayHintRefreshes >= 1);
    } finally {
      await quiet.stop();
    }
  });

  it('speaks the same protocol over Node IPC (--node-ipc)', async () => {
    const ipc = await ServerSession.start({ transport: 'ipc' });
    try {
      const uri = 'file:///ipc.py';
      const diagnostics = await ipc.open(uri, 'def f():\n    print(x)\n    x = 1\n');
      assert.deepEqual(diagnostics.map((d) => `${span(d.range)} ${d.code}`), ['1:10-1:11 UnboundLocalError']);
      const labels = ((await ipc.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: EVERYTHING })) ?? []).map((h) => String(h.label));
      assert.deepEqual(labels, ['builtin']);
    } finally {
      await ipc.stop();
    }
  });

  it('pulls settings with workspace/configuration when the client supports it', async () => {
    const pulling = await ServerSession.start({ configuration: true, settings: { inlayHints: { scopes: false, closures: false, mro: true } } });
    try {
      const uri = 'file:///pulled.py';
      await pulling.open(uri, 'class A: pass\nprint(A)\n');
      // Settings arrive after `initialized`; a document change is ordered after that pull.
      await pulling.change(uri, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '' }]);
      const labels = ((await pulling.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: EVERYTHING })) ?? []).map((h) => String(h.label));
      assert.deepEqual(labels, ['MRO: A → object']);
    } finally {
      await pulling.stop();
    }
  });

  it('applies incremental edits and publishes diagnostics for each version', async () => {
    const uri = 'file:///features/edited.py';
    const source = 'def f():\n    x = 1\n    return x\n';
    assert.deepEqual(await session.open(uri, source), []);
    // Delete "x = 1": the read is now of a name local to nothing → global, no warning; then make it local again below the read.
    const afterDelete = await session.change(uri, [{ range: { start: { line: 1, character: 4 }, end: { line: 1, character: 9 } }, text: 'pass' }]);
    assert.deepEqual(afterDelete, []);
    const afterAppend = await session.change(uri, [{ range: { start: { line: 2, character: 12 }, end: { line: 2, character: 12 } }, text: '\n    x = 2' }]);
    assert.deepEqual(afterAppend.map((d) => `${span(d.range)} ${d.code} ${d.message}`), [
      "2:11-2:12 UnboundLocalError cannot access local variable 'x' where it is not associated with a value",
    ]);
    const broken = await session.change(uri, [{ range: { start: { line: 0, character: 7 }, end: { line: 0, character: 7 } }, text: ':' }]);
    assert.equal(broken.length, 1);
    assert.equal(broken[0].code, 'SyntaxError');
    assert.equal(broken[0].range.start.line, 0);
  });
});

describe('language server: local variables read before assignment', function () {
  // Each line marked `# warn: NAME` must get exactly one UnboundLocalError warning, at NAME; no other line any.
  const PROGRAM = `
def loop_may_not_run(items):
    for item in items:
        last = item
    return last  # warn: last

def infinite_loop_with_break():
    while True:
        value = 1
        break
    return value

def handler_returns():
    try:
        value = int('x')
    except ValueError:
        return None
    return value

def handler_falls_through():
    try:
        value = int('x')
    except ValueError:
        pass
    return value  # warn: value

def finally_after_failure(path):
    try:
        handle = open(path)
    finally:
        handle.close()  # warn: handle
    return handle

def deleted_then_rebound():
    x = 1
    del x
    x = 2
    return x

def deleted():
    x = 1
    del x
    return x  # warn: x

def with_target(lock):
    with lock as held:
        pass
    return held

def match_exhaustive(point):
    match point:
        case (x, y):
            pass
        case _:
            x = 0
    return x

def match_not_exhaustive(point):
    match point:
        case (x, 0):
            pass
    return x  # warn: x

def walrus_in_test(data):
    if (n := len(data)) > 3:
        pass
    return n

def walrus_short_circuit(data):
    if data and (n := len(data)):
        pass
    return n  # warn: n

def comprehension_variable_is_not_local(rows):
    squares = [r * r for r in rows]
    r = 0
    return squares, r

def except_name_is_unbound_after_handler():
    try:
        pass
    except Exception as error:
        pass
    return error  # warn: error

def nested_function_reads_later():
    def inner():
        return late
    late = 1
    return inner

def continue_skips(items):
    for item in items:
        if item:
            continue
        found = item
    return found  # warn: found

def for_else_assigns(items):
    for item in items:
        if item:
            result = item
            break
    else:
        result = None
    return result

def augmented_before_assignment():
    total += 1  # warn: total
    return total

def global_is_not_local():
    global counter
    print(counter)
    counter = 1

def both_branches(flag):
    if flag:
        y = 1
    else:
        y = 2
    return y

def exits_instead(flag):
    import sys
    if flag:
        value = 1
    else:
        sys.exit(2)
    return value

def exit_builtin_shadowed(flag, exit):
    if flag:
        value = 1
    else:
        exit(2)
    return value  # warn: value

def read_before_assignment():
    print(z)  # warn: z
    z = 1
    del z
`;

  let session: ServerSession;
  before(async () => {
    session = await ServerSession.start();
  });
  after(() => session.stop());

  it('warns exactly where some path reaches a read of a local before any assignment', async () => {
    const diagnostics = await session.open('file:///flow.py', PROGRAM);
    const got = diagnostics.filter((d) => d.code === 'UnboundLocalError').map((d) => `${d.range.start.line} ${PROGRAM.split('\n')[d.range.start.line].slice(d.range.start.character, d.range.end.character)}`);
    const expected: string[] = [];
    PROGRAM.split('\n').forEach((line, index) => {
      const marker = /# warn: (\w+)/.exec(line);
      if (marker) expected.push(`${index} ${marker[1]}`);
    });
    assert.ok(expected.length >= 10);
    assert.deepEqual(got, expected);
    assert.deepEqual(diagnostics.filter((d) => d.code !== 'UnboundLocalError'), []);
  });
});
