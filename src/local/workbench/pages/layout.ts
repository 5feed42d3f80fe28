import { html, trusted, type SafeHtml } from '../html';
import type { WorkbenchUser } from '../users';

export interface PageChrome {
  title: string;
  /** Null for a visitor who has not picked a user yet. */
  user: WorkbenchUser | null;
  users: readonly WorkbenchUser[];
  theme: 'light' | 'dark';
  locale: 'en' | 'de';
  /** Where the preference form returns to. */
  returnTo: string;
}

/** Jira-like colours as CSS variables for both themes (values follow Atlassian's token palette). */
const STYLE = trusted(`<style>
:root{--bg:#fff;--bg-sunken:#f7f8f9;--text:#172b4d;--subtle:#626f86;--border:#dcdfe4;--link:#0c66e4;--brand:#0c66e4;--lozenge:#e9f2ff;--lozenge-text:#0055cc;--done:#dcfff1;--done-text:#216e4e;--danger:#ae2e24}
body.dark{--bg:#1d2125;--bg-sunken:#161a1d;--text:#b6c2cf;--subtle:#8c9bab;--border:#38414a;--link:#579dff;--brand:#579dff;--lozenge:#1c2b41;--lozenge-text:#85b8ff;--done:#1c3329;--done-text:#7ee2b8;--danger:#fd9891}
*{box-sizing:border-box}
body{margin:0;font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Noto Sans",Ubuntu,sans-serif;font-size:14px;line-height:20px;color:var(--text);background:var(--bg)}
a{color:var(--link);text-decoration:none}a:hover{text-decoration:underline}
header.top{display:flex;align-items:center;gap:16px;height:56px;padding:0 16px;border-bottom:1px solid var(--border);background:var(--bg)}
header.top .brand{font-weight:653;font-size:16px;color:var(--text)}
header.top nav{display:flex;gap:12px;flex:1}
header.top form{display:flex;gap:8px;align-items:center;margin:0}
select,input,textarea,button{font:inherit;color:var(--text);background:var(--bg);border:1px solid var(--border);border-radius:3px;padding:4px 8px}
button.primary{background:var(--brand);color:#fff;border-color:var(--brand);cursor:pointer}
main{padding:16px 24px}
.muted{color:var(--subtle)}
.lozenge{display:inline-block;padding:0 4px;border-radius:3px;font-size:11px;font-weight:700;text-transform:uppercase;background:var(--lozenge);color:var(--lozenge-text)}
.lozenge.done{background:var(--done);color:var(--done-text)}
table.list{border-collapse:collapse;width:100%}table.list th,table.list td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--border);vertical-align:top}
.progress{font-size:12px;color:var(--subtle)}
.error{color:var(--danger)}
</style>`);

/** Where the pages' one script is served: no inline script, so the CSP can forbid them all. */
export const PAGE_SCRIPT_URL = '/__workbench/page.js';

/**
 * The header's switchers submit on change; "Open ticket" goes to /browse/<KEY>; the progress line shows background backfill/training
 * while the workbench warms up. On the issue view, an app's view.refresh() (a message from the
 * panel's frame, same origin only) re-reads the page and swaps its [data-refresh] parts, as
 * Jira's issue view re-reads the issue without a reload; body[data-issue-refreshes] counts them.
 */
export const PAGE_SCRIPT = `(function(){
window.addEventListener('message',function(e){
if(e.origin!==location.origin||!e.data||e.data.type!=='triage-lens:view-refresh')return;
fetch(location.href,{credentials:'same-origin'}).then(function(r){return r.ok?r.text():Promise.reject(r.status)}).then(function(text){
var fresh=new DOMParser().parseFromString(text,'text/html');
document.querySelectorAll('[data-refresh]').forEach(function(el){
var next=fresh.querySelector('[data-refresh="'+el.getAttribute('data-refresh')+'"]');if(next)el.innerHTML=next.innerHTML;});
document.body.setAttribute('data-issue-refreshes',String(Number(document.body.getAttribute('data-issue-refreshes')||'0')+1));
}).catch(function(){});});
document.querySelectorAll('form.prefs select').forEach(function(s){s.addEventListener('change',function(){s.form.submit()})});
document.querySelectorAll('form.open-ticket').forEach(function(f){f.addEventListener('submit',function(e){e.preventDefault();
location.href='/browse/'+encodeURIComponent(f.elements.key.value.trim().toUpperCase());})});
var el=document.getElementById('workbench-progress');if(!el)return;
function poll(){fetch('/__workbench/status').then(function(r){return r.json()}).then(function(s){
el.textContent=s.message||'';if(s.phase!=='ready'&&s.phase!=='failed')setTimeout(poll,1000);}).catch(function(){});}
poll();})();
`;

export function layout(chrome: PageChrome, body: SafeHtml): SafeHtml {
  const option = (value: string, label: string, selected: boolean) =>
    html`<option value="${value}" ${selected ? trusted('selected') : ''}>${label}</option>`;
  return html`<!doctype html>
    <html lang="${chrome.locale}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${chrome.title} · Triage Lens workbench</title>
        ${STYLE}
      </head>
      <body class="${chrome.theme}">
        <header class="top">
          <span class="brand">Triage Lens workbench</span>
          <nav><a href="/">Tickets</a><a href="/queue">Queue triage</a><a href="/admin">Admin</a></nav>
          <span class="progress" id="workbench-progress" data-testid="workbench-progress"></span>
          <form class="prefs" method="post" action="/__workbench/prefs">
            <input type="hidden" name="returnTo" value="${chrome.returnTo}" />
            <label
              >Acting as
              <select name="user" data-testid="user-switcher">
                ${chrome.user === null ? trusted('<option value="" selected disabled>Pick a user</option>') : ''}
                ${chrome.users.map((u) =>
                  option(
                    u.accountId,
                    u.displayName + (u.admin ? ' (admin)' : ''),
                    u.accountId === chrome.user?.accountId,
                  ),
                )}
              </select></label
            >
            <select name="theme" aria-label="Theme">
              ${option('light', 'Light', chrome.theme === 'light')}${option('dark', 'Dark', chrome.theme === 'dark')}
            </select>
            <select name="locale" aria-label="Language">
              ${option('en', 'English', chrome.locale === 'en')}${option('de', 'Deutsch', chrome.locale === 'de')}
            </select>
            <noscript><button type="submit">Switch</button></noscript>
          </form>
        </header>
        <main>${body}</main>
        <script src="${PAGE_SCRIPT_URL}"></script>
      </body>
    </html>`;
}
