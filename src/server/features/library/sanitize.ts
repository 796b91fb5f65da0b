import sanitizeHtml from 'sanitize-html';

/**
 * The server-side allow-list for every rich-text field: headings, paragraphs, lists, emphasis,
 * quotes, code and http(s)/mailto links. No script, style, iframe, svg, math, form, event
 * handler, style attribute or javascript:/data: URL survives.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'blockquote', 'code', 'pre', 'a', 'hr'],
  allowedAttributes: { a: ['href', 'title'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: ['style', 'script', 'textarea', 'option', 'noscript', 'svg', 'math', 'template', 'iframe', 'object', 'xmp', 'title'],
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow', target: '_blank' }) },
  allowedSchemesByTag: {},
  parseStyleAttributes: false,
};
OPTIONS.allowedAttributes = { a: ['href', 'title', 'rel', 'target'] };

export const cleanHtml = (html: string): string => sanitizeHtml(html, OPTIONS).trim();

/** Plain text of sanitised HTML (for search, emptiness and spell check). */
export const htmlToText = (html: string): string =>
  sanitizeHtml(html.replace(/<\/(p|li|h[2-4]|blockquote|pre)>|<br\s*\/?>/gi, '$& '), { allowedTags: [], allowedAttributes: {}, nonTextTags: ['style', 'script', 'svg', 'math', 'template', 'iframe'] })
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Plain-text fields (titles, summaries, comments): tags and their script content removed, text
 * kept; a "<" that would still open a tag becomes "‹", so no markup is ever stored.
 */
export const cleanText = (s: string): string => {
  let prev = s;
  for (let i = 0; i < 3; i++) {
    const next = htmlToText(prev);
    if (next === prev) break;
    prev = next;
  }
  return prev.replace(/<(?=[\p{L}!/?])/gu, '‹');
};

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Links glossary terms where they occur in sanitised HTML: only in text, never inside an
 * existing link or a tag, the first occurrence of each term.
 */
export function linkGlossary(html: string, terms: { id: string; term: string }[]): string {
  if (!terms.length || !html) return html;
  const sorted = [...terms].sort((a, b) => b.term.length - a.term.length);
  const done = new Set<string>();
  let inLink = 0;
  return html
    .split(/(<[^>]+>)/)
    .map((part) => {
      if (part.startsWith('<')) {
        if (/^<a[\s>]/i.test(part)) inLink++;
        else if (/^<\/a>/i.test(part)) inLink = Math.max(0, inLink - 1);
        return part;
      }
      if (inLink) return part;
      let out = part;
      for (const t of sorted) {
        if (done.has(t.id)) continue;
        const re = new RegExp(`(^|[^\\p{L}\\p{N}])(${escapeRe(t.term)})(?=$|[^\\p{L}\\p{N}])`, 'iu');
        const m = re.exec(out);
        if (!m) continue;
        done.add(t.id);
        const start = m.index + (m[1]?.length ?? 0);
        const word = m[2] ?? '';
        out = `${out.slice(0, start)}<a href="/videndeling/ordliste#term-${t.id}" class="glossary-term" data-term="${t.id}">${word}</a>${out.slice(start + word.length)}`;
      }
      return out;
    })
    .join('');
}
