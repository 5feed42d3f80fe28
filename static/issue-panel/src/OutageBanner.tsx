import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import type { OutageNotice } from '@contracts/knowledge';
import { RESOLVERS } from '@contracts/resolvers';
import { useI18n } from '@shared/i18n';
import type { PanelActions } from './panel-actions';
import { outageHeadline } from './outage-text';

type Named = NonNullable<OutageNotice['problem']>;

/**
 * The known-outage banner at the top of the panel. The server decided that the ticket matches
 * an ongoing outage and what the viewer may see of it; this only words it and offers the links
 * (to the problem, to the major incident).
 */
export function OutageBanner({
  outage,
  issueKey,
  actions,
}: {
  outage: OutageNotice;
  issueKey: string;
  actions: PanelActions;
}) {
  const { t } = useI18n();
  const problem = outage.problem;
  const major = outage.majorIncident ?? null;
  const links: Omit<LinkProps, 'issueKey' | 'actions'>[] = [
    ...(problem
      ? [
          {
            ticket: problem,
            linked: outage.linked,
            kind: 'problem' as const,
            done: t('doneOutageLinked', { key: problem.key }),
          },
        ]
      : []),
    ...(major
      ? [
          {
            ticket: major,
            linked: major.linked,
            kind: 'majorIncident' as const,
            done: t('doneMajorLinked', { key: major.key }),
          },
        ]
      : []),
  ];
  if (outage.dismissed === true)
    return (
      <Inline space="space.075" alignBlock="center" shouldWrap testId="outage-dismissed">
        <Text size="small" color="color.text.subtle">
          {t('outageDismissed')}
        </Text>
        <DismissButton undo issueKey={issueKey} actions={actions} />
      </Inline>
    );
  return (
    <div data-testid="outage-banner">
      <SectionMessage appearance="warning" title={t('outageTitle')}>
        <Stack space="space.075">
          <Text as="p">{outageHeadline(outage, t)}</Text>
          {problem ? <Summary ticket={problem} /> : null}
          {major ? <Summary ticket={major} label={t('outageMajorLabel')} /> : null}
          {outage.terms.length > 0 ? (
            <Text size="small" color="color.text.subtlest">
              {t('sharedTerms', { list: outage.terms.join(', ') })}
            </Text>
          ) : null}
          <Inline space="space.075" alignBlock="center" shouldWrap>
            {links.map((l) => (
              <LinkTo key={l.ticket.key} {...l} issueKey={issueKey} actions={actions} />
            ))}
            <DismissButton undo={false} issueKey={issueKey} actions={actions} />
          </Inline>
        </Stack>
      </SectionMessage>
    </div>
  );
}

function Summary({ ticket, label }: { ticket: Named; label?: string }) {
  return (
    <Text as="p" size="small" color="color.text.subtle">
      {label ? `${label}: ` : null}
      <bdi>{ticket.summary}</bdi> · {ticket.status}
    </Text>
  );
}

/** One click links this ticket to the problem or the major incident; once linked, says so. */
interface LinkProps {
  ticket: Named;
  linked: boolean;
  kind: 'problem' | 'majorIncident';
  issueKey: string;
  actions: PanelActions;
  done: string;
}

function LinkTo({ ticket, linked, kind, issueKey, actions, done }: LinkProps) {
  const { t } = useI18n();
  if (linked) return <Lozenge appearance="success">{t('outageLinked', { key: ticket.key })}</Lozenge>;
  const id = `outage-link-${ticket.key}`;
  return (
    <Button
      spacing="compact"
      appearance={kind === 'problem' ? 'primary' : 'default'}
      testId={id}
      isLoading={actions.busy === id}
      isDisabled={actions.busy !== null}
      onClick={() =>
        void actions.run(id, done, RESOLVERS.panelLink, { issueKey, otherKey: ticket.key, kind })
      }
    >
      {t('outageLink', { key: ticket.key })}
    </Button>
  );
}

/** "Not part of this outage" hides the banner on this ticket; "Show again" takes that back. */
function DismissButton({
  undo,
  issueKey,
  actions,
}: {
  undo: boolean;
  issueKey: string;
  actions: PanelActions;
}) {
  const { t } = useI18n();
  const id = undo ? 'outage-restore' : 'outage-dismiss';
  return (
    <Button
      spacing="compact"
      appearance="subtle"
      testId={id}
      isLoading={actions.busy === id}
      isDisabled={actions.busy !== null}
      onClick={() =>
        void actions.run(
          id,
          t(undo ? 'doneOutageRestored' : 'doneOutageDismissed'),
          RESOLVERS.panelOutageDismiss,
          { issueKey, undo },
          // The success flag of a dismissal offers to take it back at once, like other decisions.
          undo
            ? {}
            : {
                undo: {
                  key: RESOLVERS.panelOutageDismiss,
                  payload: { issueKey, undo: true },
                  done: t('doneOutageRestored'),
                },
              },
        )
      }
    >
      {t(undo ? 'outageShowAgain' : 'outageDismiss')}
    </Button>
  );
}
