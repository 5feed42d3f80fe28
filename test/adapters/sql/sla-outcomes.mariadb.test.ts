import { randomBytes } from 'node:crypto';
import { dropMariaDb, mariaDbOptionsFromEnv, openMariaDb } from '../../../src/local/adapters/mariadb-db';
import { describeSlaOutcomes } from './sla-outcomes-suite';

let n = 0;
const name = `tl_sla_${process.pid}_${randomBytes(3).toString('hex')}`;

describeSlaOutcomes('MariaDB', {
  open: () => openMariaDb(mariaDbOptionsFromEnv(`${name}_${++n}`)),
  close: async (db) => {
    await db.close();
    await dropMariaDb(mariaDbOptionsFromEnv(`${name}_${n}`));
  },
});
