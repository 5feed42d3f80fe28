import { createContext, useContext } from 'react';
import { adminMessages } from './messages/admin';
import { knowledgeMessages } from './messages/knowledge';
import { panelMessages } from './messages/panel';
import { queueMessages } from './messages/queue';
import { routingMessages } from './messages/routing';
import { sharedMessages } from './messages/shared';
import { slaMessages } from './messages/sla';

export type Locale = 'en' | 'de';

/** Forge gives locales like `de_DE` or `en-US`; the app speaks German or English. */
export function toLocale(raw: string | null | undefined): Locale {
  return typeof raw === 'string' && raw.toLowerCase().startsWith('de') ? 'de' : 'en';
}

/**
 * The one catalogue of UI texts. Each area keeps its texts in its own file under messages/, every
 * key with its English and German text side by side; add a key there (never a literal in a
 * component, never prose from the server: the server sends codes and numbers).
 */
const groups = [
  sharedMessages,
  panelMessages,
  routingMessages,
  slaMessages,
  adminMessages,
  knowledgeMessages,
  queueMessages,
] as const;

type Catalogue = typeof sharedMessages &
  typeof panelMessages &
  typeof routingMessages &
  typeof slaMessages &
  typeof adminMessages &
  typeof knowledgeMessages &
  typeof queueMessages;

export type MessageKey = Extract<keyof Catalogue, string>;

const catalogue = Object.assign({}, ...groups) as Catalogue;

export const MESSAGE_KEYS = Object.keys(catalogue) as MessageKey[];

/** Every group's own keys, so a test can refuse a key defined in two groups (the later would win). */
export const MESSAGE_GROUP_KEYS: readonly (readonly string[])[] = groups.map((g) => Object.keys(g));

/** A message's text in one language (for tests and the few places that need both). */
export function messageText(key: MessageKey, locale: Locale): string {
  return catalogue[key][locale];
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** Looks a message up and fills `{name}` placeholders; unknown placeholders stay visible. */
export function translator(locale: Locale): Translate {
  return (key, vars) =>
    catalogue[key][locale].replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = vars?.[name];
      return value === undefined ? whole : String(value);
    });
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(catalogue, key);
}

export const I18nContext = createContext<{ locale: Locale; t: Translate }>({
  locale: 'en',
  t: translator('en'),
});

export function useI18n(): { locale: Locale; t: Translate } {
  return useContext(I18nContext);
}
