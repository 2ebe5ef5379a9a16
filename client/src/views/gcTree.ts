// The GC view's tree from a pyxray/gcLog answer: pure (no vscode) so the unit tests check the
// labels on fixture data. Counts read as CPython's: gen 0's count is allocations minus
// deallocations of tracked objects since its last collection; gen 1's and gen 2's count the
// collections of the generation below; a collection of generation g runs when count > threshold.

import type { GcEvent, GcLogResponse } from '../../../debug-adapter/src/protocol';

export interface GcNode {
  id: string;
  label: string;
  description?: string;
  tooltip?: string;
  /** A codicon name. */
  icon?: string;
  /** A theme colour id for the icon. */
  iconColor?: string;
  expanded?: boolean;
  children?: GcNode[];
}

/** How many of the latest collections the view lists. */
export const EVENTS_SHOWN = 20;

/** A bar of `width` cells, filled for count/threshold (over-full shows full). */
export function meter(count: number, threshold: number, width = 10): string {
  const filled = threshold <= 0 ? width : Math.min(width, Math.round((count / threshold) * width));
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

function eventLabel(event: GcEvent): string {
  const why = event.reason === 'gc.collect' ? 'gc.collect()' : event.reason;
  return `#${event.index} gen ${event.generation} · ${why}`;
}

function eventDescription(event: GcEvent): string {
  const examined = event.examined !== undefined ? `examined ${event.examined} · ` : '';
  return `${examined}collected ${event.collected} · uncollectable ${event.uncollectable} · at instruction ${event.instruction}`;
}

export function gcTree(log: GcLogResponse): GcNode[] {
  const { state, events } = log;
  const nodes: GcNode[] = state.generations.map((generation) => {
    const due = generation.count > generation.threshold;
    return {
      id: `gen${generation.generation}`,
      label: `Generation ${generation.generation}: ${generation.count} / ${generation.threshold}`,
      description: `${meter(generation.count, generation.threshold)} ${generation.objects} objects`,
      tooltip: `${generation.generation === 0 ? 'Allocations minus deallocations of tracked objects' : `Collections of generation ${generation.generation - 1}`} since this generation was last collected: `
        + `${generation.count}; a collection runs when it exceeds the threshold ${generation.threshold}.\n`
        + `Tracked objects: ${generation.objects}. Collections so far: ${generation.collections}, collected ${generation.collected}, uncollectable ${generation.uncollectable}.`,
      icon: due ? 'warning' : 'layers',
      iconColor: due ? 'charts.orange' : undefined,
      children: [
        { id: `gen${generation.generation}.collections`, label: `collections: ${generation.collections}`, description: `collected ${generation.collected} · uncollectable ${generation.uncollectable}` },
      ],
    };
  });
  if (state.permanent !== undefined && state.permanent > 0) {
    nodes.push({ id: 'permanent', label: `Permanent generation: ${state.permanent}`, description: 'gc.freeze()', icon: 'lock' });
  }
  nodes.push({
    id: 'garbage',
    label: `gc.garbage: ${state.garbage.length}`,
    icon: 'trash',
    tooltip: 'Objects the collector found unreachable but could not free (and DEBUG_SAVEALL\'s).',
    children: state.garbage.map((object) => ({
      id: `garbage.${object.address}`,
      label: object.repr,
      description: `${object.type} at ${object.address}${object.refcount !== null ? ` · refcount ${object.refcount}` : ''}`,
      icon: 'symbol-class',
    })),
  });
  const latest = events.slice(-EVENTS_SHOWN).reverse();
  nodes.push({
    id: 'events',
    label: events.length === 0 ? 'No collection yet' : `Last collections (${events.length} in all)`,
    icon: 'history',
    expanded: true,
    children: latest.map((event) => ({
      id: `event.${event.index}`,
      label: eventLabel(event),
      description: eventDescription(event),
      icon: event.collected > 0 ? 'pass-filled' : 'circle-outline',
      children: event.freed && event.freed.length > 0
        ? event.freed.slice(0, 50).map((address) => ({ id: `event.${event.index}.${address}`, label: `freed ${address}` }))
        : undefined,
    })),
  });
  return nodes;
}

/** The status bar's short GC text: each generation's count, e.g. "GC 123 · 2 · 0". */
export function gcCountsText(log: GcLogResponse): string {
  return `GC ${log.state.generations.map((generation) => generation.count).join(' · ')}`;
}
