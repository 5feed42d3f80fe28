import {
  currentValue,
  fieldEdit,
  holdsValue,
  trainingLabel,
  withValue,
} from '../../../src/core/shared/fields';
import { makeTicket } from '../../support/tickets';

const base = makeTicket({
  summary: 'VPN drops',
  description: '',
  components: ['Network'],
  labels: ['vpn'],
  custom: { customfield_10050: 'Hardware', customfield_10051: ['a'] },
  created: 1,
  updated: 2,
});

describe('field access', () => {
  it('reads standard and custom fields, and only own custom properties', () => {
    expect(currentValue(base, 'components')).toEqual(['Network']);
    expect(currentValue(base, 'customfield_10050')).toBe('Hardware');
    expect(currentValue(base, 'constructor')).toBeNull();
    expect(currentValue(base, 'toString')).toBeNull();
  });

  it('teaches the first value of a multi-value field and nothing for empty ones', () => {
    expect(trainingLabel(base, 'components')).toBe('Network');
    expect(trainingLabel(base, 'priority')).toBeNull();
    expect(trainingLabel({ ...base, priority: '  ' }, 'priority')).toBeNull();
  });

  it('adds to multi-value fields instead of replacing what an agent chose', () => {
    expect(fieldEdit(base, 'labels', 'wifi')).toEqual({ labels: ['vpn', 'wifi'] });
    expect(fieldEdit(base, 'components', 'Network')).toEqual({ components: [{ name: 'Network' }] });
    expect(fieldEdit(base, 'priority', 'High')).toEqual({ priority: { name: 'High' } });
    expect(fieldEdit(base, 'customfield_10051', 'b')).toEqual({
      customfield_10051: [{ value: 'a' }, { value: 'b' }],
    });
    expect(fieldEdit(base, 'customfield_10050', 'Software')).toEqual({
      customfield_10050: { value: 'Software' },
    });
  });

  it('keeps the stored ticket in step with the edit', () => {
    const after = withValue(base, 'labels', ['wifi', 'vpn']);
    expect(after.labels).toEqual(['vpn', 'wifi']);
    expect(holdsValue(after, 'labels', 'wifi')).toBe(true);
    const custom = withValue(base, 'constructor', 'x');
    expect(Object.prototype.hasOwnProperty.call(custom.custom, 'constructor')).toBe(true);
    expect(currentValue(custom, 'constructor')).toBe('x');
  });
});
