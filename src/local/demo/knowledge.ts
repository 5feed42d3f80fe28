import type { Rng } from '../../engine/util';
import type { SeedArticle, SeedLanguage, SeedTeam, SeedUser } from '../emulator/seed';
import { REQUEST_TYPES, type DeskKey } from './catalog';
import { fillSlots } from './slots';

/**
 * The demo desks' knowledge bases: one how-to article per request type in English and German
 * (symptoms as customers describe them, then the fixes agents apply), a few general articles
 * that answer nothing in particular but share words with many requests, and one runbook only
 * the network team may read. `KnowledgeTruth` says which article answers which request.
 */

/** Article titles per request type, as a knowledge manager would name them. */
const TITLES: Record<string, { en: string; de: string }> = {
  'Reset a password': {
    en: 'Unlock your account or reset your password and MFA',
    de: 'Konto entsperren, Passwort und MFA zurücksetzen',
  },
  'VPN and remote access': {
    en: 'Fix VPN connection problems (GlobalProtect)',
    de: 'VPN-Verbindungsprobleme beheben (GlobalProtect)',
  },
  'Laptop or hardware problem': {
    en: 'Laptop, dock and monitor problems: what to try and how to get a loaner',
    de: 'Probleme mit Laptop, Dockingstation und Monitor: was hilft, wie Sie ein Leihgerät bekommen',
  },
  'Request new software': {
    en: 'How to get new software installed',
    de: 'So bekommen Sie neue Software installiert',
  },
  'Email and calendar': {
    en: 'Outlook mailbox, calendar and shared mailbox problems',
    de: 'Probleme mit Outlook-Postfach, Kalender und Funktionspostfach',
  },
  'Printer and scanning': {
    en: 'Printer offline, paper jams and scan to email',
    de: 'Drucker offline, Papierstau und Scan to Mail',
  },
  'Request access to an application': {
    en: 'Requesting access and roles for applications',
    de: 'Zugriff und Rollen für Anwendungen beantragen',
  },
  'Wi-Fi and network': {
    en: 'Wi-Fi and network port troubleshooting',
    de: 'WLAN- und Netzwerkdosen-Probleme beheben',
  },
  'Get help with Teams or video meetings': {
    en: 'Teams audio, screen sharing and meeting-room video bars',
    de: 'Teams: Audio, Bildschirm teilen und Videosysteme im Besprechungsraum',
  },
  'Payroll question': {
    en: 'Understanding your payslip and payment dates',
    de: 'Ihre Gehaltsabrechnung und Zahltermine verstehen',
  },
  'Leave and absence': {
    en: 'Holiday balance, sick leave and parental leave',
    de: 'Urlaubskonto, Krankmeldung und Elternzeit',
  },
  'Onboard a new employee': {
    en: 'Onboarding checklist for new employees',
    de: 'Onboarding-Checkliste für neue Mitarbeitende',
  },
  Offboarding: {
    en: 'Offboarding: what happens when someone leaves',
    de: 'Offboarding: was beim Austritt passiert',
  },
  'Request a certificate or letter': {
    en: 'Employment certificates and letters',
    de: 'Arbeitszeugnisse und Bescheinigungen',
  },
  'Benefits and pension': {
    en: 'Company pension and benefits explained',
    de: 'Betriebliche Altersvorsorge und Zusatzleistungen erklärt',
  },
  'Heating, cooling and air': {
    en: 'Office too hot, too cold or stuffy',
    de: 'Büro zu warm, zu kalt oder stickig',
  },
  'Repair something in the office': {
    en: 'Reporting repairs in the office',
    de: 'Reparaturen im Büro melden',
  },
  'Book a meeting room or event': {
    en: 'Booking meeting rooms and event spaces',
    de: 'Besprechungsräume und Veranstaltungsflächen buchen',
  },
  'Access card and keys': {
    en: 'Access cards and keys: lost, broken or new',
    de: 'Zutrittskarten und Schlüssel: verloren, defekt oder neu',
  },
  'Parking and cleaning': {
    en: 'Parking permits and cleaning requests',
    de: 'Parkausweise und Reinigungswünsche',
  },
};

const WORDS = {
  en: {
    intro: 'This article helps with',
    symptoms: 'Typical symptoms',
    solution: 'How we solve it',
    outro: 'Still not working? Reply to your request and the service desk will take it from there.',
  },
  de: {
    intro: 'Dieser Artikel hilft bei',
    symptoms: 'Typische Anzeichen',
    solution: 'So lösen wir es',
    outro: 'Klappt es immer noch nicht? Antworten Sie auf Ihre Anfrage, das Service Desk kümmert sich.',
  },
} as const;

