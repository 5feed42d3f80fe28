import { router } from '@forge/bridge';
import type { MouseEvent } from 'react';

/**
 * A link to an issue in Jira. Pages run in Forge's iframe, so the bridge opens it (a new tab
 * keeps this page); the href is there for the status bar, copying and assistive technology.
 */
export function IssueLink({ issueKey, testId }: { issueKey: string; testId?: string }) {
  const href = `/browse/${encodeURIComponent(issueKey)}`;
  const open = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    void router.open(href);
  };
  return (
    <a href={href} onClick={open} data-testid={testId} style={{ fontWeight: 600 }}>
      {issueKey}
    </a>
  );
}
