import { listValue, parseArgs, requireValue } from '../../../src/local/cli/args';

const spec = { values: ['input', 'text', 'label'], flags: ['json'] };

describe('parseArgs', () => {
  it('reads values, = values, flags and lists', () => {
    const a = parseArgs(['--input', 'x.csv', '--text=Summary, Description,', '--json'], spec);
    expect(requireValue(a, 'input')).toBe('x.csv');
    expect(listValue(a, 'text')).toEqual(['Summary', 'Description']);
    expect(a.flags.has('json')).toBe(true);
  });

  it('rejects unknown options instead of ignoring them', () => {
    expect(() => parseArgs(['--lable', 'x'], spec)).toThrow('unknown option --lable');
  });

  it('rejects a value option without a value', () => {
    expect(() => parseArgs(['--input', '--json'], spec)).toThrow('option --input needs a value');
    expect(() => parseArgs(['--input'], spec)).toThrow('option --input needs a value');
  });

  it('names a missing required option', () => {
    expect(() => requireValue(parseArgs([], spec), 'label')).toThrow('missing required option --label');
  });
});
