import { randomBytes } from 'node:crypto';
import { dropMariaDb, mariaDbOptionsFromEnv, openMariaDb } from '../../../src/local/adapters/mariadb-db';
import { describeStorage } from './storage-suite';

const options = mariaDbOptionsFromEnv(`tl_test_${process.pid}_${randomBytes(3).toString('hex')}`);

describeStorage('MariaDB', {
  open: () => openMariaDb(options),
  close: async (db) => {
    await db.close();
    await dropMariaDb(options);
  },
});
