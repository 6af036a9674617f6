import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { api } from '../../api/client';
import type { BoardChange, BoardKind, BoardRow, BoardSnapshot, BoardWindow, FairView, MyPrivacy, SeasonCalendar } from '../../api/types';
import { useI18n } from '../../i18n';
import { formatNumber } from '../../format';
import { isConnected, useHubEvent, useLive } from '../../live/LiveProvider';
import { useMe } from '../auth/session';
import { analyticsHref, useVisibleDepartments } from '../analytics/access';
import { sameId } from '../analytics/useAnalyticsLive';
import { applyBoardChange, fromSnapshot, topRows, type BoardState } from './mergeRows';
import { FairBoard } from './FairBoard';
import { useFlip } from './useFlip';
import { useNearMe } from './useNearMe';
import { BOARD_WINDOWS, isBoardWindow, seasonDates, windowAvailable } from './windows';

export const BOARD_TOP = 20;

type WindowChoice = BoardWindow;

function sameText(a: string | undefined, b: string | undefined): boolean {
  return (a ?? '').toLowerCase() === (b ?? '').toLowerCase();
}

export function LeaderboardPage() {
  const { t, lang } = useI18n();
  const me = useMe();
  const { connection, status, generation } = useLive();
  const connected = status === 'connected' && isConnected(connection);

  const [chosenBoard, setBoard] = useState<BoardKind>('employees');
  const [privacy, setPrivacy] = useState<MyPrivacy | null>(null);
  // Individual boards may be switched off company-wide: then only the departments board is offered.
  const individualBoards = privacy?.individualBoards ?? true;
  const board: BoardKind = individualBoards ? chosenBoard : 'departments';
  const [win, setWin] = useState<WindowChoice>('week');
  const [data, setData] = useState<BoardState | null>(null);
  const [failed, setFailed] = useState(false);
  const [flash, setFlash] = useState<{ ids: Set<string>; version: number }>({ ids: new Set(), version: 0 });
  const [seasons, setSeasons] = useState<SeasonCalendar | null>(null);
  const [seasonsStamp, setSeasonsStamp] = useState(0);

  const dataRef = useRef<BoardState | null>(null);
  /** Pushes that arrive while a snapshot is on its way; `null` when not waiting. */
  const pendingRef = useRef<BoardChange[] | null>(null);
  const seqRef = useRef(0);
  const generationRef = useRef(generation);
  generationRef.current = generation;
  const selectionRef = useRef({ board, win });
  selectionRef.current = { board, win };

  const [view, setView] = useState<'raw' | FairView>('raw');
  // Department rows link to the department's figures where I may see them.
  const analyticsDepartments = useVisibleDepartments(me);
  /** The fair view in use: only on the departments board. The raw board stays watched, its pushes refresh the view. */
  const fair = board === 'departments' && view !== 'raw' ? view : null;
  const viewId = useId();
  const boardId = useId();
  const windowId = useId();
  const listRef = useRef<HTMLOListElement>(null);

  const commit = useCallback((next: BoardState | null) => {
    dataRef.current = next;
    setData(next);
  }, []);

  /** Loads a snapshot: over the hub (which also subscribes us to pushes) or, without a hub, over HTTP. */
  const load = useCallback(
    (b: BoardKind, w: WindowChoice, allowRefetch = true) => {
      const seq = ++seqRef.current;
      pendingRef.current = [];
      const viaHttp = () => api.board(b, w, BOARD_TOP);
      const request: Promise<BoardSnapshot> = isConnected(connection)
        ? connection.invoke<BoardSnapshot>('WatchBoard', b, w).catch(viaHttp)
        : viaHttp();
      request
        .then((snapshot) => {
          if (seq !== seqRef.current) return;
          let next = fromSnapshot({ ...snapshot, board: snapshot.board ?? b, window: snapshot.window ?? w });
          const pending = pendingRef.current ?? [];
          pendingRef.current = null;
          let refetch = false;
          for (const change of pending) {
            const result = applyBoardChange(next, change);
            if (result.kind === 'applied') next = result.state;
            else if (result.kind === 'refetch') refetch = true;
          }
          commit(next);
          setFailed(false);
          if (refetch && allowRefetch) load(b, w, false);
        })
        .catch(() => {
          if (seq !== seqRef.current) return;
          pendingRef.current = null;
          setFailed(true);
        });
    },
    [connection, commit],
  );

  useEffect(() => {
    const current = dataRef.current;
    const sameBoard = current !== null && sameText(current.board, board) && sameText(current.window, win);
    if (!sameBoard) {
      commit(null);
      setFlash({ ids: new Set(), version: 0 });
    }

    if (connected && connection) {
      // Watch (again, after a reconnect: the server forgot our subscriptions) and take the snapshot.
      load(board, win);
      const watchedIn = generation;
      return () => {
        seqRef.current++;
        // After a reconnect the old subscription died with the old connection; otherwise say goodbye.
        if (generationRef.current === watchedIn && isConnected(connection)) {
          connection.invoke('UnwatchBoard', board, win).catch(() => undefined);
        }
      };
    }
    // No hub right now: keep what we show, or fetch it over HTTP until the hub is back.
    if (!sameBoard) load(board, win);
    return () => {
      seqRef.current++;
    };
  }, [board, win, connected, connection, generation, load, commit]);

  useHubEvent<BoardChange>('BoardChanged', (change) => {
    if (pendingRef.current) {
      pendingRef.current.push(change);
      return;
    }
    const current = dataRef.current;
    if (!current) return;
    const result = applyBoardChange(current, change);
    if (result.kind === 'applied') {
      commit(result.state);
      setFlash({ ids: new Set(result.changedIds), version: result.state.version });
    } else if (result.kind === 'refetch') {
      load(selectionRef.current.board, selectionRef.current.win);
    }
  });

  useEffect(() => {
    if (!me.employeeId) return;
    const abort = new AbortController();
    api
      .myPrivacy(abort.signal)
      .then(setPrivacy)
      .catch(() => undefined);
    return () => abort.abort();
  }, [me.employeeId]);

  // The season calendar names the season window and gives its dates; reloaded when the season board moves on.
  useEffect(() => {
    const abort = new AbortController();
    api
      .seasons(abort.signal)
      .then(setSeasons)
      .catch(() => undefined);
    return () => abort.abort();
  }, [seasonsStamp]);

  const currentSeason = seasons?.current ?? null;
  const seasonPeriod = win === 'season' && data && sameText(data.window, 'season') ? data.period : undefined;
  useEffect(() => {
    if (seasons && seasonPeriod !== undefined && seasonPeriod !== (seasons.current?.id ?? null)) {
      setSeasonsStamp((n) => n + 1);
    }
    // Only a change of the board's period asks again, not the answer itself.
  }, [seasonPeriod]);

  const windowLabel = (w: BoardWindow): string => {
    if (w !== 'season') return t.board.windows[w];
    return currentSeason ? t.board.season(currentSeason.name) : t.board.seasonNone;
  };

  const rows = useMemo(() => (data ? topRows(data.rows, BOARD_TOP) : []), [data]);
  useFlip(listRef, rows);

  const myId = board === 'employees' ? me.employeeId : me.departmentId;
  // Without consent my row carries my pseudonym's id (what others see); it is still mine.
  const isMine = (row: BoardRow) =>
    row.isYou === true ||
    (myId != null && String(row.memberId) === String(myId)) ||
    (board === 'employees' && privacy != null && String(row.memberId) === String(privacy.pseudonymId));
  const myRowOutside =
    data?.me && !rows.some((r) => String(r.memberId) === String(data.me!.memberId)) && isMine(data.me) ? data.me : null;

  const nearMe = useNearMe(board, win, myRowOutside !== null && !fair, data?.version);

  const renderRow = (row: BoardRow, testId: string, flipKey?: string) => {
    const mine = isMine(row);
    const changed = flash.ids.has(String(row.memberId));
    const className = [
      'board-row',
      mine ? 'board-row--me' : '',
      row.rank >= 1 && row.rank <= 3 ? `board-row--top board-row--rank-${row.rank}` : '',
      changed ? `board-row--flash-${flash.version % 2}` : '',
    ]
      .filter(Boolean)
      .join(' ');
    const department = row.departmentName && row.departmentName !== row.name ? row.departmentName : null;
    return (
      <li
        key={String(row.memberId)}
        className={className}
        data-testid={testId}
        data-member-id={row.memberId}
        data-score={row.score}
        data-rank={row.rank}
        data-me={mine ? 'true' : undefined}
        data-flip-key={flipKey}
        aria-current={mine ? 'true' : undefined}
      >
        <span className="board-row__rank" data-testid="board-rank">
          <span className="sr-only">{t.board.rank} </span>
          {row.withheld ? '–' : row.rank}
        </span>
        <span className="board-row__who">
          <span className="board-row__name" data-testid="board-name" data-pseudonym={row.pseudonym && !mine ? 'true' : undefined}>
            {mine && board === 'employees' ? (
              me.displayName
            ) : row.pseudonym ? (
              t.board.colleague(row.name.split(' ').pop() ?? '')
            ) : board === 'departments' && analyticsDepartments.some((d) => sameId(d.id, String(row.memberId))) ? (
              <a href={analyticsHref(String(row.memberId))} title={t.board.analyticsLink(row.name)} data-testid="board-analytics-link">
                {row.name}
              </a>
            ) : (
              row.name
            )}
            {mine && <span className="tag tag--me">{t.board.you}</span>}
          </span>
          {department && <span className="board-row__dept">{department}</span>}
        </span>
        <span className="board-row__score" data-testid="board-score">
          {row.withheld ? t.board.withheld : t.board.points(row.score, formatNumber(row.score, lang))}
        </span>
      </li>
    );
  };

  return (
    <section className="page">
      <div className="page__head">
        <h1 id="board-title">{t.board.title}</h1>
        <span className={`live-status live-status--${status}`} data-testid="live-status" data-status={status}>
          <span className="live-status__dot" aria-hidden="true" />
          {t.board.live[status]}
        </span>
      </div>
      <p className="muted">{t.board.intro}</p>
      {!individualBoards && (
        <p className="muted small" data-testid="individual-boards-off">
          {t.board.individualOff}
        </p>
      )}
      {board === 'employees' && privacy && !privacy.rankedByName && (
        <p className="muted small" data-testid="board-pseudonym-note">
          {t.board.youArePseudonym(t.board.colleague(privacy.pseudonym.split(' ').pop() ?? ''))}
        </p>
      )}

      <div className="toolbar">
        <div className="field field--inline">
          <label htmlFor={boardId}>{t.board.board}</label>
          <select id={boardId} value={board} onChange={(e) => setBoard(e.target.value as BoardKind)}>
            {individualBoards && <option value="employees">{t.board.employees}</option>}
            <option value="departments">{t.board.departments}</option>
          </select>
        </div>
        <div className="field field--inline">
          <label htmlFor={windowId}>{t.board.window}</label>
          <select
            id={windowId}
            value={win}
            onChange={(e) => {
              if (isBoardWindow(e.target.value)) setWin(e.target.value);
            }}
          >
            {BOARD_WINDOWS.map((w) => (
              <option key={w} value={w} disabled={w !== win && !windowAvailable(w, currentSeason)}>
                {windowLabel(w)}
              </option>
            ))}
          </select>
        </div>
        {board === 'departments' && (
          <div className="field field--inline">
            <label htmlFor={viewId}>{t.board.view}</label>
            <select id={viewId} value={view} onChange={(e) => setView(e.target.value as 'raw' | FairView)}>
              {(['raw', 'per-head', 'per-item'] as const).map((v) => (
                <option key={v} value={v}>
                  {t.board.views[v]}
                </option>
              ))}
            </select>
          </div>
        )}
        {win === 'season' && currentSeason && data?.period === currentSeason.id ? (
          <span className="muted small" data-testid="board-season" data-season-id={currentSeason.id}>
            {t.board.seasonDates(seasonDates(currentSeason, lang))}
          </span>
        ) : (
          data?.period && <span className="muted small">{t.board.period(data.period)}</span>
        )}
      </div>

      {fair && (
        <>
          <p className="muted small">{t.board.fairNote}</p>
          <FairBoard window={win} view={fair} top={BOARD_TOP} liveVersion={data?.version} myDepartmentId={me.departmentId} />
        </>
      )}

      {failed && !fair && (
        <p className="form-error" role="alert">
          {t.board.loadError}
        </p>
      )}

      {!data && !failed && !fair && (
        <p className="muted" aria-busy="true">
          {t.common.loading}
        </p>
      )}

      {data && rows.length === 0 && !fair && (
        <p className="empty">{win === 'season' && data.period === null ? t.board.noSeason : t.board.empty}</p>
      )}

      <ol ref={listRef} className="board" data-testid="board" data-board={board} data-window={win} hidden={!data || rows.length === 0 || fair !== null}>
        {rows.map((row) => renderRow(row, 'board-row', String(row.memberId)))}
      </ol>

      {myRowOutside && !fair && (
        <div className="board-me">
          <h2 className="board-me__title">{t.board.yourPosition}</h2>
          <ol className="board" data-testid="board-near-me">
            {nearMe.some((r) => isMine(r))
              ? nearMe.map((row) => renderRow(row, isMine(row) ? 'board-me-row' : 'board-near-row'))
              : renderRow(myRowOutside, 'board-me-row')}
          </ol>
        </div>
      )}
    </section>
  );
}
