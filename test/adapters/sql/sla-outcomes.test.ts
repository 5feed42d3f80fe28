import { openSqlite } from '../../../src/local/adapters/sqlite-db';
import { describeSlaOutcomes } from './sla-outcomes-suite';

describeSlaOutcomes('SQLite', { open: () => openSqlite(':memory:'), close: (db) => db.close() });
