import { randomBytes } from 'node:crypto';
import { dropMariaDb, mariaDbOptionsFromEnv, openMariaDb } from '../../src/local/adapters/mariadb-db';
import { describeIndexCrash } from './index-crash-suite';

jest.setTimeout(180_000);

const options = mariaDbOptionsFromEnv(`tl_crash_${process.pid}_${randomBytes(3).toString('hex')}`);

describeIndexCrash('MariaDB', {
  target: `mariadb:${options.database}`,
  open: () => openMariaDb(options),
  cleanup: () => dropMariaDb(options),
});
