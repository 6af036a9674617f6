import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { DepartmentBoard, FairView } from '../../api/types';
import { formatNumber } from '../../format';
import { useI18n } from '../../i18n';
import { ratioOf, ratioParts } from './fairView';

const REFRESH_DELAY_MS = 400;

interface Props {
  window: string;
  view: FairView;
  top: number;
  /** The live raw board's version: when it moves, the ratios may have moved too. */
  liveVersion: number | undefined;
  myDepartmentId: string | null | undefined;
}

/**
 * The departments board ranked fairly: points per head or per routed item, so a small team can lead a large one.
 * The ratios come from the server; a push to the raw board (which the page keeps watching) triggers a refresh.
 */
export function FairBoard({ window, view, top, liveVersion, myDepartmentId }: Props) {
  const { t, lang } = useI18n();
  const [data, setData] = useState<DepartmentBoard | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    // Coalesce bursts of pushes into one request.
    const timer = setTimeout(() => {
      api
        .departmentView(window, view, top, controller.signal)
        .then((board) => {
          setData(board);
          setFailed(false);
        })
        .catch((err: unknown) => {
          if (!(err instanceof DOMException && err.name === 'AbortError')) setFailed(true);
        });
    }, liveVersion === undefined ? 0 : REFRESH_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [window, view, top, liveVersion]);

  if (failed) {
    return (
      <p className="form-error" role="alert">
        {t.board.loadError}
      </p>
    );
  }
  if (!data) {
    return (
      <p className="muted" aria-busy="true">
        {t.common.loading}
      </p>
    );
  }
  if (data.rows.length === 0) return <p className="empty">{t.board.empty}</p>;

  return (
    <ol className="board" data-testid="fair-board" data-view={view}>
      {data.rows.map((row) => {
        const mine = myDepartmentId != null && String(row.memberId) === String(myDepartmentId);
        const parts = ratioParts(row, view);
        return (
          <li
            key={String(row.memberId)}
            className={['board-row', mine ? 'board-row--me' : '', row.rank >= 1 && row.rank <= 3 ? `board-row--top board-row--rank-${row.rank}` : '']
              .filter(Boolean)
              .join(' ')}
            data-testid="fair-row"
            data-member-id={row.memberId}
            data-rank={row.rank}
            data-score={row.score}
            aria-current={mine ? 'true' : undefined}
          >
            <span className="board-row__rank">
              <span className="sr-only">{t.board.rank} </span>
              {row.withheld ? '–' : row.rank}
            </span>
            <span className="board-row__who">
              <span className="board-row__name">
                {row.name}
                {mine && <span className="tag tag--me">{t.board.you}</span>}
              </span>
              <span className="board-row__dept">
                {row.withheld
                  ? t.board.withheld
                  : view === 'per-head'
                  ? t.board.perHeadParts(formatNumber(parts.points, lang), formatNumber(parts.over, lang))
                  : t.board.perItemParts(formatNumber(parts.points, lang), formatNumber(parts.over, lang))}
              </span>
            </span>
            <span className="board-row__score" data-testid="fair-ratio">
              {row.withheld
                ? '–'
                : view === 'per-head'
                ? t.board.perHeadValue(formatNumber(ratioOf(row), lang))
                : t.board.perItemValue(formatNumber(ratioOf(row), lang))}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
