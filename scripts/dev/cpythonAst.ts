// Development aid: CPython's AST and compiled code of a file as our node types and CodeObject
// (see cpython-ast-json.py and cpython-code-json.py). Needs python3 3.11; never imported by
// tests or the product.
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import type { Module } from '../../runtime/src/syntax/ast';
import type { CodeObject } from '../../runtime/src/compiler/codeObject';
import { reviveCode, reviveConstant } from '../../test/support/cpythonJson';

function runScript(script: string, file: string): string {
  return execFileSync('python3', [path.join(__dirname, script), file], { encoding: 'utf8', maxBuffer: 1 << 28 });
}

export function cpythonAst(file: string): Module {
  return JSON.parse(runScript('cpython-ast-json.py', file), (_key, value) => reviveConstant(value)) as Module;
}

/** CPython's compiled code object of a file, in our CodeObject shape. */
export function cpythonCode(file: string): CodeObject {
  return reviveCode(JSON.parse(runScript('cpython-code-json.py', file)));
}