/** General pages: they share words with many requests and answer none of them. */
const GENERAL: { desk: DeskKey; en: [string, string]; de: [string, string] }[] = [
  {
    desk: 'IT',
    en: [
      'Working from home: checklist',
      'Before you work from home, check your laptop is charged, your home Wi-Fi works and you know your password. Connect to the VPN for internal applications; Teams and Outlook work without it.',
    ],
    de: [
      'Checkliste fürs Homeoffice',
      'Prüfen Sie vor dem Homeoffice, ob der Laptop geladen ist, Ihr WLAN zu Hause funktioniert und Sie Ihr Passwort kennen. Für interne Anwendungen verbinden Sie sich mit dem VPN; Teams und Outlook gehen auch ohne.',
    ],
  },
  {
    desk: 'IT',
    en: [
      'IT service desk opening hours and contacts',
      'The IT service desk answers requests on working days from 7:00 to 19:00. Urgent outages affecting many people are handled around the clock. Please raise a request in the portal rather than sending an email.',
    ],
    de: [
      'Servicezeiten und Kontakte des IT-Service-Desks',
      'Das IT-Service-Desk bearbeitet Anfragen werktags von 7 bis 19 Uhr. Dringende Störungen, die viele betreffen, werden rund um die Uhr bearbeitet. Bitte stellen Sie eine Anfrage im Portal statt eine E-Mail zu schreiben.',
    ],
  },
  {
    desk: 'HR',
    en: [
      'HR contacts and office hours',
      'HR Operations and Payroll answer requests on working days. For questions about your contract, salary or leave please use the HR portal so your request is tracked.',
    ],
    de: [
      'Ansprechpartner und Sprechzeiten der Personalabteilung',
      'HR Operations und Payroll beantworten Anfragen an Werktagen. Fragen zu Vertrag, Gehalt oder Urlaub stellen Sie bitte über das HR-Portal, damit nichts verloren geht.',
    ],
  },
  {
    desk: 'FAC',
    en: [
      'Building opening hours and reception',
      'The buildings are open from 6:00 to 22:00. Reception is staffed from 8:00 to 18:00 and can help with visitors, deliveries and lost property.',
    ],
    de: [
      'Öffnungszeiten der Gebäude und Empfang',
      'Die Gebäude sind von 6 bis 22 Uhr geöffnet. Der Empfang ist von 8 bis 18 Uhr besetzt und hilft bei Besuchern, Lieferungen und Fundsachen.',
    ],
  },
];

export interface KnowledgeTruth {
  /** Which request type each how-to article answers (general and restricted pages answer none). */
  articleTopic: Record<string, { requestType: string; language: SeedLanguage }>;
  /** The restricted runbook's page id and who may read it. */
  restricted: { pageId: string; readers: string[] };
}

/** Page ids: how-tos from 1001 (two per request type), general pages from 2001, the runbook 3001. */
export function demoArticles(
  rng: Rng,
  teams: readonly SeedTeam[],
  users: readonly SeedUser[],
): { articles: SeedArticle[]; truth: KnowledgeTruth } {
  const articles: SeedArticle[] = [];
  const articleTopic: KnowledgeTruth['articleTopic'] = {};
  REQUEST_TYPES.forEach((spec, i) => {
    for (const language of ['en', 'de'] as const) {
      const words = WORDS[language];
      const book = spec[language];
      const title = TITLES[spec.name]?.[language] ?? spec.name;
      const symptoms = book.summaries.slice(0, 3).map((s) => `- ${fillSlots(s, rng, language)}`);
      const fixes = book.fixes.map((f) => `- ${fillSlots(f, rng, language)}`);
      const id = String(1001 + 2 * i + (language === 'de' ? 1 : 0));
      articles.push({
        id,
        projectKey: spec.desk,
        language,
        title,
        body: [
          `${words.intro}: ${title}.`,
          `${words.symptoms}:\n${symptoms.join('\n')}`,
          `${words.solution}:\n${fixes.join('\n')}`,
          words.outro,
        ].join('\n\n'),
      });
      articleTopic[id] = { requestType: spec.name, language };
    }
  });
  GENERAL.forEach((g, i) => {
    for (const language of ['en', 'de'] as const) {
      const [title, body] = g[language];
      articles.push({
        id: String(2001 + 2 * i + (language === 'de' ? 1 : 0)),
        projectKey: g.desk,
        language,
        title,
        body,
      });
    }
  });
  const network = teams.find((t) => t.name === 'Network');
  const readers = users.filter((u) => u.teamId !== null && u.teamId === network?.id).map((u) => u.accountId);
  articles.push({
    id: '3001',
    projectKey: 'IT',
    language: 'en',
    title: 'Runbook: VPN gateway failover (network team only)',
    body: 'When many VPN tickets arrive within an hour, check the gateway cluster health page first.\n\n- Fail over to the standby gateway.\n- Renew the gateway certificate if it expires within 7 days.\n- Post a status update on the portal banner.',
    restrictedTo: readers,
  });
  return { articles, truth: { articleTopic, restricted: { pageId: '3001', readers } } };
}

/** The how-to articles that answer a request of this type: the one in its language first. */
export function answeringArticles(
  truth: KnowledgeTruth,
  requestType: string,
  language: SeedLanguage,
): string[] {
  return Object.entries(truth.articleTopic)
    .filter(([, t]) => t.requestType === requestType)
    .sort(([, a], [, b]) => Number(b.language === language) - Number(a.language === language))
    .map(([id]) => id);
}
