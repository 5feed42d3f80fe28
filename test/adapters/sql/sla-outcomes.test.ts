import { openSqlite } from '../../../src/adapters/local/sqlite-db';
import { describeSlaOutcomes } from './sla-outcomes-suite';

describeSlaOutcomes('SQLite', { open: () => openSqlite(':memory:'), close: (db) => db.close() });
