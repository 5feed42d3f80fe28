import type { EmptyReason } from '../../src/contracts/common';
import type { MessageKey, Translate } from './i18n';

/** The text for each reason code; the record type makes a new code without a text a type error. */
export const EMPTY_REASON_MESSAGE: Record<EmptyReason, MessageKey> = {
  'no-suggested-fields': 'empty_no-suggested-fields',
  'not-trained': 'empty_not-trained',
  'no-similar': 'empty_no-similar',
  'request-resolved': 'empty_request-resolved',
  'no-sla': 'empty_no-sla',
  'no-service-desk': 'empty_no-service-desk',
  'no-articles': 'empty_no-articles',
};

const isEmptyReason = (reason: string): reason is EmptyReason => Object.hasOwn(EMPTY_REASON_MESSAGE, reason);

/** A reason in the viewer's language; a code this bundle does not know yet reads "Nothing to show." */
export function emptyReasonText(reason: string, t: Translate): string {
  return t(isEmptyReason(reason) ? EMPTY_REASON_MESSAGE[reason] : 'sectionEmpty');
}
