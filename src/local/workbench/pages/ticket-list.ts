import { html, type SafeHtml } from '../html';

export interface TicketRow {
  key: string;
  summary: string;
  status: string;
  statusCategory: string;
  priority: string | null;
  assignee: string | null;
  created: string | null;
}

export interface CreateFormOptions {
  projectKeys: readonly string[];
  issueTypes: readonly string[];
  priorities: readonly string[];
  requestTypes: readonly { projectKey: string; name: string }[];
}

/** Jira's ISO timestamps (`2026-11-09T12:50:38.808+0000`) as `2026-11-09 12:50` UTC; bad input as is. */
export function formatTime(iso: string | null): string {
  if (iso === null) return '';
  const ms = Date.parse(iso.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(ms) ? iso : new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

export function statusLozenge(status: string, category: string): SafeHtml {
  return html`<span class="lozenge ${category === 'done' ? 'done' : ''}">${status}</span>`;
}

const select = (name: string, label: string, values: readonly string[]): SafeHtml =>
  values.length === 0
    ? html``
    : html`<label
        >${label}<br /><select name="${name}" data-testid="create-${name}">
          <option value="">—</option>
          ${values.map((v) => html`<option value="${v}">${v}</option>`)}
        </select></label
      >`;

/** Request types grouped by project: the emulator, like JSM, only takes a desk's own types. */
function requestTypeSelect(types: readonly { projectKey: string; name: string }[]): SafeHtml {
  if (types.length === 0) return html``;
  const projects = [...new Set(types.map((t) => t.projectKey))];
  return html`<label
    >Request type<br /><select name="requestType" data-testid="create-requestType">
      <option value="">—</option>
      ${projects.map(
        (p) =>
          html`<optgroup label="${p}">
            ${types.filter((t) => t.projectKey === p).map((t) => html`<option value="${t.name}">${t.name}</option>`)}
          </optgroup>`,
      )}
    </select></label
  >`;
}

export function ticketListPage(
  rows: readonly TicketRow[],
  form: CreateFormOptions,
  nextPageToken: string | undefined,
  error: string | null,
): SafeHtml {
  return html`
    <h1>Service desk tickets</h1>
    ${error === null ? '' : html`<p class="error" role="alert">${error}</p>`}
    <details open>
      <summary><strong>Create ticket</strong></summary>
      <form
        method="post"
        action="/__workbench/tickets"
        data-testid="create-form"
        style="display:grid;gap:8px;max-width:640px;margin:8px 0 24px"
      >
        <label
          >Project<br /><select name="project" data-testid="create-project">
            ${form.projectKeys.map((k) => html`<option value="${k}">${k}</option>`)}
          </select></label
        >
        <label
          >Summary<br /><input
            name="summary"
            required
            maxlength="255"
            style="width:100%"
            data-testid="create-summary"
        /></label>
        <label
          >Description<br /><textarea
            name="description"
            rows="5"
            style="width:100%"
            data-testid="create-description"
          ></textarea>
        </label>
        <div style="display:flex;gap:12px;flex-wrap:wrap">
          ${select('issueType', 'Issue type', form.issueTypes)} ${requestTypeSelect(form.requestTypes)}
          ${select('priority', 'Priority', form.priorities)}
        </div>
        <div><button class="primary" type="submit" data-testid="create-submit">Create</button></div>
      </form>
    </details>
    <form method="get" action="/browse/" class="open-ticket">
      <label>Open ticket <input name="key" placeholder="IT-123" size="12" /></label>
      <button type="submit">Open</button>
    </form>
    <table class="list" data-testid="ticket-list">
      <thead>
        <tr>
          <th>Key</th>
          <th>Summary</th>
          <th>Status</th>
          <th>Priority</th>
          <th>Assignee</th>
          <th>Created</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (r) =>
            html`<tr>
              <td><a href="/browse/${encodeURIComponent(r.key)}">${r.key}</a></td>
              <td>${r.summary}</td>
              <td>${statusLozenge(r.status, r.statusCategory)}</td>
              <td>${r.priority ?? ''}</td>
              <td>${r.assignee ?? html`<span class="muted">Unassigned</span>`}</td>
              <td class="muted">${formatTime(r.created)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    ${nextPageToken === undefined ? '' : html`<p><a href="/?page=${encodeURIComponent(nextPageToken)}">Next page →</a></p>`}
  `;
}
