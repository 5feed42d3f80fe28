import { predict, trainClassifier } from '../../../src/engine/classify';
import { makeTickets } from '../../support/classify-tickets';

/**
 * On this desk one class's tickets always greet Olivia, say "my" and are signed by Mark, so the
 * model learns those words. It may use them; it must not show them to an agent as the reason.
 */
const tickets = makeTickets(400).map((t) =>
  t.label === 'HR'
    ? {
        ...t,
        text: {
          summary: `my ${t.text.summary}`,
          description: `Hi Olivia,\nbut they said it works. ${t.text.description}\nCheers,\nMark`,
        },
      }
    : t,
);
const model = trainClassifier(tickets, { seed: 3 });

describe('classifier explanations show evidence only', () => {
  it('never shows stop words, greetings or the names of who is greeted or signs', () => {
    const p = predict(model, {
      summary: 'my payroll is wrong',
      description: 'Hi Olivia,\nbut they said it works and my salary is still wrong.\nCheers,\nMark',
    });
    expect(p.ranked[0]?.label).toBe('HR');
    const words = p.explanation.flatMap((e) => e.text.split(' '));
    expect(words.length).toBeGreaterThan(0);
    for (const noise of ['my', 'hi', 'olivia', 'but', 'they', 'said', 'it', 'works', 'cheers', 'mark'])
      expect(words).not.toContain(noise);
    expect(words).toEqual(expect.arrayContaining(['payroll']));
  });

  it('keeps the topic word of a bigram whose other word is filler', () => {
    const p = predict(model, { summary: 'my salary', description: '' });
    expect(p.explanation.map((e) => e.text)).toContain('salary');
    expect(p.explanation.map((e) => e.text)).not.toContain('my salary');
  });
});
