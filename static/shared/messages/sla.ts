import type { Messages } from './message';

/** The panel's SLA section (bands are also used by the admin metrics). */
export const slaMessages = {
  // SLA
  probability: { en: 'Breach probability {pct}', de: 'Verletzungswahrscheinlichkeit {pct}' },
  remaining: { en: 'Remaining', de: 'Verbleibend' },
  expected: { en: 'Expected resolution', de: 'Erwartete Lösung' },
  expectedRange: { en: '{low} – {high}', de: '{low} – {high}' },
  paused: { en: 'Clock paused', de: 'Uhr angehalten' },
  overdue: { en: 'overdue by {time}', de: 'überfällig seit {time}' },
  drivers: { en: 'What drives this', de: 'Was dazu beiträgt' },
  chartLabel: {
    en: 'Remaining time {remaining} against expected resolution between {low} and {high}',
    de: 'Verbleibende Zeit {remaining} gegenüber erwarteter Lösung zwischen {low} und {high}',
  },
  goal: { en: 'Goal', de: 'Ziel' },
  band_on_track: { en: 'On track', de: 'Im Plan' },
  'band_at-risk': { en: 'At risk', de: 'Gefährdet' },
  'band_likely-breach': { en: 'Likely breach', de: 'Verletzung wahrscheinlich' },
  band_breached: { en: 'Breached', de: 'Verletzt' },
  'empty_request-resolved': { en: 'The request is resolved.', de: 'Die Anfrage ist gelöst.' },
  'empty_no-sla': { en: 'No SLA is running on this request.', de: 'Für diese Anfrage läuft kein SLA.' },
} satisfies Messages;
