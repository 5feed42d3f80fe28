import type { Messages } from './message';

/** The panel's routing section. */
export const routingMessages = {
  // Routing
  team: { en: 'Team', de: 'Team' },
  assignee: { en: 'Assignee', de: 'Bearbeiter' },
  decidedByRule: { en: 'Decided by rule “{name}”', de: 'Entschieden durch Regel „{name}“' },
  away: { en: 'Away', de: 'Abwesend' },
  assign: { en: 'Assign', de: 'Zuweisen' },
  assignLabel: { en: 'Assign to {name}', de: '{name} zuweisen' },
  currentAssignee: { en: 'Current assignee', de: 'Aktueller Bearbeiter' },
} satisfies Messages;
