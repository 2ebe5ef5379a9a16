// Diagnostics and MROs that CPython itself defines, checked against what CPython said
// (test/lsp/fixtures/cpython.json, written by server/scripts/gen-lsp-fixtures.py): the first
// syntax error's message and position, the symtable's errors, the MRO of every class or the
// TypeError its class statement raises, and UnboundLocalError's text.

import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { InlayHintRequest, type Diagnostic } from 'vscode-languageserver-protocol';
import { ServerSession } from './support/serverSession';

interface ErrorFact {
  name: string;
  source: string;
  type: string;
  msg: string;
  lineno: number;
  offset: number;
  end_lineno: number;
  end_offset: number;
}
interface MroFact {
  name: string;
  source: string;
  classes: { name: string; line: number; mro?: string[]; error?: string }[];
}
interface UnboundFact {
  name: string;
  source: string;
  message: string;
}

const FACTS = JSON.parse(readFileSync(path.join(__dirname, 'fixtures/cpython.json'), 'utf8')) as {
  errors: ErrorFact[];
  mro: MroFact[];
  unbound: UnboundFact[];
};

/** CPython's 1-based column (code points for the parser, UTF-8 bytes for symtable errors) as UTF-16. */
function utf16Column(line: string, oneBased: number, units: 'codePoints' | 'bytes'): number {
  const target = oneBased - 1;
  let column = 0;
  let counted = 0;
  for (const ch of line) {
    if (counted >= target) break;
    counted += units === 'bytes' ? Buffer.byteLength(ch) : 1;
    column += ch.length;
  }
  return column;
}

describe('language server: facts CPython defines', function () {
  let session: ServerSession;
  let serial = 0;
  before(async () => {
    session = await ServerSession.start();
  });
  after(() => session.stop());

  const open = (source: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> => {
    const uri = `file:///facts/case${serial++}.py`;
    return session.open(uri, source).then((diagnostics) => ({ uri, diagnostics }));
  };

  /** Errors the compiler (not the parser or symtable) raises. */
  const COMPILER_ERRORS = new Set(["'return' outside function"]);

  for (const fact of FACTS.errors) {
    it(`reports CPython's ${fact.type} first, with its position: ${fact.name}`, async function () {
      const experimental = session.initializeResult.capabilities.experimental as { pyxray?: { compiler?: boolean } } | undefined;
      if (COMPILER_ERRORS.has(fact.msg) && !experimental?.pyxray?.compiler) this.skip();
      const { diagnostics } = await open(fact.source);
      assert.ok(diagnostics.length >= 1, 'no diagnostic');
      const first = diagnostics[0];
      assert.equal(first.message, fact.msg);
      assert.equal(first.code, fact.type);
      assert.equal(first.source, 'PyXray');
      assert.equal(first.severity, 1);
      // Parser errors count code points, symtable errors UTF-8 bytes; they differ only past non-ASCII text.
      const line = fact.source.split('\n')[fact.lineno - 1];
      const candidates = new Set([utf16Column(line, fact.offset, 'codePoints'), utf16Column(line, fact.offset, 'bytes')]);
      assert.equal(first.range.start.line, fact.lineno - 1);
      assert.ok(candidates.has(first.range.start.character), `column ${first.range.start.character}, CPython offset ${fact.offset}`);
    });
  }

  it('reports the later syntax errors tolerant parsing finds, after CPython\'s first', async () => {
    const fact = FACTS.errors.find((f) => f.name === 'two errors')!;
    const { diagnostics } = await open(fact.source);
    assert.equal(diagnostics[0].message, fact.msg);
    assert.equal(diagnostics[0].range.start.line, fact.lineno - 1);
    assert.ok(
      diagnostics.slice(1).some((d) => d.range.start.line === 2 && d.code === 'SyntaxError'),
      JSON.stringify(diagnostics.map((d) => [d.range.start.line, d.message])),
    );
  });

  it('counts a parser error\'s column in code points, not bytes, before converting to UTF-16', async () => {
    const fact = FACTS.errors.find((f) => f.name === 'non-ascii columns')!;
    const { diagnostics } = await open(fact.source);
    // offset 14 in code points is UTF-16 column 13; in bytes it would have been 12.
    assert.equal(diagnostics[0].range.start.character, 13);
  });

  for (const fact of FACTS.mro) {
    it(`computes CPython's MRO or TypeError for every class: ${fact.name}`, async () => {
      const { uri, diagnostics } = await open(fact.source);
      const hints = (await session.connection.sendRequest(InlayHintRequest.type, {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 1000, character: 0 } },
      }))!;
      const classHints = new Map<number, string>();
      for (const hint of hints) {
        const label = String(hint.label);
        if (label.startsWith('MRO: ') || label.startsWith('TypeError: ')) classHints.set(hint.position.line + 1, label);
      }
      for (const cls of fact.classes) {
        const expected = cls.mro ? `MRO: ${cls.mro.join(' → ')}` : `TypeError: ${cls.error!.replace(/\n/g, ' ')}`;
        assert.equal(classHints.get(cls.line), expected, `class ${cls.name}`);
      }
      const errors = fact.classes.filter((c) => c.error);
      const typeErrors = diagnostics.filter((d) => d.code === 'TypeError');
      assert.deepEqual(
        typeErrors.map((d) => [d.range.start.line + 1, d.message]),
        errors.map((c) => [c.line, c.error]),
      );
    });
  }

  for (const fact of FACTS.unbound) {
    it(`warns with UnboundLocalError's text: ${fact.name}`, async () => {
      const { diagnostics } = await open(fact.source);
      const warnings = diagnostics.filter((d) => d.code === 'UnboundLocalError');
      assert.equal(warnings.length, 1);
      assert.equal(warnings[0].message, fact.message);
      assert.equal(warnings[0].severity, 2);
    });
  }
});
