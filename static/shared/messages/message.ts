/**
 * One UI text in both languages the app speaks. English and German stand side by side, so a key
 * cannot be added in one language only (the type requires both; test/static/shared/i18n.test.ts
 * refuses empty texts and differing placeholders).
 */
export interface Message {
  en: string;
  de: string;
}

/** A group of messages; `satisfies` keeps the literal keys, so `t()` only accepts known ones. */
export type Messages = Record<string, Message>;
