import type { ReactNode } from 'react';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { RouteCandidate, RoutingSuggestion } from '@contracts/panel';
import { RESOLVERS } from '@contracts/resolvers';
import { formatPercent } from '@shared/format';
import { useI18n } from '@shared/i18n';
import type { PanelActions } from './panel-actions';
import { routeReasonText } from './route-reason-text';

export function RoutingSection({
  routing,
  issueKey,
  actions,
}: {
  routing: RoutingSuggestion;
  issueKey: string;
  actions: PanelActions;
}) {
  const { t, locale } = useI18n();
  return (
    <Stack space="space.150">
      {routing.decidedByRule ? (
        <Text as="p" size="small">
          {t('decidedByRule', { name: routing.decidedByRule.name })}
        </Text>
      ) : null}
      {routing.teams.length > 0 ? (
        <Stack space="space.075">
          <Text size="small" weight="semibold" color="color.text.subtle">
            {t('team')}
          </Text>
          {routing.teams.slice(0, 2).map((team) => (
            <Candidate
              key={team.id}
              candidate={team}
              isCurrent={routing.currentTeam === team.name}
              currentLabel={t('currentTeam')}
            >
              <ActionButton
                id={`apply-team-${team.id}`}
                label={t('applyTeam')}
                ariaLabel={t('applyTeamLabel', { name: team.name })}
                actions={actions}
                run={(id) =>
                  actions.run(
                    id,
                    t('doneTeamApplied', { name: team.name }),
                    RESOLVERS.panelApplyTeam,
                    { issueKey, team: team.name },
                    {
                      undo: {
                        key: RESOLVERS.panelUndoTeam,
                        payload: { issueKey },
                        done: t('doneTeamUndone'),
                      },
                    },
                  )
                }
              />
            </Candidate>
          ))}
          {routing.teamUndo ? (
            <Inline>
              <ActionButton
                id="undo-team"
                subtle
                label={t('undo')}
                ariaLabel={t('undoTeamLabel')}
                actions={actions}
                run={(id) => actions.run(id, t('doneTeamUndone'), RESOLVERS.panelUndoTeam, { issueKey })}
              />
            </Inline>
          ) : null}
        </Stack>
      ) : null}
      {routing.assignees.length > 0 ? (
        <Stack space="space.075">
          <Text size="small" weight="semibold" color="color.text.subtle">
            {t('assignee')}
          </Text>
          {routing.assignees.slice(0, 3).map((person) => (
            <Candidate
              key={person.accountId}
              candidate={person}
              isCurrent={routing.currentAssignee === person.accountId}
              currentLabel={t('currentAssignee')}
            >
              <ActionButton
                id={`assign-${person.accountId}`}
                label={t('assign')}
                ariaLabel={t('assignLabel', { name: person.name })}
                actions={actions}
                run={(id) =>
                  actions.run(id, t('doneAssigned', { name: person.name }), RESOLVERS.panelAssign, {
                    issueKey,
                    accountId: person.accountId,
                  })
                }
              />
            </Candidate>
          ))}
        </Stack>
      ) : null}
      {(routing.hidden ?? []).map((hidden) => (
        <Text
          key={hidden.kind}
          as="p"
          size="small"
          color="color.text.subtle"
          testId={`route-hidden-${hidden.kind}`}
        >
          {t(`hiddenRoute_${hidden.kind}`, { pct: formatPercent(hidden.accuracy, locale) })}
        </Text>
      ))}
      {routing.teams.length === 0 && routing.assignees.length === 0 && (routing.hidden ?? []).length === 0 ? (
        <Text as="p" color="color.text.subtle">
          {t('sectionEmpty')}
        </Text>
      ) : null}
    </Stack>
  );
}

/** One routing action: busy while it runs, disabled while any other action runs. */
function ActionButton({
  id,
  label,
  ariaLabel,
  actions,
  run,
  subtle = false,
}: {
  id: string;
  label: string;
  ariaLabel: string;
  actions: PanelActions;
  run: (id: string) => Promise<void>;
  subtle?: boolean;
}) {
  return (
    <Button
      {...(subtle ? { appearance: 'subtle' as const } : {})}
      spacing="compact"
      testId={id}
      isLoading={actions.busy === id}
      isDisabled={actions.busy !== null}
      aria-label={ariaLabel}
      onClick={() => void run(id)}
    >
      {label}
    </Button>
  );
}

/** A candidate's action (children) is left out while it is the current team or assignee. */
function Candidate({
  candidate,
  isCurrent = false,
  currentLabel,
  children,
}: {
  candidate: RouteCandidate;
  isCurrent?: boolean;
  currentLabel: string;
  children?: ReactNode;
}) {
  const { t, locale } = useI18n();
  // The open load is one of the reasons ("3 open now", "3 of 5 open"), so it is not repeated here.
  return (
    <div
      data-testid={`route-${candidate.id}`}
      style={{
        borderLeft: `2px solid ${token('color.border.accent.blue')}`,
        paddingLeft: token('space.100'),
      }}
    >
      <Stack space="space.050">
        <Inline space="space.100" alignBlock="center" spread="space-between" shouldWrap>
          <Inline space="space.075" alignBlock="center" shouldWrap>
            <span style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
              <Text weight="semibold">
                <bdi>{candidate.name}</bdi>
              </Text>
            </span>
            {candidate.available ? null : <Lozenge appearance="moved">{t('away')}</Lozenge>}
            {isCurrent ? <Lozenge appearance="inprogress">{currentLabel}</Lozenge> : null}
            <span title={t('routeFitHelp')} data-testid={`route-fit-${candidate.id}`}>
              <Text size="small" color="color.text.subtle">
                {t('routeFit', { pct: formatPercent(candidate.fit, locale) })}
              </Text>
            </span>
          </Inline>
          {isCurrent ? null : children}
        </Inline>
        {candidate.reasons.length > 0 ? (
          <ul style={{ margin: 0, paddingLeft: token('space.200'), font: token('font.body.small') }}>
            {candidate.reasons.map((reason, i) => (
              <li key={i}>{routeReasonText(reason, t, locale)}</li>
            ))}
          </ul>
        ) : null}
      </Stack>
    </div>
  );
}
