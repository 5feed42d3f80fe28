/** A short duration in words for drivers: "45 min", "6 h", "2.5 d". */
export function formatDuration(ms: number, locale: 'en' | 'de' = 'en'): string {
  if (!Number.isFinite(ms)) return locale === 'de' ? 'unbekannt' : 'unknown';
  const sign = ms < 0 ? '−' : '';
  const a = Math.abs(ms);
  const minutes = a / 60_000;
  const num = (v: number): string => {
    const s = v >= 10 ? String(Math.round(v)) : String(Math.round(v * 10) / 10);
    return locale === 'de' ? s.replace('.', ',') : s;
  };
  if (minutes < 60) return `${sign}${Math.round(minutes)} min`;
  const hours = minutes / 60;
  if (hours < 48) return `${sign}${num(hours)} h`;
  return `${sign}${num(hours / 24)} ${locale === 'de' ? 'T' : 'd'}`;
}
