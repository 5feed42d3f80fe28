import { createRng } from '../../src/engine/util';
import type { LabelledTicket } from '../../src/engine/classify';

/** Seeded German and English tickets for four classes, with shared filler words as noise. */
const VOCAB: Record<string, { en: string[]; de: string[] }> = {
  Hardware: {
    en: ['printer', 'laptop', 'screen', 'keyboard', 'docking station', 'toner', 'monitor flickers'],
    de: ['Drucker', 'Bildschirm', 'Tastatur', 'Dockingstation', 'Tonerkartusche', 'Laptopakku'],
  },
  Access: {
    en: ['password reset', 'locked account', 'login fails', 'permission', 'vpn access', 'mfa token'],
    de: [
      'Passwort zurücksetzen',
      'Konto gesperrt',
      'Anmeldung',
      'Berechtigung',
      'Zugriffsrechte',
      'Kennwortänderung',
    ],
  },
  Purchase: {
    en: ['order', 'invoice', 'quote', 'purchase request', 'licence renewal', 'supplier'],
    de: ['Bestellung', 'Rechnung', 'Angebot', 'Beschaffungsantrag', 'Lizenzverlängerung', 'Lieferant'],
  },
  HR: {
    en: ['payroll', 'holiday request', 'contract', 'onboarding', 'sick leave', 'salary'],
    de: [
      'Gehaltsabrechnung',
      'Urlaubsantrag',
      'Arbeitsvertrag',
      'Einarbeitung',
      'Krankmeldung',
      'Personalakte',
    ],
  },
};
const FILLER = {
  en: ['please', 'help', 'urgent', 'today', 'since', 'morning', 'colleague', 'issue', 'again', 'office'],
  de: ['bitte', 'dringend', 'heute', 'seit', 'morgen', 'Kollege', 'Problem', 'wieder', 'Büro', 'leider'],
};

export const CLASSES = Object.keys(VOCAB);

export function makeTickets(count: number, seed = 7): (LabelledTicket & { language: 'en' | 'de' })[] {
  const rng = createRng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T;
  return Array.from({ length: count }, (_, i) => {
    const label = CLASSES[i % CLASSES.length] as string;
    const language = rng() < 0.5 ? 'en' : 'de';
    const words = VOCAB[label]![language];
    const summary = `${pick(words)} ${pick(FILLER[language])}`;
    const description = Array.from({ length: 6 }, () =>
      rng() < 0.5 ? pick(words) : pick(FILLER[language]),
    ).join(' ');
    return { text: { summary, description }, label, language };
  });
}
