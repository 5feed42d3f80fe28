import type { Rng } from '../../engine/util';
import type { SeedLanguage } from '../emulator/seed';
import type { Draft, MakeTicket, TicketContext } from './draft';
import { HOUR } from './random';

/** An incident burst the demo planted and the open problem record raised for it. */
export interface PlantedOutage {
  requestType: string;
  keys: string[];
  start: number;
  end: number;
  problemKey: string;
  /** The burst's incident flagged as a major incident (the ongoing outage only), or null. */
  majorIncidentKey: string | null;
}

/**
 * What people write while the mail server is down: the same symptom in their own words. An
 * outage's tickets describe one failure, unlike a type's everyday requests (distribution lists,
 * full mailboxes), so the panel and the problem candidates can tell it from a busy morning.
 */
const OUTAGE_REPORTS: Record<SeedLanguage, readonly { summary: string; description: string }[]> = {
  en: [
    {
      summary: 'Outlook disconnected, cannot send or receive mail',
      description: 'Since this morning Outlook shows disconnected. I cannot send or receive mail.',
    },
    {
      summary: 'Outlook disconnected - cannot send or receive mail!',
      description:
        'Outlook shows disconnected since this morning and I cannot send or receive mail. My colleagues have the same.',
    },
    {
      summary: 'Cannot send or receive mail, Outlook disconnected',
      description:
        'Outlook disconnected since this morning, cannot send or receive mail. The whole team is affected.',
    },
  ],
  de: [
    {
      summary: 'Outlook getrennt, kann keine Mails senden oder empfangen',
      description: 'Seit heute Morgen zeigt Outlook getrennt. Ich kann keine Mails senden oder empfangen.',
    },
    {
      summary: 'Outlook getrennt - keine Mails senden oder empfangen!',
      description:
        'Outlook zeigt seit heute Morgen getrennt und ich kann keine Mails senden oder empfangen. Die Kollegen haben das gleiche.',
    },
    {
      summary: 'Kann keine Mails senden oder empfangen, Outlook getrennt',
      description:
        'Outlook seit heute Morgen getrennt, keine Mails senden oder empfangen. Das ganze Team ist betroffen.',
    },
  ],
};

/**
 * Tickets of one outage still arriving: `size` of them within the three hours before `now`,
 * reporting the same failure. The reporter's words are picked by position, not drawn, so the
 * demo's other random draws stay as they were.
 */
export function outageBurst(
  size: number,
  now: number,
  rng: Rng,
  make: (language: SeedLanguage, created: number) => Draft,
): Draft[] {
  const burst: Draft[] = [];
  for (let i = 0; i < size; i++) {
    const created = Math.round(now - 3 * HOUR + rng() * 2.8 * HOUR);
    const language: SeedLanguage = rng() < 0.5 ? 'de' : 'en';
    const draft = make(language, created);
    const reports = OUTAGE_REPORTS[language];
    const report = reports[i % reports.length];
    if (report) draft.ticket = { ...draft.ticket, ...report };
    burst.push(draft);
  }
  return burst.sort((a, b) => a.created - b.created);
}

/** The problem record's words per request type, in both languages (problem managers write for both). */
const PROBLEM_TEXT: Record<string, { summary: string; description: string }> = {
  'VPN and remote access': {
    summary: 'Problem: VPN gateway drops connections (GlobalProtect) / VPN-Gateway trennt Verbindungen',
    description:
      'Many users cannot connect to the VPN or get disconnected; the gateway cluster fails over repeatedly. Root cause analysis ongoing.\n\nViele Benutzer können sich nicht mit dem VPN verbinden oder werden getrennt. Ursachenanalyse läuft.',
  },
  'Email and calendar': {
    summary:
      'Problem: Outlook cannot connect to the mailbox server / Outlook verbindet sich nicht mit dem Postfach',
    description:
      'Since this morning Outlook shows "disconnected" and mails are not sent or received; the calendar does not sync. Exchange team investigating.\n\nSeit heute Morgen zeigt Outlook "getrennt", Mails werden nicht gesendet oder empfangen, der Kalender synchronisiert nicht.',
  },
};

/** An open problem record for a burst: raised by the team's agent shortly after it began. */
export function problemFor(
  ctx: TicketContext,
  first: Draft,
  burst: readonly Draft[],
  now: number,
  make: MakeTicket,
): Draft {
  const text = PROBLEM_TEXT[first.spec.name] ?? {
    summary: `Problem: ${first.spec.name}`,
    description: first.ticket.description,
  };
  const last = Math.max(...burst.map((t) => t.created));
  const created = Math.min(
    now - 5 * 60_000,
    Math.max(first.created + 45 * 60_000, Math.min(last, first.created + HOUR)),
  );
  const draft = make(ctx, first.spec, 'en', created, {
    summary: text.summary,
    description: text.description,
  });
  const agent = burst.find((t) => t.ticket.assigneeId !== null)?.ticket.assigneeId ?? null;
  draft.ticket = {
    ...draft.ticket,
    issueType: 'Problem',
    priority: 'High',
    status: 'In Progress',
    statusCategory: 'indeterminate',
    resolution: null,
    resolved: null,
    assigneeId: agent,
    comments: [],
    labels: ['problem'],
    impact: null,
    updated: created,
  };
  return draft;
}
