import { mountApp } from '@shared/forge-app';
import { PanelApp } from './PanelApp';

mountApp((context) => <PanelApp context={context} />);
