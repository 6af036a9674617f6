import { useEffect, useState } from 'react';

export type Route =
  | 'inbox'
  | 'leaderboard'
  | 'challenges'
  | 'insights'
  | 'analytics'
  | 'activity'
  | 'notifications'
  | 'admin'
  | 'wallboard'
  | 'privacy'
  | 'reset-password';

const routes: Route[] = ['inbox', 'leaderboard', 'challenges', 'insights', 'analytics', 'activity', 'notifications', 'admin', 'wallboard', 'privacy', 'reset-password'];

export function parseRoute(hash: string): Route {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return (routes as string[]).includes(name) ? (name as Route) : 'inbox';
}

export function routeHref(route: Route): string {
  return `#/${route}`;
}

/** The part of the hash after the route, e.g. "rules" for "#/admin/rules"; empty when there is none. */
export function parseSubRoute(hash: string): string {
  return hash.replace(/^#\/?/, '').split(/[?]/)[0].split('/')[1] ?? '';
}

/** Tiny hash router: works with any static file host, no server-side fallback needed. */
export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    // A link followed between the first render and this effect changed the hash before anyone listened.
    onChange();
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

/** The sub-route of the current hash, kept up to date (see {@link parseSubRoute}). */
export function useSubRoute(): string {
  const [sub, setSub] = useState<string>(() => parseSubRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setSub(parseSubRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    // A link followed between the first render and this effect changed the hash before anyone listened.
    onChange();
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return sub;
}

/** A query parameter of the hash (e.g. `token` in `#/wallboard?token=…`). */
export function hashParam(hash: string, name: string): string | null {
  const q = hash.indexOf('?');
  return q < 0 ? null : new URLSearchParams(hash.slice(q + 1)).get(name);
}

/** A query parameter of the current hash, kept up to date (e.g. the department in `#/analytics?department=…`). */
export function useHashParam(name: string): string | null {
  const [value, setValue] = useState<string | null>(() => hashParam(window.location.hash, name));
  useEffect(() => {
    const onChange = () => setValue(hashParam(window.location.hash, name));
    window.addEventListener('hashchange', onChange);
    onChange();
    return () => window.removeEventListener('hashchange', onChange);
  }, [name]);
  return value;
}
