import { openSqlite } from '../../../src/adapters/local/sqlite-db';
import { describeRecurringStorage } from './recurring-storage-suite';

describeRecurringStorage('SQLite', { open: () => openSqlite(':memory:'), close: (db) => db.close() });
