import { customUiConfig } from '../shared/vite-app';

export default customUiConfig(__dirname);
