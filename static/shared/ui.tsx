import SectionMessage from '@atlaskit/section-message';
import Button from '@atlaskit/button/new';
import Spinner from '@atlaskit/spinner';
import { Box, Inline, Text } from '@atlaskit/primitives';
import type { ResolverError } from '@contracts/common';
import { useI18n } from './i18n';

/** A readable failure: the server's message, its code, the validation paths, and a retry. */
export function ErrorMessage({
  error,
  onRetry,
  testId,
}: {
  error: ResolverError | { code: string; message: string; issues?: ResolverError['issues'] };
  onRetry?: () => void;
  testId?: string;
}) {
  const { t } = useI18n();
  return (
    <SectionMessage appearance="error" title={t('errorTitle')} testId={testId}>
      <Text as="p">{error.message}</Text>
      {error.issues && error.issues.length > 0 ? (
        <ul>
          {error.issues.map((issue, i) => (
            <li key={i}>
              <code>{issue.path || '(root)'}</code>: {issue.message}
            </li>
          ))}
        </ul>
      ) : null}
      <Text as="p" size="small" color="color.text.subtle">
        {t('errorCode', { code: error.code })}
      </Text>
      {onRetry ? (
        <Box paddingBlockStart="space.100">
          <Button onClick={onRetry}>{t('retry')}</Button>
        </Box>
      ) : null}
    </SectionMessage>
  );
}

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <Inline space="space.100" alignBlock="center">
      <Spinner size="small" label={label ?? t('loading')} />
      <Text color="color.text.subtle">{label ?? t('loading')}</Text>
    </Inline>
  );
}

/** Success / failure line after an agent or admin action, announced to screen readers. */
export type Notice = { kind: 'success' | 'error'; text: string } | null;

export function NoticeLine({ notice, testId }: { notice: Notice; testId?: string }) {
  if (!notice) return <div role="status" aria-live="polite" data-testid={testId} />;
  return (
    <div role={notice.kind === 'error' ? 'alert' : 'status'} aria-live="polite" data-testid={testId}>
      <SectionMessage appearance={notice.kind === 'error' ? 'error' : 'success'}>
        <Text as="p">{notice.text}</Text>
      </SectionMessage>
    </div>
  );
}
