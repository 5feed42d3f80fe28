import type { Messages } from './message';

/** The panel's SLA section (bands are also used by the admin metrics). */
export const slaMessages = {
  // SLA
  probability: { en: 'Breach probability {pct}', de: 'Verletzungswahrscheinlichkeit {pct}' },
  goalUsed: { en: '{pct} of the goal used', de: '{pct} des Ziels verbraucht' },
  slaGoal: { en: 'Goal', de: 'Ziel' },
  slaElapsed: { en: 'Elapsed', de: 'Verstrichen' },
  remaining: { en: 'Remaining', de: 'Verbleibend' },
  expected_resolution: { en: 'Expected resolution in', de: 'Erwartete Lösung in' },
  'expected_first-response': { en: 'Expected first response in', de: 'Erwartete erste Antwort in' },
  expected_other: { en: 'Expected to stop in', de: 'Erwartetes Ende in' },
  expectedRange: { en: '{median} ({low} – {high})', de: '{median} ({low} – {high})' },
  notEstimated: { en: 'not estimated', de: 'nicht geschätzt' },
  paused: { en: 'Clock paused', de: 'Uhr angehalten' },
  overdue: { en: 'overdue by {time}', de: 'überfällig seit {time}' },
  drivers: { en: 'What drives this', de: 'Was dazu beiträgt' },
  slaLearning: {
    en: 'Still learning: no estimate until the first model is trained from this desk’s history.',
    de: 'Lernt noch: keine Schätzung, bis das erste Modell aus dem Verlauf dieses Desks trainiert ist.',
  },
  'slaPrior_little-history': {
    en: 'Too little history for an estimate ({count} resolved tickets, at least {min} needed): only the SLA clock is shown.',
    de: 'Zu wenig Verlauf für eine Schätzung ({count} gelöste Tickets, mindestens {min} nötig): nur die SLA-Uhr wird gezeigt.',
  },
  'slaPrior_first-response': {
    en: 'First-response times are not modelled yet: no estimate, only the SLA clock.',
    de: 'Zeiten bis zur ersten Antwort werden noch nicht modelliert: keine Schätzung, nur die SLA-Uhr.',
  },
  slaPrior_other: {
    en: 'This SLA metric is not modelled: no estimate, only the SLA clock.',
    de: 'Diese SLA-Metrik wird nicht modelliert: keine Schätzung, nur die SLA-Uhr.',
  },
  chartLabel: {
    en: 'Goal {goal}, elapsed {elapsed}, remaining {remaining}; expected {expected}',
    de: 'Ziel {goal}, verstrichen {elapsed}, verbleibend {remaining}; erwartet {expected}',
  },
  chartNow: { en: 'now', de: 'jetzt' },
  chartDeadline: { en: 'goal ends in {time}', de: 'Ziel endet in {time}' },
  chartOverdue: { en: 'overdue by {time}', de: 'überfällig seit {time}' },
  chartExpected: { en: 'expected {time}', de: 'erwartet {time}' },
  segmentAll: { en: 'all tickets', de: 'alle Tickets' },
  segmentPriority: { en: 'priority {value}', de: 'Priorität {value}' },
  'driver_similar-take': {
    en: 'similar tickets ({segment}) take {median}; {remaining} left',
    de: 'ähnliche Tickets ({segment}) brauchen {median}; noch {remaining}',
  },
  driver_queue_team_heavy: {
    en: 'team queue is {ratio}× its usual size',
    de: 'Team-Queue ist {ratio}× so voll wie üblich',
  },
  driver_queue_team_light: {
    en: 'team queue is lighter than usual ({ratio}×)',
    de: 'Team-Queue ist leerer als üblich ({ratio}×)',
  },
  driver_queue_assignee_heavy: {
    en: 'assignee’s queue is {ratio}× its usual size',
    de: 'Queue des Bearbeiters ist {ratio}× so voll wie üblich',
  },
  driver_queue_assignee_light: {
    en: 'assignee’s queue is lighter than usual ({ratio}×)',
    de: 'Queue des Bearbeiters ist leerer als üblich ({ratio}×)',
  },
  'driver_goal-used': { en: '{pct} of the SLA goal used', de: '{pct} des SLA-Ziels verbraucht' },
  driver_paused: {
    en: 'clock paused while waiting for the customer: elapsed time stands still',
    de: 'Uhr angehalten, solange auf den Kunden gewartet wird: die verstrichene Zeit steht',
  },
  'driver_outside-hours': {
    en: 'outside calendar hours: the clock is stopped',
    de: 'außerhalb der Servicezeiten: die Uhr steht',
  },
  driver_breached: { en: 'SLA already breached', de: 'SLA bereits verletzt' },
  'driver_little-history_none': {
    en: 'no tickets like this in history: the estimate uses all tickets',
    de: 'keine solchen Tickets im Verlauf: die Schätzung stützt sich auf alle Tickets',
  },
  'driver_little-history_one': {
    en: 'only 1 similar ticket in history: the estimate leans on all tickets',
    de: 'nur 1 ähnliches Ticket im Verlauf: die Schätzung stützt sich auf alle Tickets',
  },
  'driver_little-history_many': {
    en: 'only {count} similar tickets in history: the estimate leans on all tickets',
    de: 'nur {count} ähnliche Tickets im Verlauf: die Schätzung stützt sich auf alle Tickets',
  },
  'driver_beyond-history': {
    en: 'older than every ticket in history: no expected time; risk from the share of the goal used',
    de: 'älter als jedes Ticket im Verlauf: keine erwartete Zeit; Risiko nach verbrauchtem Zielanteil',
  },
  band_on_track: { en: 'On track', de: 'Im Plan' },
  'band_at-risk': { en: 'At risk', de: 'Gefährdet' },
  'band_likely-breach': { en: 'Likely breach', de: 'Verletzung wahrscheinlich' },
  band_breached: { en: 'Breached', de: 'Verletzt' },
  'empty_request-resolved': { en: 'The request is resolved.', de: 'Die Anfrage ist gelöst.' },
  'empty_no-sla': { en: 'No SLA is running on this request.', de: 'Für diese Anfrage läuft kein SLA.' },
} satisfies Messages;
