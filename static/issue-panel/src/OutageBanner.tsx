import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import type { OutageNotice } from '@contracts/knowledge';
import { RESOLVERS } from '@contracts/resolvers';
import { useI18n } from '@shared/i18n';
import type { PanelActions } from './PanelApp';
import { outageHeadline } from './outage-text';

/**
 * The known-outage banner at the top of the panel. The server decided that the ticket matches
 * an ongoing outage and what the viewer may see of it; this only words it and offers the link.
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
  const headline = outageHeadline(outage, t);
  const linkId = problem ? `outage-link-${problem.key}` : 'outage-link';
  return (
    <div data-testid="outage-banner">
      <SectionMessage appearance="warning" title={t('outageTitle')}>
        <Stack space="space.075">
          <Text as="p">{headline}</Text>
          {problem ? (
            <Text as="p" size="small" color="color.text.subtle">
              <bdi>{problem.summary}</bdi> · {problem.status}
            </Text>
          ) : null}
          {outage.terms.length > 0 ? (
            <Text size="small" color="color.text.subtlest">
              {t('sharedTerms', { list: outage.terms.join(', ') })}
            </Text>
          ) : null}
          {problem ? (
            <Inline space="space.075" alignBlock="center">
              {outage.linked ? (
                <Lozenge appearance="success">{t('outageLinked', { key: problem.key })}</Lozenge>
              ) : (
                <Button
                  spacing="compact"
                  appearance="primary"
                  testId={linkId}
                  isLoading={actions.busy === linkId}
                  isDisabled={actions.busy !== null}
                  onClick={() =>
                    void actions.run(
                      linkId,
                      t('doneOutageLinked', { key: problem.key }),
                      RESOLVERS.panelLink,
                      {
                        issueKey,
                        otherKey: problem.key,
                        kind: 'problem',
                      },
                    )
                  }
                >
                  {t('outageLink', { key: problem.key })}
                </Button>
              )}
            </Inline>
          ) : null}
        </Stack>
      </SectionMessage>
    </div>
  );
}
