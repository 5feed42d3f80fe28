import { formatDuration } from './format-duration';
import type { SlaDriver } from './types';

/**
 * A history segment ("priority=High|type=VPN") in words ("priority High, VPN"): the key names
 * are the engine's, the values the site's.
 */
export function segmentInWords(segment: string, locale: 'en' | 'de' = 'en'): string {
  const parts = segment.split('|').flatMap((part) => {
    const at = part.indexOf('=');
    if (at < 0) return [part];
    const key = part.slice(0, at);
    const value = part.slice(at + 1);
    if (value === '' || value === '-') return [];
    if (key === 'priority') return [`${locale === 'de' ? 'Priorität' : 'priority'} ${value}`];
    return [value];
  });
  return parts.length > 0 ? parts.join(', ') : segment;
}

/** One driver as a sentence fragment for the panel, in English or German. */
export function describeDriver(driver: SlaDriver, locale: 'en' | 'de' = 'en'): string {
  const d = (ms: number): string => formatDuration(ms, locale);
  const de = locale === 'de';
  switch (driver.code) {
    case 'similar-take':
      return de
        ? `ähnliche Tickets (${segmentInWords(driver.segment, locale)}) brauchen ${d(driver.medianMs)}, noch ${d(driver.remainingMs)}`
        : `similar tickets (${segmentInWords(driver.segment)}) take ${d(driver.medianMs)}, ${d(driver.remainingMs)} left`;
    case 'queue-load': {
      const who =
        driver.who === 'team'
          ? de
            ? 'Team-Queue'
            : 'team queue'
          : de
            ? 'Queue des Bearbeiters'
            : "assignee's queue";
      const ratio = (Math.round(driver.ratio * 10) / 10).toString();
      if (driver.ratio < 1) {
        return de
          ? `${who} ist leerer als üblich (${ratio.replace('.', ',')}x)`
          : `${who} is lighter than usual (${ratio}x)`;
      }
      return de
        ? `${who} ist ${ratio.replace('.', ',')}x so voll wie üblich`
        : `${who} is ${ratio}x its usual`;
    }
    case 'goal-used': {
      const pct = Math.round(driver.share * 100);
      return de ? `${pct} % des SLA-Ziels verbraucht` : `${pct} % of the SLA goal used`;
    }
    case 'paused':
      return de
        ? 'SLA-Uhr pausiert: Risiko gilt ab Wiederaufnahme'
        : 'SLA clock paused: risk assumes it resumes now';
    case 'outside-hours':
      return de
        ? 'außerhalb der Servicezeiten: die Uhr steht'
        : 'outside calendar hours: the clock is stopped';
    case 'breached':
      return de ? 'SLA bereits verletzt' : 'SLA already breached';
    case 'little-history':
      return de
        ? `nur ${driver.support} ähnliche Tickets im Verlauf: Schätzung stützt sich auf alle Tickets`
        : `only ${driver.support} similar tickets in history: the estimate leans on all tickets`;
    case 'beyond-history':
      return de
        ? 'älter als jedes Ticket im Verlauf: Regel nach Restzeit verwendet'
        : 'older than every ticket in history: falling back to the remaining-time rule';
  }
}
