import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack } from '@atlaskit/primitives';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { AdminConfig } from '@contracts/config';
import type { AdminStatus } from '@contracts/admin';
import type { ResolverError } from '@contracts/common';
import { RESOLVERS } from '@contracts/resolvers';
import { callResolver } from '@shared/resolver';
import { useI18n } from '@shared/i18n';
import { ErrorMessage, Loading, NoticeLine, type Notice } from '@shared/ui';
import { FieldsTab } from './FieldsTab';
import { RulesTab, type RulesDraft } from './RulesTab';
import { TeamTab } from './TeamTab';
import { GeneralTab } from './GeneralTab';
import { JobsTab } from './JobsTab';
import { MetricsTab } from './MetricsTab';
import { AuditTab } from './AuditTab';
import { ProblemCandidatesTab } from './ProblemCandidatesTab';
import { KnowledgeGapsTab } from './KnowledgeGapsTab';

const VISUALLY_HIDDEN = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

type Loaded<T> =
  { status: 'loading' } | { status: 'ok'; data: T } | { status: 'error'; error: ResolverError };

export function AdminApp() {
  const { t } = useI18n();
  const [config, setConfig] = useState<Loaded<AdminConfig>>({ status: 'loading' });
  const [draft, setDraft] = useState<AdminConfig | null>(null);
  const [rules, setRules] = useState<RulesDraft>({ text: '[]', parseError: null });
  const [status, setStatus] = useState<Loaded<AdminStatus>>({ status: 'loading' });
  const [saveError, setSaveError] = useState<ResolverError | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [saving, setSaving] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [tab, setTab] = useState(0);

  const loadConfig = useCallback(async () => {
    setConfig({ status: 'loading' });
    const result = await callResolver<AdminConfig>(RESOLVERS.adminConfigGet, {});
    if (result.ok) {
      setConfig({ status: 'ok', data: result.data });
      setDraft(result.data);
      setRules({ text: JSON.stringify(result.data.rules, null, 2), parseError: null });
      setDirty(false);
    } else setConfig({ status: 'error', error: result.error });
  }, []);

  const loadStatus = useCallback(async () => {
    const result = await callResolver<AdminStatus>(RESOLVERS.adminStatus, {});
    setStatus(result.ok ? { status: 'ok', data: result.data } : { status: 'error', error: result.error });
  }, []);

  useEffect(() => {
    void loadConfig();
    void loadStatus();
  }, [loadConfig, loadStatus]);

  const edit = useCallback((change: (current: AdminConfig) => AdminConfig) => {
    setDraft((current) => (current ? change(current) : current));
    setDirty(true);
    setNotice(null);
  }, []);

  const editRules = useCallback((text: string) => {
    setRules({ text, parseError: null });
    setDirty(true);
    setNotice(null);
  }, []);

  const save = async () => {
    if (!draft) return;
    let parsedRules: unknown;
    try {
      parsedRules = JSON.parse(rules.text);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setRules((r) => ({ ...r, parseError: t('rulesInvalidJson', { message }) }));
      setTab(1);
      return;
    }
    if (!Array.isArray(parsedRules)) {
      setRules((r) => ({ ...r, parseError: t('rulesNotArray') }));
      setTab(1);
      return;
    }
    setSaving(true);
    setSaveError(null);
    const result = await callResolver<AdminConfig>(RESOLVERS.adminConfigSave, {
      ...draft,
      rules: parsedRules,
    });
    setSaving(false);
    if (result.ok) {
      setNotice({ kind: 'success', text: t('saved') });
      setDirty(false);
      await loadConfig();
    } else {
      setSaveError(result.error);
      setNotice(null);
    }
  };

  return (
    <main aria-labelledby="admin-title">
      <Box padding="space.300" style={{ maxWidth: 1100 }}>
        <Stack space="space.200">
          <Inline spread="space-between" alignBlock="center" shouldWrap space="space.100">
            {/* Jira shows the page title above the app; this heading names the page for screen readers. */}
            <h1 id="admin-title" style={VISUALLY_HIDDEN}>
              {t('adminTitle')}
            </h1>
            <span />
            <Inline space="space.100" alignBlock="center">
              {dirty ? <Lozenge appearance="moved">{t('unsaved')}</Lozenge> : null}
              <Button
                appearance="primary"
                testId="save-config"
                isLoading={saving}
                isDisabled={draft === null}
                onClick={() => void save()}
              >
                {t('save')}
              </Button>
            </Inline>
          </Inline>
          <NoticeLine notice={notice} testId="admin-notice" />
          {saveError ? (
            <div data-testid="save-error">
              <ErrorMessage error={saveError} />
            </div>
          ) : null}
          {config.status === 'loading' || draft === null ? (
            config.status === 'error' ? (
              <ErrorMessage error={config.error} onRetry={() => void loadConfig()} testId="config-error" />
            ) : (
              <Loading />
            )
          ) : (
            <Tabs id="admin-tabs" selected={tab} onChange={(index) => setTab(index)}>
              <TabList>
                <Tab testId="tab-fields">{t('tabFields')}</Tab>
                <Tab testId="tab-rules">{t('tabRouting')}</Tab>
                <Tab testId="tab-team">{t('tabTeam')}</Tab>
                <Tab testId="tab-general">{t('tabGeneral')}</Tab>
                <Tab testId="tab-jobs">{t('tabJobs')}</Tab>
                <Tab testId="tab-metrics">{t('tabMetrics')}</Tab>
                <Tab testId="tab-problem-candidates">{t('tabProblemCandidates')}</Tab>
                <Tab testId="tab-knowledge-gaps">{t('tabKnowledgeGaps')}</Tab>
                <Tab testId="tab-audit">{t('tabAudit')}</Tab>
              </TabList>
              <TabPanel>
                <Panel>
                  <FieldsTab draft={draft} status={status.status === 'ok' ? status.data : null} edit={edit} />
                </Panel>
              </TabPanel>
              <TabPanel>
                <Panel>
                  <RulesTab rules={rules} onChange={editRules} saveIssues={saveError?.issues ?? []} />
                </Panel>
              </TabPanel>
              <TabPanel>
                <Panel>
                  <TeamTab draft={draft} edit={edit} />
                </Panel>
              </TabPanel>
              <TabPanel>
                <Panel>
                  <GeneralTab draft={draft} edit={edit} />
                </Panel>
              </TabPanel>
              <TabPanel>
                <Panel>
                  {status.status === 'ok' ? (
                    <JobsTab status={status.data} reload={loadStatus} />
                  ) : status.status === 'error' ? (
                    <ErrorMessage error={status.error} onRetry={() => void loadStatus()} />
                  ) : (
                    <Loading />
                  )}
                </Panel>
              </TabPanel>
              <TabPanel>
                <Panel>
                  <MetricsTab fields={draft.fields} />
                </Panel>
              </TabPanel>
              <TabPanel>
                <Panel>
                  <ProblemCandidatesTab />
                </Panel>
              </TabPanel>
              <TabPanel>
                <Panel>
                  <KnowledgeGapsTab />
                </Panel>
              </TabPanel>
              <TabPanel>
                <Panel>
                  <AuditTab />
                </Panel>
              </TabPanel>
            </Tabs>
          )}
        </Stack>
      </Box>
    </main>
  );
}

function Panel({ children }: { children: ReactNode }) {
  return (
    <Box paddingBlock="space.200" style={{ width: '100%' }}>
      {children}
    </Box>
  );
}
