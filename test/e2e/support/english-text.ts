import { adminMessages } from '../../../static/shared/messages/admin';
import { knowledgeMessages } from '../../../static/shared/messages/knowledge';
import type { Messages } from '../../../static/shared/messages/message';
import { panelMessages } from '../../../static/shared/messages/panel';
import { routingMessages } from '../../../static/shared/messages/routing';
import { sharedMessages } from '../../../static/shared/messages/shared';
import { slaMessages } from '../../../static/shared/messages/sla';

const groups: Messages[] = [
  sharedMessages,
  panelMessages,
  routingMessages,
  slaMessages,
  adminMessages,
  knowledgeMessages,
];

/**
 * The literal parts of the catalogue's English texts that German never uses: any of them in the
 * German UI is English left behind (a text not from the catalogue, or worded on the server).
 * Placeholders split a text; parts of three letters or fewer, and parts any German text also
 * contains (product words such as "SLA"), are left out.
 */
export function englishOnlyFragments(): string[] {
  const messages = groups.flatMap((g) => Object.values(g));
  const german = messages.map((m) => m.de).join('\n');
  const fragments = new Set<string>();
  for (const m of messages) {
    if (m.en === m.de) continue;
    for (const part of m.en.split(/\{[^}]*\}/)) {
      const text = part.replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '');
      if (text.replace(/[^\p{L}]/gu, '').length > 3 && !german.includes(text)) fragments.add(text);
    }
  }
  return [...fragments];
}

/** The fragments found in `text` as whole words, each with the words around it. */
export function englishIn(withUserText: string, fragments: readonly string[]): string[] {
  // User content inside a message is bidi-isolated (FSI … PDI), as <bdi> is elsewhere: not the UI's words.
  const text = withUserText.replace(/\u2068[^\u2069]*\u2069/g, ' ');
  return fragments.flatMap((f) => {
    const escaped = f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const match = new RegExp(`(^|[^\\p{L}])${escaped}($|[^\\p{L}])`, 'u').exec(text);
    if (!match) return [];
    const around = text
      .slice(Math.max(0, match.index - 40), match.index + f.length + 40)
      .replace(/\s+/g, ' ');
    return [`${f}: …${around}…`];
  });
}
