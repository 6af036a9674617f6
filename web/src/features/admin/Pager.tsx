import { useT } from '../../i18n';

/** Previous / next with "page x of y"; nothing when there is nothing to page. */
export function Pager({
  page,
  pageSize,
  total,
  busy,
  onPage,
  testId,
}: {
  page: number;
  pageSize: number;
  total: number;
  busy: boolean;
  onPage: (page: number) => void;
  testId: string;
}) {
  const t = useT();
  if (total === 0) return null;
  const pages = Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
  return (
    <nav className="pager" aria-label={t.admin.paging} data-testid={testId}>
      <button type="button" className="btn btn--small" onClick={() => onPage(page - 1)} disabled={page <= 1 || busy}>
        {t.admin.previousPage}
      </button>
      <span className="pager__info" data-testid={`${testId}-info`} aria-live="polite">
        {t.admin.pageOf(page, pages, total)}
      </span>
      <button type="button" className="btn btn--small" onClick={() => onPage(page + 1)} disabled={page >= pages || busy}>
        {t.admin.nextPage}
      </button>
    </nav>
  );
}
