// Bad input never crashes the server: half-typed programs (every corpus program cut off at many
// points and grown back by incremental edits), pathological nesting and odd text all get
// diagnostics and answers to every request, never an internal error or a dead process.

import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  CodeLensRequest,
  DocumentHighlightRequest,
  DocumentSymbolRequest,
  HoverRequest,
  InlayHintRequest,
  ReferencesRequest,
  SemanticTokensRequest,
} from 'vscode-languageserver-protocol';
import { NamesRequest, ScopesRequest } from '../../server/src/protocol';
import { ServerSession } from './support/serverSession';

const SEEDS = path.resolve(__dirname, '../corpus/seeds');

describe('language server robustness', function () {
  let session: ServerSession;
  before(async () => {
    session = await ServerSession.start();
  });
  after(() => session.stop());
  afterEach(() => {
    assert.deepEqual(session.loggedErrors, [], 'the server logged internal errors');
    assert.equal(session.serverErrors, '');
  });

  /** Every request a person's editor would send, at a few positions; all must answer. */
  async function exercise(uri: string, text: string): Promise<void> {
    const lines = text.split('\n');
    const everything = { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } };
    const textDocument = { uri };
    const requests: Promise<unknown>[] = [
      session.connection.sendRequest(InlayHintRequest.type, { textDocument, range: everything }),
      session.connection.sendRequest(SemanticTokensRequest.type, { textDocument }),
      session.connection.sendRequest(DocumentSymbolRequest.type, { textDocument }),
      session.connection.sendRequest(CodeLensRequest.type, { textDocument }),
      session.connection.sendRequest(ScopesRequest, { uri }),
      session.connection.sendRequest(NamesRequest, { uri }),
    ];
    for (let line = 0; line < lines.length; line += Math.max(1, Math.floor(lines.length / 6))) {
      const position = { line, character: Math.floor(lines[line].length / 2) };
      requests.push(session.connection.sendRequest(HoverRequest.type, { textDocument, position }));
      requests.push(session.connection.sendRequest(DocumentHighlightRequest.type, { textDocument, position }));
      requests.push(session.connection.sendRequest(ReferencesRequest.type, { textDocument, position, context: { includeDeclaration: true } }));
    }
    await Promise.all(requests);
  }

  it('answers every request while corpus programs are typed in, cut anywhere', async () => {
    const files = readdirSync(SEEDS).filter((f) => f.endsWith('.py')).sort();
    const sample = files.filter((_, i) => i % 9 === 0);
    assert.ok(sample.length >= 25);
    for (const file of sample) {
      const full = readFileSync(path.join(SEEDS, file), 'utf8');
      const uri = `file:///typing/${file}`;
      const cuts = [0.13, 0.29, 0.41, 0.58, 0.77, 0.93].map((f) => Math.floor(full.length * f));
      await session.open(uri, full.slice(0, cuts[0]));
      let current = full.slice(0, cuts[0]);
      for (const cut of [...cuts.slice(1), full.length]) {
        const lines = current.split('\n');
        const end = { line: lines.length - 1, character: lines[lines.length - 1].length };
        const diagnostics = await session.change(uri, [{ range: { start: end, end }, text: full.slice(current.length, cut) }]);
        current = full.slice(0, cut);
        assert.ok(Array.isArray(diagnostics));
        await exercise(uri, current);
      }
      await session.close(uri);
    }
  });

  const PATHOLOGICAL: Record<string, string> = {
    'deep parentheses': '('.repeat(300) + '1' + ')'.repeat(300) + '\n',
    'deep unclosed parentheses': 'x = ' + '['.repeat(2000) + '\n',
    'long operator chain': 'x = ' + '1 + '.repeat(5000) + '1\n',
    'deeply nested functions': Array.from({ length: 60 }, (_, i) => `${'    '.repeat(i)}def f${i}(a${i}):`).join('\n') + '\n' + '    '.repeat(60) + 'return a0\n',
    'null byte': 'x = 1\n\0\n',
    'lone surrogate and astral names': 'ä = "\uD800"\n𝔘 = ä\nprint(𝔘)\n',
    'tabs and form feeds': 'if True:\n\tx = 1\n        y = 2\n\f\n',
    'only a backslash': '\\',
    'CRLF line endings': 'def f():\r\n    return y\r\ny = 1\r\n',
  };

  for (const [name, text] of Object.entries(PATHOLOGICAL)) {
    it(`survives ${name}`, async () => {
      const uri = `file:///odd/${name.replace(/\W/g, '_')}.py`;
      const diagnostics = await session.open(uri, text);
      assert.ok(Array.isArray(diagnostics));
      await exercise(uri, text);
      await session.close(uri);
    });
  }
});
