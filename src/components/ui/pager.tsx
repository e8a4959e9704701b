import { Link } from 'react-router';

/**
 * Previous and next page as links, so the page number lives in the URL and a copied link opens
 * the same page. Words come from the caller's namespace. Nothing is shown for a single page.
 */
export function Pager({
  page,
  pageSize,
  total,
  hrefFor,
  label,
  previous,
  next,
  status,
}: {
  page: number;
  pageSize: number;
  total: number;
  hrefFor: (page: number) => string;
  label: string;
  previous: string;
  next: string;
  status: (page: number, pages: number) => string;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1 && page <= 1) return null;
  return (
    <nav className="pager" aria-label={label}>
      {page > 1 ? (
        <Link className="button button--quiet" to={hrefFor(page - 1)} rel="prev">
          ← {previous}
        </Link>
      ) : (
        <span />
      )}
      <span className="pager__status">{status(Math.min(page, pages), pages)}</span>
      {page < pages ? (
        <Link className="button button--quiet" to={hrefFor(page + 1)} rel="next">
          {next} →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

/** `?page=` as a positive whole number; 1 when absent or not one. */
export function pageParam(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 && page <= 100000 ? page : 1;
}
