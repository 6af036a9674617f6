import { HubConnectionBuilder, HubConnectionState, LogLevel } from '@microsoft/signalr';
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import { ApiError, apiFetch } from '../../api/http';
import type { BoardChange, WallboardEngagement, WallboardHighlight, WallboardInfo } from '../../api/types';
import { useI18n } from '../../i18n';
import { HUB_URL, retryPolicy, startDelay } from '../../live/connection';
import { hashParam } from '../../router';
import { describeActivity } from '../activity/ActivityPage';
import { applyBoardChange, fromSnapshot, topRows, type BoardState } from '../board/mergeRows';

const TOKEN_KEY = 'gamifyhub.wallboard';
const BOARD = 'departments';
const WINDOW = 'week';

type Status = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';
// The chart library is loaded with the engagement view only.
const DepartmentsChart = lazy(() => import('../analytics/DepartmentsChart').then((m) => ({ default: m.DepartmentsChart })));

type View = 'board' | 'highlights' | 'challenges' | 'engagement';

const VIEWS: View[] = ['board', 'highlights', 'challenges', 'engagement'];

/** `#/wallboard?view=engagement` starts the rotation at that view (with a long `rotate`, the screen stays on it). */
function initialView(): View {
  const asked = hashParam(window.location.hash, 'view');
  return VIEWS.find((v) => v === asked) ?? 'board';
}

/** `GET /api/wallboard/challenges`: names, goals and team standings only (never a person). */
interface ChallengeSummary {
  id: string;
  name: string;
  scope: string;
  target: number;
  progress: number | null;
  teams: { rank: number; name: string; value: number | null }[];
}

function wallboardToken(): string | null {
  const fromHash = hashParam(window.location.hash, 'token');
  try {
    if (fromHash) localStorage.setItem(TOKEN_KEY, fromHash);
    return fromHash ?? localStorage.getItem(TOKEN_KEY);
  } catch {
    return fromHash;
  }
}

/**
 * The TV page: full screen, read-only, signed in with a wallboard token (never a person's session). It shows the
 * departments board live, recent highlights and active challenges, rotating between them, and reconnects by itself
 * — with automatic reconnect and, when that gives up (a server restart), a fresh start — re-watching the board and
 * reloading everything each time it is connected again.
 */
