import { randomBytes } from 'node:crypto';
import { dropMariaDb, mariaDbOptionsFromEnv, openMariaDb } from '../../../src/local/adapters/mariadb-db';
import { describeRecurringStorage } from './recurring-storage-suite';

let n = 0;
const name = `tl_rec_${process.pid}_${randomBytes(3).toString('hex')}`;

describeRecurringStorage('MariaDB', {
  open: () => openMariaDb(mariaDbOptionsFromEnv(`${name}_${++n}`)),
  close: async (db) => {
    await db.close();
    await dropMariaDb(mariaDbOptionsFromEnv(`${name}_${n}`));
  },
});
