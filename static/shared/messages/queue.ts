import type { Messages } from './message';

/** The queue triage page (JSM Queues → Apps → Triage Lens). */
export const queueMessages = {
  queueTitle: { en: 'Untriaged requests in {project}', de: 'Nicht triagierte Anfragen in {project}' },
  queueSummary: {
    en: '{rows} of {scanned} open requests wait on a suggestion; {pending} not analysed yet.',
    de: '{rows} von {scanned} offenen Anfragen warten auf einen Vorschlag; {pending} noch nicht analysiert.',
  },
  queueEmpty: {
    en: 'Nothing to triage: every open request is settled.',
    de: 'Nichts zu triagieren: alle offenen Anfragen sind erledigt.',
  },
  queueNoProject: {
    en: 'Open this page from a service project’s queues.',
    de: 'Öffnen Sie diese Seite aus den Queues eines Serviceprojekts.',
  },
  queueRequest: { en: 'Request', de: 'Anfrage' },
  queueRisk: { en: 'SLA risk', de: 'SLA-Risiko' },
  queueCreated: { en: 'Created', de: 'Erstellt' },
  queueTeam: { en: 'Team', de: 'Team' },
  queueAssignee: { en: 'Assignee', de: 'Bearbeiter' },
  queueSelectRow: { en: 'Select {key}', de: '{key} auswählen' },
  queueSelectAll: { en: 'Select all', de: 'Alle auswählen' },
  queueAccept: { en: 'Accept', de: 'Übernehmen' },
  queueAcceptCell: { en: 'Accept {field} “{value}” for {key}', de: '{field} „{value}“ für {key} übernehmen' },
  queueAccepted: { en: 'Accepted', de: 'Übernommen' },
  queueAcceptSelected: {
    en: 'Accept all suggestions of {count} selected',
    de: 'Alle Vorschläge der {count} ausgewählten übernehmen',
  },
  queueBulkDone: {
    en: '{ok} suggestions accepted, {failed} failed.',
    de: '{ok} Vorschläge übernommen, {failed} fehlgeschlagen.',
  },
  queueSortBy: { en: 'Sort by {column}', de: 'Nach {column} sortieren' },
  queueNoRisk: { en: 'no estimate', de: 'keine Schätzung' },
} satisfies Messages;
