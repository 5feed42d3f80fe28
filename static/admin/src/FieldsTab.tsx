import Button from '@atlaskit/button/new';
import Textfield from '@atlaskit/textfield';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import type { AdminConfig, FieldConfig, FieldMode } from '@contracts/config';
import type { AdminStatus, ClassQuality, FieldQuality } from '@contracts/admin';
import { DataTable } from '@shared/DataTable';
import { NativeSelect } from '@shared/NativeSelect';
import { formatDateTime, formatNumber, formatPercent } from '@shared/format';
import { useI18n, type MessageKey } from '@shared/i18n';
import { PrecisionCoverageChart } from './PrecisionCoverageChart';

const MODES: ReadonlyArray<{ mode: FieldMode; label: MessageKey }> = [
  { mode: 'off', label: 'mode_off' },
  { mode: 'shadow', label: 'mode_shadow' },
  { mode: 'suggest', label: 'mode_suggest' },
  { mode: 'auto-apply', label: 'mode_auto-apply' },
];

type Edit = (change: (current: AdminConfig) => AdminConfig) => void;

function updateField(edit: Edit, fieldId: string, patch: Partial<FieldConfig>) {
  edit((config) => ({
    ...config,
    fields: config.fields.map((field) => (field.fieldId === fieldId ? { ...field, ...patch } : field)),
  }));
}

export function FieldsTab({
  draft,
  status,
  edit,
}: {
  draft: AdminConfig;
  status: AdminStatus | null;
  edit: Edit;
}) {
  const { t, locale } = useI18n();
  const quality = new Map<string, FieldQuality>((status?.fields ?? []).map((q) => [q.fieldId, q]));
  const [selected, setSelected] = useState<string | null>(
    () => draft.fields.find((f) => quality.has(f.fieldId))?.fieldId ?? draft.fields[0]?.fieldId ?? null,
  );
  const selectedField = draft.fields.find((f) => f.fieldId === selected) ?? null;
  const selectedQuality = selected ? quality.get(selected) : undefined;

  return (
    <Stack space="space.300">
      <DataTable<FieldConfig>
        caption={t('tabFields')}
        testId="fields-table"
        rows={draft.fields}
        rowKey={(field) => field.fieldId}
        columns={[
          {
            key: 'name',
            header: t('field'),
            cell: (field) => (
              <Stack space="space.025">
                <Text weight="semibold">
                  <bdi>{field.name}</bdi>
                </Text>
                <Text size="small" color="color.text.subtlest">
                  {field.fieldId}
                </Text>
              </Stack>
            ),
          },
          {
            key: 'mode',
            header: t('mode'),
            cell: (field) => (
              <NativeSelect<FieldMode>
                label={`${t('mode')}: ${field.name}`}
                testId={`field-mode-${field.fieldId}`}
                value={field.mode}
                options={MODES.map((m) => ({ value: m.mode, label: t(m.label) }))}
                onChange={(mode) => updateField(edit, field.fieldId, { mode })}
              />
            ),
          },
          {
            key: 'target',
            header: t('precisionTarget'),
            cell: (field) => (
              <TargetInput
                key={`${field.fieldId}-${field.precisionTarget}`}
                field={field}
                onCommit={(precisionTarget) => updateField(edit, field.fieldId, { precisionTarget })}
              />
            ),
          },
          {
            key: 'quality',
            header: t('accuracy'),
            numeric: true,
            cell: (field) => {
              const q = quality.get(field.fieldId);
              return q ? (
                formatPercent(q.accuracy, locale)
              ) : (
                <Text color="color.text.subtlest">{t('notTrained')}</Text>
              );
            },
          },
          {
            key: 'show',
            header: '',
            cell: (field) =>
              quality.has(field.fieldId) ? (
                <Button
                  spacing="compact"
                  appearance={field.fieldId === selected ? 'primary' : 'default'}
                  aria-pressed={field.fieldId === selected}
                  testId={`field-quality-${field.fieldId}`}
                  aria-label={t('showQualityLabel', { field: field.name })}
                  onClick={() => setSelected(field.fieldId)}
                >
                  {t('showQuality')}
                </Button>
              ) : null,
          },
          {
            key: 'remove',
            header: '',
            cell: (field) => (
              <Button
                appearance="subtle"
                spacing="compact"
                aria-label={t('removeLabel', { name: field.name })}
                onClick={() =>
                  edit((c) => ({ ...c, fields: c.fields.filter((f) => f.fieldId !== field.fieldId) }))
                }
              >
                {t('remove')}
              </Button>
            ),
          },
        ]}
      />
      <AddField
        existing={draft.fields.map((f) => f.fieldId)}
        onAdd={(field) => edit((c) => ({ ...c, fields: [...c.fields, field] }))}
      />
      {selectedField && selectedQuality ? (
        <FieldQualityPanel field={selectedField} quality={selectedQuality} />
      ) : null}
    </Stack>
  );
}

const FIELD_ID = /^[a-zA-Z][a-zA-Z0-9_]{0,63}$/;

