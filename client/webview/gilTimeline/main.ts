// The GIL timeline webview: threads as rows, a bar wherever a thread held the GIL over virtual
// time, a tick at each hand-over coloured by its reason, and below it the same facts as an
// HTML table (the accessible reading of the picture). Drawn as SVG: a few thousand shapes at
// most (layout.ts keeps the last MAX_SPANS spans).

import type { GilTimelineResponse } from '../../../debug-adapter/src/protocol';
import type { GilTimelineToHost, HostToGilTimeline } from '../messages';
import { ThemeColors, css } from '../colors';
import { axisTicks, formatSeconds, LABEL_WIDTH, reasonText, ROW_HEIGHT, AXIS_HEIGHT, timelineLayout } from './layout';

declare function acquireVsCodeApi(): { postMessage(message: GilTimelineToHost): void };

const vscode = acquireVsCodeApi();
const SVG = 'http://www.w3.org/2000/svg';
const summary = document.getElementById('summary') as HTMLDivElement;
const chart = document.getElementById('chart') as HTMLDivElement;
const handovers = document.getElementById('handovers') as HTMLTableSectionElement;
const handoverTable = document.getElementById('handover-table') as HTMLTableElement;
const colors = new ThemeColors();
let timeline: GilTimelineResponse | undefined;

const HANDOVERS_LISTED = 50;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

function reasonColor(reason: string): string {
  switch (reason) {
    case 'interval': return css(colors.palette[1]);
    case 'blocking': return css(colors.palette[0]);
    case 'finished': return css(colors.muted);
    default: return css(colors.palette[2]);
  }
}

function render(): void {
  if (!timeline) return;
  const t = timeline;
  const holder = t.threads.find((thread) => thread.id === t.holder);
  summary.textContent = `Now ${formatSeconds(t.now)} (virtual) · GIL held by ${holder ? holder.name : 'nobody'}`
    + `${t.waiters.length > 0 ? ` · waiting: ${t.waiters.map((id) => t.threads.find((thread) => thread.id === id)?.name ?? id).join(', ')}` : ''}`
    + ` · ${t.switches} switch${t.switches === 1 ? '' : 'es'} · switch interval ${formatSeconds(t.switchInterval)}${t.dropRequest ? ' · drop request set' : ''}`;
  const width = Math.max(320, chart.clientWidth);
  const layout = timelineLayout(t, width);
  const root = svg('svg', { width, height: layout.height, role: 'img', 'aria-label': `GIL timeline: ${summary.textContent}` });
  root.append(svg('title', {}, 'Who held the GIL over virtual time'));
  for (const tick of axisTicks(layout.start, layout.end)) {
    const x = layout.scale(tick);
    // The last label ends at its tick, so it is not cut at the right edge.
    const anchor = x > width - 40 ? 'end' : 'middle';
    root.append(svg('line', { x1: x, x2: x, y1: AXIS_HEIGHT - 4, y2: layout.height - 8, stroke: css(colors.muted, 0.25) }));
    root.append(svg('text', { x, y: 12, 'text-anchor': anchor, fill: css(colors.muted), 'font-size': 10 }, formatSeconds(tick)));
  }
  for (const row of layout.rows) {
    const isHolder = row.threadId === t.holder;
    const label = svg('text', { x: 4, y: row.y + ROW_HEIGHT / 2 + 4, fill: css(isHolder ? colors.foreground : colors.muted), 'font-size': 12, 'font-weight': isHolder ? 'bold' : 'normal' }, row.name);
    label.append(svg('title', {}, `${row.name}: ${row.state}${row.detail ? ` (${row.detail})` : ''}`));
    root.append(label);
    root.append(svg('line', { x1: LABEL_WIDTH, x2: width - 8, y1: row.y + ROW_HEIGHT - 1, y2: row.y + ROW_HEIGHT - 1, stroke: css(colors.muted, 0.2) }));
  }
  for (const bar of layout.bars) {
    const rect = svg('rect', {
      x: bar.x, y: layout.rows[bar.row].y + 4, width: bar.width, height: ROW_HEIGHT - 9, rx: 2,
      fill: css(colors.palette[(bar.row + 2) % colors.palette.length], bar.open ? 1 : 0.8),
      class: bar.open ? 'open-span' : 'span',
    });
    rect.append(svg('title', {}, `${layout.rows[bar.row].name} held the GIL from ${formatSeconds(bar.start)} to ${bar.open ? 'now' : formatSeconds(bar.end)}`));
    root.append(rect);
  }
  for (const tick of layout.ticks) {
    const mark = svg('line', { x1: tick.x, x2: tick.x, y1: AXIS_HEIGHT - 2, y2: layout.height - 8, stroke: reasonColor(tick.reason), 'stroke-width': 1, 'stroke-dasharray': '2 2' });
    root.append(mark);
  }
  chart.replaceChildren(root);

  const names = new Map(t.threads.map((thread) => [thread.id, thread.name]));
  const rows = t.handovers.slice(-HANDOVERS_LISTED).reverse().map((handover) => {
    const tr = document.createElement('tr');
    const cells = [formatSeconds(handover.time), handover.from === null ? '—' : names.get(handover.from) ?? String(handover.from), names.get(handover.to) ?? String(handover.to), reasonText(handover.reason)];
    cells.forEach((text, index) => {
      const td = document.createElement('td');
      if (index === 3) {
        const dot = document.createElement('span');
        dot.className = 'swatch';
        dot.style.background = reasonColor(handover.reason);
        dot.setAttribute('aria-hidden', 'true');
        td.append(dot);
      }
      td.append(document.createTextNode(text));
      tr.append(td);
    });
    return tr;
  });
  handovers.replaceChildren(...rows);
  handoverTable.hidden = rows.length === 0;
}

window.addEventListener('message', (event: MessageEvent<HostToGilTimeline>) => {
  const message = event.data;
  if (message.kind === 'timeline') {
    timeline = message.timeline;
    document.body.dataset.state = 'timeline';
    render();
  } else {
    timeline = undefined;
    document.body.dataset.state = 'unavailable';
    summary.textContent = message.text;
    chart.replaceChildren();
    handovers.replaceChildren();
    handoverTable.hidden = true;
  }
});

new ResizeObserver(() => render()).observe(chart);
new MutationObserver(() => {
  colors.refresh();
  render();
}).observe(document.body, { attributes: true, attributeFilter: ['class'] });
vscode.postMessage({ kind: 'ready' });
