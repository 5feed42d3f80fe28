import type { PanelEvalDetails } from './panel-score';

const pct = (v: number | null): string => (v === null ? '—' : `${(v * 100).toFixed(1)} %`);

/** The human-readable report of `eval panel`: per field, then evidence, languages, similar, routing, SLA, cost. */
export function formatPanelReport(details: PanelEvalDetails): string {
  const r = details.result;
  const lines = [
    `panel: ${r.tickets_train} tickets trained on, ${r.tickets_test} held-back tickets opened in en and de`,
    '',
    '  field                         suggested  acc. when suggested  panel top-1  top-3    engine top-1',
  ];
  for (const [id, f] of Object.entries(r.fields)) {
    lines.push(
      `  ${`${id} (${f.column})`.slice(0, 29).padEnd(29)} ${pct(f.suggested_share).padStart(9)}  ${pct(f.accuracy_when_suggested).padStart(19)}  ${pct(details.panelTop1.get(id) ?? null).padStart(11)}  ${pct(f.top3_accuracy).padStart(7)}  ${pct(f.engine_accuracy).padStart(12)}`,
    );
  }
  const noisy = [...details.noiseTerms.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 10)
    .map(([t, n]) => `${t} (${n})`);
  lines.push(
    '',
    `  why terms per suggestion p50  ${r.why_terms_per_suggestion_p50 ?? '—'}`,
    `  noise among shown terms       ${pct(r.why_stopword_share)}${noisy.length > 0 ? `: ${noisy.join(', ')}` : ''}`,
    `  en/de mismatch                ${pct(r.locale_mismatch_share)}${
      details.mismatches.length > 0
        ? ` (${details.mismatches
            .slice(0, 5)
            .map((m) => `${m.key}: ${m.parts.join('+')}`)
            .join(', ')})`
        : ''
    }`,
    `  similar shown                 ${pct(r.similar_shown_share)}, same label ${pct(r.similar_same_label_precision)}`,
    `  duplicate recall@5            ${pct(r.duplicate_recall_at_5)} (${details.duplicateQueries} queries)`,
    `  routing team / assignee       ${pct(r.routing_team_accuracy)} / ${pct(r.routing_assignee_accuracy)}`,
    `  SLA AUC / Brier               ${r.sla_auc ?? '—'} / ${r.sla_brier ?? '—'} (${details.slaScored} tickets with an outcome)`,
    `  panel ms p50 / p99            ${r.panel_ms_p50} / ${r.panel_ms_p99}`,
    '',
  );
  return lines.join('\n');
}