export function WallboardPage() {
  const { t, lang } = useI18n();
  const [token] = useState(wallboardToken);
  const [info, setInfo] = useState<WallboardInfo | null>(null);
  const [denied, setDenied] = useState(false);
  const [board, setBoard] = useState<BoardState | null>(null);
  const [highlights, setHighlights] = useState<WallboardHighlight[]>([]);
  const [challenges, setChallenges] = useState<ChallengeSummary[] | null>(null);
  const [engagement, setEngagement] = useState<WallboardEngagement | null>(null);
  const [status, setStatus] = useState<Status>('connecting');
  const [generation, setGeneration] = useState(0);
  const [view, setView] = useState<View>(initialView);
  const boardRef = useRef<BoardState | null>(null);
  boardRef.current = board;

  const rotateSeconds = Number(hashParam(window.location.hash, 'rotate')) || info?.rotateSeconds || 15;

  const reload = useCallback(async () => {
    if (!token) return;
    try {
      const [wall, snapshot, feed] = await Promise.all([
        api.wallboard(token),
        api.wallboardBoard(token, WINDOW),
        api.wallboardHighlights(token),
      ]);
      setInfo(wall);
      setBoard(fromSnapshot(snapshot));
      setHighlights(feed.items);
      setDenied(false);
    } catch (err) {
      if (err instanceof ApiError && (err.status === 401 || err.status === 403)) setDenied(true);
    }
    // Active challenges: the view is left out of the rotation while there are none (or they cannot be read).
    try {
      setChallenges(await apiFetch<ChallengeSummary[]>('/api/wallboard/challenges', { bearer: token, quiet401: true }));
    } catch {
      setChallenges(null);
    }
    // Read rate per department; left out of the rotation when the server has none to show.
    try {
      setEngagement(await api.wallboardEngagement(token));
    } catch {
      setEngagement(null);
    }
  }, [token]);

  useEffect(() => {
    document.title = `${t.wallboard.title} · ${t.common.appName}`;
  }, [t]);

  // The live connection: its own, with the wallboard token; it keeps trying forever.
  useEffect(() => {
    if (!token) return;
    const conn = new HubConnectionBuilder()
      .withUrl(HUB_URL, { accessTokenFactory: () => token, withCredentials: false })
      .withAutomaticReconnect(retryPolicy)
      .configureLogging(LogLevel.Warning)
      .build();
    let stopped = false;
    let timer: number | undefined;

    const watch = async () => {
      setStatus('connected');
      try {
        const snapshot = await conn.invoke('WatchBoard', BOARD, WINDOW);
        setBoard(fromSnapshot(snapshot));
      } catch {
        /* the reload below still shows the board */
      }
      setGeneration((g) => g + 1);
    };

    const start = async (attempt: number) => {
      if (stopped || conn.state !== HubConnectionState.Disconnected) return;
      setStatus(attempt === 0 ? 'connecting' : 'disconnected');
      try {
        await conn.start();
        if (!stopped) await watch();
      } catch {
        if (!stopped) {
          window.clearTimeout(timer);
          timer = window.setTimeout(() => void start(attempt + 1), Math.max(startDelay(attempt), 1000));
        }
      }
    };

    conn.on('BoardChanged', (change: BoardChange) => {
      const current = boardRef.current;
      if (!current) return;
      const result = applyBoardChange(current, change);
      if (result.kind === 'applied') setBoard(result.state);
      else if (result.kind === 'refetch') setGeneration((g) => g + 1);
    });
    conn.onreconnecting(() => !stopped && setStatus('reconnecting'));
    conn.onreconnected(() => {
      if (!stopped) void watch();
    });
    conn.onclose(() => {
      if (stopped) return;
      setStatus('disconnected');
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void start(1), startDelay(1));
    });
    void start(0);
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      conn.stop().catch(() => undefined);
    };
  }, [token]);

  // Everything again after each (re)connect, after a language switch, and every minute for the highlights.
  useEffect(() => {
    void reload();
    const every = window.setInterval(() => void reload(), 60_000);
    return () => window.clearInterval(every);
  }, [reload, generation, lang]);

  const views: View[] = [
    'board',
    'highlights',
    ...(challenges && challenges.length > 0 ? (['challenges'] as View[]) : []),
    ...(engagement && engagement.departments.length > 0 ? (['engagement'] as View[]) : []),
  ];
  useEffect(() => {
    const timer = window.setInterval(() => {
      setView((v) => views[(views.indexOf(v) + 1) % views.length] ?? 'board');
    }, rotateSeconds * 1000);
    return () => window.clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rotateSeconds, views.length]);

  if (!token || denied) {
    return (
      <main id="main" className="wallboard wallboard--message" data-testid="wallboard" data-state="denied">
        <p role="alert">{token ? t.wallboard.badToken : t.wallboard.noToken}</p>
      </main>
    );
  }

  const shown = views.includes(view) ? view : 'board';
  return (
    <main id="main" className="wallboard" data-testid="wallboard" data-view={shown}>
      <header className="wallboard__head">
        <h1>
          {t.common.appName} · {t.wallboard.title}
        </h1>
        <span className="wallboard__status" data-testid="wallboard-status" data-status={status} role="status">
          {t.wallboard.connection[status]}
        </span>
      </header>
      {shown === 'board' && (
        <section aria-label={t.wallboard.board}>
          <h2>{t.wallboard.board}</h2>
          <ol className="wallboard__board">
            {board &&
              topRows(board.rows, 10).map((row) => (
                <li
                  key={String(row.memberId)}
                  className="wallboard__row"
                  data-testid="wallboard-row"
                  data-member-id={String(row.memberId)}
                  data-score={row.score}
                >
                  <span className="wallboard__rank">{row.rank}</span>
                  <span className="wallboard__name">{row.name}</span>
                  <span className="wallboard__score">{t.wallboard.points(row.score)}</span>
                </li>
              ))}
          </ol>
        </section>
      )}
      {shown === 'highlights' && (
        <section aria-label={t.wallboard.highlights}>
          <h2>{t.wallboard.highlights}</h2>
          {highlights.length === 0 && <p>{t.wallboard.noHighlights}</p>}
          <ul className="wallboard__highlights">
            {highlights.map((e, i) => (
              // Highlights carry no ids (nothing on the screen can be joined with another list): their place is their key.
              <li key={`${i}-${e.occurredAt}-${e.kind}`} data-testid="wallboard-highlight" data-kind={e.kind}>
                {describeActivity(e, t)}
                {e.actor && <span className="muted"> · {e.actor.departmentName}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {shown === 'challenges' && challenges && (
        <section aria-label={t.wallboard.challenges}>
          <h2>{t.wallboard.challenges}</h2>
          <ul className="wallboard__highlights">
            {challenges.map((c) => (
              <li key={c.id} data-testid="wallboard-challenge">
                {c.name}
                {c.progress != null ? ` · ${c.progress} / ${c.target}` : ''}
                {c.teams.length > 0 ? ` · ${c.teams.map((team) => `${team.rank}. ${team.name} ${team.value ?? 0}`).join(', ')}` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
      {shown === 'engagement' && engagement && (
        <Suspense fallback={<p>{t.common.loading}</p>}>
        <DepartmentsChart
          level={2}
          departments={engagement.departments}
          baselines={engagement.baseline ? [engagement.baseline] : []}
          title={t.wallboard.engagement}
          label={t.wallboard.engagementChart}
          testId="wallboard-engagement"
          height={420}
        />
        </Suspense>
      )}
    </main>
  );
}
