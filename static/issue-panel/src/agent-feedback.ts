import { showFlag, view } from '@forge/bridge';
import { RESOLVERS, type ResolverKey } from '@contracts/resolvers';

/** Actions that change only the app's own records, not the issue Jira shows beside the panel. */
const RECORD_ONLY: ReadonlySet<ResolverKey> = new Set([
  RESOLVERS.panelDismiss,
  RESOLVERS.panelArticleFeedback,
]);

/** Whether the issue view has to re-read the issue after `key` succeeded. */
export function changesIssue(key: ResolverKey): boolean {
  return !RECORD_ONLY.has(key);
}

/**
 * Asks Jira's issue view to re-read the issue, so a value applied here shows there at once
 * (`view.refresh()` of @forge/bridge). A host whose view is not refreshable refuses; the value
 * then shows on the next reload, as before.
 */
export async function refreshIssueView(): Promise<void> {
  try {
    await view.refresh();
  } catch {
    // "this resource's view is not refreshable": nothing more the app can do.
  }
}

export interface FlagText {
  kind: 'success' | 'error';
  title: string;
  description: string;
  /** A follow-up the flag offers (undo), as Atlaskit flag actions. */
  action?: { text: string; onClick: () => void };
}

let shown = 0;

/** Jira's own flag for the outcome of an agent action (Forge `showFlag`), success auto-dismissing. */
export function flag(text: FlagText): void {
  try {
    showFlag({
      id: `triage-lens-${Date.now()}-${++shown}`,
      type: text.kind,
      title: text.title,
      description: text.description,
      isAutoDismiss: text.kind === 'success',
      ...(text.action ? { actions: [text.action] } : {}),
    });
  } catch {
    // No host to show it (the bridge is unavailable): the panel's state still shows the result.
  }
}
