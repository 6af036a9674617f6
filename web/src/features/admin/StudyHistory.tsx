import { useEffect, useId, useRef, useState } from 'react';
import { api } from '../../api/client';
import type { Paged, StudyKind, StudyVersion } from '../../api/types';
import { useLoad } from '../../api/useLoad';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { errorMessages } from '../inbox/FeedbackCard';
import { Pager } from './Pager';
import { compareVersions, formatLeaf } from './studyHistory';

const PAGE_SIZE = 10;

/** The opened version: loading, loaded, or failed. */
type Opened<T> = { version: number; document: T | null; error: unknown };

/**
 * A document's versions (when, by whom), one of them opened read-only beside the version in force, and "restore",
 * which only fills the editor: the admin saves it as an ordinary, audited edit.
 */
export function StudyHistory<T extends { version: number }>({
  kind,
  caption,
  current,
  loadVersion,
  onRestore,
  label = (path) => path,
}: {
  kind: StudyKind;
  /** The table's caption, naming the document. */
  caption: string;
  /** The version in force; its number reloads the list after a save. */
  current: T | null;
  loadVersion: (version: number, signal?: AbortSignal) => Promise<T>;
  onRestore: (document: T) => void;
  /** A path as people read it (e.g. a department's id replaced by its name). */
  label?: (path: string) => string;
}) {
  const { t, lang } = useI18n();
  const m = t.analyticsModel;
  const headingId = useId();
  const openedHeadingId = useId();
  const [page, setPage] = useState(1);
  const [opened, setOpened] = useState<Opened<T> | null>(null);
  // Which version was put in the editor, over which version in force: once a save moves that on, the note is stale.
  const [restored, setRestored] = useState<{ version: number; over: number | undefined } | null>(null);
  const openedHeading = useRef<HTMLHeadingElement>(null);
  const currentVersion = current?.version;
  const { data, error, loading } = useLoad<Paged<StudyVersion>>(
    (signal) => api.admin.studyVersions(kind, page, PAGE_SIZE, signal),
    [kind, page, currentVersion],
    true,
  );

  const open = (version: number) => {
    setOpened({ version, document: null, error: null });
    setRestored(null);
    loadVersion(version).then(
      (document) => setOpened((o) => (o?.version === version ? { version, document, error: null } : o)),
      (err: unknown) => setOpened((o) => (o?.version === version ? { version, document: null, error: err } : o)),
    );
  };

  // The opened version appears below the list: take keyboard and screen-reader users there.
  const openedVersion = opened?.version;
  useEffect(() => {
    if (openedVersion != null) openedHeading.current?.focus();
  }, [openedVersion]);

  const changes = opened?.document && current ? compareVersions(opened.document, current) : [];
  const openedIsCurrent = opened != null && opened.version === currentVersion;

  return (
    <section className="study-history" aria-labelledby={headingId} aria-busy={loading} data-testid={`${kind}-history`}>
      <h3 id={headingId}>{m.history}</h3>
      <p className="muted small">{m.historyIntro}</p>
      {error != null && (
        <p className="form-error" role="alert">
          {m.historyLoadError} {errorMessages(error, t).join(' ')}
        </p>
      )}
      {data && data.items.length > 0 && (
        <div className="table-wrap">
          <table className="data-table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{m.historyVersion}</th>
                <th scope="col">{m.historyWhen}</th>
                <th scope="col">{m.historyWho}</th>
                <th scope="col">
                  <span className="sr-only">{m.historyActions}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((v) => (
                <tr
                  key={v.version}
                  data-testid="version-row"
                  data-version={v.version}
                  aria-current={v.version === currentVersion || undefined}
                >
                  <th scope="row">
                    {v.version}
                    {v.version === currentVersion && <span className="muted small"> ({m.inForce})</span>}
                  </th>
                  <td>{v.at ? <time dateTime={v.at}>{formatDateTime(v.at, lang)}</time> : m.shipped}</td>
                  <td>{v.changedBy ?? t.admin.none}</td>
                  <td>
                    <button
                      type="button"
                      className="btn btn--small"
                      aria-label={m.showVersion(v.version)}
                      onClick={() => open(v.version)}
                    >
                      {m.show}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data && (
        <Pager page={data.page} pageSize={data.pageSize} total={data.total} busy={loading} onPage={setPage} testId={`${kind}-history-pager`} />
      )}

      {opened && (
        <section
          className="card"
          aria-labelledby={openedHeadingId}
          aria-busy={opened.document == null && opened.error == null}
          data-testid={`${kind}-version`}
          data-version={opened.version}
        >
          <h4 id={openedHeadingId} ref={openedHeading} tabIndex={-1}>{m.openedVersion(opened.version)}</h4>
          {opened.error != null && (
            <p className="form-error" role="alert">
              {m.versionLoadError(opened.version)} {errorMessages(opened.error, t).join(' ')}
            </p>
          )}
          {opened.document && current && (
            <>
              {openedIsCurrent ? (
                <p data-testid="version-same">{m.isInForce}</p>
              ) : changes.length === 0 ? (
                <p data-testid="version-same">{m.sameAsInForce(current.version)}</p>
              ) : (
                <div className="table-wrap">
                  <table className="data-table" data-testid="version-diff">
                    <caption>{m.compareCaption(opened.version, current.version)}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{m.field}</th>
                        <th scope="col">{m.thisVersion(opened.version)}</th>
                        <th scope="col">{m.inForceVersion(current.version)}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {changes.map((c) => (
                        <tr key={c.path} data-testid="version-change" data-path={c.path}>
                          <th scope="row">{label(c.path) === c.path ? <code>{c.path}</code> : label(c.path)}</th>
                          <td>{formatLeaf(c.shown, c.path, lang, m.absent)}</td>
                          <td>{formatLeaf(c.current, c.path, lang, m.absent)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              <details>
                <summary>{m.wholeVersion}</summary>
                <pre className="small" data-testid="version-document">
                  {JSON.stringify(opened.document, null, 2)}
                </pre>
              </details>
            </>
          )}
          <p>
            {opened.document && !openedIsCurrent && (
              <>
                <button
                  type="button"
                  className="btn btn--small btn--primary"
                  onClick={() => {
                    if (!opened.document) return;
                    onRestore(opened.document);
                    setRestored({ version: opened.version, over: currentVersion });
                  }}
                >
                  {m.restore}
                </button>{' '}
              </>
            )}
            <button type="button" className="btn btn--small" onClick={() => setOpened(null)}>
              {m.closeVersion(opened.version)}
            </button>
          </p>
        </section>
      )}
      <div role="status" aria-live="polite" className="status-line" data-testid={`${kind}-history-status`}>
        {restored != null && restored.over === currentVersion && <p className="notice">{m.restored(restored.version)}</p>}
      </div>
    </section>
  );
}
