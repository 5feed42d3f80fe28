import { perClassStats } from '../../../engine/eval';
import type { ClassifyDataset } from './classify-dataset';
import type { ClassifyEvalDetails } from './classify-run';

const pct = (v: number): string => (Number.isNaN(v) ? '—' : `${(v * 100).toFixed(1)} %`);

/** The human-readable report: headline metrics, cost, what was skipped or left out, per-class figures. */
export function formatClassifyReport(details: ClassifyEvalDetails, data: ClassifyDataset): string {
  const r = details.result;
  const lines = [
    `classify: ${r.n_train} train / ${r.n_test} test tickets, ${r.n_classes} classes`,
    '',
    `  accuracy              ${pct(r.accuracy)}`,
    `  macro-F1              ${pct(r.macro_f1)}`,
    `  coverage at P0.90     ${pct(r.coverage_at_precision['0.9'])}`,
    `  coverage at P0.95     ${pct(r.coverage_at_precision['0.95'])}`,
    `  calibration (ECE)     ${r.ece.toFixed(4)}`,
    `  abstained (per-class) ${pct(details.abstained / Math.max(1, r.n_test))}`,
    '',
    `  train                 ${r.train_ms} ms`,
    `  predict p50 / p99     ${r.predict_ms_p50} / ${r.predict_ms_p99} ms per ticket`,
    `  peak RSS              ${r.peak_rss_mb} MB`,
    `  model                 ${(r.model_bytes / 1024).toFixed(0)} KiB`,
  ];
  if (data.skippedEmptyText > 0 || data.skippedEmptyLabel > 0) {
    lines.push(
      '',
      `  skipped rows: ${data.skippedEmptyText} with empty text, ${data.skippedEmptyLabel} with empty label`,
    );
  }
  if (details.excluded.length > 0) {
    const shown = details.excluded.slice(0, 10).map((e) => `${e.label} (${e.examples})`);
    lines.push(
      '',
      `  left out (too few examples): ${shown.join(', ')}${details.excluded.length > 10 ? `, … ${details.excluded.length - 10} more` : ''}`,
    );
  }
  const stats = perClassStats(details.predictions).sort((a, b) => b.support - a.support);
  const target = `P${details.targetPrecision.toFixed(2)}`;
  lines.push(
    '',
    `  class                          precision  recall   F1      support  auto-apply at ${target}`,
  );
  for (const s of stats.slice(0, 25)) {
    const t = details.thresholds.get(s.label);
    // Above 1: out-of-fold predictions of this class never reached the target precision.
    const gate = t === undefined ? 'left out' : t > 1 ? 'never' : `p ≥ ${t.toFixed(2)}`;
    lines.push(
      `  ${s.label.slice(0, 30).padEnd(30)} ${pct(s.precision).padStart(9)} ${pct(s.recall).padStart(8)} ${pct(s.f1).padStart(8)} ${String(s.support).padStart(8)}  ${gate}`,
    );
  }
  if (stats.length > 25) lines.push(`  … ${stats.length - 25} more classes`);
  return `${lines.join('\n')}\n`;
}
