import sanitizeHtml from 'sanitize-html';
import { WorkerPool, WorkerTimeoutError } from '../../platform/worker-pool';

/**
 * Rich text (the relation model's six fields) is bounded work. Limits of one field (docs/DECISIONS.md,
 * "Bad input and bounded work"): what a client may send, how deep elements may sit inside one another,
 * and how long the sanitised HTML may be when stored. Every pass over rich text is linear in its
 * length: the parser's cost per closing tag grows with the depth, so the depth is checked while
 * parsing and the parse stops at the first element past the limit.
 */
export const RICH_TEXT = {
  /** Characters in one field as sent (the input schema's max). */
  maxChars: 100_000,
  /** Elements inside one another; deeper is refused (the editor's lists, quotes and emphasis need a handful). */
  maxDepth: 40,
  /** Characters of one field's sanitised HTML (escaping and link attributes make it grow). */
  maxStoredChars: 200_000,
  /** Work on more characters than this (all fields of one call) runs in the worker pool, less in place. */
  inlineChars: 20_000,
  /** The pool gives up on a task after this long (the work above takes well under a second). */
  timeoutMs: 5_000,
} as const;

/**
 * The server-side allow-list for every rich-text field: headings, paragraphs, lists, emphasis,
 * quotes, code and http(s)/mailto links. No script, style, iframe, svg, math, form, event
 * handler, style attribute or javascript:/data: URL survives.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'blockquote', 'code', 'pre', 'a', 'hr'],
  allowedAttributes: { a: ['href', 'title', 'rel', 'target'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: ['style', 'script', 'textarea', 'option', 'noscript', 'svg', 'math', 'template', 'iframe', 'object', 'xmp', 'title'],
  // a link opens apart from Retning; an anchor without a link gets nothing added
  transformTags: { a: (tagName, attribs) => ({ tagName, attribs: attribs.href ? { ...attribs, rel: 'noopener noreferrer nofollow', target: '_blank' } : attribs }) },
  allowedSchemesByTag: {},
  parseStyleAttributes: false,
};
const TEXT_OPTIONS: sanitizeHtml.IOptions = { allowedTags: [], allowedAttributes: {}, nonTextTags: ['style', 'script', 'svg', 'math', 'template', 'iframe'] };

class TooDeep extends Error {}

/** Parser callbacks that stop the parse at the first element deeper than `max` (void elements open and close at once). */
function depthLimit(max: number): Pick<sanitizeHtml.IOptions, 'onOpenTag' | 'onCloseTag'> {
  let depth = 0;
  return {
    onOpenTag: () => {
      if (++depth > max) throw new TooDeep();
    },
    onCloseTag: () => {
      depth--;
    },
  };
}

export type RichProblem = 'too_deep' | 'too_long';
export type CleanedRich = { html: string; text: string } | { problem: RichProblem };

/** One rich-text field sanitised, with its plain text (search, emptiness), or why it is refused. */
export function cleanRich(html: string): CleanedRich {
  let clean: string;
  try {
    clean = sanitizeHtml(html, { ...OPTIONS, ...depthLimit(RICH_TEXT.maxDepth) }).trim();
  } catch (e) {
    if (e instanceof TooDeep) return { problem: 'too_deep' };
    throw e;
  }
  if (clean.length > RICH_TEXT.maxStoredChars) return { problem: 'too_long' };
  return { html: clean, text: htmlToText(clean) };
}

/** Sanitised HTML of trusted text (the demo school's); throws on a body the limits refuse. */
export function cleanHtml(html: string): string {
  const cleaned = cleanRich(html);
  if ('problem' in cleaned) throw new Error(`rich text refused: ${cleaned.problem}`);
  return cleaned.html;
}

const BREAKS = /<\/(p|li|h[2-4]|blockquote|pre)>|<br\s*\/?>/gi;
/** Tags removed without a parser: linear whatever the nesting (the text of a script element stays, as text). */
const stripTags = (html: string) => html.replace(/<[^<>]*>/g, '');

