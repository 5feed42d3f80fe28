import type { Messages } from './message';

/** The panel's routing section. */
export const routingMessages = {
  // Routing
  team: { en: 'Team', de: 'Team' },
  assignee: { en: 'Assignee', de: 'Bearbeiter' },
  hiddenRoute_team: {
    en: 'Team suggestions are hidden: on this site they were right for {pct} of recent tickets. An admin can show them.',
    de: 'Teamvorschläge sind ausgeblendet: Auf dieser Site stimmten sie bei {pct} der letzten Tickets. Ein Admin kann sie einblenden.',
  },
  hiddenRoute_assignee: {
    en: 'Assignee suggestions are hidden: on this site they were right for {pct} of recent tickets. An admin can show them.',
    de: 'Bearbeitervorschläge sind ausgeblendet: Auf dieser Site stimmten sie bei {pct} der letzten Tickets. Ein Admin kann sie einblenden.',
  },
  decidedByRule: { en: 'Decided by rule “{name}”', de: 'Entschieden durch Regel „{name}“' },
  away: { en: 'Away', de: 'Abwesend' },
  assign: { en: 'Assign', de: 'Zuweisen' },
  assignLabel: { en: 'Assign to {name}', de: '{name} zuweisen' },
  currentAssignee: { en: 'Current assignee', de: 'Aktueller Bearbeiter' },
  applyTeam: { en: 'Set team', de: 'Team setzen' },
  applyTeamLabel: { en: 'Set the team to {name}', de: 'Team auf {name} setzen' },
  currentTeam: { en: 'Current team', de: 'Aktuelles Team' },
  undoTeamLabel: { en: 'Undo the team change', de: 'Teamänderung rückgängig machen' },
  doneTeamApplied: { en: 'Team set to {name}.', de: 'Team auf {name} gesetzt.' },
  doneTeamUndone: { en: 'Team change undone.', de: 'Teamänderung rückgängig gemacht.' },
  routeFit: { en: '{pct} fit', de: '{pct} passend' },
  routeFitHelp: {
    en: 'Share of the evidence for this list that points here',
    de: 'Anteil der Hinweise in dieser Liste, die hierher zeigen',
  },
  // Reasons, from the server's codes (src/contracts/panel.ts, RouteReason); _one / _other by count.
  reason_rule: { en: 'rule “{name}”', de: 'Regel „{name}“' },
  reason_classifier: {
    en: 'learned from past tickets like this',
    de: 'aus ähnlichen früheren Tickets gelernt',
  },
  'reason_similar-team_one': {
    en: '{count} of {of} similar ticket went to this team',
    de: '{count} von {of} ähnlichen Ticket ging an dieses Team',
  },
  'reason_similar-team_other': {
    en: '{count} of {of} similar tickets went to this team',
    de: '{count} von {of} ähnlichen Tickets gingen an dieses Team',
  },
  'reason_solved-similar_one': {
    en: 'solved {count} similar ticket',
    de: 'hat {count} ähnliches Ticket gelöst',
  },
  'reason_solved-similar_other': {
    en: 'solved {count} similar tickets',
    de: 'hat {count} ähnliche Tickets gelöst',
  },
  'reason_category-skill_one': {
    en: 'solved {count} ticket of “{category}”',
    de: 'hat {count} Ticket zu „{category}“ gelöst',
  },
  'reason_category-skill_other': {
    en: 'solved {count} tickets of “{category}”',
    de: 'hat {count} Tickets zu „{category}“ gelöst',
  },
  'reason_open-load': { en: '{open} open now', de: '{open} offen' },
  'reason_open-load-capacity': { en: '{open} of {capacity} open now', de: '{open} von {capacity} offen' },
  reason_away: { en: 'away', de: 'abwesend' },
  'reason_away-until': { en: 'away until {until}', de: 'abwesend bis {until}' },
  reason_inactive: { en: 'inactive', de: 'inaktiv' },
  'reason_at-capacity': {
    en: 'at capacity ({open} of {capacity})',
    de: 'ausgelastet ({open} von {capacity})',
  },
  'reason_rule-chose-unavailable': {
    en: 'rule “{name}” chose this person, who is not available',
    de: 'Regel „{name}“ wählte diese Person, sie ist aber nicht verfügbar',
  },
} satisfies Messages;
