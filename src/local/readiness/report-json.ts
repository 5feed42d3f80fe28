import { fieldName } from './field-names';
import type { ReadinessReport } from './report-types';

/**
 * The readiness report as `readiness --json` prints it (one line, the last of stdout): the
 * figures a script or a lead's spreadsheet needs, fields named as the export names them, and
 * `findings` as `{kind, field, severity, message, keys}`. Curves and confusion matrices stay in
 * the HTML page.
 */
export function readinessJson(r: ReadinessReport) {
  const d = r.duplicates;
  return {
    source: r.source,
    generatedAt: r.generatedAt,
    tickets: r.tickets,
    summary: r.summary,
    span: r.span,
    languages: r.languages,
    fields: r.fields.map((f) => ({
      field: fieldName(f.fieldId),
      labelled: f.labelled,
      classes: f.classes,
      accuracy: f.accuracy,
      majorityBaseline: f.majorityBaseline,
      coverageAtPrecision: f.coverage,
      problem: f.problem,
    })),
    duplicates: {
      pairs: d.pairs.linked.length + d.pairs.resolvedUnlinked.length,
      linkedPairs: d.pairs.linked,
      resolvedUnlinkedPairs: d.pairs.resolvedUnlinked,
      queries: d.queries,
      recallAt1: d.recallAt1,
      recallAt5: d.recallAt5,
      recallAt10: d.recallAt10,
      mrr: d.mrr,
      problem: d.problem,
    },
    sla: {
      metricName: r.sla.metricName,
      goals: r.sla.goals,
      tickets: r.sla.tickets,
      breachRate: r.sla.breachRate,
      brier: r.sla.brier,
      brierBaseline: r.sla.brierBaseline,
      auc: r.sla.auc,
      problem: r.sla.problem,
    },
    findings: r.findings.map((f) => ({
      kind: f.kind,
      field: f.field,
      severity: f.severity,
      message: f.message,
      keys: f.keys,
    })),
  };
}
