import type { Rng } from '../../engine/util';
import type { SeedLanguage } from '../emulator/seed';

/** Values for the `{slot}`s in the catalog's templates; a few depend on the language. */

export const FIRST_NAMES = [
  'Anna',
  'Lukas',
  'Sophie',
  'Jonas',
  'Marie',
  'Felix',
  'Laura',
  'Paul',
  'Emma',
  'Leon',
  'Mia',
  'Noah',
  'Hannah',
  'Elias',
  'Lea',
  'Ben',
  'Olivia',
  'James',
  'Priya',
  'Mehmet',
  'Aylin',
  'Tomasz',
  'Katarzyna',
  'Sven',
  'Ingrid',
  'Chloé',
  'Luca',
  'Giulia',
  'Oliver',
  'Charlotte',
  'Jürgen',
  'Sabine',
  'Dieter',
  'Ursula',
  'Wei',
  'Aisha',
];
export const LAST_NAMES = [
  'Müller',
  'Schmidt',
  'Schneider',
  'Fischer',
  'Weber',
  'Meyer',
  'Wagner',
  'Becker',
  'Schulz',
  'Hoffmann',
  'Koch',
  'Richter',
  'Klein',
  'Wolf',
  'Schröder',
  'Neumann',
  'Braun',
  'Zimmermann',
  'Smith',
  'Johnson',
  'Brown',
  'Patel',
  'Nowak',
  'Yılmaz',
  'Rossi',
  'Dubois',
  'Andersson',
  "O'Brien",
  'Kowalski',
  'Lehmann',
  'Krüger',
  'Hartmann',
];
export const DEPARTMENTS = [
  'Finance',
  'Controlling',
  'Sales',
  'Marketing',
  'Engineering',
  'Logistics',
  'Procurement',
  'Legal',
  'Customer Service',
  'R&D',
];
export const CITIES = [
  'Berlin',
  'München',
  'Hamburg',
  'Köln',
  'Frankfurt',
  'Stuttgart',
  'Leipzig',
  'London',
  'Wien',
  'Zürich',
];
const APPS = [
  'SAP',
  'Outlook',
  'Teams',
  'Jira',
  'Confluence',
  'SharePoint',
  'Salesforce',
  'DATEV',
  'Workday',
  'ServiceNow',
  'Power BI',
  'OneDrive',
];
const SOFTWARE = [
  'Adobe Acrobat Pro',
  'Visual Studio Code',
  'Microsoft Visio',
  'MATLAB',
  'Python 3.12',
  'Power BI Desktop',
  'Tableau',
  'SnagIt',
  'AutoCAD LT',
  'Notepad++',
  'Docker Desktop',
  'Miro',
];
const DEVICES = [
  'ThinkPad T14',
  'ThinkPad X1 Carbon',
  'Dell Latitude 5440',
  'MacBook Pro 14',
  'Surface Pro 9',
  'HP EliteBook 840',
];
const PRINTERS = ['PRN-1-OG-02', 'PRN-3-OG-01', 'HP M507 Empfang', 'Canon iR-ADV C5560', 'PRN-EG-Poststelle'];
const VPN_ERRORS = [
  'Gateway unreachable',
  'Authentication failed',
  'Error 809',
  'Portal certificate not trusted',
  'The network connection was lost',
];
const MFA_ERRORS = ['AADSTS50076', 'AADSTS50158', 'AADSTS53003', 'code 500121'];
const DESK_ERRORS = ['E01', 'E04', 'HOT', 'RST'];
const ROLES = ['Approver', 'Read only', 'Editor', 'Key user', 'Project admin', 'Buchhalter'];
const TCODES = ['FB60', 'ME21N', 'VA01', 'F-53', 'MIGO', 'SE16N'];
const HR_SYSTEMS = ['Workday', 'SAP SuccessFactors', 'Personio', 'das Zeitportal'];
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const MONTHS_DE = [
  'Januar',
  'Februar',
  'März',
  'April',
  'Mai',
  'Juni',
  'Juli',
  'August',
  'September',
  'Oktober',
  'November',
  'Dezember',
];

