import type { ReactNode } from 'react';
import { Table } from '@mantine/core';

type Label = { label: string; labelledBy?: never } | { labelledBy: string; label?: never };

export type ScrollTableProps = Label & {
  /** Below this width (px) the table scrolls sideways instead of squeezing its columns. */
  minWidth?: number;
  /** The table is only there for screen readers (a chart's data): hidden, it needs no scroll region and no tab stop. */
  visuallyHidden?: boolean;
  children: ReactNode;
  'data-testid'?: string;
};

/**
 * Every table that can be wider than the screen sits in this scroll region. The region takes focus
 * (in the tab order, named for the table) so that the arrow keys scroll it: without a keyboard
 * way in, the columns past the edge of a phone are out of reach for anyone who cannot swipe
 * (WCAG 2.1.1; axe's scrollable-region-focusable). The focus ring is drawn inside the region, so a
 * card's edge cannot cut it off.
 */
export function ScrollTable({ label, labelledBy, minWidth, visuallyHidden, children, 'data-testid': testId }: ScrollTableProps) {
  if (visuallyHidden) return <div className="visually-hidden">{children}</div>;
  return (
    <Table.ScrollContainer
      minWidth={minWidth}
      type="native"
      tabIndex={0}
      role="region"
      aria-label={label}
      aria-labelledby={labelledBy}
      data-scroll-table=""
      data-testid={testId}
      style={{ outlineOffset: -2 }}
    >
      {children}
    </Table.ScrollContainer>
  );
}
