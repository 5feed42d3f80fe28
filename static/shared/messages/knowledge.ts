import type { Messages } from './message';

/** The panel's knowledge section and the known-outage banner. */
export const knowledgeMessages = {
  knowledge: { en: 'Knowledge articles', de: 'Wissensartikel' },
  'empty_no-service-desk': {
    en: 'This project has no service desk, so no knowledge base.',
    de: 'Dieses Projekt hat kein Service Desk und damit keine Wissensdatenbank.',
  },
  'empty_no-articles': {
    en: 'No article in this desk’s knowledge base matches this request.',
    de: 'Kein Artikel der Wissensdatenbank dieses Desks passt zu dieser Anfrage.',
  },
  articleOpen: { en: 'Open {title}', de: '{title} öffnen' },
  articleShare: { en: 'Share with customer', de: 'Mit Kunden teilen' },
  articleShareLabel: {
    en: 'Share {title} with the customer in a public comment',
    de: '{title} in einem öffentlichen Kommentar mit dem Kunden teilen',
  },
  articleShared: { en: 'Shared', de: 'Geteilt' },
  articleHelped: { en: 'Helped', de: 'Hat geholfen' },
  articleNotHelped: { en: 'Did not help', de: 'Hat nicht geholfen' },
  articleHelpedLabel: { en: '{title} helped', de: '{title} hat geholfen' },
  articleNotHelpedLabel: { en: '{title} did not help', de: '{title} hat nicht geholfen' },
  articleSolvedSimilar: {
    en: 'Solved {count} similar tickets',
    de: 'Hat {count} ähnliche Tickets gelöst',
  },
  articleSolvedSimilarOne: { en: 'Solved 1 similar ticket', de: 'Hat 1 ähnliches Ticket gelöst' },
  articleRatings: {
    en: 'Helped {helped}× · did not help {notHelped}×',
    de: 'Geholfen {helped}× · nicht geholfen {notHelped}×',
  },
  articleOtherLanguage: { en: 'In another language', de: 'In einer anderen Sprache' },
  doneArticleShared: {
    en: '{title} shared with the customer.',
    de: '{title} mit dem Kunden geteilt.',
  },
  doneArticleRated: {
    en: 'Thanks, your feedback on {title} is recorded.',
    de: 'Danke, Ihre Rückmeldung zu {title} ist gespeichert.',
  },
  outageTitle: {
    en: 'Possibly part of an ongoing outage',
    de: 'Möglicherweise Teil einer laufenden Störung',
  },
  outageBurst: {
    en: '{count} similar tickets in the last {hours} h',
    de: '{count} ähnliche Tickets in den letzten {hours} h',
  },
  outageBurstOne: {
    en: '1 similar ticket in the last {hours} h',
    de: '1 ähnliches Ticket in den letzten {hours} h',
  },
  outageKnownProblem: {
    en: 'Similar tickets belong to an open problem',
    de: 'Ähnliche Tickets gehören zu einem offenen Problem',
  },
  outageKnownMajor: {
    en: 'Similar tickets belong to an open major incident',
    de: 'Ähnliche Tickets gehören zu einem offenen Major Incident',
  },
  outageProblem: { en: 'problem {key}', de: 'Problem {key}' },
  outageMajor: { en: 'major incident {key}', de: 'Major Incident {key}' },
  outageMajorLabel: { en: 'Major incident', de: 'Major Incident' },
  outageDismiss: { en: 'Not part of this outage', de: 'Gehört nicht zu dieser Störung' },
  outageDismissed: {
    en: 'Outage notice hidden: you marked this ticket as not part of it.',
    de: 'Störungshinweis ausgeblendet: als nicht zugehörig markiert.',
  },
  outageShowAgain: { en: 'Show again', de: 'Wieder anzeigen' },
  doneOutageDismissed: {
    en: 'Noted: this ticket is not part of the outage.',
    de: 'Vermerkt: Dieses Ticket gehört nicht zur Störung.',
  },
  doneOutageRestored: { en: 'Outage notice shown again.', de: 'Störungshinweis wieder angezeigt.' },
  doneMajorLinked: {
    en: 'Linked to major incident {key}.',
    de: 'Mit Major Incident {key} verknüpft.',
  },
  outageNoProblem: { en: 'no problem ticket yet', de: 'noch kein Problem-Ticket' },
  outageLink: { en: 'Link to {key}', de: 'Mit {key} verknüpfen' },
  outageLinked: { en: 'Linked to {key}', de: 'Mit {key} verknüpft' },
  doneOutageLinked: {
    en: 'Linked to problem {key}.',
    de: 'Mit Problem {key} verknüpft.',
  },
  tabKnowledgeGaps: { en: 'Knowledge gaps', de: 'Wissenslücken' },
  gapsTitle: { en: 'Questions no article answers', de: 'Fragen ohne Artikel' },
  gapsIntro: {
    en: '{tickets} tickets resolved in the last {days} days, {answered} of them answered by an article ({articles} articles compared). Groups of the rest, by hours open:',
    de: '{tickets} Tickets in den letzten {days} Tagen gelöst, {answered} davon durch einen Artikel beantwortet ({articles} Artikel verglichen). Gruppen der übrigen, nach offenen Stunden:',
  },
  noGaps: {
    en: 'No group of resolved tickets without an article.',
    de: 'Keine Gruppe gelöster Tickets ohne Artikel.',
  },
  gapsHours: { en: 'Hours open', de: 'Stunden offen' },
  gapsOutline: { en: 'Draft outline', de: 'Entwurf' },
  gapsNearest: { en: 'Closest article', de: 'Nächster Artikel' },
  gapsFrom: { en: 'From the resolution of {key}:', de: 'Aus der Lösung von {key}:' },
  gapsNoResolution: { en: 'No public reply to draft from.', de: 'Keine öffentliche Antwort als Vorlage.' },
  gapsUnhelpful: { en: 'Articles that never helped', de: 'Artikel, die nie geholfen haben' },
  gapsUnhelpfulRule: {
    en: 'At least 3 agents said “did not help”, and “helped” is at most a quarter of the ratings.',
    de: 'Mindestens 3 Agenten sagten „hat nicht geholfen“, und „hat geholfen“ ist höchstens ein Viertel der Bewertungen.',
  },
  gapsConflictRule: {
    en: 'Same language, the same question (titles alike, or both answer the same resolved tickets: at least 3, and half of those either answers) and bodies that differ.',
    de: 'Gleiche Sprache, dieselbe Frage (ähnliche Titel, oder beide beantworten dieselben gelösten Tickets: mindestens 3 und die Hälfte derer, die einer beantwortet) und verschiedene Inhalte.',
  },
  gapsSharedTickets: {
    en: 'Both answer {count} resolved tickets:',
    de: 'Beide beantworten {count} gelöste Tickets:',
  },
  gapsOnlyIn: { en: 'Only in {title}: {words}', de: 'Nur in {title}: {words}' },
  noUnhelpful: {
    en: 'No article was rated unhelpful often enough.',
    de: 'Kein Artikel wurde oft genug als nicht hilfreich bewertet.',
  },
  gapsConflicting: { en: 'Articles that contradict each other', de: 'Artikel, die sich widersprechen' },
  noConflicting: {
    en: 'No two articles ask the same with different answers.',
    de: 'Keine zwei Artikel stellen dieselbe Frage mit verschiedenen Antworten.',
  },
  gapsArticle: { en: 'Article', de: 'Artikel' },
  gapsOtherArticle: { en: 'Other article', de: 'Anderer Artikel' },
  gapsWhy: { en: 'Why', de: 'Warum' },
  gapsConflictWhy: {
    en: 'Titles alike ({question}), bodies differ ({answer})',
    de: 'Titel ähnlich ({question}), Inhalt verschieden ({answer})',
  },
} satisfies Messages;
