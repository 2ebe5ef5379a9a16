// The memory map webview: draws the stopped program's pymalloc heap (arenas → pools → blocks)
// on a canvas, with a legend, a details pane for the selected block and keyboard navigation.
// It owns drawing and interaction only; the host (client/src/views/memoryMapView.ts) asks the
// adapter and sends the compact heap (client/webview/messages.ts).
//
// Accessibility: the canvas is one focusable widget (role "application", described by the
// summary line); arrow keys move between pools (heap level) or blocks (pool level), Enter zooms
// into a pool or selects a block, Escape zooms out, +/- change the tile size; every move is
// announced through a polite live region, and the details pane is plain HTML.

import {
  BLOCK_FREE, MARK_FREED, MARK_NEW,
  type CompactHeap, type CompactPool, type HostToMemoryMap, type MemoryMapToHost, type SelectedObject,
} from '../messages';
import { BUFFER_TYPE, css, ThemeColors, type Rgba } from '../colors';
import {
  ARENA_HEADER_HEIGHT, TILE_SIZES, blockCellInPool, blockCellInTile, blockCount, flatPoolIndex, heapLayout, hitHeap, hitPool,
  moveInGrid, poolAtFlatIndex, poolCount, poolFill, poolLayout, typeCounts, visibleTiles, type Arrow, type HeapLayout, type Zoom,
} from './layout';

declare function acquireVsCodeApi(): { postMessage(message: MemoryMapToHost): void; getState(): unknown; setState(state: unknown): void };

const vscode = acquireVsCodeApi();
const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const summary = element<HTMLDivElement>('summary');
const scroller = element<HTMLDivElement>('scroller');
const spacer = element<HTMLDivElement>('spacer');
const canvas = element<HTMLCanvasElement>('map');
const legend = element<HTMLUListElement>('legend');
const details = element<HTMLElement>('details');
const announcer = element<HTMLDivElement>('announcer');
const zoomInButton = element<HTMLButtonElement>('zoom-in');
const zoomOutButton = element<HTMLButtonElement>('zoom-out');
const wholeHeapButton = element<HTMLButtonElement>('whole-heap');
const openInPanelButton = document.getElementById('open-in-panel') as HTMLButtonElement | null;

const colors = new ThemeColors();
const context = canvas.getContext('2d')!;

interface SavedState {
  zoom: Zoom;
}

let heap: CompactHeap | undefined;
let zoom: Zoom = (vscode.getState() as SavedState | undefined)?.zoom ?? { level: 'heap', tileSize: TILE_SIZES[1] };
/** The focused pool (heap level, flat index) and block (pool level). */
let focusedPool = 0;
let focusedBlock = 0;
let selected: SelectedObject | undefined;
let layout: HeapLayout | undefined;
let drawQueued = false;

function post(message: MemoryMapToHost): void {
  vscode.postMessage(message);
}

function saveState(): void {
  vscode.setState({ zoom } satisfies SavedState);
}

// ------------------------------------------------------------------ messages from the host

window.addEventListener('message', (event: MessageEvent<HostToMemoryMap>) => {
  const message = event.data;
  switch (message.kind) {
    case 'heap':
      heap = message.heap;
      document.body.dataset.state = 'heap';
      selected = undefined;
      // A zoomed pool that no longer exists (its arena was freed) falls back to the whole heap.
      if (zoom.level === 'pool' && !heap.arenas[zoom.arena]?.pools[zoom.pool]) zoom = { level: 'heap', tileSize: TILE_SIZES[1] };
      focusedPool = Math.min(focusedPool, Math.max(0, poolCount(heap) - 1));
      renderSummary();
      renderLegend();
      renderDetails();
      scheduleDraw();
      break;
    case 'unavailable':
      heap = undefined;
      document.body.dataset.state = 'unavailable';
      summary.textContent = message.text;
      legend.replaceChildren();
      details.replaceChildren();
      scheduleDraw();
      break;
    case 'running':
      document.body.dataset.state = 'running';
      summary.textContent = 'Running… the map is drawn when the program stops.';
      break;
    case 'object':
      selected = message.selected;
      renderDetails();
      scheduleDraw();
      break;
  }
});

// ------------------------------------------------------------------ summary, legend, details

