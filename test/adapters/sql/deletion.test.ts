import { openSqlite } from '../../../src/local/adapters/sqlite-db';
import { describeDeletion } from './deletion-suite';

describeDeletion('SQLite', { open: () => openSqlite(':memory:'), close: (db) => db.close() });