/** Adds a Jira field to predict; it starts in shadow mode so nobody sees it before it is measured. */
function AddField({ existing, onAdd }: { existing: readonly string[]; onAdd: (field: FieldConfig) => void }) {
  const { t } = useI18n();
  const [fieldId, setFieldId] = useState('');
  const [name, setName] = useState('');
  const [multiValue, setMultiValue] = useState(false);
  const id = fieldId.trim();
  const problem =
    id === ''
      ? null
      : !FIELD_ID.test(id)
        ? t('fieldIdInvalid')
        : existing.includes(id)
          ? t('fieldIdTaken')
          : null;
  const canAdd = id !== '' && problem === null && name.trim() !== '' && existing.length < 30;
  return (
    <form
      aria-label={t('addField')}
      onSubmit={(event) => {
        event.preventDefault();
        if (!canAdd) return;
        onAdd({ fieldId: id, name: name.trim(), mode: 'shadow', precisionTarget: 0.9, multiValue });
        setFieldId('');
        setName('');
        setMultiValue(false);
      }}
    >
      <Stack space="space.050">
        <Inline space="space.100" alignBlock="center" shouldWrap>
          <Textfield
            aria-label={t('fieldId')}
            placeholder={t('fieldIdPlaceholder')}
            value={fieldId}
            isInvalid={problem !== null}
            isCompact
            width={220}
            testId="add-field-id"
            onChange={(e) => setFieldId(e.currentTarget.value)}
          />
          <Textfield
            aria-label={t('fieldName')}
            placeholder={t('fieldName')}
            value={name}
            isCompact
            width={200}
            testId="add-field-name"
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <label style={{ display: 'inline-flex', gap: token('space.050'), alignItems: 'center' }}>
            <input type="checkbox" checked={multiValue} onChange={(e) => setMultiValue(e.target.checked)} />
            <Text>{t('multiValue')}</Text>
          </label>
          <Button type="submit" isDisabled={!canAdd} testId="add-field">
            {t('addField')}
          </Button>
        </Inline>
        {problem ? (
          <Text size="small" color="color.text.danger">
            {problem}
          </Text>
        ) : null}
      </Stack>
    </form>
  );
}

/** Keeps what the admin types; only a number in the contract's range reaches the draft. */
function TargetInput({ field, onCommit }: { field: FieldConfig; onCommit: (value: number) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState(String(field.precisionTarget));
  const value = Number(text);
  const valid = text.trim() !== '' && Number.isFinite(value) && value >= 0.5 && value <= 0.999;
  return (
    <Box style={{ maxWidth: 110 }}>
      <Textfield
        type="number"
        step={0.01}
        min={0.5}
        max={0.999}
        value={text}
        isCompact
        isInvalid={!valid}
        aria-label={`${t('precisionTarget')}: ${field.name}`}
        testId={`field-target-${field.fieldId}`}
        onChange={(event) => {
          const next = event.currentTarget.value;
          setText(next);
          const n = Number(next);
          if (next.trim() !== '' && Number.isFinite(n) && n >= 0.5 && n <= 0.999) onCommit(n);
        }}
      />
    </Box>
  );
}

function FieldQualityPanel({ field, quality }: { field: FieldConfig; quality: FieldQuality }) {
  const { t, locale } = useI18n();
  return (
    <section
      aria-label={t('curveTitle', { field: field.name })}
      data-testid={`quality-${field.fieldId}`}
      style={{
        border: `1px solid ${token('color.border')}`,
        borderRadius: token('radius.large', '8px'),
        padding: token('space.200'),
        background: token('elevation.surface.raised'),
      }}
    >
      <Stack space="space.200">
        <Inline space="space.200" shouldWrap>
          <Text weight="semibold">
            <bdi>{field.name}</bdi>
          </Text>
          <Text color="color.text.subtle">
            {t('accuracy')} {formatPercent(quality.accuracy, locale)}
          </Text>
          <Text color="color.text.subtle">
            {t('examples')} {formatNumber(quality.examples, locale)}
          </Text>
          <Text color="color.text.subtle">
            {t('trainedAt')} {formatDateTime(quality.trainedAt, locale)}
          </Text>
        </Inline>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.300'), alignItems: 'flex-start' }}>
          <div style={{ flex: '1 1 280px', maxWidth: 380 }}>
            <PrecisionCoverageChart
              curve={quality.curve}
              target={field.precisionTarget}
              fieldName={field.name}
            />
          </div>
          <div style={{ flex: '2 1 420px', minWidth: 0 }}>
            <DataTable<ClassQuality>
              caption={t('precisionTarget') + ' ' + formatPercent(field.precisionTarget, locale)}
              testId={`classes-${field.fieldId}`}
              rows={quality.classes}
              rowKey={(c) => c.label}
              columns={[
                { key: 'label', header: t('class'), cell: (c) => c.label },
                {
                  key: 'support',
                  header: t('support'),
                  numeric: true,
                  cell: (c) => formatNumber(c.support, locale),
                },
                {
                  key: 'precision',
                  header: t('precision'),
                  numeric: true,
                  cell: (c) => formatPercent(c.precision, locale),
                },
                {
                  key: 'recall',
                  header: t('recall'),
                  numeric: true,
                  cell: (c) => formatPercent(c.recall, locale),
                },
                {
                  key: 'threshold',
                  header: t('threshold'),
                  numeric: true,
                  cell: (c) =>
                    c.threshold === null ? (
                      <Text color="color.text.danger">{t('unreachable')}</Text>
                    ) : (
                      formatPercent(c.threshold, locale)
                    ),
                },
                {
                  key: 'coverage',
                  header: t('coverageAtTarget'),
                  numeric: true,
                  cell: (c) => formatPercent(c.coverageAtTarget, locale),
                },
              ]}
            />
          </div>
        </div>
        {quality.leftOut.length > 0 ? (
          <Text size="small" color="color.text.subtle">
            {t('leftOut', { list: quality.leftOut.map((l) => `${l.label} (${l.count})`).join(', ') })}
          </Text>
        ) : null}
      </Stack>
    </section>
  );
}
