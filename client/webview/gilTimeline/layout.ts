// Geometry of the GIL timeline, without the DOM (unit-tested in test/unit/client): one row per
// thread, virtual time running left to right from the first event to "now", a bar wherever the
// thread held the GIL, and a tick for each hand-over. Very long runs keep their last
// MAX_SPANS spans, so drawing stays cheap however many switches the program made.

import type { GilTimelineResponse } from '../../../debug-adapter/src/protocol';

export const LABEL_WIDTH = 150;
export const ROW_HEIGHT = 24;
export const AXIS_HEIGHT = 22;
export const MAX_SPANS = 2000;

export interface TimelineBar {
  threadId: number;
  row: number;
  x: number;
  width: number;
  start: number;
  end: number;
  /** Still holding the GIL now. */
  open: boolean;
}

export interface TimelineTick {
  x: number;
  reason: string;
  from: number | null;
  to: number;
  time: number;
}

export interface TimelineLayout {
  rows: { threadId: number; name: string; state: string; detail?: string; y: number }[];
  bars: TimelineBar[];
  ticks: TimelineTick[];
  start: number;
  end: number;
  width: number;
  height: number;
  /** Time → x. */
  scale: (time: number) => number;
}

export function timelineLayout(timeline: GilTimelineResponse, width: number): TimelineLayout {
  const spans = timeline.spans.slice(-MAX_SPANS);
  const start = spans.length > 0 ? Math.min(spans[0].start, timeline.handovers[0]?.time ?? spans[0].start) : 0;
  const end = Math.max(timeline.now, start + 1e-9);
  const plot = Math.max(40, width - LABEL_WIDTH - 8);
  const scale = (time: number) => LABEL_WIDTH + ((time - start) / (end - start)) * plot;
  const rowOf = new Map<number, number>();
  const rows = timeline.threads.map((thread, index) => {
    rowOf.set(thread.id, index);
    return { threadId: thread.id, name: thread.name, state: thread.state, detail: thread.detail, y: AXIS_HEIGHT + index * ROW_HEIGHT };
  });
  const bars: TimelineBar[] = [];
  for (const span of spans) {
    const row = rowOf.get(span.threadId);
    if (row === undefined) continue;
    const spanEnd = span.end ?? timeline.now;
    const x = scale(span.start);
    // Every span stays visible: at least one pixel wide.
    bars.push({ threadId: span.threadId, row, x, width: Math.max(1, scale(spanEnd) - x), start: span.start, end: spanEnd, open: span.end === null });
  }
  const ticks = timeline.handovers.filter((handover) => handover.time >= start).slice(-MAX_SPANS)
    .map((handover) => ({ x: scale(handover.time), reason: handover.reason, from: handover.from, to: handover.to, time: handover.time }));
  return { rows, bars, ticks, start, end, width, height: AXIS_HEIGHT + rows.length * ROW_HEIGHT + 8, scale };
}

/** Round numbers of seconds for the axis: about `count` ticks between start and end. */
export function axisTicks(start: number, end: number, count = 5): number[] {
  const span = end - start;
  if (!(span > 0)) return [start];
  const raw = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((candidate) => candidate >= raw) ?? 10 * magnitude;
  const out: number[] = [];
  for (let t = Math.ceil(start / step) * step; t <= end + step * 1e-9; t += step) out.push(Number(t.toPrecision(12)));
  return out;
}

/** "12.5 ms", "1.25 s": virtual seconds as a person reads them. */
export function formatSeconds(seconds: number): string {
  if (seconds === 0) return '0';
  if (Math.abs(seconds) < 1e-3) return `${Number((seconds * 1e6).toPrecision(3))} µs`;
  if (Math.abs(seconds) < 1) return `${Number((seconds * 1e3).toPrecision(3))} ms`;
  return `${Number(seconds.toPrecision(4))} s`;
}

/** Why the GIL changed hands, in words. */
export function reasonText(reason: string): string {
  switch (reason) {
    case 'interval': return 'switch interval expired (drop request)';
    case 'blocking': return 'released by a blocking call';
    case 'finished': return 'the holder finished';
    case 'start': return 'first acquisition';
    default: return reason;
  }
}
