import type { TicketDoc } from '../../../src/engine/similar';

const day = (d: number): number => Date.UTC(2026, 0, 1) + d * 86_400_000;

/** A small mixed German / English desk: a few topics, each with near and far neighbours. */
export const DESK: TicketDoc[] = [
  {
    id: 'EN-1',
    summary: 'VPN connection drops every few minutes',
    description: 'Since the update the VPN client disconnects every few minutes when working from home.',
    createdMs: day(0),
    project: 'IT',
  },
  {
    id: 'EN-2',
    summary: 'Printer on floor 3 shows paper jam',
    description: 'The printer near the kitchen reports a paper jam but there is no paper stuck.',
    createdMs: day(1),
    project: 'IT',
  },
  {
    id: 'EN-3',
    summary: 'Cannot log in to payroll portal',
    description: 'Password reset did not help, the payroll portal says account locked.',
    createdMs: day(2),
    project: 'HR',
  },
  {
    id: 'EN-4',
    summary: 'Outlook calendar not syncing on phone',
    description: 'Meetings created on the laptop do not appear in the phone calendar.',
    createdMs: day(3),
    project: 'IT',
  },
  {
    id: 'EN-5',
    summary: 'VPN disconnects when on home wifi',
    description: 'The VPN keeps disconnecting at home, office network is fine.',
    createdMs: day(20),
    project: 'IT',
  },
  {
    id: 'EN-6',
    summary: 'New laptop request for intern',
    description: 'Please order a laptop for the new intern starting next month.',
    createdMs: day(4),
    project: 'IT',
  },
  {
    id: 'DE-1',
    summary: 'Drucker im 2. Stock meldet Papierstau',
    description: 'Der Drucker meldet ständig einen Papierstau, obwohl kein Papier klemmt.',
    createdMs: day(5),
    project: 'IT',
  },
  {
    id: 'DE-2',
    summary: 'Kennwort für Lohnabrechnung gesperrt',
    description: 'Nach dem Zurücksetzen des Kennworts ist das Konto für die Lohnabrechnung gesperrt.',
    createdMs: day(6),
    project: 'HR',
  },
  {
    id: 'DE-3',
    summary: 'VPN Verbindung bricht ständig ab',
    description: 'Die VPN Verbindung bricht im Homeoffice alle paar Minuten ab.',
    createdMs: day(7),
    project: 'IT',
  },
  {
    id: 'DE-4',
    summary: 'Neuer Monitor für Arbeitsplatz',
    description: 'Bitte einen zweiten Monitor für meinen Arbeitsplatz bestellen.',
    createdMs: day(8),
    project: 'IT',
  },
];

export const byId = (id: string): TicketDoc => {
  const t = DESK.find((x) => x.id === id);
  if (t === undefined) throw new Error(`no fixture ${id}`);
  return t;
};
