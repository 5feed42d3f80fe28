import { token } from '@atlaskit/tokens';
import { highlightSegments } from '@shared/highlight';

/**
 * Ticket words with the spans that drove a suggestion marked. Every run is a React text node, so
 * ticket content can never become markup, and the whole is bidi-isolated.
 */
export function HighlightedText({
  text,
  spans,
}: {
  text: string;
  spans: ReadonlyArray<readonly [number, number]>;
}) {
  // <bdi>: a direction override in the text ends with it, never flipping what stands beside it.
  return (
    <bdi>
      {highlightSegments(text, spans).map((segment, i) =>
        segment.highlighted ? (
          <mark
            key={i}
            style={{
              background: token('color.background.accent.yellow.subtler'),
              color: token('color.text'),
              borderRadius: token('radius.small', '3px'),
              padding: '0 2px',
            }}
          >
            {segment.text}
          </mark>
        ) : (
          <span key={i}>{segment.text}</span>
        ),
      )}
    </bdi>
  );
}
