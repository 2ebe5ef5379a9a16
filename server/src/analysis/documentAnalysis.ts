// One analysis per document version, shared by every feature: the tolerant parse happens when a
// version is first asked for, and the symbol table, name index, MROs, flow warnings and the
// compiled code are each computed at most once, on first use. The cache keeps only the newest
// version of each document, so an edit invalidates everything derived from the old text.

import { LineMap } from './runtimeApi';
import type { CodeObject, Module, SymbolTable } from './runtimeApi';
import { buildScopes, compileDocument, compileErrorOf, parseDocument, type CompileOutcome, type ParseOutcome, type SyntaxErrorInfo } from './frontEnd';
import { reparseIncrementally } from './incrementalParse';
import { allDefinitions, collectDefinitions, type Definition } from './definitions';
import { MroAnalysis } from './mro';
import { NameIndex } from './nameIndex';
import { findUnboundLocalReads, type FunctionNode, type UnboundRead } from './unboundLocals';

export class DocumentAnalysis {
  readonly lines: LineMap;
  readonly tree: Module;
  /** Everything tolerant parsing found; the first is what CPython would raise. */
  readonly syntaxErrors: SyntaxErrorInfo[];
  private symtableOutcome?: { table: SymbolTable | null; error: SyntaxErrorInfo | null };
  private nameIndex?: NameIndex | null;
  private mroAnalysis?: MroAnalysis | null;
  private unboundReads?: UnboundRead[];
  private compiled?: CompileOutcome | null;
  private definitionTree?: Definition[];
  private compileError?: SyntaxErrorInfo | null;

  constructor(
    readonly uri: string,
    readonly version: number,
    readonly source: string,
    readonly filename: string,
    /** The tree of this text when the caller already has it (an incremental reparse). */
    reparsed: ParseOutcome | null = null,
  ) {
    this.lines = new LineMap(source);
    const parsed = reparsed ?? parseDocument(source, filename);
    this.tree = parsed.tree;
    this.syntaxErrors = parsed.errors;
  }

  /**
   * Symbol tables for the tree. With syntax errors the tree is what tolerant mode recovered:
   * still worth analysing (hints and navigation keep working while the user types), but its
   * symtable errors are not CPython's, so only a clean parse reports them.
   */
  get symtable(): SymbolTable | null {
    return this.scopes().table;
  }

  /** CPython's symtable SyntaxError for this source (only when the source parses). */
  get symtableError(): SyntaxErrorInfo | null {
    return this.syntaxErrors.length ? null : this.scopes().error;
  }

  private scopes(): { table: SymbolTable | null; error: SyntaxErrorInfo | null } {
    this.symtableOutcome ??= buildScopes(this.tree, this.filename);
    return this.symtableOutcome;
  }

  /** Functions, classes, lambdas and comprehensions with their qualnames. */
  get definitions(): Definition[] {
    this.definitionTree ??= collectDefinitions(this.tree);
    return this.definitionTree;
  }

  get names(): NameIndex | null {
    if (this.nameIndex === undefined) {
      const table = this.symtable;
      this.nameIndex = table ? new NameIndex(this.tree, table, this.lines) : null;
    }
    return this.nameIndex;
  }

  get mro(): MroAnalysis | null {
    if (this.mroAnalysis === undefined) {
      const names = this.names;
      this.mroAnalysis = names ? new MroAnalysis(this.tree, names) : null;
    }
    return this.mroAnalysis;
  }

  get unboundLocalReads(): UnboundRead[] {
    if (this.unboundReads === undefined) {
      const table = this.symtable;
      const names = this.names;
      const functions: FunctionNode[] = [];
      for (const definition of allDefinitions(this.definitions)) {
        const node = definition.node;
        if (node.nodeType === 'FunctionDef' || node.nodeType === 'AsyncFunctionDef') functions.push(node);
      }
      this.unboundReads = table && names ? findUnboundLocalReads(table, names, functions) : [];
    }
    return this.unboundReads;
  }

  /** The compiler's SyntaxError for a source that parses and passes the symbol table, else null. */
  get compileTimeError(): SyntaxErrorInfo | null {
    if (this.compileError === undefined) {
      const table = this.symtable;
      this.compileError = this.syntaxErrors.length || !table || this.symtableError ? null : compileErrorOf(this.tree, table);
    }
    return this.compileError;
  }

  /** The compiled module, or CPython's compile-time SyntaxError; null while the source does not parse or the symtable fails. */
  get compileOutcome(): CompileOutcome | null {
    if (this.compiled === undefined) {
      this.compiled = this.syntaxErrors.length || this.scopes().error ? null : compileDocument(this.source, this.filename);
    }
    return this.compiled;
  }

  get code(): CodeObject | null {
    return this.compileOutcome?.code ?? null;
  }
}

/** The newest analysis of each open document, keyed by URI and checked against the version. */
export class AnalysisCache {
  private readonly entries = new Map<string, DocumentAnalysis>();

  get(document: { uri: string; version: number; getText(): string }): DocumentAnalysis {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version) return cached;
    const source = document.getText();
    const filename = filenameOf(document.uri);
    // The previous version's tree is reused (and moved) by the incremental reparse, so that
    // analysis is dropped right here and never read again.
    const reparsed = cached ? reparseIncrementally({ source: cached.source, tree: cached.tree, errors: cached.syntaxErrors }, source, filename) : null;
    const analysis = new DocumentAnalysis(document.uri, document.version, source, filename, reparsed);
    this.entries.set(document.uri, analysis);
    return analysis;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}

/** What CPython would call the file: the path of a file URI, or the URI itself. */
export function filenameOf(uri: string): string {
  if (!uri.startsWith('file://')) return uri;
  try {
    return decodeURIComponent(new URL(uri).pathname);
  } catch {
    return uri;
  }
}
