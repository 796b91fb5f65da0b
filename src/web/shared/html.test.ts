import { describe, expect, it } from 'vitest';
import { escapeHtml } from './html';

describe('escapeHtml', () => {
  it('turns markup in a title into text', () => {
    expect(escapeHtml('<img src=x onerror="alert(1)"> & \'Q\'')).toBe('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;Q&#39;');
    expect(escapeHtml('Pædagogisk dag 12. august')).toBe('Pædagogisk dag 12. august');
  });
});
