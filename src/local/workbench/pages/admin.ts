import { html, type SafeHtml } from '../html';

export function adminPage(theme: 'light' | 'dark', locale: 'en' | 'de'): SafeHtml {
  const src = `/apps/admin/?theme=${theme}&locale=${locale}`;
  return html`<h1>Triage Lens settings</h1>
    <iframe
      title="Triage Lens admin"
      src="${src}"
      data-testid="admin-frame"
      style="width:100%;height:calc(100vh - 140px);min-height:800px;border:1px solid var(--border);border-radius:3px;background:var(--bg)"
    ></iframe>`;
}

export function messagePage(heading: string, message: string): SafeHtml {
  return html`<h1>${heading}</h1>
    <p>${message}</p>
    <p><a href="/">Back to tickets</a></p>`;
}
