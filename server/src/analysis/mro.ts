// Method resolution orders for the classes a document defines, computed the way CPython's
// type_new does when the class statement runs: first the base checks of best_base() ("type 'bool'
// is not an acceptable base type", "multiple bases have instance lay-out conflict"), then
// mro_implementation(): one base → [C] + mro(base); otherwise duplicate bases are rejected and
// C3 merges the bases' MROs with the list of bases (pmerge), failing with set_mro_error's text.
// Bases are followed through the name index to class statements in the same file or to
// builtin classes (facts generated from CPython); any other base (an import, an attribute, a
// call) makes the MRO unknown rather than guessed.

import type { AstExpr, ClassDef, Module } from './runtimeApi';
import { BUILTIN_CLASSES } from './builtins.generated';
import type { NameIndex } from './nameIndex';

/** A class object as the MRO sees it: one class statement of the file, or a builtin class. */
export interface ClassEntity {
  /** `builtin:int` or `line:col` of the class statement. */
  id: string;
  /** __name__, which CPython's messages use. */
  name: string;
  node: ClassDef | null;
}

export type MroOutcome =
  | { status: 'ok'; mro: ClassEntity[]; steps: string[] }
  /** The class statement raises TypeError with CPython's exact message. */
  | { status: 'error'; message: string; steps: string[] }
  /** A base is not a class this analysis can follow (imported, computed, or itself broken). */
  | { status: 'unknown'; reason: string };

export class MroAnalysis {
  private readonly outcomes = new Map<ClassDef, MroOutcome>();
  private readonly solidBases = new Map<string, ClassEntity>();

  constructor(
    private readonly tree: Module,
    private readonly names: NameIndex,
  ) {}

  /** Every class statement of the document with its outcome, in source order. */
  all(): [ClassDef, MroOutcome][] {
    const classes: ClassDef[] = [];
    collectClasses(this.tree.body, classes);
    return classes.map((node) => [node, this.of(node)]);
  }

  of(node: ClassDef): MroOutcome {
    let outcome = this.outcomes.get(node);
    if (!outcome) {
      // Guard against cycles through odd rebinding: a class in progress counts as unknown.
      this.outcomes.set(node, { status: 'unknown', reason: 'recursive base' });
      outcome = this.compute(node);
      this.outcomes.set(node, outcome);
    }
    return outcome;
  }

  private compute(node: ClassDef): MroOutcome {
    const self = userEntity(node);
    const bases: ClassEntity[] = [];
    for (const expr of node.bases) {
      if (expr.nodeType === 'Starred') return { status: 'unknown', reason: 'starred bases' };
      const base = this.classOf(expr, node);
      if (!base) return { status: 'unknown', reason: `base ${describe(expr)} is not a class defined in this file or a builtin class` };
      bases.push(base);
    }
    if (bases.length === 0) bases.push(builtinEntity('object'));

    // best_base(): every base must allow subclassing and their instance layouts must nest.
    let winner: ClassEntity | null = null;
    for (const base of bases) {
      if (base.node === null && !BUILTIN_CLASSES[base.name].subclassable) {
        return { status: 'error', message: `type '${base.name}' is not an acceptable base type`, steps: [] };
      }
      const candidate = this.solidBase(base);
      if (!candidate) return { status: 'unknown', reason: 'base layout unknown' };
      if (winner === null || (!this.isSubtype(winner, candidate) && this.isSubtype(candidate, winner))) {
        winner = candidate;
      } else if (!this.isSubtype(winner, candidate)) {
        return { status: 'error', message: 'multiple bases have instance lay-out conflict', steps: [] };
      }
    }
    this.solidBases.set(self.id, hasSlots(node) ? self : winner!);

    const baseMros: ClassEntity[][] = [];
    for (const base of bases) {
      const mro = this.mroOf(base);
      if (!mro) return { status: 'unknown', reason: `the MRO of ${base.name} is unknown` };
      baseMros.push(mro);
    }
    if (bases.length === 1) {
      const mro = [self, ...baseMros[0]];
      return { status: 'ok', mro, steps: [`L[${self.name}] = ${self.name} + L[${bases[0].name}] = ${names(mro)}`] };
    }
    for (let i = 0; i < bases.length; i++) {
      for (let j = i + 1; j < bases.length; j++) {
        if (bases[i].id === bases[j].id) return { status: 'error', message: `duplicate base class ${bases[i].name}`, steps: [] };
      }
    }
    return merge(self, bases, baseMros);
  }

  private mroOf(entity: ClassEntity): ClassEntity[] | null {
    if (entity.node === null) return BUILTIN_CLASSES[entity.name].mro.map(builtinEntity);
    const outcome = this.of(entity.node);
    return outcome.status === 'ok' ? outcome.mro : null;
  }

  private solidBase(entity: ClassEntity): ClassEntity | null {
    if (entity.node === null) return builtinEntity(BUILTIN_CLASSES[entity.name].solidBase);
    if (this.of(entity.node).status !== 'ok') return null;
    return this.solidBases.get(entity.id) ?? null;
  }

  private isSubtype(sub: ClassEntity, sup: ClassEntity): boolean {
    const mro = this.mroOf(sub);
    return mro !== null && mro.some((entity) => entity.id === sup.id);
  }

