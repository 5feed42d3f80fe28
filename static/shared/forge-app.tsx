import '@atlaskit/css-reset';
import { view } from '@forge/bridge';
import { setGlobalTheme } from '@atlaskit/tokens/set-global-theme';
import { StrictMode, useEffect, useMemo, useState, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nContext, toLocale, translator, type Locale } from './i18n';

/** What the apps need from Forge's context, read defensively: the host decides its shape. */
export interface AppContext {
  locale: Locale;
  issueKey: string | null;
  /** The service project a queue page sits under (`extension.project.key`). */
  projectKey: string | null;
  accountId: string | null;
  colorMode: 'light' | 'dark';
}

export function readContext(raw: unknown): AppContext {
  const record = isRecord(raw) ? raw : {};
  const extension = isRecord(record.extension) ? record.extension : {};
  const issue = isRecord(extension.issue) ? extension.issue : {};
  const project = isRecord(extension.project) ? extension.project : {};
  const theme = isRecord(record.theme) ? record.theme : {};
  const hostMode = document.documentElement.getAttribute('data-color-mode');
  const mode = hostMode ?? (typeof theme.colorMode === 'string' ? theme.colorMode : 'light');
  return {
    locale: toLocale(typeof record.locale === 'string' ? record.locale : navigator.language),
    issueKey: typeof issue.key === 'string' ? issue.key : null,
    projectKey: typeof project.key === 'string' && project.key !== '' ? project.key : null,
    accountId: typeof record.accountId === 'string' ? record.accountId : null,
    colorMode: mode === 'dark' ? 'dark' : 'light',
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

type Boot =
  { status: 'loading' } | { status: 'ready'; context: AppContext } | { status: 'error'; message: string };

/**
 * Turns on Jira's theming (design tokens follow the host's light/dark mode), then reads the
 * context. Theme failures are not fatal: the app still works in the default light theme.
 */
async function boot(): Promise<AppContext> {
  try {
    await view.theme.enable();
  } catch {
    // Older hosts have no theming; tokens fall back to their light values.
  }
  const context = readContext(await view.getContext());
  await setGlobalTheme({
    colorMode: context.colorMode,
    light: 'light',
    dark: 'dark',
    spacing: 'spacing',
    typography: 'typography',
  });
  document.documentElement.lang = context.locale;
  return context;
}

function Booted({ render }: { render: (context: AppContext) => ReactNode }) {
  const [state, setState] = useState<Boot>({ status: 'loading' });
  useEffect(() => {
    boot().then(
      (context) => setState({ status: 'ready', context }),
      (error: unknown) =>
        setState({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
  }, []);
  const locale = state.status === 'ready' ? state.context.locale : toLocale(navigator.language);
  const i18n = useMemo(() => ({ locale, t: translator(locale) }), [locale]);
  return (
    <I18nContext.Provider value={i18n}>
      {state.status === 'ready' ? (
        render(state.context)
      ) : state.status === 'error' ? (
        <p role="alert">{state.message}</p>
      ) : (
        <p aria-busy="true">{i18n.t('loading')}</p>
      )}
    </I18nContext.Provider>
  );
}

export function mountApp(render: (context: AppContext) => ReactNode): void {
  const element = document.getElementById('root');
  if (!element) throw new Error('missing #root element');
  createRoot(element).render(
    <StrictMode>
      <Booted render={render} />
    </StrictMode>,
  );
}