function renderSummary(): void {
  if (!heap) return;
  const t = heap.totals;
  const where = zoom.level === 'pool' ? ` · pool ${heap.arenas[zoom.arena].pools[zoom.pool].address} (arena ${heap.arenas[zoom.arena].index})` : '';
  summary.textContent = `${t.arenas} arena${t.arenas === 1 ? '' : 's'}, ${t.pools} pools, ${t.blocksUsed} blocks used, ${t.blocksFree} free, `
    + `${t.bytesInUse.toLocaleString('en-US')} bytes in use · +${heap.allocatedSinceLastStop} / −${heap.freedSinceLastStop} since the last stop`
    + ` · instruction ${heap.instruction}${where}`;
  canvas.setAttribute('aria-label', `Memory map. ${summary.textContent}. Arrow keys move, Enter opens, Escape goes back, plus and minus zoom.`);
  zoomOutButton.disabled = zoom.level === 'heap' && zoom.tileSize === TILE_SIZES[0];
  zoomInButton.disabled = zoom.level === 'pool';
  wholeHeapButton.disabled = zoom.level === 'heap';
}

function swatch(color: string, extraClass = ''): HTMLSpanElement {
  const span = document.createElement('span');
  span.className = `swatch ${extraClass}`.trim();
  span.style.background = color;
  span.setAttribute('aria-hidden', 'true');
  return span;
}

function legendItem(color: string, label: string, extraClass = ''): HTMLLIElement {
  const item = document.createElement('li');
  item.append(swatch(color, extraClass), document.createTextNode(label));
  return item;
}

function renderLegend(): void {
  if (!heap) return;
  const counts = typeCounts(heap);
  const order = heap.types.map((type, index) => ({ type, count: counts[index] })).filter((entry) => entry.count > 0).sort((a, b) => b.count - a.count);
  const items = order.map(({ type, count }) => legendItem(css(colors.typeColor(type)), `${type === BUFFER_TYPE ? 'buffer (not an object)' : type} ${count}`));
  items.push(
    legendItem(css(colors.freeBlock), 'free block'),
    legendItem('transparent', `new since the last stop (${heap.allocatedSinceLastStop})`, 'marked-new'),
    legendItem('transparent', `freed since the last stop (${heap.freedSinceLastStop})`, 'marked-freed'),
  );
  if (heap.largeObjects.length > 0) {
    const bytes = heap.largeObjects.reduce((sum, object) => sum + object.size, 0);
    items.push(legendItem('transparent', `${heap.largeObjects.length} objects over 512 bytes from malloc (${bytes.toLocaleString('en-US')} bytes)`, 'large'));
  }
  legend.replaceChildren(...items);
}

function row(list: HTMLDListElement, term: string, value: string | Node): void {
  const dt = document.createElement('dt');
  dt.textContent = term;
  const dd = document.createElement('dd');
  dd.append(value);
  list.append(dt, dd);
}

function renderDetails(): void {
  if (!selected) {
    const hint = document.createElement('p');
    hint.className = 'hint';
    hint.textContent = zoom.level === 'heap' ? 'Click a pool (or move with the arrow keys and press Enter) to zoom in; then select a block to see its object.' : 'Select a block to see its object.';
    details.replaceChildren(hint);
    return;
  }
  const heading = document.createElement('h2');
  const icon = document.createElement('span');
  icon.className = `codicon ${selected.state === 'used' ? 'codicon-symbol-class' : 'codicon-circle-slash'}`;
  icon.setAttribute('aria-hidden', 'true');
  heading.append(icon, document.createTextNode(` ${selected.object?.type ?? (selected.state === 'used' ? 'buffer' : 'free block')} at ${selected.address}`));
  const list = document.createElement('dl');
  const object = selected.object;
  if (object) {
    const repr = document.createElement('code');
    repr.textContent = object.repr;
    row(list, 'repr', repr);
    row(list, 'refcount', object.refcount === null ? 'static (never freed)' : String(object.refcount));
    row(list, 'size', `${object.size} bytes`);
    row(list, 'size class', object.sizeClass === null ? 'none (malloc)' : `${object.sizeClass} (${(object.sizeClass + 1) * 16}-byte blocks)`);
    if (object.gcGeneration !== undefined) row(list, 'GC', typeof object.gcGeneration === 'number' ? `generation ${object.gcGeneration}` : object.gcGeneration);
  } else {
    row(list, 'state', selected.state === 'used' ? 'used by a buffer (not an object)' : 'free: on the pool\'s free list');
  }
  if (selected.isNew) row(list, 'since the last stop', 'allocated');
  if (selected.wasFreed) row(list, 'since the last stop', 'freed');
  if (selected.heldBy && selected.heldBy.length > 0) {
    const held = document.createElement('ul');
    for (const label of selected.heldBy) {
      const item = document.createElement('li');
      item.textContent = label;
      held.append(item);
    }
    row(list, 'held by', held);
  }
  const children: Node[] = [heading, list];
  if (selected.watchName) {
    const button = document.createElement('button');
    button.className = 'action';
    const eye = document.createElement('span');
    eye.className = 'codicon codicon-eye';
    eye.setAttribute('aria-hidden', 'true');
    button.append(eye, document.createTextNode(` Show ${selected.watchName} in Watch`));
    const name = selected.watchName;
    button.addEventListener('click', () => post({ kind: 'watch', name }));
    children.push(button);
  }
  details.replaceChildren(...children);
}

