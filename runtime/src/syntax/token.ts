// Tokens as CPython's tokenizer hands them to its parser (Parser/tokenizer.c → Parser/pegen.c).
// The parser never sees COMMENT or NL tokens, and keywords arrive as NAME tokens (the parser
// tells keywords and soft keywords apart). Positions are CPython's: 1-based lines and 0-based
// UTF-8 byte columns; `start`/`end` index the tokenizer's source string (UTF-16) for tools that
// slice text.
//
// Positions follow pegen's Token exactly, including its quirks, because the parser's error
// messages are located from them:
// - NEWLINE starts where CPython's tokenizer set its token start: at the '\n', or at the '#' of a
//   trailing comment; it ends at the '\n' (zero or comment width, never including the newline).
// - INDENT, DEDENT and ENDMARKER carry col_offset = end_col_offset = -1 (pegen gets NULL
//   pointers for them). When CPython reports an error on such a token it uses the tokenizer's
//   cursor instead: `Tokenizer.cursorColumn(token)` gives that byte column.
// - Tokens at end of input (DEDENTs, ENDMARKER) are on the last line, not on a line after it.
// - STRING spans lines for triple-quoted (or backslash-continued) literals.
// - In an f-string replacement field's tokenizer (TokenizerOptions), tokens ending on the
//   starting line have the starting column added, markers included (their -1 becomes col - 1).

export enum TokenType {
  ENDMARKER,
  NAME,
  NUMBER,
  STRING,
  NEWLINE,
  INDENT,
  DEDENT,
  /** Any operator or delimiter; `text` says which. `<>` arrives as an OP too (pegen rejects it). */
  OP,
  TYPE_COMMENT,
}

export interface Token {
  type: TokenType;
  /**
   * The token's text: the identifier (NFKC-normalised when non-ASCII), the operator, the literal
   * as written (prefix and quotes included). '\n' for NEWLINE; empty for INDENT/DEDENT/ENDMARKER.
   * A NAME whose source text is not ASCII is never a keyword, even when its NFKC form spells one:
   * compare `source.slice(start, end)` with `text` to tell.
   */
  text: string;
  lineno: number;
  col_offset: number;
  end_lineno: number;
  end_col_offset: number;
  /** Offsets into the tokenizer's source string (UTF-16 code units). */
  start: number;
  end: number;
  /** Bracket nesting depth after this token (pegen's token->level). */
  level: number;
}
