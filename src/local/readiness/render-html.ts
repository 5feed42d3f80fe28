import { html, trusted, type SafeHtml } from '../workbench/html';
import type { KnowledgeGapReport } from '../../engine/knowledge';
import type { ConfusionMatrix, DuplicateReadiness, FieldReadiness, ReadinessReport } from './report-types';
import { barChart, lineChart, seriesColor } from './svg-charts';
import { fieldName } from './field-names';
import { verdict } from './summary';

export { verdict };

const pct = (v: number | null): string =>
  v === null || !Number.isFinite(v) ? '—' : `${(v * 100).toFixed(1)} %`;
const num = (v: number | null, digits = 3): string =>
  v === null || !Number.isFinite(v) ? '—' : v.toFixed(digits);

const STYLE = trusted(`<style>
body{font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#172b4d;max-width:1100px;margin:24px auto;padding:0 24px;line-height:1.45}
h1{font-size:28px}h2{margin-top:40px;border-bottom:1px solid #dcdfe4;padding-bottom:4px}h3{margin-top:28px}
table{border-collapse:collapse;margin:8px 0}th,td{border-bottom:1px solid #dcdfe4;padding:4px 10px;text-align:right}th:first-child,td:first-child{text-align:left}
.charts{display:flex;flex-wrap:wrap;gap:16px}.chart{margin:0}.chart figcaption{font-size:12px;color:#626f86;max-width:360px}
.verdict{font-weight:600}.good{color:#216e4e}.mid{color:#a54800}.bad{color:#ae2e24}
.finding{border-left:4px solid #8590a2;padding:4px 12px;margin:8px 0}.finding.warning{border-color:#e2b203}.finding.problem{border-color:#ae2e24}
.muted{color:#626f86}code{background:#f1f2f4;padding:0 3px;border-radius:3px}
td.cm{text-align:center;min-width:34px}
</style>`);

/** How many duplicate pairs the export shows, linked or only resolved as a duplicate. */
export function duplicateCount(d: DuplicateReadiness): string {
  const linked = d.pairs.linked.length;
  const resolved = d.pairs.resolvedUnlinked.length;
  return `${linked + resolved} duplicate pairs: ${linked} linked as duplicates, ${resolved} resolved as a duplicate without a link (paired with the earlier ticket the similar search ranks first).`;
}

