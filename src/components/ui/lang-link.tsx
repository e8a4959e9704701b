import type { ComponentProps } from 'react';
import { Link, NavLink, useSearchParams } from 'react-router';

/** Adds the current `?lang=` to a path, so following a link keeps the reader's language. */
export function useLangPath() {
  const [params] = useSearchParams();
  const lang = params.get('lang');
  return (path: string) => {
    if (!lang) return path;
    const [pathname = '', hash] = path.split('#');
    const [base = '', query] = pathname.split('?');
    const search = new URLSearchParams(query);
    search.set('lang', lang);
    return `${base}?${search.toString()}${hash ? `#${hash}` : ''}`;
  };
}

export function LangLink({
  to,
  ...props
}: Omit<ComponentProps<typeof Link>, 'to'> & { to: string }) {
  const withLang = useLangPath();
  return <Link to={withLang(to)} {...props} />;
}

export function LangNavLink({
  to,
  ...props
}: Omit<ComponentProps<typeof NavLink>, 'to'> & { to: string }) {
  const withLang = useLangPath();
  return <NavLink to={withLang(to)} {...props} />;
}
