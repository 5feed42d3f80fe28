import type { FieldValue } from '../../contracts/common';
import type { Ticket } from './ticket';

/** A custom field's value, own properties only (a field id like `constructor` is just a name). */
function customValue(ticket: Ticket, fieldId: string): string | string[] | undefined {
  return Object.prototype.hasOwnProperty.call(ticket.custom, fieldId) ? ticket.custom[fieldId] : undefined;
}

/** The value a ticket holds for a configured field (null or [] when empty). */
export function currentValue(ticket: Ticket, fieldId: string): FieldValue | null {
  switch (fieldId) {
    case 'requestType':
      return ticket.requestType;
    case 'priority':
      return ticket.priority;
    case 'components':
      return ticket.components;
    case 'labels':
      return ticket.labels;
    case 'team':
      return ticket.team;
    default:
      return customValue(ticket, fieldId) ?? null;
  }
}

export function isEmptyValue(value: FieldValue | null): boolean {
  return value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** The class a ticket teaches for a field: the value, or the first of several; null if none. */
export function trainingLabel(ticket: Ticket, fieldId: string): string | null {
  const value = currentValue(ticket, fieldId);
  if (value === null) return null;
  const label = Array.isArray(value) ? value[0] : value;
  return label === undefined || label.trim() === '' ? null : label;
}

/** Whether the ticket already holds `label` for the field. */
export function holdsValue(ticket: Ticket, fieldId: string, label: string): boolean {
  const value = currentValue(ticket, fieldId);
  return Array.isArray(value) ? value.includes(label) : value === label;
}

/**
 * Whether the app can write the field with an issue edit. JSM's request type is not: it changes
 * through JSM's own "change request type" flow (portal fields differ per type), so the app only
 * suggests it.
 */
export function isWritable(fieldId: string): boolean {
  return fieldId !== 'requestType';
}

/**
 * The edit body that sets a field, in Jira's shape (callers check `isWritable` first). Multi-value fields keep what is there and
 * add the new values, so applying a suggestion never removes an agent's choice.
 */
export function fieldEdit(ticket: Ticket, fieldId: string, value: FieldValue): Record<string, unknown> {
  const values = Array.isArray(value) ? value : [value];
  const merged = (existing: readonly string[]) => [...new Set([...existing, ...values])];
  switch (fieldId) {
    case 'priority':
      return { priority: { name: values[0] } };
    case 'components':
      return { components: merged(ticket.components).map((name) => ({ name })) };
    case 'labels':
      return { labels: merged(ticket.labels) };
    default: {
      const existing = customValue(ticket, fieldId);
      if (Array.isArray(existing)) return { [fieldId]: merged(existing).map((v) => ({ value: v })) };
      return { [fieldId]: { value: values[0] } };
    }
  }
}

/**
 * The edit body that takes back an applied `value`: a multi-value field loses that value (unless
 * it was there before), a single-value field gets its `before` value again (null clears it).
 */
export function restoreEdit(
  ticket: Ticket,
  fieldId: string,
  value: string,
  before: FieldValue | null,
): Record<string, unknown> {
  const current = currentValue(ticket, fieldId);
  if (Array.isArray(current)) {
    const keep = Array.isArray(before) && before.includes(value);
    const rest = keep ? current : current.filter((v) => v !== value);
    if (fieldId === 'components') return { components: rest.map((name) => ({ name })) };
    if (fieldId === 'labels') return { labels: rest };
    return { [fieldId]: rest.map((v) => ({ value: v })) };
  }
  const previous = Array.isArray(before) ? (before[0] ?? null) : before;
  if (previous === null || previous === '') return { [fieldId]: null };
  return fieldEdit(ticket, fieldId, previous);
}

/** The ticket as it looks after `fieldEdit` (to keep the store in step without a refetch). */
export function withValue(ticket: Ticket, fieldId: string, value: FieldValue): Ticket {
  const values = Array.isArray(value) ? value : [value];
  const merged = (existing: readonly string[]) => [...new Set([...existing, ...values])];
  const first = values[0] ?? null;
  switch (fieldId) {
    case 'priority':
      return { ...ticket, priority: first };
    case 'requestType':
      return { ...ticket, requestType: first };
    case 'components':
      return { ...ticket, components: merged(ticket.components) };
    case 'labels':
      return { ...ticket, labels: merged(ticket.labels) };
    default: {
      const existing = customValue(ticket, fieldId);
      const custom = {
        ...ticket.custom,
        [fieldId]: Array.isArray(existing) ? merged(existing) : (first ?? ''),
      };
      return { ...ticket, custom };
    }
  }
}

export function valueText(value: FieldValue | null): string | null {
  if (value === null) return null;
  return Array.isArray(value) ? value.join(', ') : value;
}