export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new RangeError('pick from an empty list');
  return item;
}

export function int(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

export function personName(rng: Rng): string {
  return `${pick(rng, FIRST_NAMES)} ${pick(rng, LAST_NAMES)}`;
}

/** `Jürgen O'Brien` → `juergen.obrien`: how the demo company builds its addresses. */
export function mailLocalPart(name: string): string {
  return name
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z ]/g, '')
    .trim()
    .replace(/\s+/g, '.');
}

function dayLabel(rng: Rng, language: SeedLanguage): string {
  const day = int(rng, 1, 28);
  const month = int(rng, 0, 11);
  return language === 'de'
    ? `${day}.${month + 1}.`
    : `${pick(rng, MONTHS_EN.slice(month, month + 1))} ${day}`;
}

/** Fills every `{slot}` of a template; unknown slots are left visible so a catalog typo shows. */
export function fillSlots(template: string, rng: Rng, language: SeedLanguage): string {
  return template.replace(/\{(\w+)\}/g, (whole, slot: string) => {
    switch (slot) {
      case 'app':
        return pick(rng, APPS);
      case 'software':
        return pick(rng, SOFTWARE);
      case 'device':
        return pick(rng, DEVICES);
      case 'printer':
        return pick(rng, PRINTERS);
      case 'vpnerror':
        return pick(rng, VPN_ERRORS);
      case 'mfaerror':
        return pick(rng, MFA_ERRORS);
      case 'deskerror':
        return pick(rng, DESK_ERRORS);
      case 'role':
        return pick(rng, ROLES);
      case 'tcode':
        return pick(rng, TCODES);
      case 'hrsystem':
        return pick(rng, HR_SYSTEMS);
      case 'dept':
        return pick(rng, DEPARTMENTS);
      case 'city':
        return pick(rng, CITIES);
      case 'person':
        return personName(rng);
      case 'user':
        return `${pick(rng, ['a', 'b', 'x', 'e'])}${int(rng, 10000, 99999)}`;
      case 'empno':
        return String(int(rng, 100000, 999999));
      case 'asset':
        return `IT-${int(rng, 10000, 99999)}`;
      case 'host':
        return `WS-${pick(rng, ['BER', 'MUC', 'HAM', 'FRA', 'LON'])}-${int(rng, 1000, 9999)}`;
      case 'ip':
        return rng() < 0.5
          ? `10.${int(rng, 0, 254)}.${int(rng, 0, 254)}.${int(rng, 1, 254)}`
          : `192.168.${int(rng, 0, 254)}.${int(rng, 1, 254)}`;
      case 'url':
        return `https://${pick(rng, ['intranet', 'portal', 'sso', 'share'])}.example-corp.com/${pick(rng, ['reset', 'sites/finance', 'app/login', 'guest', 'kb/1234'])}`;
      case 'mailbox':
        return `${pick(rng, ['buchhaltung', 'einkauf', 'support-team', 'sales-emea', 'hr-info'])}@example-corp.com`;
      case 'version':
        return `${int(rng, 1, 24)}.${int(rng, 0, 12)}.${int(rng, 0, 9999)}`;
      case 'building':
        return language === 'de'
          ? `Gebäude ${pick(rng, ['A', 'B', 'C', 'D'])}`
          : `Building ${pick(rng, ['A', 'B', 'C', 'D'])}`;
      case 'room':
        return `${int(rng, 0, 5)}.${String(int(rng, 1, 40)).padStart(2, '0')}`;
      case 'floor':
        return String(int(rng, 1, 6));
      case 'month':
        return pick(rng, language === 'de' ? MONTHS_DE : MONTHS_EN);
      case 'date':
      case 'date2':
        return dayLabel(rng, language);
      case 'days':
        return String(int(rng, 2, 20));
      case 'days2':
        return String(int(rng, 21, 30));
      case 'hours':
        return String(int(rng, 3, 25));
      default:
        return whole;
    }
  });
}
