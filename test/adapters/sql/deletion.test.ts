import { openSqlite } from '../../../src/adapters/local/sqlite-db';
import { describeDeletion } from './deletion-suite';

describeDeletion('SQLite', { open: () => openSqlite(':memory:'), close: (db) => db.close() });
