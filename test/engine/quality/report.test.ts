import { dataQualityReport } from '../../../src/engine/quality';
import type { DataQualityFinding, QualityTicket } from '../../../src/engine/quality';
import { CLASSES, makeTickets } from '../../support/classify-tickets';
import { createRng } from '../../../src/engine/util/rng';

const base: QualityTicket[] = makeTickets(200).map((t, i) => ({
  id: `T-${i}`,
  text: t.text,
  label: t.label,
}));
const find = <K extends DataQualityFinding['kind']>(
  fs: readonly DataQualityFinding[],
  kind: K,
): Extract<DataQualityFinding, { kind: K }>[] =>
  fs.filter((f): f is Extract<DataQualityFinding, { kind: K }> => f.kind === kind);

describe('dataQualityReport', () => {
  it('finds near-identical tickets with conflicting labels, with examples', () => {
    const tickets: QualityTicket[] = [
      ...base,
      {
        id: 'D-1',
        text: {
          summary: 'Outlook crashes when opening the shared calendar',
          description: 'Reported by erika@example.com on PC-4711',
        },
        label: 'Hardware',
      },
      {
        id: 'D-2',
        text: {
          summary: 'Outlook crashes when opening the shared calendar',
          description: 'Reported by max@example.org on PC-4711',
        },
        label: 'Access',
      },
      {
        id: 'D-3',
        text: {
          summary: 'Outlook crashes when opening the shared calendar',
          description: 'Reported by jo@example.org on PC-4711',
        },
        label: 'Access',
      },
    ];
    const conflicts = find(dataQualityReport(tickets).findings, 'conflicting-duplicates');
    expect(conflicts).toHaveLength(1);
    const group = conflicts[0]!.groups.find((g) => g.tickets.some((t) => t.id === 'D-1'));
    expect(group?.tickets.map((t) => t.id).sort()).toEqual(['D-1', 'D-2', 'D-3']);
    expect(conflicts[0]!.severity).toBe('problem');
  });

  it('flags small, dominant and never-used classes and unlabelled tickets', () => {
    const tickets: QualityTicket[] = [
      ...base.map((t, i) => (i < 150 ? { ...t, label: 'Hardware' } : t)),
      { id: 'R-1', text: { summary: 'Badge reader broken' }, label: 'Facilities' },
      { id: 'U-1', text: { summary: 'Something' }, label: null },
      { id: 'U-2', text: { summary: 'Something else' }, label: '  ' },
    ];
    const r = dataQualityReport(tickets, { minExamplesPerClass: 5, knownLabels: ['Hardware', 'Network'] });
    expect(find(r.findings, 'class-below-minimum').map((f) => f.label)).toContain('Facilities');
    expect(find(r.findings, 'dominant-class')[0]).toMatchObject({ label: 'Hardware' });
    expect(find(r.findings, 'empty-class').map((f) => f.label)).toEqual(['Network']);
    expect(find(r.findings, 'unlabelled')[0]).toMatchObject({ count: 2, examples: ['U-1', 'U-2'] });
    expect(r.labelled).toBe(201);
    expect(r.classes[0]).toMatchObject({ label: 'Hardware' });
  });

  it('flags empty and template-only texts but not template plus a real description', () => {
    const form = 'Name:\nAbteilung:\nBeschreibung des Problems:';
    const tickets: QualityTicket[] = [
      ...base,
      ...Array.from({ length: 12 }, (_, i) => ({
        id: `F-${i}`,
        text: { summary: '', description: form },
        label: 'Access',
      })),
      ...Array.from({ length: 12 }, (_, i) => ({
        id: `G-${i}`,
        text: { summary: 'VPN', description: `${form}\nVPN bricht ab nach ${i} Minuten` },
        label: 'Access',
      })),
      { id: 'E-1', text: { summary: '', description: '' }, label: 'HR' },
      { id: 'E-2', text: { summary: ' ', description: 'Mit freundlichen Grüßen' }, label: 'HR' },
    ];
    const r = dataQualityReport(tickets);
    const templ = find(r.findings, 'template-only')[0];
    expect(templ?.count).toBe(12);
    expect(templ?.examples.every((id) => id.startsWith('F-'))).toBe(true);
    expect(find(r.findings, 'empty-text')[0]?.examples).toEqual(expect.arrayContaining(['E-1']));
  });

  it('spots a label that covers two different things, but not one label in two languages', () => {
    const rng = createRng(4);
    const topics: Record<string, string[]> = {
      printer: ['printer', 'toner', 'paper', 'jam', 'tray', 'print', 'queue', 'driver'],
      drucker: ['drucker', 'toner', 'papier', 'stau', 'fach', 'druck', 'warteschlange', 'treiber'],
      payroll: ['payroll', 'salary', 'payslip', 'tax', 'bonus', 'deduction', 'bank', 'month'],
      vpn: ['vpn', 'tunnel', 'client', 'connect', 'remote', 'gateway', 'certificate', 'timeout'],
      laptop: ['laptop', 'battery', 'charger', 'screen', 'keyboard', 'dock', 'boot', 'fan'],
    };
    const ticket = (id: string, topic: string, label: string): QualityTicket => {
      const words = topics[topic]!;
      const pick = Array.from({ length: 5 }, () => words[Math.floor(rng() * words.length)]!);
      const lead = topic === 'drucker' ? 'der Drucker geht nicht und ich' : 'the issue is that my';
      return {
        id,
        text: { summary: pick.slice(0, 2).join(' '), description: `${lead} ${pick.join(' ')}` },
        label,
      };
    };
    const tickets: QualityTicket[] = [];
    for (let i = 0; i < 30; i++) {
      tickets.push(ticket(`P-${i}`, i % 2 === 0 ? 'printer' : 'drucker', 'Printing'));
      tickets.push(ticket(`V-${i}`, 'vpn', 'Network'));
      tickets.push(ticket(`L-${i}`, 'laptop', 'Devices'));
      tickets.push(ticket(`M-${i}`, i % 2 === 0 ? 'payroll' : 'vpn', 'Misc'));
    }
    const mixed = find(dataQualityReport(tickets).findings, 'mixed-class');
    expect(mixed.map((f) => f.label)).toEqual(['Misc']);
    const clusterWords = mixed[0]!.clusters.map((c) => c.terms);
    expect(clusterWords.some((ts) => ts.some((t) => topics.payroll!.includes(t)))).toBe(true);
    expect(clusterWords.some((ts) => ts.some((t) => topics.vpn!.includes(t)))).toBe(true);
  });

  it('orders findings by severity and treats hostile labels as data', () => {
    const tickets: QualityTicket[] = [
      ...base,
      { id: 'X-1', text: { summary: '<script>alert(1)</script>' }, label: '__proto__' },
      { id: 'X-2', text: { summary: 'constructor' }, label: 'constructor' },
    ];
    const r = dataQualityReport(tickets);
    const rank = { problem: 0, warning: 1, info: 2 };
    for (let i = 1; i < r.findings.length; i++)
      expect(rank[r.findings[i - 1]!.severity]).toBeLessThanOrEqual(rank[r.findings[i]!.severity]);
    expect(r.classes.map((c) => c.label)).toEqual(expect.arrayContaining(['__proto__', 'constructor']));
  });

  it('reports tickets filed under another value as likely mislabels, and skips the check when asked', () => {
    const tickets: QualityTicket[] = makeTickets(400).map((t, i) => ({
      id: `T-${i}`,
      text: t.text,
      // Every 20th ticket filed under the next class.
      label: i % 20 === 3 ? (CLASSES[(CLASSES.indexOf(t.label) + 1) % CLASSES.length] as string) : t.label,
    }));
    const [finding] = find(dataQualityReport(tickets).findings, 'likely-mislabels');
    expect(finding?.severity).toBe('problem');
    const flipped = finding?.tickets.filter((t) => Number(t.id.slice(2)) % 20 === 3) ?? [];
    expect(flipped.length).toBeGreaterThanOrEqual(12);
    expect(flipped.length).toBeGreaterThanOrEqual((finding?.tickets.length ?? 0) * 0.8);
    const off = dataQualityReport(tickets, { mislabels: false });
    expect(find(off.findings, 'likely-mislabels')).toEqual([]);
  });

  it('returns an empty report for no tickets', () => {
    expect(dataQualityReport([])).toEqual({ tickets: 0, labelled: 0, classes: [], findings: [] });
  });
});