// ------------------------------------------------------------------ drawing

function scheduleDraw(): void {
  if (drawQueued) return;
  drawQueued = true;
  requestAnimationFrame(() => {
    drawQueued = false;
    draw();
  });
}

function sizeCanvas(height: number): { width: number; height: number } {
  const width = scroller.clientWidth;
  const viewHeight = scroller.clientHeight;
  spacer.style.height = `${height}px`;
  const ratio = window.devicePixelRatio || 1;
  if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(viewHeight * ratio)) {
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(viewHeight * ratio);
    canvas.style.width = `${width}px`;
    canvas.style.height = `${viewHeight}px`;
  }
  // The canvas covers the visible band only; it moves with the scroll position.
  canvas.style.top = `${scroller.scrollTop}px`;
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  return { width, height: viewHeight };
}

function blockColor(pool: CompactPool, index: number): Rgba {
  const block = pool.blocks[index];
  if (block === BLOCK_FREE || block === undefined) return colors.freeBlock;
  return colors.typeColor(heap!.types[block - 1]);
}

function draw(): void {
  if (!heap) {
    sizeCanvas(0);
    context.clearRect(0, 0, canvas.width, canvas.height);
    return;
  }
  if (zoom.level === 'heap') drawHeap(zoom.tileSize);
  else drawPool(zoom.arena, zoom.pool);
}

function drawHeap(tileSize: number): void {
  const width = scroller.clientWidth;
  layout = heapLayout(heap!, width, tileSize);
  const view = sizeCanvas(layout.height);
  const top = scroller.scrollTop;
  context.clearRect(0, 0, view.width, view.height);
  context.font = '11px var(--vscode-font-family, sans-serif)';
  context.textBaseline = 'middle';
  for (const header of layout.headers) {
    const y = header.y - top;
    if (y + ARENA_HEADER_HEIGHT < 0 || y > view.height) continue;
    const arena = heap!.arenas[header.arena];
    context.fillStyle = css(colors.muted);
    context.fillText(`arena ${arena.index} at ${arena.address} · ${arena.pools.length} pools carved, ${arena.freePools} free`, 4, y + ARENA_HEADER_HEIGHT / 2);
  }
  const focused = poolAtFlatIndex(heap!, focusedPool);
  for (const tile of visibleTiles(layout, top, top + view.height)) {
    const pool = heap!.arenas[tile.arena].pools[tile.pool];
    const y = tile.y - top;
    // The tile: tinted by the size class, its left edge a bar as tall as the pool is full.
    const tint = colors.sizeClassColor(pool.sizeClass);
    context.fillStyle = css(tint, 0.16);
    context.fillRect(tile.x, y, tile.size, tile.size);
    context.fillStyle = css(tint);
    const fill = Math.round(poolFill(pool) * tile.size);
    context.fillRect(tile.x, y + tile.size - fill, 2, fill);
    drawBlocksInTile(pool, tile, y - tile.y);
    context.strokeStyle = css(tint, 0.7);
    context.lineWidth = 1;
    context.strokeRect(tile.x + 0.5, y + 0.5, tile.size - 1, tile.size - 1);
    if (focused && focused.arena === tile.arena && focused.pool === tile.pool && document.activeElement === canvas) {
      context.strokeStyle = css(colors.focus);
      context.lineWidth = 2;
      context.strokeRect(tile.x - 1, y - 1, tile.size + 2, tile.size + 2);
    }
  }
}

