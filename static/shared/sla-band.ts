import type { SlaBand } from '@contracts/panel';
import type { MessageKey } from './i18n';

/** The message key of each SLA band, shared by the panel's lozenge and the admin metrics. */
export const SLA_BAND_LABEL: Record<SlaBand, MessageKey> = {
  'on-track': 'band_on_track',
  'at-risk': 'band_at-risk',
  'likely-breach': 'band_likely-breach',
  breached: 'band_breached',
};

/** The words for a band; a band this build does not know is shown as sent. */
export function slaBandLabel(band: string, t: (key: MessageKey) => string): string {
  return Object.hasOwn(SLA_BAND_LABEL, band) ? t(SLA_BAND_LABEL[band as SlaBand]) : band;
}
