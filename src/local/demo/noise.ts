import type { Rng } from '../../engine/util';
import type { SeedLanguage } from '../emulator/seed';
import { DEPARTMENTS, int, pick } from './slots';

/**
 * What real e-mail-born tickets carry besides the request: greetings, signatures with phone
 * numbers and addresses, quoted earlier mails, disclaimers, typos. The text pipeline has to
 * see through it; the demo puts it there so the benchmark is not flattered.
 */

const GREETINGS: Record<SeedLanguage, readonly string[]> = {
  en: ['Hi,', 'Hello team,', 'Hi all,', 'Dear IT,', 'Good morning,', 'Hello,'],
  de: ['Hallo,', 'Hallo zusammen,', 'Guten Morgen,', 'Liebes Team,', 'Sehr geehrte Damen und Herren,', 'Hi,'],
};

const CLOSINGS: Record<SeedLanguage, readonly string[]> = {
  en: ['Thanks', 'Thanks in advance', 'Best regards', 'Kind regards', 'Cheers'],
  de: ['Danke', 'Vielen Dank im Voraus', 'Viele Grüße', 'Mit freundlichen Grüßen', 'Beste Grüße', 'LG'],
};

const URGENCY: Record<SeedLanguage, readonly string[]> = {
  en: [
    'This is urgent, I have a customer meeting at 2 pm.',
    'Not urgent, whenever you have time.',
    'Please help asap!!',
  ],
  de: [
    'Ist dringend, ich habe um 14 Uhr einen Kundentermin.',
    'Nicht dringend, wenn ihr Zeit habt.',
    'Bitte schnell helfen!!',
  ],
};

const DISCLAIMER =
  'This e-mail may contain confidential information. If you are not the intended recipient, please notify the sender. / Diese E-Mail kann vertrauliche Informationen enthalten.';

export function signature(rng: Rng, name: string, email: string, language: SeedLanguage): string {
  const phone = `+49 ${int(rng, 30, 89)} ${int(rng, 1000000, 9999999)}`;
  const lines = [`${pick(rng, CLOSINGS[language])}`, name];
  if (rng() < 0.6) lines.push(pick(rng, DEPARTMENTS));
  if (rng() < 0.5) lines.push(`${language === 'de' ? 'Tel.' : 'Phone'} ${phone}`);
  if (rng() < 0.4) lines.push(email);
  return lines.join('\n');
}

export function greeting(rng: Rng, language: SeedLanguage): string {
  return pick(rng, GREETINGS[language]);
}

export function urgencyLine(rng: Rng, language: SeedLanguage): string {
  return pick(rng, URGENCY[language]);
}

/** An earlier mail quoted under the request, as mail clients do. */
export function quotedReply(rng: Rng, earlier: string, sender: string, language: SeedLanguage): string {
  const head =
    language === 'de'
      ? `Am ${int(rng, 1, 28)}.${int(rng, 1, 12)}. schrieb ${sender}:`
      : `On ${pick(rng, ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'])}, ${sender} wrote:`;
  return `${head}\n${earlier
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n')}`;
}

export function disclaimer(): string {
  return DISCLAIMER;
}

export function mobileFooter(rng: Rng, language: SeedLanguage): string {
  return language === 'de'
    ? pick(rng, ['Von meinem iPhone gesendet', 'Gesendet von Outlook für Android'])
    : pick(rng, ['Sent from my iPhone', 'Sent from Outlook for Android']);
}

/** Swaps two adjacent letters in about `rate` of the longer words, as hurried typing does. */
export function addTypos(rng: Rng, text: string, rate: number): string {
  return text.replace(/\p{L}{5,}/gu, (word) => {
    if (rng() >= rate) return word;
    const chars = [...word];
    const i = int(rng, 1, chars.length - 2);
    const a = chars[i] as string;
    chars[i] = chars[i + 1] as string;
    chars[i + 1] = a;
    return chars.join('');
  });
}
