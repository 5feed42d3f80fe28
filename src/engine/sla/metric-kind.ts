/** What an SLA metric measures: each kind is estimated from its own history only. */
export type MetricKind = 'resolution' | 'first-response' | 'other';

/** The kind from the metric's name (JSM's defaults and the usual custom names, English and German). */
export function metricKindOf(name: string): MetricKind {
  const n = name.toLowerCase();
  if (/first\s*response|erste[rn]?\s*(re)?aktion|erstreaktion|antwortzeit/.test(n)) return 'first-response';
  if (/resol|close|lösung|loesung|erledig|schließ|schliess/.test(n)) return 'resolution';
  return 'other';
}
