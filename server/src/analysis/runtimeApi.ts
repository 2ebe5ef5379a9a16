// The runtime's public API as the server sees it: runtime/src/index.ts, plus the compiler's
// entry points until the index exports them (TODO(index): compileSource, checkCompileErrors,
// CodeObject, disDumpCode, prettyFlags — listed in .notes/lsp-needs-index.txt). This is the
// only file in server/ that names a runtime module.

export * from '../../../runtime/src/index';
export type { CodeObject } from '../../../runtime/src/compiler/codeObject';
export { disDumpCode, prettyFlags } from '../../../runtime/src/compiler/disassembler';
export { compileSource } from '../../../runtime/src/compiler/compile';
export { checkCompileErrors } from '../../../runtime/src/compiler/earlyErrors';
