/**
 * Parses the date formats that ticket exports use, as UTC epoch milliseconds (NaN when the text
 * is not a date). Exports carry no zone unless ISO says so, so zone-less times are read as UTC:
 * differences and orderings, which is all the engine needs, stay right.
 *
 * - ISO 8601: `2026-11-22T14:31:00Z`, `2026-11-22 14:31`, `2026-11-22T14:31:00+01:00`, `2026-11-22`
 * - Jira export: `30/Sep/21 17:20`, `22/Nov/26 2:31 PM`, `22/Nov/2026 14:31`
 * - day-first numeric (ServiceNow log): `29/2/2016 01:16`, `13/03/2016 4:57`
 */
const MONTHS: Record<string, number> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  oct: 9,
  nov: 10,
  dec: 11,
  // German exports: Mär/Mrz, Mai, Okt, Dez
  mär: 2,
  mrz: 2,
  mai: 4,
  okt: 9,
  dez: 11,
};

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const DAY_MONTH_YEAR =
  /^(\d{1,2})[/.-]([A-Za-zäÄ]{3}|\d{1,2})[/.-](\d{2}|\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;

export function parseDate(text: string): number {
  const s = text.trim();
  if (s === '' || s === '?') return Number.NaN;
  const iso = ISO.exec(s);
  if (iso) {
    const [, y, mo, d, h, mi, sec, frac, zone] = iso;
    const millis = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
    const wall = Date.UTC(
      Number(y),
      Number(mo) - 1,
      Number(d),
      Number(h ?? 0),
      Number(mi ?? 0),
      Number(sec ?? 0),
      millis,
    );
    if (Number.isNaN(validDate(wall, Number(mo) - 1, Number(d)))) return Number.NaN;
    if (!zone || zone.toUpperCase() === 'Z') return wall;
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    return wall - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000;
  }
  const dmy = DAY_MONTH_YEAR.exec(s);
  if (dmy) {
    const [, d, mo, y, h, mi, sec, ampm] = dmy;
    const month = /^\d+$/.test(mo ?? '') ? Number(mo) - 1 : MONTHS[(mo ?? '').toLowerCase()];
    if (month === undefined || month < 0 || month > 11) return Number.NaN;
    let year = Number(y);
    if ((y ?? '').length === 2) year += year < 70 ? 2000 : 1900;
    let hour = Number(h ?? 0);
    if (ampm) {
      if (hour < 1 || hour > 12) return Number.NaN;
      const pm = ampm.toLowerCase() === 'pm';
      hour = (hour % 12) + (pm ? 12 : 0);
    }
    const t = Date.UTC(year, month, Number(d), hour, Number(mi ?? 0), Number(sec ?? 0));
    return validDate(t, month, Number(d));
  }
  return Number.NaN;
}

/** Rejects rollovers such as 31/Feb (Date.UTC would quietly move them to March). */
function validDate(t: number, month: number, day: number): number {
  if (!Number.isFinite(t)) return Number.NaN;
  const d = new Date(t);
  return d.getUTCMonth() === month && d.getUTCDate() === day ? t : Number.NaN;
}
