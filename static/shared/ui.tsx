import SectionMessage from '@atlaskit/section-message';
import Button from '@atlaskit/button/new';
import Spinner from '@atlaskit/spinner';
import { Box, Inline, Text } from '@atlaskit/primitives';
import type { ResolverError } from '@contracts/common';
import { useEffect, useRef } from 'react';
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
              <code>{issue.path || t('errorRoot')}</code>: {issue.message}
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

/**
 * One stable live region, so screen readers hear every result. When the button that was used
 * has gone (an applied suggestion loses its Apply button), focus lands here instead of the page top.
 */
export function NoticeLine({ notice, testId }: { notice: Notice; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const active = document.activeElement;
    if (notice && (active === null || active === document.body)) ref.current?.focus();
  }, [notice]);
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="status"
      aria-live="polite"
      data-testid={testId}
      style={{ outline: 'none' }}
    >
      {notice ? (
        <SectionMessage appearance={notice.kind === 'error' ? 'error' : 'success'}>
          <Text as="p">{notice.text}</Text>
        </SectionMessage>
      ) : null}
    </div>
  );
}
