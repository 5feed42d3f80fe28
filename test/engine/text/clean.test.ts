import { cleanTicketText } from '../../../src/engine/text/clean';

describe('cleanTicketText', () => {
  it.each([
    [
      'English reply marker',
      'Printer still offline.\n\nOn Mon, 3 Mar 2025 at 10:00, Service Desk <sd@example.com> wrote:\n> Did you restart it?',
      'Printer still offline.',
    ],
    [
      'German reply marker',
      'Drucker geht wieder nicht.\nAm 03.03.2025 um 10:00 schrieb Service Desk <sd@example.com>:\n> Neu gestartet?',
      'Drucker geht wieder nicht.',
    ],
    [
      'Outlook original message',
      'Still broken\n-----Original Message-----\nFrom: IT\nSent: Monday\nSubject: RE: broken',
      'Still broken',
    ],
    [
      'German Outlook header block',
      'Bitte nochmal prüfen\nVon: Service Desk\nGesendet: Montag, 3. März 2025\nAn: Erika\nBetreff: AW: VPN',
      'Bitte nochmal prüfen',
    ],
  ])('cuts the quoted part after a %s', (_name, input, expected) => {
    expect(cleanTicketText(input)).toBe(expected);
  });

  it('keeps the text when the reply marker is at the very top', () => {
    expect(cleanTicketText('-----Original Message-----\nVPN client fails with error 809')).toBe(
      'VPN client fails with error 809',
    );
  });

  it('cuts signatures and mobile footers near the end only', () => {
    expect(
      cleanTicketText('Laptop will not boot.\nMit freundlichen Grüßen\nErika Mustermann\nIT-Abteilung'),
    ).toBe('Laptop will not boot.');
    expect(cleanTicketText('Cannot print\n\nSent from my iPhone')).toBe('Cannot print');
    expect(
      cleanTicketText('Best regards from the team is our slogan\n' + 'line\n'.repeat(20) + 'end'),
    ).toContain('Best regards');
  });

  it('removes _x000D_ and collapses whitespace', () => {
    expect(cleanTicketText('login  failed_x000D_\r\n\r\n\r\n\r\nafter\t\treset')).toBe(
      'login failed\n\nafter reset',
    );
  });

  it('keeps a bounded sample of a long stack trace', () => {
    const trace = Array.from(
      { length: 500 },
      (_, i) => `    at com.example.Service.method${i}(Service.java:${i})`,
    ).join('\n');
    const out = cleanTicketText(
      `Export fails:\njava.lang.IllegalStateException: boom\n${trace}\nPlease help`,
      { logSampleLines: 8 },
    );
    const lines = out.split('\n');
    expect(lines[0]).toBe('Export fails:');
    expect(lines.at(-1)).toBe('Please help');
    expect(lines.length).toBeLessThanOrEqual(2 + 8 + 2);
    expect(out).toContain('IllegalStateException');
  });

  it('processes a 10 MB description in bounded time and output size', () => {
    const huge = 'ERROR 2025-01-01 disk full on /var\n'.repeat(300_000) + 'x'.repeat(1_000_000);
    expect(huge.length).toBeGreaterThan(10_000_000);
    const start = performance.now();
    const out = cleanTicketText(huge);
    expect(performance.now() - start).toBeLessThan(2000);
    expect(out.length).toBeLessThanOrEqual(200_000);
  });

  it('returns empty for empty or whitespace-only input', () => {
    expect(cleanTicketText('')).toBe('');
    expect(cleanTicketText(' \n\t _x000D_ ')).toBe('');
  });
});
