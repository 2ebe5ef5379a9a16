// What the stopped frame's names hold, read from the adapter with plain DAP requests (scopes,
// variables) — the same values the Variables view shows, never re-evaluated: for each name its
// repr, its object's refcount (the `ob_refcnt` child the adapter puts first under every
// object) and whether it lives in a cell; and the frame's next instruction from its
// "Frame internals" scope. Pure parsing helpers are exported for the unit tests.

import type * as vscode from 'vscode';

export interface DapVariable {
  name: string;
  value: string;
  type?: string;
  variablesReference: number;
}

interface DapScope {
  name: string;
  variablesReference: number;
  expensive?: boolean;
}

export interface NameFact {
  name: string;
  value: string;
  type?: string;
  /** ob_refcnt of the object the name is bound to; null when static (never freed); undefined when unknown. */
  refcount?: number | null;
  /** The name is a cell or free variable: the value is the cell's contents. */
  inCell: boolean;
  /** The cell object's own refcount (how many frames and closures share it). */
  cellRefcount?: number | null;
}

export interface InstructionFact {
  offset: number;
  text: string;
  qualname: string;
  firstLine: number;
}

/** `ob_refcnt`'s value as the adapter renders it: a number, or "static (never freed)". */
export function parseRefcount(value: string | undefined): number | null | undefined {
  if (value === undefined) return undefined;
  if (/^static/.test(value)) return null;
  const count = Number.parseInt(value, 10);
  return Number.isFinite(count) ? count : undefined;
}

/** "⟨refcount 2⟩", "⟨cell refcount 2 · refcount 3⟩", "⟨static⟩". */
export function refcountNote(fact: NameFact): string {
  const parts: string[] = [];
  if (fact.inCell) parts.push(typeof fact.cellRefcount === 'number' ? `cell refcount ${fact.cellRefcount}` : 'in a cell');
  if (fact.refcount === null) parts.push('static');
  else if (fact.refcount !== undefined) parts.push(`refcount ${fact.refcount}`);
  return parts.length > 0 ? ` ⟨${parts.join(' · ')}⟩` : '';
}

/** Values whose repr says nothing a learner needs inline (functions, classes, modules). */
const QUIET_TYPES = /^(function|type|module|builtin_function_or_method|method)$/;

export function isQuiet(fact: NameFact): boolean {
  return QUIET_TYPES.test(fact.type ?? '');
}

/** "12 LOAD_DEREF 0 (x)" → 12. */
export function parseInstruction(value: string): { offset: number; text: string } | undefined {
  const match = /^(\d+)\s+(.*)$/.exec(value.trim());
  return match ? { offset: Number(match[1]), text: match[2] } : undefined;
}

export class FrameReader {
  constructor(private readonly session: vscode.DebugSession) {}

  private async scopes(frameId: number): Promise<DapScope[]> {
    const body = await this.session.customRequest('scopes', { frameId }) as { scopes: DapScope[] };
    return body.scopes;
  }

  private async variables(variablesReference: number): Promise<DapVariable[]> {
    if (variablesReference <= 0) return [];
    const body = await this.session.customRequest('variables', { variablesReference }) as { variables: DapVariable[] };
    return body.variables;
  }

  private async refcountOf(variable: DapVariable): Promise<{ refcount: number | null | undefined; children: DapVariable[] }> {
    const children = await this.variables(variable.variablesReference);
    return { refcount: parseRefcount(children.find((child) => child.name === 'ob_refcnt')?.value), children };
  }

  /** Facts about `wanted` names in the frame: locals and cells first, then globals. */
  async names(frameId: number, wanted: ReadonlySet<string>): Promise<Map<string, NameFact>> {
    const facts = new Map<string, NameFact>();
    const scopes = await this.scopes(frameId);
    const byKind = (pattern: RegExp) => scopes.find((scope) => pattern.test(scope.name));
    const cells = byKind(/^Cells/);
    const locals = byKind(/^Locals/);
    const globals = byKind(/^Globals/);
    const jobs: Promise<void>[] = [];
    if (cells) {
      for (const variable of await this.variables(cells.variablesReference)) {
        if (!wanted.has(variable.name) || variable.variablesReference === 0) continue;
        jobs.push((async () => {
          const cell = await this.refcountOf(variable);
          const contents = cell.children.find((child) => child.name === 'cell_contents');
          const inner = contents ? await this.refcountOf(contents) : undefined;
          facts.set(variable.name, {
            name: variable.name, value: contents?.value ?? '<empty cell>', type: contents?.type, refcount: inner?.refcount, inCell: true, cellRefcount: cell.refcount,
          });
        })());
      }
    }
    await Promise.all(jobs);
    for (const scope of [locals, globals]) {
      if (!scope) continue;
      const pending: Promise<void>[] = [];
      for (const variable of await this.variables(scope.variablesReference)) {
        if (!wanted.has(variable.name) || facts.has(variable.name)) continue;
        const fact: NameFact = { name: variable.name, value: variable.value, type: variable.type, inCell: false };
        facts.set(variable.name, fact);
        if (variable.variablesReference > 0 && !isQuiet(fact)) {
          pending.push(this.refcountOf(variable).then((read) => { fact.refcount = read.refcount; }));
        }
      }
      await Promise.all(pending);
    }
    return facts;
  }

  /** The frame's next (innermost) or current instruction, from its "Frame internals" scope. */
  async instruction(frameId: number): Promise<InstructionFact | undefined> {
    const internals = (await this.scopes(frameId)).find((scope) => /internals/i.test(scope.name));
    if (!internals) return undefined;
    const rows = await this.variables(internals.variablesReference);
    const at = rows.find((row) => /instruction$/.test(row.name));
    const qualname = rows.find((row) => row.name === 'co_qualname')?.value;
    const firstLine = Number(rows.find((row) => row.name === 'co_firstlineno')?.value);
    const parsed = at ? parseInstruction(at.value) : undefined;
    if (!parsed || !qualname || !Number.isFinite(firstLine)) return undefined;
    return { ...parsed, qualname, firstLine };
  }
}
