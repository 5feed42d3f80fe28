import { Box, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { FieldSuggestion, PanelData } from '@contracts/panel';
import { useI18n } from '@shared/i18n';
import { snippetsAround } from '@shared/snippets';
import { HighlightedText } from './HighlightedText';

/** Evidence terms worth showing per suggestion: the strongest few, not every word the model used. */
const TERMS = 4;

/**
 * Why a value is suggested: the rule, or short snippets of the ticket around the strongest
 * terms (a few words each side), never the whole ticket again.
 */
export function WhyEvidence({ field, panel }: { field: FieldSuggestion; panel: PanelData }) {
  const { t } = useI18n();
  const terms = [...field.why.terms].sort((a, b) => b.weight - a.weight).slice(0, TERMS);
  if (terms.length === 0 && !field.why.rule) return null;
  const snippets = snippetsAround(
    panel.ticketText,
    terms.flatMap((term) => term.spans.slice(0, 1)),
    { radius: 28, max: 2 },
  );
  return (
    <Box testId={`why-${field.fieldId}`}>
      <Text size="small" weight="semibold">
        {t('why')}
      </Text>
      {field.why.rule ? (
        <Text as="p" size="small">
          {t('whyRule', { rule: field.why.rule })}
        </Text>
      ) : null}
      {snippets.length > 0 ? (
        snippets.map((snippet, i) => (
          <p
            key={i}
            style={{
              margin: `${token('space.025')} 0 0`,
              font: token('font.body.small'),
              color: token('color.text.subtle'),
              overflowWrap: 'anywhere',
            }}
          >
            {snippet.cutStart ? '…' : ''}
            <HighlightedText text={snippet.text} spans={snippet.spans} />
            {snippet.cutEnd ? '…' : ''}
          </p>
        ))
      ) : terms.length > 0 ? (
        <Text as="p" size="small">
          {terms.map((term) => term.text).join(', ')}
        </Text>
      ) : null}
    </Box>
  );
}
