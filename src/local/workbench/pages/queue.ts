import { html, type SafeHtml } from '../html';

/** The emulated Queues → Apps page: the queue app's iframe for one service project. */
export function queuePage(
  projectKey: string,
  projectKeys: readonly string[],
  theme: 'light' | 'dark',
  locale: 'en' | 'de',
): SafeHtml {
  const src = `/apps/queue/?projectKey=${encodeURIComponent(projectKey)}&theme=${theme}&locale=${locale}`;
  const links = projectKeys.map((k) =>
    k === projectKey ? html`<strong>${k}</strong> ` : html`<a href="/queue?project=${k}">${k}</a> `,
  );
  return html`<h1>Queues · Triage Lens</h1>
    <p>Service project: ${links}</p>
    <iframe
      title="Triage Lens queue triage"
      src="${src}"
      data-testid="queue-frame"
      style="width:100%;height:calc(100vh - 170px);min-height:700px;border:1px solid var(--border);border-radius:3px;background:var(--bg)"
    ></iframe>`;
}
