import { mountApp } from '@shared/forge-app';
import { AdminApp } from './AdminApp';

mountApp(() => <AdminApp />);
