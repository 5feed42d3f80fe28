import { randomBytes } from 'node:crypto';
import { dropMariaDb, mariaDbOptionsFromEnv, openMariaDb } from '../../../src/local/adapters/mariadb-db';
import { describeDeletion } from './deletion-suite';

const options = mariaDbOptionsFromEnv(`tl_del_${process.pid}_${randomBytes(3).toString('hex')}`);

describeDeletion('MariaDB', {
  open: () => openMariaDb(options),
  close: async (db) => {
    await db.close();
    await dropMariaDb(options);
  },
});