  /** The class a base expression names: a class statement bound before this one, or a builtin class. */
  private classOf(expr: AstExpr, user: ClassDef): ClassEntity | null {
    if (expr.nodeType !== 'Name') return null;
    const occurrence = this.names.ofNode(expr);
    if (!occurrence) return null;
    const resolution = occurrence.resolution;
    if (resolution.kind === 'builtin') return BUILTIN_CLASSES[expr.id] ? builtinEntity(expr.id) : null;
    if (resolution.kind === 'undefined') return null;
    const bindings = this.names.bindingsOf(occurrence).filter((b) => b.line < user.lineno || (b.line === user.lineno && b.startByte < user.col_offset));
    const last = bindings[bindings.length - 1];
    if (!last || last.role !== 'class' || last.node.nodeType !== 'ClassDef') return null;
    return userEntity(last.node);
  }
}

/** pmerge(): C3 over the bases' MROs and the bases themselves, recording each choice for the hover. */
function merge(self: ClassEntity, bases: ClassEntity[], baseMros: ClassEntity[][]): MroOutcome {
  const toMerge = [...baseMros, bases];
  const remain = toMerge.map(() => 0);
  const result: ClassEntity[] = [self];
  const steps = [`L[${self.name}] = ${self.name} + merge(${bases.map((b) => `L[${b.name}]`).join(', ')}, [${names(bases)}])`];
  const pending = () => toMerge.map((list, i) => `[${names(list.slice(remain[i]))}]`).join(', ');
  for (;;) {
    let emptyCount = 0;
    let chosen: ClassEntity | null = null;
    const rejected: string[] = [];
    for (let i = 0; i < toMerge.length; i++) {
      if (remain[i] >= toMerge[i].length) {
        emptyCount++;
        continue;
      }
      const candidate = toMerge[i][remain[i]];
      const blocking = toMerge.findIndex((list, j) => list.slice(remain[j] + 1).some((e) => e.id === candidate.id));
      if (blocking >= 0) {
        rejected.push(`${candidate.name} (in the tail of [${names(toMerge[blocking].slice(remain[blocking]))}])`);
        continue;
      }
      chosen = candidate;
      break;
    }
    if (chosen) {
      steps.push(`merge(${pending()}) → take ${chosen.name}${rejected.length ? `, skipping ${rejected.join(', ')}` : ''}`);
      result.push(chosen);
      for (let j = 0; j < toMerge.length; j++) {
        if (remain[j] < toMerge[j].length && toMerge[j][remain[j]].id === chosen.id) remain[j]++;
      }
      continue;
    }
    if (emptyCount === toMerge.length) {
      steps.push(`= ${names(result)}`);
      return { status: 'ok', mro: result, steps };
    }
    // set_mro_error: the heads that remain, each once, in list order.
    const heads: ClassEntity[] = [];
    for (let i = 0; i < toMerge.length; i++) {
      if (remain[i] < toMerge[i].length) {
        const head = toMerge[i][remain[i]];
        if (!heads.some((h) => h.id === head.id)) heads.push(head);
      }
    }
    steps.push(`merge(${pending()}) → no head is free of every tail: ${rejected.join(', ')}`);
    return {
      status: 'error',
      message: `Cannot create a consistent method resolution\norder (MRO) for bases ${heads.map((h) => h.name).join(', ')}`,
      steps,
    };
  }
}

function names(entities: ClassEntity[]): string {
  return entities.map((e) => e.name).join(', ');
}

function userEntity(node: ClassDef): ClassEntity {
  return { id: `${node.lineno}:${node.col_offset}`, name: node.name, node };
}

function builtinEntity(name: string): ClassEntity {
  return { id: `builtin:${name}`, name, node: null };
}

function describe(expr: AstExpr): string {
  return expr.nodeType === 'Name' ? expr.id : `(${expr.nodeType})`;
}

/** A non-empty `__slots__` gives instances a layout of their own (the class becomes a solid base). */
function hasSlots(node: ClassDef): boolean {
  for (const statement of node.body) {
    if (statement.nodeType !== 'Assign' && statement.nodeType !== 'AnnAssign') continue;
    const targets = statement.nodeType === 'Assign' ? statement.targets : [statement.target];
    if (!targets.some((t) => t.nodeType === 'Name' && t.id === '__slots__')) continue;
    const value = statement.value;
    if (!value) continue;
    const empty = (value.nodeType === 'Tuple' || value.nodeType === 'List') && value.elts.length === 0;
    const onlyDictOrWeakref =
      (value.nodeType === 'Tuple' || value.nodeType === 'List') &&
      value.elts.every((e) => e.nodeType === 'Constant' && (e.value === '__dict__' || e.value === '__weakref__'));
    if (!empty && !onlyDictOrWeakref) return true;
  }
  return false;
}

function collectClasses(statements: readonly { nodeType: string }[], out: ClassDef[]): void {
  for (const statement of statements as ClassDef[]) {
    if (statement.nodeType === 'ClassDef') out.push(statement);
    for (const key of ['body', 'orelse', 'finalbody', 'handlers', 'cases'] as const) {
      const nested = (statement as unknown as Record<string, unknown>)[key];
      if (Array.isArray(nested)) collectClasses(nested, out);
    }
  }
}

/** The hint text: `MRO: C → A → object`, or CPython's TypeError on one line. */
export function mroLabel(outcome: MroOutcome): string | null {
  if (outcome.status === 'ok') return `MRO: ${outcome.mro.map((e) => e.name).join(' → ')}`;
  if (outcome.status === 'error') return `TypeError: ${outcome.message.replace(/\n/g, ' ')}`;
  return null;
}
