import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import type { DryRunResult } from '@contracts/admin';
import type { ResolverError } from '@contracts/common';
import { RESOLVERS } from '@contracts/resolvers';
import { DataTable } from '@shared/DataTable';
import { NativeSelect } from '@shared/NativeSelect';
import { callResolver } from '@shared/resolver';
import { formatNumber } from '@shared/format';
import { useI18n } from '@shared/i18n';
import { ErrorMessage, Loading } from '@shared/ui';

/** The rules text is edited as JSON; it joins the config only when it parses. */
export interface RulesDraft {
  text: string;
  parseError: string | null;
}

/** Rules parsed from the editor, or the reason they do not parse (no exceptions escape). */
function parseRules(text: string): unknown[] | null {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

/** A starting point the admin edits; the routing engine's schema is the authority on save. */
const EXAMPLE_RULE = {
  id: 'vpn-to-network',
  name: 'VPN problems to the network team',
  enabled: true,
  conditions: [{ kind: 'text', anyOf: ['VPN'] }],
  actions: { team: 'Network' },
  stop: false,
};

/** The editor text with one more rule appended, or null when the text is not a JSON array. */
function withExampleRule(text: string): string | null {
  const rules = parseRules(text);
  if (rules === null) return null;
  const ids = new Set(
    rules.map((r) => (typeof r === 'object' && r !== null && 'id' in r ? String(r.id) : '')),
  );
  let id = EXAMPLE_RULE.id;
  for (let n = 2; ids.has(id); n++) id = `${EXAMPLE_RULE.id}-${n}`;
  return JSON.stringify([...rules, { ...EXAMPLE_RULE, id }], null, 2);
}

function ruleLabel(rule: unknown, index: number): string {
  if (typeof rule === 'object' && rule !== null && 'name' in rule && typeof rule.name === 'string') {
    return `${index + 1}. ${rule.name}`;
  }
  return `${index + 1}`;
}

export function RulesTab({
  rules,
  onChange,
  saveIssues,
}: {
  rules: RulesDraft;
  onChange: (text: string) => void;
  saveIssues: NonNullable<ResolverError['issues']>;
}) {
  const { t, locale } = useI18n();
  const parsed = parseRules(rules.text);
  const [ruleIndex, setRuleIndex] = useState('0');
  const [dryRun, setDryRun] = useState<
    | { status: 'idle' }
    | { status: 'loading' }
    | { status: 'ok'; data: DryRunResult }
    | { status: 'error'; error: ResolverError }
  >({ status: 'idle' });
  const ruleIssues = saveIssues.filter((issue) => issue.path === 'rules' || issue.path.startsWith('rules.'));

  const runDryRun = async () => {
    const rule = parsed?.[Number(ruleIndex)];
    if (rule === undefined) return;
    setDryRun({ status: 'loading' });
    const result = await callResolver<DryRunResult>(RESOLVERS.adminDryRun, { rule, limit: 5000 });
    setDryRun(result.ok ? { status: 'ok', data: result.data } : { status: 'error', error: result.error });
  };

  return (
    <Stack space="space.200">
      <label htmlFor="rules-json">
        <Text weight="semibold">{t('tabRouting')}</Text>
      </label>
      <Text as="p" color="color.text.subtle" id="rules-help">
        {t('rulesHelp')}
      </Text>
      <textarea
        id="rules-json"
        data-testid="rules-json"
        aria-describedby="rules-help"
        aria-invalid={rules.parseError !== null || ruleIssues.length > 0}
        spellCheck={false}
        value={rules.text}
        onChange={(event) => onChange(event.target.value)}
        rows={14}
        style={{
          width: '100%',
          boxSizing: 'border-box',
          font: token('font.code'),
          color: token('color.text'),
          background: token('color.background.input'),
          border: `2px solid ${rules.parseError || ruleIssues.length > 0 ? token('color.border.danger') : token('color.border.input')}`,
          borderRadius: token('radius.small', '3px'),
          padding: token('space.100'),
        }}
      />
      {rules.parseError ? (
        <SectionMessage appearance="error" testId="rules-parse-error">
          <Text as="p">{rules.parseError}</Text>
        </SectionMessage>
      ) : parsed === null ? (
        <Text color="color.text.danger">{t('rulesNotArray')}</Text>
      ) : null}
      {ruleIssues.length > 0 ? (
        <SectionMessage appearance="error" testId="rules-issues">
          <ul>
            {ruleIssues.map((issue, i) => (
              <li key={i}>
                <code>{issue.path}</code>: {issue.message}
              </li>
            ))}
          </ul>
        </SectionMessage>
      ) : null}

      <Inline>
        <Button
          appearance="subtle"
          testId="add-example-rule"
          isDisabled={parsed === null}
          onClick={() => {
            const next = withExampleRule(rules.text);
            if (next !== null) onChange(next);
          }}
        >
          {t('addExampleRule')}
        </Button>
      </Inline>
      {parsed && parsed.length > 0 ? (
        <Inline space="space.100" alignBlock="center" shouldWrap>
          <label htmlFor="dry-run-rule">
            <Text>{t('dryRunRule')}</Text>
          </label>
          <NativeSelect
            id="dry-run-rule"
            label={t('dryRunRule')}
            value={ruleIndex}
            options={parsed.map((rule, i) => ({ value: String(i), label: ruleLabel(rule, i) }))}
            onChange={setRuleIndex}
          />
          <Button testId="dry-run" onClick={() => void runDryRun()} isLoading={dryRun.status === 'loading'}>
            {t('dryRun')}
          </Button>
        </Inline>
      ) : null}
      {dryRun.status === 'loading' ? <Loading /> : null}
      {dryRun.status === 'error' ? <ErrorMessage error={dryRun.error} /> : null}
      {dryRun.status === 'ok' ? (
        <div data-testid="dry-run-result">
          <Stack space="space.100">
            <Text weight="semibold">
              {t('dryRunResult', {
                matched: formatNumber(dryRun.data.matched, locale),
                scanned: formatNumber(dryRun.data.scanned, locale),
              })}
            </Text>
            <DataTable
              caption={t('actualDestinations')}
              rows={dryRun.data.actualDestinations}
              rowKey={(row) => row.destination}
              columns={[
                { key: 'destination', header: t('destination'), cell: (row) => row.destination },
                {
                  key: 'count',
                  header: t('count'),
                  numeric: true,
                  cell: (row) => formatNumber(row.count, locale),
                },
              ]}
            />
            {dryRun.data.examples.length > 0 ? (
              <Text size="small" color="color.text.subtle">
                {t('exampleTickets', { list: dryRun.data.examples.join(', ') })}
              </Text>
            ) : null}
          </Stack>
        </div>
      ) : null}
    </Stack>
  );
}
