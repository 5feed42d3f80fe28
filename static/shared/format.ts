import { translator, type Locale } from './i18n';

const intlLocale: Record<Locale, string> = { en: 'en-GB', de: 'de-DE' };

export function formatPercent(value: number, locale: Locale): string {
  if (!Number.isFinite(value)) return '–';
  return new Intl.NumberFormat(intlLocale[locale], { style: 'percent', maximumFractionDigits: 0 }).format(
    value,
  );
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale[locale]).format(value);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A duration as an agent says it: "2 d 4 h", "3 h 20 min", "45 min". Negative values keep their
 * sign so "overdue" can be phrased by the caller. Two units at most; more is noise in a side panel.
 */
export function formatDuration(ms: number, locale: Locale): string {
  if (!Number.isFinite(ms)) return '–';
  const sign = ms < 0 ? '−' : '';
  let rest = Math.round(Math.abs(ms) / MINUTE) * MINUTE;
  const days = Math.floor(rest / DAY);
  rest -= days * DAY;
  const hours = Math.floor(rest / HOUR);
  rest -= hours * HOUR;
  const minutes = Math.round(rest / MINUTE);
  const t = translator(locale);
  const parts: string[] = [];
  if (days > 0) parts.push(t('durationDays', { n: days }));
  if (hours > 0) parts.push(t('durationHours', { n: hours }));
  if (minutes > 0 && days === 0) parts.push(t('durationMinutes', { n: minutes }));
  if (parts.length === 0) return t('durationMinutes', { n: 0 });
  return sign + parts.slice(0, 2).join(' ');
}

export function formatDateTime(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '–';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: 'medium', timeStyle: 'short' }).format(
    date,
  );
}

/** An ISO date (`2026-12-24`) as the locale writes it; anything else as it came. */
export function formatDate(isoDate: string, locale: Locale): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(isoDate) ? new Date(`${isoDate}T00:00:00Z`) : null;
  if (date === null || Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** A field value as text: one option or several joined; null shows as the caller's "none". */
export function formatValue(value: string | readonly string[] | null, none: string): string {
  if (value === null) return none;
  if (typeof value === 'string') return value === '' ? none : value;
  return value.length === 0 ? none : value.join(', ');
}
