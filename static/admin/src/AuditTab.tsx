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

/** The audit resolver may answer with the entries or with `{ entries }`; both are accepted. */
function entriesOf(data: unknown): AuditEntry[] {
  if (Array.isArray(data)) return data as AuditEntry[];
  if (typeof data === 'object' && data !== null && 'entries' in data && Array.isArray(data.entries)) {
    return data.entries as AuditEntry[];
  }
  return [];
}

export function AuditTab() {
  const { t, locale } = useI18n();
  const [issueKey, setIssueKey] = useState('');
  const [action, setAction] = useState('');
  const [state, setState] = useState<
    | { status: 'loading' }
    | { status: 'ok'; entries: AuditEntry[] }
    | { status: 'error'; error: ResolverError }
  >({ status: 'loading' });

  const load = useCallback(async (filters: { issueKey: string; action: string }) => {
    setState({ status: 'loading' });
    const query: Record<string, unknown> = { limit: 100 };
    if (filters.issueKey.trim() !== '') query.issueKey = filters.issueKey.trim().toUpperCase();
    if (filters.action.trim() !== '') query.action = filters.action.trim();
    const result = await callResolver<unknown>(RESOLVERS.adminAudit, query);
    setState(
      result.ok
        ? { status: 'ok', entries: entriesOf(result.data) }
        : { status: 'error', error: result.error },
    );
  }, []);

  useEffect(() => {
    void load({ issueKey: '', action: '' });
  }, [load]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void load({ issueKey, action });
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
        <ErrorMessage error={state.error} onRetry={() => void load({ issueKey, action })} />
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
            { key: 'actor', header: t('actor'), cell: (e) => e.actor },
            { key: 'issue', header: t('issue'), cell: (e) => e.issueKey },
            { key: 'action', header: t('action'), cell: (e) => e.action },
            { key: 'field', header: t('field'), cell: (e) => e.fieldId ?? '' },
            { key: 'before', header: t('before'), cell: (e) => e.before ?? '' },
            { key: 'after', header: t('after'), cell: (e) => e.after ?? '' },
            { key: 'reason', header: t('reason'), cell: (e) => e.reason ?? '' },
          ]}
        />
      ) : null}
    </Stack>
  );
}
