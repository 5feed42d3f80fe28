import type { Messages } from './message';

/** Texts of the shared components (errors, loading, lists, durations), used by both apps. */
export const sharedMessages = {
  loading: { en: 'Loading…', de: 'Wird geladen…' },
  retry: { en: 'Try again', de: 'Erneut versuchen' },
  refresh: { en: 'Refresh', de: 'Aktualisieren' },
  errorTitle: { en: 'Something went wrong', de: 'Etwas ist schiefgelaufen' },
  errorCode: { en: 'Error code: {code}', de: 'Fehlercode: {code}' },
  none: { en: 'none', de: 'keiner' },
  showAll: { en: 'Show all {count}', de: 'Alle {count} zeigen' },
  showFewer: { en: 'Show fewer', de: 'Weniger zeigen' },
  all: { en: 'All', de: 'Alle' },
  errorRoot: { en: '(whole request)', de: '(gesamte Anfrage)' },
  // Durations ("2 d 4 h", "3 h 20 min"): the unit words are texts like any other.
  durationDays: { en: '{n} d', de: '{n} T' },
  durationHours: { en: '{n} h', de: '{n} Std' },
  durationMinutes: { en: '{n} min', de: '{n} Min' },
} satisfies Messages;
