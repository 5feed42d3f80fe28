import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import { useCallback, useEffect, useState } from 'react';
import type { ResolverError } from '@contracts/common';
import type { KnowledgeGaps } from '@contracts/knowledge';
import { RESOLVERS } from '@contracts/resolvers';
import { DataTable } from '@shared/DataTable';
import { IssueLink } from '@shared/IssueLink';
import { callResolver } from '@shared/resolver';
import { formatNumber } from '@shared/format';
import { useI18n } from '@shared/i18n';
import { ErrorMessage, Loading } from '@shared/ui';

type Gap = KnowledgeGaps['gaps'][number];
type Unhelpful = KnowledgeGaps['unhelpful'][number];
type Conflict = KnowledgeGaps['conflicting'][number];

/**
 * Knowledge gaps (admin/knowledge-gaps): resolved tickets no article answers, each with a draft
 * outline from its representative resolution; never-helpful and contradicting articles. The
 * server decides all of it; text is rendered as React text only.
 */
export function KnowledgeGapsTab() {
  const { t, locale } = useI18n();
  const [state, setState] = useState<
    { status: 'loading' } | { status: 'ok'; data: KnowledgeGaps } | { status: 'error'; error: ResolverError }
  >({ status: 'loading' });

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    const result = await callResolver<KnowledgeGaps>(RESOLVERS.adminKnowledgeGaps, {});
    setState(result.ok ? { status: 'ok', data: result.data } : { status: 'error', error: result.error });
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const data = state.status === 'ok' ? state.data : null;
  return (
    <Stack space="space.200">
      <Inline space="space.100" alignBlock="center" spread="space-between" shouldWrap>
        <Text color="color.text.subtle">
          {data
            ? t('gapsIntro', {
                tickets: formatNumber(data.tickets, locale),
                answered: formatNumber(data.answered, locale),
                days: data.lookbackDays,
                articles: formatNumber(data.articles, locale),
              })
            : null}
        </Text>
        <Button onClick={() => void load()} isDisabled={state.status === 'loading'} testId="gaps-refresh">
          {t('refresh')}
        </Button>
      </Inline>
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'error' ? (
        <ErrorMessage error={state.error} onRetry={() => void load()} testId="gaps-error" />
      ) : null}
      {data ? (
        <>
          <DataTable<Gap>
            caption={t('gapsTitle')}
            testId="knowledge-gaps-table"
            rows={data.gaps}
            rowKey={(g) => g.representative.key}
            empty={t('noGaps')}
            columns={[
              { key: 'terms', header: t('candidateTerms'), cell: (g) => g.terms.join(' · ') },
              {
                key: 'tickets',
                header: t('candidateTickets'),
                cell: (g) => (
                  <Stack space="space.050">
                    <Text>{formatNumber(g.size, locale)}</Text>
                    <Inline space="space.050" shouldWrap>
                      {g.keys.slice(0, 5).map((key) => (
                        <IssueLink key={key} issueKey={key} testId={`gap-issue-${key}`} />
                      ))}
                    </Inline>
                  </Stack>
                ),
              },
              { key: 'hours', header: t('gapsHours'), cell: (g) => formatNumber(g.hoursOpen, locale) },
              { key: 'outline', header: t('gapsOutline'), cell: (g) => <Outline gap={g} /> },
              {
                key: 'nearest',
                header: t('gapsNearest'),
                cell: (g) =>
                  g.nearest ? (
                    <Text size="small">
                      <bdi>{g.nearest.title}</bdi> ({formatNumber(g.nearest.similarity, locale)})
                    </Text>
                  ) : (
                    '–'
                  ),
              },
            ]}
          />
          <Heading size="xsmall" as="h3">
            {t('gapsUnhelpful')}
          </Heading>
          <Text size="small" color="color.text.subtle">
            {t('gapsUnhelpfulRule')}
          </Text>
          <DataTable<Unhelpful>
            caption={t('gapsUnhelpful')}
            testId="unhelpful-articles-table"
            rows={data.unhelpful}
            rowKey={(a) => a.id}
            empty={t('noUnhelpful')}
            columns={[
              { key: 'title', header: t('gapsArticle'), cell: (a) => <bdi>{a.title}</bdi> },
              { key: 'not', header: t('articleNotHelped'), cell: (a) => formatNumber(a.notHelped, locale) },
              { key: 'helped', header: t('articleHelped'), cell: (a) => formatNumber(a.helped, locale) },
            ]}
          />
          <Heading size="xsmall" as="h3">
            {t('gapsConflicting')}
          </Heading>
          <Text size="small" color="color.text.subtle">
            {t('gapsConflictRule')}
          </Text>
          <DataTable<Conflict>
            caption={t('gapsConflicting')}
            testId="conflicting-articles-table"
            rows={data.conflicting}
            rowKey={(c) => `${c.a.id}-${c.b.id}`}
            empty={t('noConflicting')}
            columns={[
              { key: 'a', header: t('gapsArticle'), cell: (c) => <bdi>{c.a.title}</bdi> },
              { key: 'b', header: t('gapsOtherArticle'), cell: (c) => <bdi>{c.b.title}</bdi> },
              { key: 'why', header: t('gapsWhy'), cell: (c) => <ConflictEvidence conflict={c} /> },
            ]}
          />
        </>
      ) : null}
    </Stack>
  );
}

/** The draft article: a working title, the question as a customer asked it, the agent's steps. */
function Outline({ gap }: { gap: Gap }) {
  const { t } = useI18n();
  return (
    <Stack space="space.050">
      <Text weight="semibold">
        <bdi>{gap.outline.question}</bdi>
      </Text>
      <Text size="small" color="color.text.subtle">
        {t('gapsFrom', { key: gap.representative.key })}
      </Text>
      {gap.outline.steps.length > 0 ? (
        <ol style={{ margin: 0, paddingInlineStart: '1.2em' }}>
          {gap.outline.steps.map((s, i) => (
            <li key={i}>
              <bdi>{s}</bdi>
            </li>
          ))}
        </ol>
      ) : (
        <Text size="small">{t('gapsNoResolution')}</Text>
      )}
    </Stack>
  );
}

/** Why two articles contradict each other: the similarities, the tickets both answer, the words that differ. */
function ConflictEvidence({ conflict: c }: { conflict: Conflict }) {
  const { t, locale } = useI18n();
  return (
    <Stack space="space.050">
      <Text size="small">
        {t('gapsConflictWhy', {
          question: formatNumber(c.questionSimilarity, locale),
          answer: formatNumber(c.answerSimilarity, locale),
        })}
      </Text>
      {c.sharedTickets > 0 ? (
        <Inline space="space.050" shouldWrap alignBlock="center">
          <Text size="small">{t('gapsSharedTickets', { count: formatNumber(c.sharedTickets, locale) })}</Text>
          {c.sharedKeys.map((key) => (
            <IssueLink key={key} issueKey={key} testId={`conflict-issue-${key}`} />
          ))}
        </Inline>
      ) : null}
      {[
        { title: c.a.title, words: c.onlyA },
        { title: c.b.title, words: c.onlyB },
      ].map((side, i) =>
        side.words.length > 0 ? (
          <Text key={i} size="small" color="color.text.subtle">
            {t('gapsOnlyIn', { title: side.title, words: side.words.join(', ') })}
          </Text>
        ) : null,
      )}
    </Stack>
  );
}
