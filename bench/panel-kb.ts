/**
 * The panel bench's knowledge base: articles written from the corpus's own resolved tickets
 * (title = summary, body = description and the last reply), searched the way the emulator
 * answers JSM's `query` (src/local/emulator/knowledge-base.ts), so every panel gets as many hits as a
 * desk whose articles are about its own tickets: 20 asked, 12 read in full, then ranked.
 */
import type { KnowledgeBaseArticle, ServiceDesk } from '../src/core/ports/jira';
import type { Ticket } from '../src/core/shared/ticket';
import { jsmSearch } from '../src/local/emulator/knowledge-base';
import type { SeedArticle } from '../src/local/emulator/seed';

export interface BenchKnowledgeBase {
  articles: number;
  getServiceDesks(): ServiceDesk[];
  search(query: string, limit: number): KnowledgeBaseArticle[];
  view(pageId: string): string;
}

const BASE = 'https://bench.example.net';

export function corpusKnowledgeBase(tickets: readonly Ticket[], count: number): BenchKnowledgeBase {
  const resolved = tickets.filter((t) => t.statusCategory === 'done' && t.description.length > 80);
  const step = Math.max(1, Math.floor(resolved.length / count));
  const articles: SeedArticle[] = resolved
    .filter((_, i) => i % step === 0)
    .slice(0, count)
    .map((t, i) => ({
      id: String(700_000 + i),
      projectKey: t.projectKey,
      language: 'en',
      title: t.summary.slice(0, 200),
      body: [t.description, t.comments.at(-1)?.body ?? ''].join('\n\n').slice(0, 8_000),
    }));
  const byId = new Map(articles.map((a) => [a.id, a]));
  const projects = [...new Set(tickets.map((t) => t.projectKey))].sort();
  return {
    articles: articles.length,
    getServiceDesks: () =>
      projects.map((key, i) => ({
        id: String(i + 1),
        projectId: String(10_000 + i),
        projectKey: key,
        projectName: key,
      })),
    // Every desk shares the one knowledge base: the worst case, the most articles per search.
    search: (query, limit) =>
      jsmSearch(articles, query)
        .slice(0, limit)
        .map((a) => ({
          title: a.title,
          excerpt: a.body.slice(0, 200),
          url: `${BASE}/rest/servicedeskapi/knowledgebase/article/view/${a.id}`,
          pageId: a.id,
          spaceKey: a.projectKey,
        })),
    view: (pageId) => {
      const a = byId.get(pageId);
      if (!a) throw new Error(`no article ${pageId}`);
      return a.body;
    },
  };
}
