import type { Rng } from '../../engine/util';
import type { SeedLanguage, SeedUser } from '../emulator/seed';
import type { Phrasebook } from './catalog';
import { addTypos, disclaimer, greeting, mobileFooter, quotedReply, signature, urgencyLine } from './noise';
import { fillSlots, personName, pick } from './slots';

/** Ticket texts from the catalog's templates: summaries, mail-like descriptions, agents' replies. */

export function mixBooks(
  rng: Rng,
  own: Phrasebook,
  other: Phrasebook,
): { summaries: readonly string[]; bodies: readonly string[] } {
  return rng() < 0.5
    ? { summaries: own.summaries, bodies: other.bodies }
    : { summaries: other.summaries, bodies: other.bodies };
}

export function composeSummary(
  rng: Rng,
  templates: readonly string[],
  language: SeedLanguage,
  incident: boolean,
): string {
  let s = fillSlots(pick(rng, templates), rng, language);
  if (incident && rng() < 0.5)
    s = `${s} ${language === 'de' ? pick(rng, ['- seit heute früh', '(alle Kollegen betroffen)', '!!!']) : pick(rng, ['- since this morning', '(whole team affected)', '!!!'])}`;
  const roll = rng();
  if (roll < 0.06) s = s.toLowerCase();
  else if (roll < 0.09) s = s.toUpperCase();
  else if (roll < 0.14)
    s = `${pick(rng, language === 'de' ? ['AW: ', 'WG: ', 'Dringend: '] : ['RE: ', 'FW: ', 'Urgent: '])}${s}`;
  return addTypos(rng, s, 0.03);
}

export function composeDescription(
  rng: Rng,
  bodies: readonly string[],
  reporter: SeedUser,
  language: SeedLanguage,
  incident: boolean,
  /** Who is affected, in the reporter's words (incidents only). */
  scope: string | null = null,
): string {
  if (!incident && rng() < 0.04) return '';
  const main = fillSlots(pick(rng, bodies), rng, language);
  const parts: string[] = [];
  if (rng() < 0.6) parts.push(greeting(rng, language));
  parts.push(main);
  if (scope !== null) parts.push(scope);
  if (incident)
    parts.push(
      language === 'de'
        ? 'Seit dem Update heute früh geht bei mehreren im Team nichts mehr.'
        : 'Since the update this morning several people in my team are affected.',
    );
  if (rng() < 0.2) parts.push(urgencyLine(rng, language));
  if (rng() < 0.6) parts.push(signature(rng, reporter.displayName, reporter.email, language));
  if (rng() < 0.1)
    parts.push(quotedReply(rng, fillSlots(pick(rng, bodies), rng, language), personName(rng), language));
  if (rng() < 0.08) parts.push(disclaimer());
  if (rng() < 0.08) parts.push(mobileFooter(rng, language));
  return addTypos(rng, parts.join('\n\n'), 0.02);
}

export function firstReply(rng: Rng, language: SeedLanguage, agentName: string): string {
  const en = [
    'Thanks for reaching out, we are looking into it.',
    'Could you send a screenshot of the error?',
    'I have taken over your request and will get back to you today.',
    'Can you tell me since when this happens?',
  ];
  const de = [
    'Danke für die Meldung, wir schauen uns das an.',
    'Kannst du bitte einen Screenshot der Fehlermeldung schicken?',
    'Ich habe die Anfrage übernommen und melde mich heute noch.',
    'Seit wann tritt das Problem auf?',
  ];
  return `${pick(rng, language === 'de' ? de : en)}\n${agentName}`;
}

export function internalNote(rng: Rng, language: SeedLanguage): string {
  const en = [
    'Checked the logs, nothing obvious. Waiting for the user.',
    'Escalated to 2nd level.',
    'Same as last week, see the KB article.',
  ];
  const de = [
    'Logs geprüft, nichts Auffälliges. Warte auf Rückmeldung.',
    'An 2nd Level eskaliert.',
    'Wie letzte Woche, siehe KB-Artikel.',
  ];
  return pick(rng, language === 'de' ? de : en);
}