function confusionTable(cm: ConfusionMatrix): SafeHtml {
  const max = Math.max(1, ...cm.counts.flat());
  return html`<table class="confusion">
    <thead>
      <tr>
        <th>actual ↓ / predicted →</th>
        ${cm.labels.map((l) => html`<th>${l}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${cm.counts.map(
        (row, i) =>
          html`<tr>
            <th>${cm.labels[i] ?? ''}</th>
            ${row.map((c, j) => {
              const alpha = (c / max).toFixed(2);
              const color = i === j ? `rgba(31,132,90,${alpha})` : `rgba(174,46,36,${alpha})`;
              return html`<td class="cm" style="background:${color}">${c === 0 ? '' : c}</td>`;
            })}
          </tr>`,
      )}
    </tbody>
  </table>`;
}

function fieldDetails(f: FieldReadiness): SafeHtml {
  if (f.problem !== null)
    return html`<h3>${fieldName(f.fieldId)}</h3>
      <p class="bad">${f.problem}</p>`;
  return html`<h3>${fieldName(f.fieldId)}</h3>
    <p>
      ${f.labelled} tickets with a value, ${f.classes} classes; trained on the older ${f.train}, measured on
      the newer ${f.test}. Accuracy ${pct(f.accuracy)} (always guessing the most frequent class:
      ${pct(f.majorityBaseline)}), macro-F1 ${num(f.macroF1)}.
    </p>
    <div class="charts">
      ${lineChart(`${fieldName(f.fieldId)}: precision when keeping the most confident share`, 'coverage', 'precision', [{ name: fieldName(f.fieldId), color: seriesColor(0), points: f.curve.map((p) => ({ x: p.coverage, y: p.precision })) }], [0.9])}
      ${f.confusion === null ? '' : html`<div><strong>Confusion</strong> (most frequent classes)${confusionTable(f.confusion)}</div>`}
    </div>
    <table>
      <thead>
        <tr>
          <th>class</th>
          <th>support</th>
          <th>precision</th>
          <th>recall</th>
        </tr>
      </thead>
      <tbody>
        ${f.perClass.slice(0, 15).map(
          (c) =>
            html`<tr>
              <td>${c.label}</td>
              <td>${c.support}</td>
              <td>${pct(c.precision)}</td>
              <td>${pct(c.recall)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    ${f.perClass.length > 15 ? html`<p class="muted">…and ${f.perClass.length - 15} smaller classes.</p>` : ''}
    ${f.excluded.length === 0 ? '' : html`<p class="muted">Left out for too few examples: ${f.excluded.map((x) => `${x.label} (${x.count})`).join(', ')}.</p>`}`;
}

export function renderReadinessHtml(r: ReadinessReport): string {
  const trained = r.fields.filter((f) => f.accuracy !== null);
  const page = html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Triage Lens readiness report</title>
        ${STYLE}
      </head>
      <body>
        <h1>Triage Lens readiness report</h1>
        <p>
          How well Triage Lens would work on <strong>${r.source}</strong>, measured on its own history before
          anything is installed. ${r.tickets}
          tickets${r.span === null ? '' : html`, created ${r.span.from.slice(0, 10)} to ${r.span.to.slice(0, 10)}`}.
          Languages: ${r.languages.map((l) => `${l.language} ${pct(l.share)}`).join(', ')}. ${r.split}
        </p>

        <h2>Summary</h2>
        <div data-section="summary">
          <h3>What to switch on</h3>
          <ul>
            ${r.summary.switchOn.map((l) => html`<li>${l}</li>`)}
          </ul>
          <h3>What to fix in the data</h3>
          <ul>
            ${r.summary.fix.map((l) => html`<li>${l}</li>`)}
          </ul>
        </div>

        <h2>Fields</h2>
        <table data-section="fields">
          <thead>
            <tr>
              <th>field</th>
              <th>tickets</th>
              <th>classes</th>
              <th>accuracy</th>
              <th>majority baseline</th>
              <th>macro-F1</th>
              <th>coverage at P 0.80</th>
              <th>at P 0.90</th>
              <th>at P 0.95</th>
              <th>verdict</th>
            </tr>
          </thead>
          <tbody>
            ${r.fields.map((f) => {
              const v = verdict(f);
              const cov = (t: number) => pct(f.coverage.find((c) => c.target === t)?.coverage ?? null);
              return html`<tr>
                <td>${fieldName(f.fieldId)}</td>
                <td>${f.labelled}</td>
                <td>${f.classes}</td>
                <td>${pct(f.accuracy)}</td>
                <td>${pct(f.majorityBaseline)}</td>
                <td>${num(f.macroF1)}</td>
                <td>${cov(0.8)}</td>
                <td>${cov(0.9)}</td>
                <td>${cov(0.95)}</td>
                <td class="verdict ${v.tone}">${v.text}</td>
              </tr>`;
            })}
          </tbody>
        </table>
        <p class="muted">
          Coverage at precision P: the largest share of new tickets the app can fill in while at least P of
          those values are right. This is what a field's precision target means before you turn on auto-apply.
        </p>
        <div class="charts">
          ${
            trained.length === 0
              ? ''
              : barChart(
                  'Coverage at precision targets',
                  trained.map((f) => ({
                    label: fieldName(f.fieldId),
                    bars: f.coverage.map((c) => ({ name: `P${c.target}`, value: c.coverage })),
                  })),
                )
          }
          ${
            trained.length === 0
              ? ''
              : lineChart(
                  'Precision against coverage, per field',
                  'coverage',
                  'precision',
                  trained.map((f, i) => ({
                    name: fieldName(f.fieldId),
                    color: seriesColor(i),
                    points: f.curve.map((p) => ({ x: p.coverage, y: p.precision })),
                  })),
                  [0.9],
                )
          }
        </div>
        ${r.fields.map(fieldDetails)}

        <h2>Similar and duplicate tickets</h2>
        ${
          r.duplicates.problem !== null
            ? html`<p class="mid" data-section="duplicates">
                ${duplicateCount(r.duplicates)} ${r.duplicates.problem}
              </p>`
            : html`<p data-section="duplicates">
                  ${duplicateCount(r.duplicates)} For each of the ${r.duplicates.queries}
                  ${r.duplicates.source}, the newer ticket searched the tickets created before it. Its twin
                  was the first suggestion for ${pct(r.duplicates.recallAt1)}, in the top 5 for
                  ${pct(r.duplicates.recallAt5)} and in the top 10 for ${pct(r.duplicates.recallAt10)} (MRR
                  ${num(r.duplicates.mrr)}).
                </p>
                ${barChart('Duplicate found within the top k', [
                  {
                    label: 'recall',
                    bars: [
                      { name: '@1', value: r.duplicates.recallAt1 ?? 0 },
                      { name: '@5', value: r.duplicates.recallAt5 ?? 0 },
                      { name: '@10', value: r.duplicates.recallAt10 ?? 0 },
                    ],
                  },
                ])}`
        }

        <h2>SLA breach risk</h2>
        ${
          r.sla.problem !== null
            ? html`<p class="mid" data-section="sla">${r.sla.problem}</p>`
            : html`<p data-section="sla">
                  ${r.sla.goals ?? ''} ${r.sla.metricName}: ${r.sla.tickets} newer tickets scored as they were
                  opened; ${pct(r.sla.breachRate)} breached. Brier score ${num(r.sla.brier)} (always
                  predicting the past breach rate: ${num(r.sla.brierBaseline)}), ROC AUC ${num(r.sla.auc)}. A
                  well calibrated risk lies on the diagonal: of tickets given 30 % risk, about 30 % breach.
                </p>
                ${lineChart('Predicted breach probability against breaches that happened', 'predicted', 'observed', [{ name: 'calibration', color: seriesColor(0), points: r.sla.bins.filter((b) => b.count > 0).map((b) => ({ x: b.predicted, y: b.observed })) }], [], true)}`
        }
        ${r.knowledge ? knowledgeSection(r.knowledge) : ''}

        <h2>Data quality</h2>
        ${
          r.findings.length === 0
            ? html`<p data-section="findings">No data-quality problems found.</p>`
            : html`<div data-section="findings">
                ${r.findings.map(
                  (f) =>
                    html`<div class="finding ${f.severity}">
                      <strong>${f.severity}</strong>:
                      ${f.message}${
                        f.keys.length === 0
                          ? ''
                          : html`<br /><span class="muted">${f.keys.slice(0, 10).join(', ')}</span>`
                      }
                    </div>`,
                )}
              </div>`
        }

        <p class="muted" style="margin-top:40px">
          Generated ${r.generatedAt} by <code>triage-lens readiness</code>. Every figure is measured on this
          export alone; nothing left this machine.
        </p>
      </body>
    </html>`;
  return page.value;
}

/** Knowledge gaps (`--articles`): what resolved tickets ask that no article answers. */
function knowledgeSection(k: KnowledgeGapReport): SafeHtml {
  return html`<h2>Knowledge gaps</h2>
    <p data-section="knowledge">
      ${k.answered} of ${k.tickets} resolved tickets are answered by an article (a comment links it, or its
      words are close to the ticket's). Groups of the rest, by hours open (created to resolved):
    </p>
    ${
      k.gaps.length === 0
        ? html`<p>No group of three or more unanswered tickets.</p>`
        : html`<table data-section="knowledge-gaps">
            <thead>
              <tr>
                <th>words</th>
                <th>tickets</th>
                <th>hours open</th>
                <th>draft outline (from the representative resolution)</th>
              </tr>
            </thead>
            <tbody>
              ${k.gaps.slice(0, 20).map(
                (g) =>
                  html`<tr>
                    <td>${g.terms.join(' · ')}</td>
                    <td>${g.size}</td>
                    <td>${g.hoursOpen}</td>
                    <td style="text-align:left">
                      <strong>${g.outline.question}</strong>
                      <span class="muted">(${g.representative.key})</span>
                      <ol>
                        ${g.outline.steps.map((s) => html`<li>${s}</li>`)}
                      </ol>
                    </td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }
    <h3>Articles that never helped</h3>
    ${
      k.unhelpful.length === 0
        ? html`<p class="muted">
            None rated unhelpful often enough (or the export has no ratings). Rule: at least 3 × "did not
            help", and "helped" at most a quarter of the ratings.
          </p>`
        : html`<ul>
            ${k.unhelpful.map(
              (a) => html`<li>${a.title}: did not help ${a.notHelped}×, helped ${a.helped}×</li>`,
            )}
          </ul>`
    }
    <h3>Articles that contradict each other</h3>
    ${
      k.conflicting.length === 0
        ? html`<p class="muted">
            No two articles in one language that answer the same question (alike titles, or the same resolved
            tickets) with different bodies.
          </p>`
        : html`<ul data-section="conflicting-articles">
            ${k.conflicting.map(
              (c) =>
                html`<li>
                  ${c.a.title} / ${c.b.title}: titles ${num(c.questionSimilarity, 2)} alike, both answer
                  ${c.sharedTickets} resolved
                  tickets${c.sharedKeys.length > 0 ? ` (${c.sharedKeys.join(', ')})` : ''}; bodies
                  ${num(c.answerSimilarity, 2)} alike. Only in the first: ${c.onlyA.join(', ')}; only in the
                  second: ${c.onlyB.join(', ')}.
                </li>`,
            )}
          </ul>`
    }`;
}
