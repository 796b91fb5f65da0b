import { Group, Text } from '@mantine/core';
import type { ComponentType, ReactNode } from 'react';

/** A line with an icon in front: when, where, seats. The icon keeps its size when the text wraps on a phone. */
export function Fact({ icon: Icon, children }: { icon: ComponentType<{ size?: number; 'aria-hidden'?: boolean; style?: object }>; children: ReactNode }) {
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <Icon size={16} aria-hidden style={{ flexShrink: 0, marginTop: 3 }} />
      <Text size="sm" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Group>
  );
}