function drawBlocksInTile(pool: CompactPool, tile: ReturnType<typeof visibleTiles>[number], offsetY: number): void {
  const count = blockCount(pool);
  if (pool.blocks.length === 0) return;
  // Cells too small for an outline show a change by their colour: new green, freed red.
  const small = tile.cell < 3;
  const shade = (index: number): Rgba => {
    const mark = small ? pool.marks[index] ?? 0 : 0;
    return mark & MARK_NEW ? colors.added : mark & MARK_FREED ? colors.removed : blockColor(pool, index);
  };
  const same = (a: number, b: number) => pool.blocks[a] === pool.blocks[b] && (!small || (pool.marks[a] ?? 0) === (pool.marks[b] ?? 0));
  // Runs of one colour in a row are filled at once: most of a pool is one type or free.
  for (let index = 0; index < count;) {
    const color = shade(index);
    const rowEnd = Math.min(count, (Math.floor(index / tile.columns) + 1) * tile.columns);
    let end = index + 1;
    while (end < rowEnd && same(end, index)) end++;
    const cell = blockCellInTile(tile, index);
    context.fillStyle = css(color);
    const gap = tile.cell >= 4 ? 1 : 0;
    context.fillRect(cell.x, cell.y + offsetY, (end - index) * tile.cell - gap, tile.cell - gap);

    index = end;
  }
  if (small) return;
  for (let index = 0; index < count; index++) {
    const mark = pool.marks[index];
    if (!mark) continue;
    const cell = blockCellInTile(tile, index);
    context.strokeStyle = css(mark & MARK_NEW ? colors.added : colors.removed);
    context.lineWidth = 1.5;
    context.strokeRect(cell.x + 0.75, cell.y + offsetY + 0.75, Math.max(1, tile.cell - 2.5), Math.max(1, tile.cell - 2.5));
  }
}

function drawPool(arenaIndex: number, poolIndex: number): void {
  const pool = heap!.arenas[arenaIndex].pools[poolIndex];
  const width = scroller.clientWidth;
  const geometry = poolLayout(pool, width);
  const view = sizeCanvas(geometry.height);
  const top = scroller.scrollTop;
  context.clearRect(0, 0, view.width, view.height);
  context.font = '12px var(--vscode-font-family, sans-serif)';
  context.textBaseline = 'middle';
  const tint = colors.sizeClassColor(pool.sizeClass);
  context.fillStyle = css(tint);
  context.fillRect(4, 6 - top, 12, 12);
  context.fillStyle = css(colors.foreground);
  context.fillText(`pool ${pool.address} · size class ${pool.sizeClass} (${pool.blockSize}-byte blocks) · ${pool.used} used, ${pool.free} free (${Math.round(poolFill(pool) * 100)}%)`, 22, 12 - top);
  const count = blockCount(pool);
  const selectedIndex = selected && selected.position.arena === arenaIndex && selected.position.pool === poolIndex ? selected.position.block : -1;
  for (let index = 0; index < count; index++) {
    const cell = blockCellInPool(geometry, index);
    const y = cell.y - top;
    if (y + cell.size < 0 || y > view.height) continue;
    const color = blockColor(pool, index);
    context.fillStyle = css(color);
    context.fillRect(cell.x + 1, y + 1, cell.size - 2, cell.size - 2);
    const mark = pool.marks[index] ?? 0;
    if (mark & MARK_NEW) {
      // A new block: a bright frame and a corner tab in the "added" colour.
      context.strokeStyle = css(colors.added);
      context.lineWidth = 3;
      context.strokeRect(cell.x + 2.5, y + 2.5, cell.size - 5, cell.size - 5);
      context.fillStyle = css(colors.added);
      context.beginPath();
      context.moveTo(cell.x + cell.size - 9, y + 1);
      context.lineTo(cell.x + cell.size - 1, y + 1);
      context.lineTo(cell.x + cell.size - 1, y + 9);
      context.fill();
    }
    if (mark & MARK_FREED) {
      // A cross through a block freed since the last stop.
      context.strokeStyle = css(colors.removed);
      context.lineWidth = 2;
      context.beginPath();
      context.moveTo(cell.x + 4, y + 4);
      context.lineTo(cell.x + cell.size - 4, y + cell.size - 4);
      context.moveTo(cell.x + cell.size - 4, y + 4);
      context.lineTo(cell.x + 4, y + cell.size - 4);
      context.stroke();
    }
    if (index === selectedIndex) {
      context.strokeStyle = css(colors.foreground);
      context.lineWidth = 2;
      context.strokeRect(cell.x, y, cell.size, cell.size);
    }
    if (index === focusedBlock && document.activeElement === canvas) {
      context.strokeStyle = css(colors.focus);
      context.lineWidth = 2;
      context.setLineDash([3, 2]);
      context.strokeRect(cell.x - 1, y - 1, cell.size + 2, cell.size + 2);
      context.setLineDash([]);
    }
  }
}