/** Plain text of HTML (for search, emptiness and spell check). */
export function htmlToText(html: string): string {
  const spaced = html.replace(BREAKS, '$& ');
  let text: string;
  try {
    text = sanitizeHtml(spaced, { ...TEXT_OPTIONS, ...depthLimit(RICH_TEXT.maxDepth) });
  } catch (e) {
    if (!(e instanceof TooDeep)) throw e;
    text = stripTags(spaced);
  }
  return text
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

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
/** A term as its text appears inside sanitised HTML. */
const asHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export type GlossaryTerm = { id: string; term: string };

/**
 * Links glossary terms where they occur in sanitised HTML: only in text, never inside an
 * existing link or a tag, the first occurrence of each term (a longer term before a shorter one
 * at the same place). One pass over the HTML with one expression for all terms.
 */
export function linkGlossary(html: string, terms: GlossaryTerm[]): string {
  const usable = terms.filter((t) => t.term.trim());
  if (!usable.length || !html) return html;
  const sorted = [...usable].sort((a, b) => b.term.length - a.term.length);
  const byText = new Map(sorted.map((t) => [asHtml(t.term).toLowerCase(), t]));
  const re = new RegExp(`(^|[^\\p{L}\\p{N}])(${sorted.map((t) => escapeRe(asHtml(t.term))).join('|')})(?=$|[^\\p{L}\\p{N}])`, 'giu');
  // the expression ignores case by Unicode folding; a term whose lower case differs from that is found by testing it alone
  const termOf = (word: string) => byText.get(word.toLowerCase()) ?? sorted.find((t) => new RegExp(`^${escapeRe(asHtml(t.term))}$`, 'iu').test(word));
  const done = new Set<string>();
  let inLink = 0;
  return html
    .split(/(<[^<>]*>)/)
    .map((part) => {
      if (part.startsWith('<')) {
        if (/^<a[\s>]/i.test(part)) inLink++;
        else if (/^<\/a>/i.test(part)) inLink = Math.max(0, inLink - 1);
        return part;
      }
      if (inLink || done.size === sorted.length) return part;
      return part.replace(re, (whole: string, lead: string, word: string) => {
        const t = termOf(word);
        if (!t || done.has(t.id)) return whole;
        done.add(t.id);
        return `${lead}<a href="/videndeling/ordliste#term-${t.id}" class="glossary-term" data-term="${t.id}">${word}</a>`;
      });
    })
    .join('');
}

// ---- the same work off the event loop ----

/** A task for the rich-text worker (`sanitize-worker.ts`): each field of an item at once. */
export type RichTask = { op: 'clean'; html: string[] } | { op: 'text'; html: string[] } | { op: 'link'; html: string[]; terms: GlossaryTerm[] };

/** What the worker runs (and the main thread, for small inputs). */
export function runRichTask(task: RichTask): CleanedRich[] | string[] {
  switch (task.op) {
    case 'clean':
      return task.html.map(cleanRich);
    case 'text':
      return task.html.map(htmlToText);
    case 'link':
      return task.html.map((h) => linkGlossary(h, task.terms));
  }
}

let pool: WorkerPool<RichTask, CleanedRich[] | string[]> | undefined;
const richPool = () => (pool ??= new WorkerPool(
  { source: new URL('./sanitize-worker.ts', import.meta.url), bundle: 'sanitize-worker.mjs' },
  { timeoutMs: RICH_TEXT.timeoutMs },
));

/** Runs a task in place when it is small, else in the pool; null when the pool gave up on it (past RICH_TEXT.timeoutMs). */
async function runRich(task: RichTask): Promise<CleanedRich[] | string[] | null> {
  const size = task.html.reduce((n, h) => n + h.length, 0);
  if (size <= RICH_TEXT.inlineChars) return runRichTask(task);
  try {
    return await richPool().run(task);
  } catch (e) {
    if (e instanceof WorkerTimeoutError) return null;
    throw e;
  }
}

/** Each field sanitised with its text, or its problem; null when the work took too long. */
export const cleanRichAll = async (html: string[]) => (await runRich({ op: 'clean', html })) as CleanedRich[] | null;

/** The plain text of each field; null when the work took too long. */
export const textsOf = async (html: string[]) => (await runRich({ op: 'text', html })) as string[] | null;

/** Each field with its glossary links; the fields as they are when the work took too long. */
export const linkGlossaryAll = async (html: string[], terms: GlossaryTerm[]) => (terms.length ? ((await runRich({ op: 'link', html, terms })) as string[] | null) : null) ?? html;
