import { useEffect, useLayoutEffect, useRef } from 'react';
import { useLocation, useNavigationType } from 'react-router';

/** How many frames a page that comes back with Back may take to grow tall enough for its old position. */
const RESTORE_FRAMES = 30;

/** Where each history entry was scrolled to, by React Router's location key. */
const positions = new Map<string, number>();

/**
 * A new page starts at the top; Back and Forward return to where the page was left. The browser
 * does neither for a single-page app: it keeps the old page's scroll position for the new one, and
 * restores before the page is drawn. Only a change of path is a new page: a filter, a tab or a
 * search kept in the query string leaves the page where it is, so choosing a filter halfway down
 * does not throw the reader back to the top (React Router's ScrollRestoration would).
 */
export function ScrollOnNavigation() {
  const location = useLocation();
  const type = useNavigationType();
  const shownPath = useRef(location.pathname);
  const shownKey = useRef(location.key);

  useEffect(() => {
    if ('scrollRestoration' in window.history) window.history.scrollRestoration = 'manual';
  }, []);

  // Remember the shown entry's position as the reader scrolls (it is lost once the next page is
  // drawn). The entry is switched before the new page scrolls, so its scroll events count for it.
  useEffect(() => {
    const remember = () => positions.set(shownKey.current, window.scrollY);
    window.addEventListener('scroll', remember, { passive: true });
    return () => window.removeEventListener('scroll', remember);
  }, []);

  useLayoutEffect(() => {
    const newPage = shownPath.current !== location.pathname;
    shownPath.current = location.pathname;
    shownKey.current = location.key;
    if (type !== 'POP') {
      if (newPage) window.scrollTo(0, 0);
      return;
    }
    const target = positions.get(location.key);
    if (target === undefined) return;
    let frame = 0;
    let id = 0;
    const restore = () => {
      window.scrollTo(0, target);
      if (Math.abs(window.scrollY - target) > 1 && ++frame < RESTORE_FRAMES) id = requestAnimationFrame(restore);
    };
    restore();
    return () => cancelAnimationFrame(id);
  }, [location.key, location.pathname, type]);
  return null;
}
