import Button from '@atlaskit/button/new';
import Textfield from '@atlaskit/textfield';
import { Inline, Stack } from '@atlaskit/primitives';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { AuditEntry } from '@contracts/admin';
import type { ResolverError } from '@contracts/common';
import { RESOLVERS } from '@contracts/resolvers';
import { DataTable } from '@shared/DataTable';
import { callResolver } from '@shared/resolver';
import { formatDateTime } from '@shared/format';
import { useI18n } from '@shared/i18n';
import { ErrorMessage, Loading } from '@shared/ui';

/** The audit resolver answers `{ entries, next }` (next = cursor for older entries); a bare array is accepted too. */
function pageOf(data: unknown): { entries: AuditEntry[]; next: string | null } {
  if (Array.isArray(data)) return { entries: data as AuditEntry[], next: null };
  if (typeof data === 'object' && data !== null && 'entries' in data && Array.isArray(data.entries)) {
    const next = 'next' in data && typeof data.next === 'string' ? data.next : null;
    return { entries: data.entries as AuditEntry[], next };
  }
  return { entries: [], next: null };
}

type Filters = { issueKey: string; action: string };

export function AuditTab() {
  const { t, locale } = useI18n();
  const [issueKey, setIssueKey] = useState('');
  const [action, setAction] = useState('');
  const [applied, setApplied] = useState<Filters>({ issueKey: '', action: '' });
  const [state, setState] = useState<
    | { status: 'loading' }
    | { status: 'ok'; entries: AuditEntry[]; next: string | null; loadingMore: boolean }
    | { status: 'error'; error: ResolverError }
  >({ status: 'loading' });

  /** Loads the newest entries, or (with `before`) the page after the ones already shown. */
  const load = useCallback(async (filters: Filters, before: string | null, shown: AuditEntry[]) => {
    const query: Record<string, unknown> = { limit: 50 };
    if (filters.issueKey.trim() !== '') query.issueKey = filters.issueKey.trim().toUpperCase();
    if (filters.action.trim() !== '') query.action = filters.action.trim();
    if (before !== null) query.before = before;
    const result = await callResolver<unknown>(RESOLVERS.adminAudit, query);
    if (!result.ok) {
      setState({ status: 'error', error: result.error });
      return;
    }
    const page = pageOf(result.data);
    setState({ status: 'ok', entries: [...shown, ...page.entries], next: page.next, loadingMore: false });
  }, []);

  useEffect(() => {
    setState({ status: 'loading' });
    void load(applied, null, []);
  }, [load, applied]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setApplied({ issueKey, action });
  };

  const loadMore = () => {
    if (state.status !== 'ok' || state.next === null) return;
    setState({ ...state, loadingMore: true });
    void load(applied, state.next, state.entries);
  };

  return (
    <Stack space="space.200">
      <form onSubmit={submit} aria-label={t('filter')}>
        <Inline space="space.100" alignBlock="end" shouldWrap>
          <Textfield
            aria-label={t('auditFilterIssue')}
            placeholder={t('auditFilterIssue')}
            value={issueKey}
            onChange={(e) => setIssueKey(e.currentTarget.value)}
            width={180}
            testId="audit-issue"
          />
          <Textfield
            aria-label={t('auditFilterAction')}
            placeholder={t('auditFilterAction')}
            value={action}
            onChange={(e) => setAction(e.currentTarget.value)}
            width={180}
            testId="audit-action"
          />
          <Button type="submit" testId="audit-filter">
            {t('filter')}
          </Button>
        </Inline>
      </form>
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'error' ? (
        <ErrorMessage error={state.error} onRetry={() => setApplied({ ...applied })} />
      ) : null}
      {state.status === 'ok' ? (
        <DataTable<AuditEntry>
          caption={t('tabAudit')}
          testId="audit-table"
          rows={state.entries}
          rowKey={(entry) => entry.id}
          empty={t('noAudit')}
          columns={[
            { key: 'at', header: t('when'), cell: (e) => formatDateTime(e.at, locale) },
            { key: 'actor', header: t('actor'), cell: (e) => <bdi>{e.actor}</bdi> },
            { key: 'issue', header: t('issue'), cell: (e) => e.issueKey },
            { key: 'action', header: t('action'), cell: (e) => e.action },
            { key: 'field', header: t('field'), cell: (e) => e.fieldId ?? '' },
            { key: 'before', header: t('before'), cell: (e) => <bdi>{e.before ?? ''}</bdi> },
            { key: 'after', header: t('after'), cell: (e) => <bdi>{e.after ?? ''}</bdi> },
            { key: 'reason', header: t('reason'), cell: (e) => <bdi>{e.reason ?? ''}</bdi> },
          ]}
        />
      ) : null}
      {state.status === 'ok' && state.next !== null ? (
        <Inline>
          <Button onClick={loadMore} isLoading={state.loadingMore} testId="audit-more">
            {t('loadMore')}
          </Button>
        </Inline>
      ) : null}
    </Stack>
  );
}