// ------------------------------------------------------------------ interaction

function describePool(arenaIndex: number, poolIndex: number): string {
  const pool = heap!.arenas[arenaIndex].pools[poolIndex];
  const marks = pool.marks.reduce((sum, mark) => sum + (mark & MARK_NEW ? 1 : 0), 0);
  return `Pool ${pool.address} in arena ${heap!.arenas[arenaIndex].index}: size class ${pool.sizeClass}, ${pool.blockSize}-byte blocks, `
    + `${pool.used} used of ${blockCount(pool)} (${Math.round(poolFill(pool) * 100)}%)${marks ? `, ${marks} new since the last stop` : ''}.`;
}

function describeBlock(pool: CompactPool, index: number): string {
  const block = pool.blocks[index];
  const mark = pool.marks[index] ?? 0;
  const what = block === undefined ? 'unknown' : block === BLOCK_FREE ? 'free' : heap!.types[block - 1];
  const extra = `${mark & MARK_NEW ? ', new since the last stop' : ''}${mark & MARK_FREED ? ', freed since the last stop' : ''}`;
  return `Block ${index + 1} of ${blockCount(pool)}: ${what}${extra}.`;
}

function announce(text: string): void {
  announcer.textContent = text;
}

function zoomToPool(arena: number, pool: number, block = 0): void {
  zoom = { level: 'pool', arena, pool };
  focusedPool = flatPoolIndex(heap!, arena, pool);
  focusedBlock = block;
  scroller.scrollTop = 0;
  saveState();
  renderSummary();
  renderDetails();
  announce(`${describePool(arena, pool)} ${describeBlock(heap!.arenas[arena].pools[pool], block)}`);
  scheduleDraw();
}

function zoomToHeap(tileSize: number = TILE_SIZES[1]): void {
  zoom = { level: 'heap', tileSize };
  saveState();
  renderSummary();
  renderDetails();
  scheduleDraw();
  // Keep the focused pool in view.
  requestAnimationFrame(() => {
    const place = poolAtFlatIndex(heap!, focusedPool);
    const tile = layout?.tiles.find((t) => place && t.arena === place.arena && t.pool === place.pool);
    if (tile && (tile.y < scroller.scrollTop || tile.y + tile.size > scroller.scrollTop + scroller.clientHeight)) scroller.scrollTop = Math.max(0, tile.y - 40);
  });
}

function zoomBy(direction: 1 | -1): void {
  if (!heap) return;
  if (zoom.level === 'pool') {
    if (direction < 0) zoomToHeap(TILE_SIZES[TILE_SIZES.length - 1]);
    return;
  }
  const index = TILE_SIZES.indexOf(zoom.tileSize as (typeof TILE_SIZES)[number]);
  if (direction > 0 && index === TILE_SIZES.length - 1) {
    const place = poolAtFlatIndex(heap, focusedPool);
    if (place) zoomToPool(place.arena, place.pool);
    return;
  }
  const next = TILE_SIZES[Math.min(TILE_SIZES.length - 1, Math.max(0, index + direction))];
  zoomToHeap(next);
}

function selectBlock(arena: number, pool: number, block: number): void {
  focusedBlock = block;
  post({ kind: 'select', position: { arena, pool, block } });
  announce(`${describeBlock(heap!.arenas[arena].pools[pool], block)} Loading its object…`);
  scheduleDraw();
}

