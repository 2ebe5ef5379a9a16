// The markup of PyXray's webviews, apart from the code that opens them so the webview tests
// (test/e2e/webviews.test.ts) load the same page in Chromium without VS Code. The scripts in
// client/webview/ find their elements by these ids.

export const memoryMapBody = (inPanel: boolean): string => `
<header class="toolbar" role="toolbar" aria-label="Memory map">
  <button id="zoom-out" class="icon" title="Zoom out (-)" aria-label="Zoom out"><span class="codicon codicon-zoom-out" aria-hidden="true"></span></button>
  <button id="zoom-in" class="icon" title="Zoom in (+)" aria-label="Zoom in"><span class="codicon codicon-zoom-in" aria-hidden="true"></span></button>
  <button id="whole-heap" class="icon" title="Whole heap (Escape)" aria-label="Whole heap"><span class="codicon codicon-arrow-up" aria-hidden="true"></span></button>
  ${inPanel ? '' : '<button id="open-in-panel" class="icon" title="Open in an editor panel" aria-label="Open in an editor panel"><span class="codicon codicon-link-external" aria-hidden="true"></span></button>'}
  <div id="summary" class="summary">Start a PyXray debug session: the map is drawn when the program stops.</div>
</header>
<div id="scroller" class="scroller"><div id="spacer" class="spacer"></div><canvas id="map" class="map" tabindex="0" role="application" aria-roledescription="memory map" aria-label="Memory map"></canvas></div>
<ul id="legend" class="legend" aria-label="Legend"></ul>
<section id="details" class="details" aria-label="Selected block" aria-live="polite"></section>
<div id="announcer" class="visually-hidden" role="status" aria-live="polite"></div>`;

export const GIL_TIMELINE_BODY = `
<div id="summary" class="summary" role="status">Start a PyXray debug session: the timeline is drawn when the program stops.</div>
<div id="chart" class="chart"></div>
<table id="handover-table" class="handovers" hidden>
  <caption>Latest hand-overs of the GIL</caption>
  <thead><tr><th scope="col">time</th><th scope="col">from</th><th scope="col">to</th><th scope="col">why</th></tr></thead>
  <tbody id="handovers"></tbody>
</table>`;
