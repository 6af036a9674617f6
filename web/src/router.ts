import { useEffect, useState } from 'react';

export type Route = 'inbox' | 'leaderboard';

const routes: Route[] = ['inbox', 'leaderboard'];

export function parseRoute(hash: string): Route {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return (routes as string[]).includes(name) ? (name as Route) : 'inbox';
}

export function routeHref(route: Route): string {
  return `#/${route}`;
}

/** Tiny hash router: works with any static file host, no server-side fallback needed. */
export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
