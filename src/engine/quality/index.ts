/**
 * Data-quality report for one target field: `dataQualityReport(tickets, options)` returns
 * typed findings (most severe first), each with a one-sentence message and example ticket ids.
 */
export { dataQualityReport } from './report';
export type {
  ConflictGroup,
  DataQualityFinding,
  QualityOptions,
  QualityReport,
  QualityTicket,
  Severity,
} from './types';
export type { LikelyMislabel } from './mislabels';
