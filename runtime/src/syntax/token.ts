// Tokens as CPython's tokenizer hands them to its parser (Parser/tokenizer.c → Parser/pegen.c).
// The parser never sees COMMENT or NL tokens, and keywords arrive as NAME tokens (the parser
// tells keywords and soft keywords apart). Positions are CPython's: 1-based lines and 0-based
// UTF-8 byte columns; `start`/`end` index the source string (UTF-16) for tools that slice text.

export enum TokenType {
  ENDMARKER,
  NAME,
  NUMBER,
  STRING,
  NEWLINE,
  INDENT,
  DEDENT,
  /** Any operator or delimiter; `text` says which. */
  OP,
  TYPE_COMMENT,
}

export interface Token {
  type: TokenType;
  /** The token's text: the identifier (NFKC-normalised when non-ASCII), the operator, the literal as written. Empty for NEWLINE at EOF, INDENT/DEDENT/ENDMARKER. */
  text: string;
  lineno: number;
  col_offset: number;
  end_lineno: number;
  end_col_offset: number;
  /** Offsets into the source string (UTF-16 code units). */
  start: number;
  end: number;
}
