import { html, type SafeHtml } from '../workbench/html';

/** Small inline SVG charts for the self-contained report: no scripts, no external assets. */

const W = 360;
const H = 220;
const PAD = { left: 44, right: 12, top: 12, bottom: 36 };
const plotW = W - PAD.left - PAD.right;
const plotH = H - PAD.top - PAD.bottom;
const x = (v: number) => PAD.left + Math.max(0, Math.min(1, v)) * plotW;
const y = (v: number) => PAD.top + (1 - Math.max(0, Math.min(1, v))) * plotH;
const fmt = (v: number) => v.toFixed(1);

function axes(xLabel: string, yLabel: string): SafeHtml {
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  return html`<g class="axes" font-size="10" fill="currentColor">
    ${ticks.map(
      (t) =>
        html`<line
            x1="${fmt(x(0))}"
            x2="${fmt(x(1))}"
            y1="${fmt(y(t))}"
            y2="${fmt(y(t))}"
            stroke="#dcdfe4"
            stroke-width="1"
          />
          <text x="${fmt(PAD.left - 6)}" y="${fmt(y(t) + 3)}" text-anchor="end">${t.toFixed(2)}</text>
          <text x="${fmt(x(t))}" y="${fmt(PAD.top + plotH + 14)}" text-anchor="middle"
            >${t.toFixed(2)}</text
          >`,
    )}
    <text x="${fmt(PAD.left + plotW / 2)}" y="${H - 4}" text-anchor="middle">${xLabel}</text>
    <text transform="translate(10 ${fmt(PAD.top + plotH / 2)}) rotate(-90)" text-anchor="middle"
      >${yLabel}</text
    >
  </g>`;
}

export interface Series {
  name: string;
  points: readonly { x: number; y: number }[];
  color: string;
}

const PALETTE = ['#0c66e4', '#1f845a', '#a54800', '#6e5dc6', '#ae2e24', '#2898bd', '#943d73', '#5b7f24'];
export const seriesColor = (i: number): string => PALETTE[i % PALETTE.length] ?? '#0c66e4';

/** Lines on a unit square, with optional horizontal reference lines (precision targets). */
export function lineChart(
  title: string,
  xLabel: string,
  yLabel: string,
  series: readonly Series[],
  refs: readonly number[] = [],
  diagonal = false,
): SafeHtml {
  return html`<figure class="chart">
    <svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${title}">
      ${axes(xLabel, yLabel)}
      ${refs.map((r) => html`<line x1="${fmt(x(0))}" x2="${fmt(x(1))}" y1="${fmt(y(r))}" y2="${fmt(y(r))}" stroke="#ae2e24" stroke-dasharray="4 3" stroke-width="1" />`)}
      ${diagonal ? html`<line x1="${fmt(x(0))}" y1="${fmt(y(0))}" x2="${fmt(x(1))}" y2="${fmt(y(1))}" stroke="#8590a2" stroke-dasharray="4 3" />` : ''}
      ${series.map((s) =>
        s.points.length === 0
          ? ''
          : html`<polyline
                fill="none"
                stroke="${s.color}"
                stroke-width="2"
                points="${s.points.map((p) => `${fmt(x(p.x))},${fmt(y(p.y))}`).join(' ')}"
              />
              ${s.points.length <= 12 ? s.points.map((p) => html`<circle cx="${fmt(x(p.x))}" cy="${fmt(y(p.y))}" r="3" fill="${s.color}" />`) : ''}`,
      )}
    </svg>
    <figcaption>
      ${title}${series.length > 1 ? html` — ${series.map((s) => html`<span style="color:${s.color}">■</span> ${s.name} `)}` : ''}
    </figcaption>
  </figure>`;
}

/** Horizontal bars for values in [0, 1], one row per item, grouped by item. */
export function barChart(
  title: string,
  rows: readonly { label: string; bars: readonly { name: string; value: number }[] }[],
): SafeHtml {
  const barH = 12;
  const labelW = 130;
  const chartW = W - labelW - 50;
  const groups = rows.map((r) => r.bars.length * (barH + 2) + 8);
  const height = groups.reduce((s, g) => s + g, 0) + 8;
  let top = 4;
  return html`<figure class="chart">
    <svg
      viewBox="0 0 ${W} ${height}"
      width="${W}"
      height="${height}"
      role="img"
      aria-label="${title}"
      font-size="10"
      fill="currentColor"
    >
      ${rows.map((r, ri) => {
        const start = top;
        top += groups[ri] ?? 0;
        return html`<text x="${labelW - 6}" y="${start + barH}" text-anchor="end"
            >${r.label.length > 22 ? r.label.slice(0, 21) + '…' : r.label}</text
          >
          ${r.bars.map((b, bi) => {
            const by = start + bi * (barH + 2);
            const v = Number.isFinite(b.value) ? Math.max(0, Math.min(1, b.value)) : 0;
            return html`<rect
                x="${labelW}"
                y="${by}"
                width="${fmt(v * chartW)}"
                height="${barH}"
                fill="${seriesColor(bi)}"
                ><title>${b.name}: ${v.toFixed(3)}</title></rect
              >
              <text x="${fmt(labelW + v * chartW + 4)}" y="${by + barH - 2}"
                >${b.name} ${v.toFixed(2)}</text
              >`;
          })}`;
      })}
    </svg>
    <figcaption>${title}</figcaption>
  </figure>`;
}
