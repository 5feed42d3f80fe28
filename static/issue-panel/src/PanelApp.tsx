import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import Button from '@atlaskit/button/new';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PanelData, SimilarSection as SimilarData } from '@contracts/panel';
import type { ResolverError } from '@contracts/common';
import { RESOLVERS } from '@contracts/resolvers';
import type { AppContext } from '@shared/forge-app';
import { callResolver } from '@shared/resolver';
import { useI18n } from '@shared/i18n';
import { ErrorMessage } from '@shared/ui';
import { SectionFrame } from './SectionFrame';
import { ClassificationSection } from './ClassificationSection';
import { RoutingSection } from './RoutingSection';
import { SimilarSection } from './SimilarSection';
import { SlaSection } from './SlaSection';
import { KnowledgeSection } from './KnowledgeSection';
import { OutageBanner } from './OutageBanner';
import { findSimilar, similarShown, type LinkedHere } from './keep-linked';
import { changesIssue, flag, refreshIssueView } from './agent-feedback';
import type { PanelActions } from './panel-actions';

type Load =
  { status: 'loading' } | { status: 'ok'; data: PanelData } | { status: 'error'; error: ResolverError };

export function PanelApp({ context }: { context: AppContext }) {
  const { t, locale } = useI18n();
  const issueKey = context.issueKey;
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [busy, setBusy] = useState<string | null>(null);
  // Similar tickets linked from this panel: still shown, as linked, until the panel is opened again.
  const [linked, setLinked] = useState<LinkedHere[]>([]);
  const generation = useRef(0);
  const shownSimilar = useRef<SimilarData | null>(null);
  const mainRef = useRef<HTMLElement>(null);

  const fetchPanel = useCallback(
    async (showSpinner: boolean) => {
      if (!issueKey) return;
      const mine = ++generation.current;
      if (showSpinner) setLoad({ status: 'loading' });
      const result = await callResolver<PanelData>(RESOLVERS.panelGet, { issueKey, locale });
      if (mine !== generation.current) return; // a newer fetch has started; drop this answer
      setLoad(result.ok ? { status: 'ok', data: result.data } : { status: 'error', error: result.error });
    },
    [issueKey, locale],
  );

  useEffect(() => {
    void fetchPanel(true);
  }, [fetchPanel]);

  const run = useCallback<PanelActions['run']>(
    async (actionId, done, key, payload, options) => {
      setBusy(actionId);
      const result = await callResolver<unknown>(key, payload);
      const linkedTicket =
        result.ok &&
        key === RESOLVERS.panelLink &&
        shownSimilar.current &&
        typeof payload.otherKey === 'string'
          ? findSimilar(shownSimilar.current, payload.otherKey)
          : undefined;
      if (linkedTicket)
        setLinked((list) => [...list.filter((l) => l.ticket.key !== linkedTicket.ticket.key), linkedTicket]);
      if (result.ok) {
        // The issue view beside the panel re-reads the issue while the panel re-fetches its state.
        if (changesIssue(key)) void refreshIssueView();
        await fetchPanel(false);
        const undo = options?.undo;
        flag({
          kind: 'success',
          title: t('flagDone'),
          description: done,
          ...(undo
            ? {
                action: {
                  text: t('undo'),
                  onClick: () => void runRef.current('flag-undo', undo.done, undo.key, undo.payload),
                },
              }
            : {}),
        });
      } else {
        flag({ kind: 'error', title: t('flagFailed'), description: result.error.message });
      }
      setBusy(null);
      // The used button may be gone (an applied suggestion loses Apply): keep focus in the panel.
      if (document.activeElement === null || document.activeElement === document.body)
        mainRef.current?.focus();
    },
    [fetchPanel, t],
  );
  const runRef = useRef(run);
  runRef.current = run;

  if (!issueKey) {
    return (
      <Box padding="space.100">
        <Text as="p">{t('noIssue')}</Text>
      </Box>
    );
  }

  const actions: PanelActions = { busy, run };
  const data = load.status === 'ok' ? load.data : null;
  const similar = data ? similarShown(data.similar, linked) : null;
  shownSimilar.current = similar?.status === 'ok' ? similar.data : null;

  return (
    <main ref={mainRef} tabIndex={-1} aria-label={t('panelLabel')} style={{ minWidth: 0, outline: 'none' }}>
      <Box padding="space.100">
        <Stack space="space.150">
          {load.status === 'error' ? (
            <div data-testid="panel-error">
              <ErrorMessage error={load.error} onRetry={() => void fetchPanel(true)} />
            </div>
          ) : (
            <>
              {data?.outage ? (
                <OutageBanner outage={data.outage} issueKey={issueKey} actions={actions} />
              ) : null}
              <SectionFrame
                id="classification"
                divider={false}
                title={t('classification')}
                section={data ? data.classification : 'loading'}
              >
                {(fields) => data && <ClassificationSection fields={fields} panel={data} actions={actions} />}
              </SectionFrame>
              <SectionFrame id="routing" title={t('routing')} section={data ? data.routing : 'loading'}>
                {(routing) => <RoutingSection routing={routing} issueKey={issueKey} actions={actions} />}
              </SectionFrame>
              <SectionFrame id="similar" title={t('similar')} section={similar ?? 'loading'}>
                {(shown) => <SimilarSection similar={shown} issueKey={issueKey} actions={actions} />}
              </SectionFrame>
              <SectionFrame id="sla" title={t('sla')} section={data ? data.sla : 'loading'}>
                {(sla) => <SlaSection sla={sla} />}
              </SectionFrame>
              {data && !data.knowledge ? null : (
                <SectionFrame id="knowledge" title={t('knowledge')} section={data?.knowledge ?? 'loading'}>
                  {(knowledge) => (
                    <KnowledgeSection
                      knowledge={knowledge}
                      issueKey={issueKey}
                      language={data?.language ?? 'other'}
                      actions={actions}
                    />
                  )}
                </SectionFrame>
              )}
              <Inline alignInline="end">
                <Button
                  appearance="subtle"
                  spacing="compact"
                  onClick={() => void fetchPanel(true)}
                  isDisabled={load.status === 'loading'}
                >
                  {t('refresh')}
                </Button>
              </Inline>
            </>
          )}
        </Stack>
      </Box>
    </main>
  );
}
