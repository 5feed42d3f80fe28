import { profileCustomFields, rateCustomFields } from '../../../src/local/readiness/category-fields';
import type { Ticket } from '../../../src/core/shared/ticket';
import { makeTicket } from '../../support/tickets';

const TOPICS = [
  { category: 'Access', service: 'Identity', words: 'password locked account login reset expired' },
  { category: 'Network', service: 'Connectivity', words: 'vpn wifi connection drops router cable' },
  { category: 'Hardware', service: 'Workplace', words: 'laptop screen keyboard broken battery dock' },
  { category: 'Software', service: 'Applications', words: 'install licence excel update crashes outlook' },
];

/** An export-like history: two category fields that follow the text, and columns that are not categories. */
function history(n: number): Ticket[] {
  return Array.from({ length: n }, (_, i) => {
    const topic = TOPICS[i % TOPICS.length]!;
    const words = topic.words.split(' ');
    const summary = `${words[i % words.length]} ${words[(i + 2) % words.length]} problem`;
    return makeTicket({
      id: String(20_000 + i),
      key: `IT-${i + 1}`,
      summary,
      description: `${words[(i + 1) % words.length]} ${words[(i + 3) % words.length]} since today`,
      created: 1_700_000_000_000 + i * 3_600_000,
      updated: 1_700_000_000_000 + i * 3_600_000,
      custom: {
        Category: topic.category,
        'Business Service': topic.service,
        'Customer note': `Ticket ${i}: the customer called at ${i % 24}:00 and asked about item ${i * 7}`,
        'Story points': String(i % 13),
        'Go-live date': `2024-0${(i % 9) + 1}-1${i % 10}`,
        'External id': `EXT-${i + 1}`,
        'Rarely set': i < 10 ? 'Yes' : '',
        Region: 'EMEA',
      },
    });
  });
}

const FIELDS = [
  'Category',
  'Business Service',
  'Customer note',
  'Story points',
  'Go-live date',
  'External id',
  'Rarely set',
  'Region',
];

describe('profileCustomFields', () => {
  it('tells categories from free text, numbers, dates, identifiers, sparse and constant columns', () => {
    const shapes = Object.fromEntries(
      profileCustomFields(history(400), FIELDS).map((p) => [p.name, p.shape]),
    );
    expect(shapes).toEqual({
      Category: 'category',
      'Business Service': 'category',
      'Customer note': 'free-text',
      'Story points': 'number',
      'Go-live date': 'date',
      'External id': 'identifier',
      'Rarely set': 'sparse',
      Region: 'constant',
    });
  });

  it('names the export column and counts values', () => {
    const [category] = profileCustomFields(history(400), ['Category']);
    expect(category).toMatchObject({
      column: 'Custom field (Category)',
      labelled: 400,
      fillShare: 1,
      classes: 4,
      topShare: 0.25,
      multiValue: false,
    });
  });
});

describe('rateCustomFields', () => {
  it('rates the text-predictable category fields learnable and measures them; the rest not, with a reason', () => {
    const ratings = rateCustomFields(history(400), FIELDS);
    const learnable = ratings.filter((r) => r.learnable).map((r) => r.name);
    expect(learnable).toEqual(['Category', 'Business Service']);
    const category = ratings.find((r) => r.name === 'Category')!;
    expect(category.readiness?.accuracy).toBeGreaterThan(0.8);
    expect(category.reason).toMatch(/^Learnable: accuracy \d+ % against 25 %/);
    expect(ratings.find((r) => r.name === 'Story points')!.reason).toBe(
      'Not a category: its values are numbers.',
    );
  });

  it('does not call a category learnable when the text says nothing about it', () => {
    const tickets = history(400).map((t, i) => ({
      ...t,
      // A value unrelated to the topic (which cycles with i % 4).
      custom: {
        Random: ['A', 'B', 'C', 'D'][Math.floor((Math.abs(Math.sin(i * 12.9898)) * 43758.5453) % 4)]!,
      },
    }));
    const [rating] = rateCustomFields(tickets, ['Random']);
    expect(rating?.shape).toBe('category');
    expect(rating?.learnable).toBe(false);
    expect(rating?.reason).toMatch(/^Not learnable from this history/);
  });
});