canvas.addEventListener('click', (event) => {
  if (!heap) return;
  canvas.focus();
  const bounds = canvas.getBoundingClientRect();
  const x = event.clientX - bounds.left;
  const y = event.clientY - bounds.top + scroller.scrollTop;
  if (zoom.level === 'heap') {
    const hit = hitHeap(heap, layout ?? heapLayout(heap, scroller.clientWidth, zoom.tileSize), x, y);
    if (!hit) return;
    zoomToPool(hit.arena, hit.pool, hit.block ?? 0);
    if (hit.block !== undefined) selectBlock(hit.arena, hit.pool, hit.block);
  } else {
    const pool = heap.arenas[zoom.arena].pools[zoom.pool];
    const index = hitPool(pool, poolLayout(pool, scroller.clientWidth), x, y);
    if (index !== undefined) selectBlock(zoom.arena, zoom.pool, index);
  }
});

const ARROWS: Record<string, Arrow> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down', Home: 'home', End: 'end' };

canvas.addEventListener('keydown', (event) => {
  if (!heap) return;
  const arrow = ARROWS[event.key];
  if (arrow) {
    event.preventDefault();
    if (zoom.level === 'heap') {
      focusedPool = moveInGrid(focusedPool, poolCount(heap), layout?.tilesPerRow ?? 1, arrow);
      const place = poolAtFlatIndex(heap, focusedPool);
      if (place) {
        announce(describePool(place.arena, place.pool));
        const tile = layout?.tiles.find((t) => t.arena === place.arena && t.pool === place.pool);
        if (tile && tile.y < scroller.scrollTop) scroller.scrollTop = tile.y - ARENA_HEADER_HEIGHT;
        else if (tile && tile.y + tile.size > scroller.scrollTop + scroller.clientHeight) scroller.scrollTop = tile.y + tile.size - scroller.clientHeight + 4;
      }
    } else {
      const pool = heap.arenas[zoom.arena].pools[zoom.pool];
      const geometry = poolLayout(pool, scroller.clientWidth);
      focusedBlock = moveInGrid(focusedBlock, blockCount(pool), geometry.columns, arrow);
      announce(describeBlock(pool, focusedBlock));
      const cell = blockCellInPool(geometry, focusedBlock);
      if (cell.y < scroller.scrollTop + geometry.top) scroller.scrollTop = Math.max(0, cell.y - geometry.top);
      else if (cell.y + cell.size > scroller.scrollTop + scroller.clientHeight) scroller.scrollTop = cell.y + cell.size - scroller.clientHeight + 4;
    }
    scheduleDraw();
    return;
  }
  switch (event.key) {
    case 'Enter':
    case ' ': {
      event.preventDefault();
      if (zoom.level === 'heap') {
        const place = poolAtFlatIndex(heap, focusedPool);
        if (place) zoomToPool(place.arena, place.pool);
      } else {
        selectBlock(zoom.arena, zoom.pool, focusedBlock);
      }
      break;
    }
    case 'Escape':
    case 'Backspace':
      if (zoom.level === 'pool') {
        event.preventDefault();
        zoomToHeap(TILE_SIZES[TILE_SIZES.length - 1]);
        announce('Whole heap.');
      }
      break;
    case '+':
    case '=':
      event.preventDefault();
      zoomBy(1);
      break;
    case '-':
      event.preventDefault();
      zoomBy(-1);
      break;
  }
});

canvas.addEventListener('focus', scheduleDraw);
canvas.addEventListener('blur', scheduleDraw);
scroller.addEventListener('scroll', scheduleDraw, { passive: true });
new ResizeObserver(scheduleDraw).observe(scroller);
zoomInButton.addEventListener('click', () => zoomBy(1));
zoomOutButton.addEventListener('click', () => zoomBy(-1));
wholeHeapButton.addEventListener('click', () => zoomToHeap());
openInPanelButton?.addEventListener('click', () => post({ kind: 'openInPanel' }));

// The theme changes the body's class (vscode-dark / vscode-light / vscode-high-contrast).
new MutationObserver(() => {
  colors.refresh();
  renderLegend();
  scheduleDraw();
}).observe(document.body, { attributes: true, attributeFilter: ['class'] });

post({ kind: 'ready' });
