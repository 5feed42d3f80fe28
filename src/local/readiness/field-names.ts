/**
 * Fields as a Jira export (and the site) names them: the report never shows an internal id such
 * as `requestType`. A custom field's id in the report already is its export name
 * (`Custom field (Business Service)` → "Business Service").
 */
const NAMES: Record<string, string> = {
  requestType: 'Request Type',
  priority: 'Priority',
  components: 'Component/s',
  labels: 'Labels',
  team: 'Team',
  issueType: 'Issue Type',
  assignee: 'Assignee',
};

export function fieldName(fieldId: string): string {
  return NAMES[fieldId] ?? fieldId;
}
