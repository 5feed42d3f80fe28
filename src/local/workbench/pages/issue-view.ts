import { html, type SafeHtml } from '../html';
import type { IssueView } from '../issue-view-model';
import { formatTime, statusLozenge } from './ticket-list';

const field = (id: string, label: string, value: SafeHtml | string): SafeHtml =>
  html`<div class="field" data-testid="issue-field-${id}">
    <dt>${label}</dt>
    <dd>${value === '' ? html`<span class="muted">None</span>` : value}</dd>
  </div>`;

const list = (values: readonly string[]): SafeHtml | string =>
  values.length === 0 ? '' : html`${values.map((v) => html`<span class="lozenge">${v}</span> `)}`;

const paragraphs = (lines: readonly string[]): SafeHtml =>
  lines.length === 0
    ? html`<p class="muted">No description</p>`
    : html`${lines.map((l) => html`<p>${l}</p>`)}`;

const ISSUE_STYLE = html`<style>
  .issue {
    display: grid;
    grid-template-columns: minmax(0, 1fr) 360px;
    gap: 24px;
    align-items: start;
  }
  .issue h1 {
    font-size: 24px;
    line-height: 28px;
    margin: 4px 0 16px;
  }
  .issue section {
    margin-bottom: 24px;
  }
  .issue h2 {
    font-size: 14px;
    margin: 0 0 8px;
  }
  .issue dl {
    margin: 0;
    border: 1px solid var(--border);
    border-radius: 3px;
    padding: 8px 12px;
  }
  .issue .field {
    display: grid;
    grid-template-columns: 120px 1fr;
    padding: 4px 0;
  }
  .issue dt {
    color: var(--subtle);
  }
  .issue dd {
    margin: 0;
  }
  .comment {
    border-top: 1px solid var(--border);
    padding: 8px 0;
  }
  .panel-frame {
    width: 360px;
    height: calc(100vh - 120px);
    min-height: 720px;
    border: 1px solid var(--border);
    border-radius: 3px;
    margin-top: 16px;
    background: var(--bg);
  }
</style>`;

export interface IssuePageOptions {
  theme: 'light' | 'dark';
  locale: 'en' | 'de';
  priorities: readonly string[];
}

export function issuePage(issue: IssueView, options: IssuePageOptions): SafeHtml {
  const panelUrl = `/apps/issue-panel/?issueKey=${encodeURIComponent(issue.key)}&theme=${options.theme}&locale=${options.locale}`;
  const action = `/__workbench/tickets/${encodeURIComponent(issue.key)}`;
  return html`${ISSUE_STYLE}
    <div class="issue">
      <div>
        <nav class="muted"><a href="/">Tickets</a> / <span data-testid="issue-key">${issue.key}</span></nav>
        <h1 data-testid="issue-summary" data-refresh="summary">${issue.summary}</h1>
        <section>
          <h2>Description</h2>
          <div data-testid="issue-description">${paragraphs(issue.description)}</div>
        </section>
        <section data-testid="issue-links" data-refresh="links">
          <h2>Linked issues</h2>
          ${
            issue.links.length === 0
              ? html`<p class="muted">No linked issues</p>`
              : html`<ul>
                  ${issue.links.map(
                    (l) =>
                      html`<li data-link-type="${l.type}" data-link-key="${l.key}">
                        ${l.label} <a href="/browse/${encodeURIComponent(l.key)}">${l.key}</a> ${l.summary}
                        <span class="lozenge">${l.status}</span>
                      </li>`,
                  )}
                </ul>`
          }
        </section>
        <section data-testid="issue-comments">
          <h2>Activity</h2>
          ${issue.comments.map(
            (c) =>
              html`<div class="comment">
                <strong>${c.author}</strong>
                <span class="muted">${formatTime(c.created)}${c.internal ? ' · internal note' : ''}</span
                >${paragraphs(c.body)}
              </div>`,
          )}
          <form method="post" action="${action}" style="margin-top:8px">
            <textarea
              name="comment"
              rows="3"
              style="width:100%"
              placeholder="Add a comment"
              data-testid="comment-body"
            ></textarea>
            <button class="primary" type="submit" data-testid="comment-submit">Comment</button>
          </form>
        </section>
        <details>
          <summary>Edit ticket</summary>
          <form
            method="post"
            action="${action}"
            data-testid="edit-form"
            style="display:grid;gap:8px;max-width:640px;margin-top:8px"
          >
            <label
              >Summary<br /><input name="summary" value="${issue.summary}" style="width:100%" maxlength="255"
            /></label>
            <label
              >Description<br /><textarea name="description" rows="6" style="width:100%">
${issue.description.join('\n')}</textarea>
            </label>
            <label
              >Priority<br /><select name="priority">
                <option value="">—</option>
                ${options.priorities.map(
                  (p) => html`<option ${p === issue.priority ? html`selected` : ''}>${p}</option>`,
                )}
              </select></label
            >
            <label
              >Labels (comma separated)<br /><input
                name="labels"
                value="${issue.labels.join(', ')}"
                style="width:100%"
            /></label>
            <div><button class="primary" type="submit" data-testid="edit-submit">Save</button></div>
          </form>
        </details>
      </div>
      <aside>
        <div data-refresh="status">${statusLozenge(issue.status, issue.statusCategory)}</div>
        <dl style="margin-top:12px" data-testid="issue-fields" data-refresh="fields">
          ${field('assignee', 'Assignee', issue.assignee?.displayName ?? '')}
          ${field('team', 'Team', issue.team ?? '')}
          ${field('reporter', 'Reporter', issue.reporter?.displayName ?? '')}
          ${field('requestType', 'Request type', issue.requestType ?? '')}
          ${field('issuetype', 'Issue type', issue.issueType)}
          ${field('priority', 'Priority', issue.priority ?? '')}
          ${field('components', 'Components', list(issue.components))}
          ${field('labels', 'Labels', list(issue.labels))} ${field('status', 'Status', issue.status)}
          ${field('resolution', 'Resolution', issue.resolution ?? '')}
          ${field('created', 'Created', formatTime(issue.created))}
        </dl>
        <iframe
          class="panel-frame"
          title="Triage Lens"
          src="${panelUrl}"
          data-testid="issue-panel-frame"
        ></iframe>
      </aside>
    </div>`;
}
