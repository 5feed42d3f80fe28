import { describePanelWriteBack } from './panel-write-back-suite';

jest.setTimeout(120_000);

describePanelWriteBack('SQLite', { mariadb: false });
