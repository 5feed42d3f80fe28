import type { Messages } from './message';

/** The issue panel: its frame, classification, similar tickets and action feedback. */
export const panelMessages = {
  panelLabel: { en: 'Triage Lens', de: 'Triage Lens' },
  noIssue: {
    en: 'Open this panel from an issue to see suggestions.',
    de: 'Öffnen Sie dieses Panel in einem Vorgang, um Vorschläge zu sehen.',
  },
  // Sections
  classification: { en: 'Classification', de: 'Klassifizierung' },
  routing: { en: 'Routing', de: 'Zuweisung' },
  similar: { en: 'Similar tickets', de: 'Ähnliche Tickets' },
  sla: { en: 'SLA risk', de: 'SLA-Risiko' },
  sectionEmpty: { en: 'Nothing to show.', de: 'Nichts anzuzeigen.' },
  // Why a section is empty: one text per EmptyReason code (src/contracts/common.ts).
  'empty_no-suggested-fields': {
    en: 'No field is set to suggest.',
    de: 'Kein Feld ist auf Vorschlagen gestellt.',
  },
  'empty_not-trained': {
    en: 'The models are not trained yet.',
    de: 'Die Modelle sind noch nicht trainiert.',
  },
  'empty_no-similar': {
    en: 'No earlier ticket shares enough distinctive words with this one.',
    de: 'Kein früheres Ticket teilt genug markante Begriffe mit diesem.',
  },
  // Classification
  suggested: { en: 'Suggested', de: 'Vorschlag' },
  current: { en: 'Current: {value}', de: 'Aktuell: {value}' },
  confidence: { en: 'Confidence {pct}', de: 'Konfidenz {pct}' },
  why: { en: 'Why', de: 'Warum' },
  whyRule: { en: 'Rule: {rule}', de: 'Regel: {rule}' },
  apply: { en: 'Apply', de: 'Übernehmen' },
  applyLabel: { en: 'Apply {value} to {field}', de: '{value} für {field} übernehmen' },
  dismiss: { en: 'Dismiss', de: 'Verwerfen' },
  dismissLabel: { en: 'Dismiss the suggestion for {field}', de: 'Vorschlag für {field} verwerfen' },
  applied: { en: 'Applied', de: 'Übernommen' },
  autoApplied: { en: 'Applied automatically', de: 'Automatisch gesetzt' },
  appliedByYou: { en: 'Applied by you', de: 'Von Ihnen übernommen' },
  alreadySet: { en: 'Already set', de: 'Bereits gesetzt' },
  statusReplaced: { en: 'Replaced', de: 'Ersetzt' },
  replacedByYou: {
    en: 'You chose {chosen} instead of {value}.',
    de: 'Sie haben {chosen} statt {value} gewählt.',
  },
  replacedOther: { en: '{chosen} was set instead of {value}.', de: '{chosen} wurde statt {value} gesetzt.' },
  dismissedValue: { en: 'Suggestion {value} dismissed.', de: 'Vorschlag {value} verworfen.' },
  // How much history a suggestion rests on (FieldSuggestion.history); _one / _other by the value's count.
  history: { en: 'Learnt from {tickets} past tickets.', de: 'Gelernt aus {tickets} früheren Tickets.' },
  historyValue_one: {
    en: 'Learnt from {tickets} past tickets, 1 of them with this value.',
    de: 'Gelernt aus {tickets} früheren Tickets, davon 1 mit diesem Wert.',
  },
  historyValue_other: {
    en: 'Learnt from {tickets} past tickets, {count} of them with this value.',
    de: 'Gelernt aus {tickets} früheren Tickets, davon {count} mit diesem Wert.',
  },
  mostLikely: { en: 'Most likely: {list}', de: 'Am ehesten: {list}' },
  undo: { en: 'Undo', de: 'Rückgängig' },
  undoLabel: { en: 'Undo the decision for {field}', de: 'Entscheidung für {field} rückgängig machen' },
  doneUndone: { en: '{field}: decision undone.', de: '{field}: Entscheidung rückgängig gemacht.' },
  requestTypeMove: {
    en: '“{value}” belongs to another issue type: it is set by moving the issue (Jira’s “Move” action).',
    de: '„{value}“ gehört zu einem anderen Vorgangstyp: Er wird gesetzt, indem Sie den Vorgang verschieben (Jira-Aktion „Verschieben“).',
  },
  dismissed: { en: 'Dismissed', de: 'Verworfen' },
  abstained: { en: 'Not sure enough to suggest a value.', de: 'Nicht sicher genug für einen Vorschlag.' },
  otherCandidates: { en: 'Also possible: {list}', de: 'Ebenfalls möglich: {list}' },
  modeShadow: {
    en: 'Shadow mode: recorded, not shown to agents.',
    de: 'Schattenmodus: wird erfasst, Agenten sehen ihn nicht.',
  },
  // Similar
  duplicates: { en: 'Possible duplicates', de: 'Mögliche Duplikate' },
  related: { en: 'Related', de: 'Verwandt' },
  weak: { en: 'Weaker matches', de: 'Schwächere Treffer' },
  similarNoneClose: {
    en: 'No ticket is close enough to suggest.',
    de: 'Kein Ticket ist ähnlich genug für einen Vorschlag.',
  },
  showWeak: {
    en: 'Show the nearest anyway ({count})',
    de: 'Die nächsten trotzdem zeigen ({count})',
  },
  score: { en: 'Match {pct}', de: 'Übereinstimmung {pct}' },
  linkAs: { en: 'Link as {type}', de: 'Verknüpfen: {type}' },
  linkLabel: { en: 'Link {key} as {type}', de: '{key} verknüpfen als {type}' },
  linked: { en: 'Linked', de: 'Verknüpft' },
  solvedBefore: { en: 'Solved before like this', de: 'So wurde es schon gelöst' },
  sharedTerms: { en: 'Shared terms: {list}', de: 'Gemeinsame Begriffe: {list}' },
  // Action feedback
  actionDone: { en: 'Done: {what}', de: 'Erledigt: {what}' },
  doneApplied: { en: '{field} set to {value}.', de: '{field} auf {value} gesetzt.' },
  doneDismissed: {
    en: 'Suggestion for {field} dismissed.',
    de: 'Vorschlag für {field} verworfen.',
  },
  doneLinked: { en: '{key} linked as {type}.', de: '{key} verknüpft als {type}.' },
  doneAssigned: { en: 'Assigned to {name}.', de: '{name} zugewiesen.' },
  actionFailed: { en: 'Failed: {message}', de: 'Fehlgeschlagen: {message}' },
  // Flags (Jira's own, through the Forge bridge) for the outcome of an agent action
  flagDone: { en: 'Done', de: 'Erledigt' },
  flagFailed: { en: 'That did not work', de: 'Das hat nicht geklappt' },
} satisfies Messages;
