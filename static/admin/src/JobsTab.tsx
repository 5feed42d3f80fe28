import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import ProgressBar from '@atlaskit/progress-bar';
import SectionMessage from '@atlaskit/section-message';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import { useEffect, useState } from 'react';
import type { AdminStatus, JobStatus, QualityFinding } from '@contracts/admin';
import { RESOLVERS, type ResolverKey } from '@contracts/resolvers';
import { callResolver } from '@shared/resolver';
import { formatDateTime, formatNumber } from '@shared/format';
import { useI18n, type MessageKey } from '@shared/i18n';
import { NoticeLine, type Notice } from '@shared/ui';

const JOB_LABEL: Record<JobStatus['kind'], MessageKey> = {
  backfill: 'job_backfill',
  train: 'job_train',
  'sla-sweep': 'job_sla-sweep',
};
const STATE_LABEL: Record<JobStatus['state'], MessageKey> = {
  idle: 'state_idle',
  queued: 'state_queued',
  running: 'state_running',
  done: 'state_done',
  failed: 'state_failed',
};
const STATE_APPEARANCE: Record<JobStatus['state'], 'default' | 'inprogress' | 'success' | 'removed' | 'new'> =
  {
    idle: 'default',
    queued: 'new',
    running: 'inprogress',
    done: 'success',
    failed: 'removed',
  };
const SEVERITY: Record<
  QualityFinding['severity'],
  { label: MessageKey; appearance: 'information' | 'warning' | 'error' }
> = {
  info: { label: 'severity_info', appearance: 'information' },
  warning: { label: 'severity_warning', appearance: 'warning' },
  problem: { label: 'severity_problem', appearance: 'error' },
};
const POLL_MS = 3000;

export function JobsTab({ status, reload }: { status: AdminStatus; reload: () => Promise<void> }) {
  const { t, locale } = useI18n();
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState<ResolverKey | null>(null);
  const active = status.jobs.some((job) => job.state === 'running' || job.state === 'queued');

  // While a job runs, follow its progress; stop as soon as nothing is running.
  useEffect(() => {
    if (!active) return undefined;
    const timer = setInterval(() => void reload(), POLL_MS);
    return () => clearInterval(timer);
  }, [active, reload]);

  const start = async (key: ResolverKey, label: string) => {
    setBusy(key);
    const result = await callResolver<JobStatus>(key, {});
    setBusy(null);
    setNotice(
      result.ok
        ? { kind: 'success', text: t('actionDone', { what: label }) }
        : { kind: 'error', text: t('actionFailed', { message: result.error.message }) },
    );
    await reload();
  };

  return (
    <Stack space="space.300">
      <Text color="color.text.subtle">
        {t('ticketsStored', { count: formatNumber(status.tickets, locale) })}
      </Text>
      <Inline space="space.100">
        <Button
          appearance="primary"
          testId="start-train"
          isLoading={busy === RESOLVERS.adminTrain}
          onClick={() => void start(RESOLVERS.adminTrain, t('startTrain'))}
        >
          {t('startTrain')}
        </Button>
        <Button
          testId="start-backfill"
          isLoading={busy === RESOLVERS.adminBackfill}
          onClick={() => void start(RESOLVERS.adminBackfill, t('startBackfill'))}
        >
          {t('startBackfill')}
        </Button>
      </Inline>
      <NoticeLine notice={notice} />
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))',
          gap: token('space.200'),
        }}
      >
        {status.jobs.map((job) => (
          <JobCard key={job.kind} job={job} />
        ))}
      </div>
      <Stack space="space.100">
        <h2 style={{ font: token('font.heading.small'), margin: 0 }}>{t('findings')}</h2>
        {status.findings.length === 0 ? (
          <Text color="color.text.subtle">{t('noFindings')}</Text>
        ) : (
          <Stack space="space.100" testId="findings">
            {status.findings.map((finding, i) => (
              <SectionMessage
                key={i}
                appearance={SEVERITY[finding.severity].appearance}
                title={t(SEVERITY[finding.severity].label)}
              >
                <Text as="p">{finding.message}</Text>
                {finding.examples.length > 0 ? (
                  <Text as="p" size="small" color="color.text.subtle">
                    {t('exampleTickets', { list: finding.examples.join(', ') })}
                  </Text>
                ) : null}
              </SectionMessage>
            ))}
          </Stack>
        )}
      </Stack>
    </Stack>
  );
}

function JobCard({ job }: { job: JobStatus }) {
  const { t, locale } = useI18n();
  const label = t(JOB_LABEL[job.kind]);
  const running = job.state === 'running' || job.state === 'queued';
  const fraction = job.total ? Math.min(job.processed / job.total, 1) : job.state === 'done' ? 1 : 0;
  return (
    <section
      aria-label={label}
      data-testid={`job-${job.kind}`}
      data-state={job.state}
      style={{
        border: `1px solid ${token('color.border')}`,
        borderRadius: token('radius.large', '8px'),
        padding: token('space.200'),
        background: token('elevation.surface.raised'),
      }}
    >
      <Stack space="space.100">
        <Inline spread="space-between" alignBlock="center">
          <Text weight="semibold">{label}</Text>
          <Lozenge appearance={STATE_APPEARANCE[job.state]}>{t(STATE_LABEL[job.state])}</Lozenge>
        </Inline>
        <ProgressBar
          ariaLabel={label}
          value={fraction}
          isIndeterminate={running && job.total === null}
          appearance={job.state === 'done' ? 'success' : 'default'}
        />
        <Text size="small" color="color.text.subtle">
          {job.total === null
            ? t('progressUnknown', { processed: formatNumber(job.processed, locale) })
            : t('progress', {
                processed: formatNumber(job.processed, locale),
                total: formatNumber(job.total, locale),
              })}
        </Text>
        <Text size="small" color="color.text.subtle">
          {job.startedAt
            ? t('lastRun', { when: formatDateTime(job.finishedAt ?? job.startedAt, locale) })
            : t('neverRun')}
        </Text>
        {job.error ? (
          <SectionMessage appearance="error">
            <Text as="p" size="small">
              {job.error}
            </Text>
          </SectionMessage>
        ) : null}
      </Stack>
    </section>
  );
}
