import { openSqlite } from '../../../src/local/adapters/sqlite-db';
import { describeRecurringStorage } from './recurring-storage-suite';

describeRecurringStorage('SQLite', { open: () => openSqlite(':memory:'), close: (db) => db.close() });
