import { serveTasks } from '../../platform/worker-pool';
import { runRichTask } from './sanitize';

/** The worker thread that sanitises, reads and links large rich-text bodies (sanitize.ts, RICH_TEXT.inlineChars). */
serveTasks(runRichTask);
