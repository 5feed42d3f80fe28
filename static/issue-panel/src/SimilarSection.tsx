import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import { useState, type ReactNode } from 'react';
import { token } from '@atlaskit/tokens';
import type { SimilarSection as SimilarData, SimilarTicket } from '@contracts/panel';
import { RESOLVERS } from '@contracts/resolvers';
import { CollapsibleList } from '@shared/CollapsibleList';
import { formatPercent } from '@shared/format';
import { useI18n } from '@shared/i18n';
import { IssueLink } from '@shared/IssueLink';
import { HighlightedText } from './HighlightedText';
import type { PanelActions } from './panel-actions';
import { panelCardStyle } from '@shared/card-style';
import { isolatedList } from '@shared/bidi';

export function SimilarSection({
  similar,
  issueKey,
  actions,
}: {
  similar: SimilarData;
  issueKey: string;
  actions: PanelActions;
}) {
  const { t } = useI18n();
  const [weakShown, setWeakShown] = useState(false);
  const noneClose = similar.duplicates.length === 0 && similar.related.length === 0;
  const groups = [
    { id: 'duplicates', title: t('duplicates'), tickets: similar.duplicates },
    { id: 'related', title: t('related'), tickets: similar.related },
    { id: 'weak', title: t('weak'), tickets: noneClose && weakShown ? similar.weak : [] },
  ].filter((group) => group.tickets.length > 0);
  return (
    <Stack space="space.150">
      {noneClose ? (
        <Stack space="space.075">
          <Text as="p" color="color.text.subtle">
            {t('similarNoneClose')}
          </Text>
          {similar.weak.length > 0 && !weakShown ? (
            <Inline>
              <Button
                spacing="compact"
                appearance="subtle"
                testId="similar-show-weak"
                onClick={() => setWeakShown(true)}
              >
                {t('showWeak', { count: similar.weak.length })}
              </Button>
            </Inline>
          ) : null}
        </Stack>
      ) : null}
      {groups.map((group) => (
        <SimilarGroup key={group.id} id={group.id} title={group.title}>
          {group.tickets.map((ticket) => (
            <SimilarItem
              key={ticket.key}
              ticket={ticket}
              issueKey={issueKey}
              linkTypes={similar.linkTypes}
              actions={actions}
            />
          ))}
        </SimilarGroup>
      ))}
    </Stack>
  );
}

/** How many tickets a group shows before "show all": the panel is a narrow column. */
const COLLAPSED_COUNT = 3;

function SimilarGroup({ id, title, children }: { id: string; title: string; children: ReactNode[] }) {
  return (
    <CollapsibleList
      listId={`similar-list-${id}`}
      heading={
        <Text size="small" weight="semibold" color="color.text.subtle">
          {title}
        </Text>
      }
      collapsedCount={COLLAPSED_COUNT}
      toggleTestId={`similar-toggle-${id}`}
    >
      {children}
    </CollapsibleList>
  );
}

function statusAppearance(ticket: SimilarTicket): 'success' | 'inprogress' | 'default' {
  if (ticket.resolved) return 'success';
  return /progress|bearbeitung/i.test(ticket.status) ? 'inprogress' : 'default';
}

function SimilarItem({
  ticket,
  issueKey,
  linkTypes,
  actions,
}: {
  ticket: SimilarTicket;
  issueKey: string;
  linkTypes: SimilarData['linkTypes'];
  actions: PanelActions;
}) {
  const { t, locale } = useI18n();
  const linkButton = (kind: 'duplicate' | 'related') => {
    const actionId = `link-${kind}-${ticket.key}`;
    const type = linkTypes[kind];
    return (
      <Button
        key={kind}
        spacing="compact"
        appearance={kind === ticket.kind ? 'default' : 'subtle'}
        testId={actionId}
        isLoading={actions.busy === actionId}
        isDisabled={actions.busy !== null}
        aria-label={t('linkLabel', { key: ticket.key, type })}
        onClick={() =>
          void actions.run(actionId, t('doneLinked', { key: ticket.key, type }), RESOLVERS.panelLink, {
            issueKey,
            otherKey: ticket.key,
            kind,
          })
        }
      >
        {t('linkAs', { type })}
      </Button>
    );
  };
  return (
    <div data-testid={`similar-${ticket.key}`} style={panelCardStyle}>
      <Stack space="space.075">
        <Inline space="space.075" alignBlock="center" shouldWrap>
          <IssueLink issueKey={ticket.key} testId={`similar-link-${ticket.key}`} />
          <Lozenge appearance={statusAppearance(ticket)}>
            <bdi>{ticket.status}</bdi>
          </Lozenge>
          <Text size="small" color="color.text.subtle">
            {t('score', { pct: formatPercent(ticket.score, locale) })}
          </Text>
          {ticket.alreadyLinked ? <Lozenge appearance="new">{t('linked')}</Lozenge> : null}
        </Inline>
        <p style={{ margin: 0, font: token('font.body.small'), overflowWrap: 'anywhere' }}>
          <HighlightedText text={ticket.summary} spans={ticket.summarySpans} />
        </p>
        {ticket.sharedTerms.length > 0 ? (
          <Text size="small" color="color.text.subtlest">
            {t('sharedTerms', { list: isolatedList(ticket.sharedTerms) })}
          </Text>
        ) : null}
        {ticket.solvedBefore ? (
          <div
            style={{
              background: token('color.background.accent.green.subtlest'),
              borderRadius: token('radius.medium', '4px'),
              padding: token('space.075'),
            }}
          >
            <Text size="small" weight="semibold">
              {t('solvedBefore')}: <bdi>{ticket.solvedBefore.resolution}</bdi>
            </Text>
            <p
              style={{
                margin: 0,
                font: token('font.body.small'),
                whiteSpace: 'pre-wrap',
                overflowWrap: 'anywhere',
              }}
            >
              <bdi>{ticket.solvedBefore.excerpt}</bdi>
            </p>
          </div>
        ) : null}
        {ticket.alreadyLinked ? null : (
          <Inline space="space.075" shouldWrap>
            {linkButton('duplicate')}
            {linkButton('related')}
          </Inline>
        )}
      </Stack>
    </div>
  );
}
