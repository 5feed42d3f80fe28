import { mountApp } from '@shared/forge-app';
import { QueueApp } from './QueueApp';

mountApp((context) => <QueueApp context={context} />);
