import { openSqlite } from '../../../src/local/adapters/sqlite-db';
import { createSqlStorage } from '../../../src/adapters/sql/storage';
import { textClassifierEngine } from '../../../src/app/engines/classifier';
import { loadClassifier } from '../../../src/engine/classify';
import { workbenchEngines } from '../../../src/local/workbench/engines';
import { makeTickets } from '../../support/classify-tickets';
import { makeTicket } from '../../support/tickets';

/** Labelled tickets in the shape the ClassifierEngine port trains on. */
const examples = makeTickets(240).map((t, i) => ({
  ticket: makeTicket({
    id: String(10_000 + i),
    summary: t.text.summary ?? '',
    description: t.text.description ?? '',
  }),
  label: t.label,
}));

describe('the workbench classifier', () => {
  it('trains one C on the word model alone; full training keeps Forge’s engine', async () => {
    const db = await openSqlite(':memory:');
    try {
      const storage = createSqlStorage(db, Date.now);
      expect(workbenchEngines(storage, true).classifier).toBe(textClassifierEngine);
      const quick = workbenchEngines(storage, false).classifier;
      const model = quick.train(examples, 0.9);
      const stored = loadClassifier(quick.serialize(model));
      expect(stored.crossValidation).toMatchObject({ wordC: 0.5, charC: null, viewBlend: 1 });
      // Forge's engine reads what the workbench stored, and predicts the same.
      const read = textClassifierEngine.load(quick.serialize(model));
      const sample = examples[7]!.ticket;
      expect(read.predict(sample).ranked[0]).toEqual(model.predict(sample).ranked[0]);
      expect(model.labels.length).toBeGreaterThan(1);
    } finally {
      await db.close();
    }
  });
});
