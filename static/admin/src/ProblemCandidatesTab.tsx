import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import { useCallback, useEffect, useState } from 'react';
import { IssueLink } from '@shared/IssueLink';
import type { ResolverError } from '@contracts/common';
import type { ProblemCandidate, ProblemCandidates } from '@contracts/problem-candidates';
import { RESOLVERS } from '@contracts/resolvers';
import { CollapsibleList } from '@shared/CollapsibleList';
import { DataTable } from '@shared/DataTable';
import { callResolver } from '@shared/resolver';
import { formatDateTime, formatNumber } from '@shared/format';
import { useI18n } from '@shared/i18n';
import { ErrorMessage, Loading, NoticeLine, type Notice } from '@shared/ui';
import { isolatedList } from '@shared/bidi';

/** Members shown before "Show all": enough to recognise the incident without a long row. */
const COLLAPSED_MEMBERS = 3;

/**
 * Recurring incidents the app found (admin/recurring): what they are about, which tickets, when,
 * and whether a problem ticket covers them already. Dismissing one is remembered by the server.
 * Ticket text is rendered as React text only, never as HTML.
 */
export function ProblemCandidatesTab() {
  const { t, locale } = useI18n();
  const [state, setState] = useState<
    | { status: 'loading' }
    | { status: 'ok'; data: ProblemCandidates }
    | { status: 'error'; error: ResolverError }
  >({ status: 'loading' });
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    const result = await callResolver<ProblemCandidates>(RESOLVERS.adminRecurring, {});
    setState(result.ok ? { status: 'ok', data: result.data } : { status: 'error', error: result.error });
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const dismiss = async (firstKey: string) => {
    setBusy(firstKey);
    setNotice(null);
    const result = await callResolver<ProblemCandidates>(RESOLVERS.adminRecurringDismiss, { firstKey });
    setBusy(null);
    if (result.ok) {
      setState({ status: 'ok', data: result.data });
      setNotice({ kind: 'success', text: t('candidateDismissed', { key: firstKey }) });
    } else setNotice({ kind: 'error', text: result.error.message });
  };

  return (
    <Stack space="space.200">
      <Inline space="space.100" alignBlock="center" spread="space-between" shouldWrap>
        <Text color="color.text.subtle">
          {state.status === 'ok'
            ? t('problemCandidatesIntro', {
                n: state.data.minTickets,
                hours: state.data.windowHours,
                days: state.data.lookbackDays,
              })
            : null}
        </Text>
        <Button
          onClick={() => void load()}
          isDisabled={state.status === 'loading'}
          testId="candidates-refresh"
        >
          {t('refresh')}
        </Button>
      </Inline>
      <NoticeLine notice={notice} testId="candidates-notice" />
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'error' ? (
        <ErrorMessage error={state.error} onRetry={() => void load()} testId="candidates-error" />
      ) : null}
      {state.status === 'ok' ? (
        <>
          <DataTable<ProblemCandidate>
            caption={t('tabProblemCandidates')}
            testId="problem-candidates-table"
            rows={state.data.candidates}
            rowKey={(c) => c.firstKey}
            empty={t('noProblemCandidates')}
            columns={[
              {
                key: 'terms',
                header: t('candidateTerms'),
                cell: (c) => (
                  <span data-testid={`candidate-terms-${c.firstKey}`}>{isolatedList(c.terms, ' · ')}</span>
                ),
              },
              { key: 'tickets', header: t('candidateTickets'), cell: (c) => <Members candidate={c} /> },
              { key: 'first', header: t('firstSeen'), cell: (c) => formatDateTime(c.firstSeen, locale) },
              { key: 'last', header: t('lastSeen'), cell: (c) => formatDateTime(c.lastSeen, locale) },
              {
                key: 'problem',
                header: t('problemColumn'),
                cell: (c) =>
                  c.problemLinked ? (
                    <Stack space="space.050">
                      <Lozenge appearance="success">{t('problemLinked')}</Lozenge>
                      <Inline space="space.050" shouldWrap>
                        {c.problemKeys.map((key) => (
                          <IssueLink key={key} issueKey={key} testId={`candidate-issue-${key}`} />
                        ))}
                      </Inline>
                    </Stack>
                  ) : (
                    <Lozenge>{t('noProblemLinked')}</Lozenge>
                  ),
              },
              {
                key: 'action',
                header: t('action'),
                cell: (c) => (
                  <Button
                    spacing="compact"
                    testId={`dismiss-candidate-${c.firstKey}`}
                    aria-label={t('dismissCandidateLabel', { key: c.firstKey })}
                    isLoading={busy === c.firstKey}
                    isDisabled={busy !== null}
                    onClick={() => void dismiss(c.firstKey)}
                  >
                    {t('dismiss')}
                  </Button>
                ),
              },
            ]}
          />
          {state.data.truncated ? (
            <Text color="color.text.subtle">
              {t('problemCandidatesTruncated', { count: formatNumber(state.data.scanned, locale) })}
            </Text>
          ) : null}
          {state.data.dismissed > 0 ? (
            <Text color="color.text.subtle">
              {t('problemCandidatesDismissed', { count: formatNumber(state.data.dismissed, locale) })}
            </Text>
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}

function Members({ candidate }: { candidate: ProblemCandidate }) {
  const { t, locale } = useI18n();
  return (
    <CollapsibleList
      listId={`candidate-members-${candidate.firstKey}`}
      heading={
        <Text weight="semibold">{t('candidateSize', { count: formatNumber(candidate.size, locale) })}</Text>
      }
      collapsedCount={COLLAPSED_MEMBERS}
      gap="space.050"
    >
      {candidate.members.map((m) => (
        <span key={m.key}>
          <IssueLink issueKey={m.key} testId={`candidate-issue-${m.key}`} />{' '}
          <Text>
            <bdi>{m.summary}</bdi>
          </Text>
        </span>
      ))}
    </CollapsibleList>
  );
}
