import { spansOf } from '../../src/core/panel/panel';

describe('spansOf', () => {
  it('finds a term case-insensitively wherever it stands as a word', () => {
    expect(spansOf('VPN down. The vpn client fails', 'vpn')).toEqual([
      [0, 3],
      [14, 17],
    ]);
  });

  it('never lights up a short term inside another word', () => {
    expect(spansOf('The printer is offline', 'e')).toEqual([]);
    expect(spansOf('The printer is offline', 'in')).toEqual([]);
    expect(spansOf('is it in?', 'in')).toEqual([[6, 8]]);
  });

  it('lets a longer term match inside a German compound', () => {
    const text = 'Der Netzwerkdrucker druckt nicht';
    expect(spansOf(text, 'drucker')).toEqual([[12, 19]]);
  });

  it('gives no spans where lower-casing changes the length', () => {
    expect(spansOf('İstanbul office', 'office')).toEqual([]);
  });
});
