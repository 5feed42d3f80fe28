import { DEFAULT_SITE_FIELDS, issueToTicket, ticketFieldIds } from '../../adapters/jira/issue-to-ticket';
import type { IssueMapping } from '../../app/types';
import { DEFAULT_CONFIG, type AdminConfig, type FieldConfig } from '../../contracts/config';
import { trainingLabel } from '../../core/shared/fields';
import type { Ticket } from '../../core/shared/ticket';
import type { SeedCustomField } from '../emulator/seed';
import { adfToText } from '../../engine/text';
import { rateCustomFields, type CustomFieldRating } from '../readiness/category-fields';
import type { JiraExport } from '../readiness/jira-export';

/** Field ids the emulator gives an export's own select fields (clear of the fixed SEED_FIELDS ids). */
const FIRST_CUSTOM_ID = 20_001;
/** A standard field with fewer values than this in the export is switched off, not trained empty. */
const MIN_STANDARD_LABELLED = 20;
const MAX_FIELDS = 30;

/**
 * How the workbench sets itself up for a user's own export: every custom field the readiness
 * analysis rates learnable becomes a select field on the emulated site and a suggested field in
 * the configuration, so a lead sees their own categories suggested. Standard fields the export
 * leaves empty are switched off rather than left "not trained yet" forever.
 */
export interface ExportFieldSetup {
  /** The site's select fields, by the id the emulator serves them under. */
  customFields: (SeedCustomField & { exportName: string })[];
  config: AdminConfig;
  ratings: CustomFieldRating[];
}

function standardLabelled(tickets: readonly Ticket[], fieldId: string): number {
  let n = 0;
  for (const t of tickets) if (trainingLabel(t, fieldId) !== null) n++;
  return n;
}

export function exportFieldSetup(exported: JiraExport, seed = 1): ExportFieldSetup {
  const ratings = rateCustomFields(exported.tickets, exported.customFields, seed);
  const learnable = ratings.filter((r) => r.learnable);
  const customFields = learnable.map((r, i) => ({
    id: `customfield_${FIRST_CUSTOM_ID + i}`,
    name: r.name,
    exportName: r.name,
  }));
  const standard = DEFAULT_CONFIG.fields.map((f): FieldConfig =>
    standardLabelled(exported.tickets, f.fieldId) >= MIN_STANDARD_LABELLED ? f : { ...f, mode: 'off' },
  );
  const custom = customFields.map((f): FieldConfig => ({
    fieldId: f.id,
    name: f.name.slice(0, 100),
    mode: 'suggest',
    precisionTarget: 0.9,
    multiValue: false,
  }));
  return {
    customFields,
    config: { ...DEFAULT_CONFIG, fields: [...standard, ...custom].slice(0, MAX_FIELDS) },
    ratings,
  };
}

/** The app's issue mapping on a site with these select fields (read into `ticket.custom` by id). */
export function issueMapperFor(categoryFieldIds: readonly string[]): IssueMapping {
  const fields = { ...DEFAULT_SITE_FIELDS, categories: categoryFieldIds };
  return {
    fields: ticketFieldIds(fields),
    requestTypeField: fields.requestType,
    teamField: fields.team,
    toTicket: (issue) => issueToTicket(issue, { fields, adfToText }),
  };
}
