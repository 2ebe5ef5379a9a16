// The PyXray-specific part of the protocol between the extension and the language server,
// declared once: the client imports these request types from here, so both sides agree on
// method names, parameters and results at compile time. Standard LSP features need nothing here.

import { RequestType } from 'vscode-languageserver-protocol';

/**
 * Which code object or scope a request is about. `qualname` is CPython's co_qualname
 * (`outer.<locals>.inner`, `C.method`, `<lambda>`), and `line` the line of the `def`, `class` or
 * `lambda` keyword (1-based; the symbol table's lineno; for a decorated def CPython's
 * co_firstlineno is the first decorator's line instead), which tells apart two definitions
 * with the same qualname. Omitted: the whole module.
 */
export interface CodeTarget {
  qualname: string;
  line: number;
}

export interface TextForTargetParams {
  /** The document's URI as the client opened it. */
  uri: string;
  target?: CodeTarget;
}

export interface TextResult {
  /** The listing, or null when it cannot be produced (the reason is in `error`). */
  text: string | null;
  /** Why there is no text: CPython's SyntaxError line for code that does not compile, or "no such code object". */
  error?: string;
}

/** dis_dump.py's listing of the target code object and everything nested in it. */
export const BytecodeRequest = new RequestType<TextForTargetParams, TextResult, void>('pyxray/bytecode');

/** symtable_dump.py's listing of the target scope and its children. */
export const ScopesRequest = new RequestType<TextForTargetParams, TextResult, void>('pyxray/scopes');

export interface NamesParams {
  uri: string;
}

/** The block a name occurs in, named as the symbol table (and symtable_dump.py) names it. */
export interface BlockInfo {
  type: 'module' | 'function' | 'class';
  /** `top`, the def/class name, `lambda`, `listcomp`, `setcomp`, `dictcomp`, `genexpr`. */
  name: string;
  /** The symbol table's lineno (0 for the module). */
  line: number;
}

export interface NameInfo {
  name: string;
  /** The name as the symbol table and co_names/co_varnames spell it (private names mangled). */
  symbol: string;
  /** Where the name is, in the editor's coordinates (0-based line, UTF-16 columns). */
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  role: 'read' | 'store' | 'augmented' | 'delete' | 'parameter' | 'function' | 'class' | 'import' | 'handler' | 'pattern' | 'declaration';
  block: BlockInfo;
  /** How CPython resolves it there (see the inlay hints). */
  resolution: 'local' | 'cell' | 'free' | 'global' | 'builtin' | 'undefined';
  /** The instructions CPython's compiler emits for this use, in order (`x += 1`: LOAD_FAST, STORE_FAST); none for parameters and declarations. */
  instructions: string[];
}

/** Every name of the document with its block and resolution: the data behind hints, hovers and rename. */
export const NamesRequest = new RequestType<NamesParams, NameInfo[] | null, void>('pyxray/names');

/** Commands the code lenses carry; the client registers them and answers with the requests above. */
export const SHOW_BYTECODE_COMMAND = 'pyxray.showBytecode';
export const SHOW_SCOPES_COMMAND = 'pyxray.showScopes';

/** The single argument of both commands. */
export interface ShowTargetArguments {
  uri: string;
  target?: CodeTarget;
}

/** The server's settings section (`pyxray`), as the client's configuration contributes it. */
export interface PyXraySettings {
  inlayHints: {
    /** `global` / `builtin` / `free` / `cell` after names. */
    scopes: boolean;
    /** `cells: … · free: …` after def and lambda. */
    closures: boolean;
    /** `MRO: C → A → object` after class lines. */
    mro: boolean;
  };
}

export const DEFAULT_SETTINGS: PyXraySettings = {
  inlayHints: { scopes: true, closures: true, mro: true },
};

/** Semantic token legend: the kind of binding a name has, and how CPython resolves it. */
export const SEMANTIC_TOKEN_TYPES = ['variable', 'parameter', 'function', 'class', 'namespace'] as const;
export const SEMANTIC_TOKEN_MODIFIERS = ['local', 'global', 'builtin', 'free', 'cell', 'parameter', 'declaration'] as const;
