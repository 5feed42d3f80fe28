import type { RouteNote } from './suggest-route';
import type { RouteReason } from './types';

/** One reason as the panel shows it, in English or German ("solved 9 similar tickets"). */
export function describeRouteReason(reason: RouteReason, locale: 'en' | 'de' = 'en'): string {
  const de = locale === 'de';
  const pct = (p: number): string => `${Math.round(p * 100)} %`;
  switch (reason.code) {
    case 'rule':
      return de ? `Regel „${reason.ruleName}“` : `rule "${reason.ruleName}"`;
    case 'classifier':
      return de
        ? `aus früheren Tickets gelernt: ${pct(reason.probability)}`
        : `learned from past tickets: ${pct(reason.probability)}`;
    case 'similar-team':
      return de
        ? `${reason.count} von ${reason.of} ähnlichen Tickets gingen an dieses Team`
        : `${reason.count} of ${reason.of} similar tickets went to this team`;
    case 'solved-similar':
      return de ? `hat ${reason.count} ähnliche Tickets gelöst` : `solved ${reason.count} similar tickets`;
    case 'category-skill':
      return de
        ? `${reason.count} gelöste Tickets in „${reason.category}“`
        : `${reason.count} solved tickets in "${reason.category}"`;
    case 'open-load':
      if (reason.capacity !== undefined)
        return de
          ? `${reason.open} von ${reason.capacity} offen`
          : `${reason.open} of ${reason.capacity} open`;
      return de ? `${reason.open} offen` : `${reason.open} open now`;
    case 'away':
      if (reason.until !== undefined)
        return de ? `abwesend bis ${reason.until}` : `away until ${reason.until}`;
      return de ? 'abwesend' : 'away';
    case 'inactive':
      return de ? 'inaktiv' : 'inactive';
    case 'at-capacity':
      return de
        ? `ausgelastet (${reason.open}/${reason.capacity})`
        : `at capacity (${reason.open}/${reason.capacity})`;
    case 'rule-chose-unavailable':
      return de
        ? `Regel „${reason.ruleName}“ wählte diese Person, sie ist aber nicht verfügbar`
        : `rule "${reason.ruleName}" chose this agent, who is not available`;
  }
}

export function describeRouteNote(note: RouteNote, locale: 'en' | 'de' = 'en'): string {
  const de = locale === 'de';
  switch (note.code) {
    case 'rule-note':
      return note.text;
    case 'no-history':
      return de
        ? 'keine Regel und kein gelernter Verlauf: kein Vorschlag'
        : 'no rule and no learned history: no suggestion';
    case 'team-without-members':
      return de
        ? `Team „${note.team}“ hat keine Mitglieder: der Team-Queue zuweisen`
        : `team "${note.team}" has no members: assign to the team queue`;
    case 'nobody-available':
      return de
        ? `niemand in „${note.team}“ ist verfügbar: der Team-Queue zuweisen`
        : `nobody in "${note.team}" is available: assign to the team queue`;
  }
}
