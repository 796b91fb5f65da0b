import { serveTasks } from '../../platform/worker-pool';
import { speller, spellCheckTexts } from './spellcheck';

/**
 * The worker thread that holds the Danish dictionary and spell-checks an item (spellcheck.ts). It
 * loads the dictionary before it takes its first task, so that a task's time limit is the check's own.
 */
await speller();
serveTasks(spellCheckTexts);
