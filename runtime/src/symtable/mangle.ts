// Private name mangling, as CPython's _Py_Mangle does it: inside `class C`, an identifier
// `__spam` (two leading underscores, not ending in two underscores, no dot) becomes
// `_C__spam`, with the class name's own leading underscores stripped. The symbol table stores
// mangled names; the compiler mangles the same way when it emits names.

export function mangle(privateName: string | null, identifier: string): string {
  if (privateName === null || !identifier.startsWith('__')) return identifier;
  if (identifier.endsWith('__') || identifier.includes('.')) return identifier;
  const stripped = privateName.replace(/^_+/, '');
  if (stripped === '') return identifier;
  return `_${stripped}${identifier}`;
}
