import { token } from '@atlaskit/tokens';
import type { CSSProperties } from 'react';

/** The frame of one item in a panel section (a field, a similar ticket, an article). */
export const panelCardStyle: CSSProperties = {
  border: `1px solid ${token('color.border')}`,
  borderRadius: token('radius.medium', '4px'),
  padding: token('space.100'),
  background: token('elevation.surface.raised'),
};
