import Button from '@atlaskit/button/new';
import Textfield from '@atlaskit/textfield';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import { useState } from 'react';
import type { AdminConfig, AwayEntry } from '@contracts/config';
import { DataTable } from '@shared/DataTable';
import { useI18n } from '@shared/i18n';

type Edit = (change: (current: AdminConfig) => AdminConfig) => void;

/** Empty inputs mean "not set"; the server's schema checks formats when the admin saves. */
function optional(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

export function TeamTab({ draft, edit }: { draft: AdminConfig; edit: Edit }) {
  const { t } = useI18n();
  const setAway = (index: number, patch: Partial<AwayEntry>) =>
    edit((c) => ({ ...c, away: c.away.map((entry, i) => (i === index ? { ...entry, ...patch } : entry)) }));
  const capacities = Object.entries(draft.capacities);
  const [newAccount, setNewAccount] = useState('');

  return (
    <Stack space="space.400">
      <Stack space="space.100">
        <Text as="p" color="color.text.subtle">
          {t('awayHelp')}
        </Text>
        <DataTable<AwayEntry>
          caption={t('awayList')}
          testId="away-table"
          rows={draft.away}
          rowKey={(_entry, i) => String(i)}
          columns={[
            {
              key: 'account',
              header: t('accountId'),
              cell: (entry) => {
                const i = draft.away.indexOf(entry);
                return (
                  <Textfield
                    aria-label={`${t('accountId')} ${i + 1}`}
                    value={entry.accountId}
                    onChange={(e) => setAway(i, { accountId: e.currentTarget.value })}
                  />
                );
              },
            },
            {
              key: 'from',
              header: t('from'),
              cell: (entry) => {
                const i = draft.away.indexOf(entry);
                return (
                  <Textfield
                    type="date"
                    aria-label={`${t('from')} ${i + 1}`}
                    value={entry.from ?? ''}
                    onChange={(e) => setAway(i, { from: optional(e.currentTarget.value) })}
                  />
                );
              },
            },
            {
              key: 'until',
              header: t('until'),
              cell: (entry) => {
                const i = draft.away.indexOf(entry);
                return (
                  <Textfield
                    type="date"
                    aria-label={`${t('until')} ${i + 1}`}
                    value={entry.until ?? ''}
                    onChange={(e) => setAway(i, { until: optional(e.currentTarget.value) })}
                  />
                );
              },
            },
            {
              key: 'note',
              header: t('note'),
              cell: (entry) => {
                const i = draft.away.indexOf(entry);
                return (
                  <Textfield
                    aria-label={`${t('note')} ${i + 1}`}
                    value={entry.note ?? ''}
                    onChange={(e) => setAway(i, { note: optional(e.currentTarget.value) })}
                  />
                );
              },
            },
            {
              key: 'remove',
              header: '',
              cell: (entry) => {
                const i = draft.away.indexOf(entry);
                return (
                  <Button
                    appearance="subtle"
                    aria-label={t('removeLabel', { name: entry.accountId || String(i + 1) })}
                    onClick={() => edit((c) => ({ ...c, away: c.away.filter((_, j) => j !== i) }))}
                  >
                    {t('remove')}
                  </Button>
                );
              },
            },
          ]}
        />
        <Inline>
          <Button onClick={() => edit((c) => ({ ...c, away: [...c.away, { accountId: '' }] }))}>
            {t('addAway')}
          </Button>
        </Inline>
      </Stack>

      <Stack space="space.100">
        <Text as="p" color="color.text.subtle">
          {t('capacityHelp')}
        </Text>
        <DataTable<[string, number]>
          caption={t('capacities')}
          testId="capacity-table"
          rows={capacities}
          rowKey={([account]) => account}
          columns={[
            { key: 'account', header: t('accountId'), cell: ([account]) => <code>{account}</code> },
            {
              key: 'capacity',
              header: t('capacity'),
              cell: ([account, capacity]) => (
                <Textfield
                  type="number"
                  min={0}
                  max={1000}
                  aria-label={`${t('capacity')} ${account}`}
                  value={String(capacity)}
                  onChange={(e) => {
                    const n = Number(e.currentTarget.value);
                    if (Number.isInteger(n) && n >= 0) {
                      edit((c) => ({ ...c, capacities: { ...c.capacities, [account]: n } }));
                    }
                  }}
                />
              ),
            },
            {
              key: 'remove',
              header: '',
              cell: ([account]) => (
                <Button
                  appearance="subtle"
                  aria-label={t('removeLabel', { name: account })}
                  onClick={() =>
                    edit((c) => ({
                      ...c,
                      capacities: Object.fromEntries(
                        Object.entries(c.capacities).filter(([a]) => a !== account),
                      ),
                    }))
                  }
                >
                  {t('remove')}
                </Button>
              ),
            },
          ]}
        />
        <Inline space="space.100" alignBlock="end">
          <Textfield
            aria-label={t('accountId')}
            placeholder={t('accountId')}
            value={newAccount}
            onChange={(e) => setNewAccount(e.currentTarget.value)}
            width={240}
          />
          <Button
            isDisabled={
              newAccount.trim() === '' ||
              Object.prototype.hasOwnProperty.call(draft.capacities, newAccount.trim())
            }
            onClick={() => {
              const account = newAccount.trim();
              edit((c) => ({ ...c, capacities: { ...c.capacities, [account]: 10 } }));
              setNewAccount('');
            }}
          >
            {t('addCapacity')}
          </Button>
        </Inline>
      </Stack>
    </Stack>
  );
}
