import { describePanelWriteBack } from './panel-write-back-suite';

jest.setTimeout(300_000);

describePanelWriteBack('MariaDB', { mariadb: true });
