import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FocusEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { call, ifMatch, rest, type Schemas, send } from '../../api/client';
import { hgwKeys, type Overview, type OverviewRow } from '../../api/hgw';
import { isProblem } from '../../api/problem';
import { ProblemAlert } from '../../components/States';
import { formatShortDate } from '../../lib/dates';
import { resultsFor, resultText, signalTone } from '../../lib/hgw';
import { fullName, listName } from '../../lib/names';
import type { TextColumn } from './OverviewGrid';
import { SignalDialog } from './SignalDialog';

type Field = TextColumn | 'instruction_level';
type Draft = Partial<Record<Field, string>>;
type RowUpdate = Schemas['RowUpdate'];
const LEVELS = ['independent', 'sensitive', 'dependent'] as const;

function serverValue(row: OverviewRow, field: Field): string {
  return row[field] ?? '';
}

/** One student's row. Cells edit a local draft; leaving the row saves what changed, with the
 * row's version as If-Match, so a colleague's change in the meantime is never overwritten. */
export function OverviewRowView({
  overview,
  row,
  texts,
  onDirtyChange,
}: {
  overview: Overview;
  row: OverviewRow;
  texts: TextColumn[];
  onDirtyChange: (studentId: string, dirty: boolean) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const name = fullName(row);
  const [draft, setDraft] = useState<Draft>({});
  const [conflict, setConflict] = useState(false);
  // The version the next save sends: the last one this row saved, or a newer one read since.
  const version = useRef(row.version);
  useEffect(() => {
    version.current = Math.max(version.current, row.version);
  }, [row.version]);

  const changes = (Object.keys(draft) as Field[]).filter((f) => draft[f] !== serverValue(row, f));
  const save = useMutation({
    // One save per row at a time: a second one waits, and then sends the new version.
    scope: { id: `overview-row-${overview.id}-${row.student_id}` },
    mutationFn: (body: RowUpdate) =>
      call(
        rest.PATCH('/api/v1/overviews/{overview_id}/rows/{student_id}', {
          params: {
            path: { overview_id: overview.id, student_id: row.student_id },
            header: ifMatch(version.current),
          },
          body,
        }),
      ),
    onSuccess: (saved, body) => {
      version.current = saved.version;
      queryClient.setQueryData<Overview>(hgwKeys.overview(overview.id), (old) =>
        old
          ? {
              ...old,
              rows: old.rows.map((r) =>
                r.student_id === saved.student_id ? { ...r, ...saved } : r,
              ),
            }
          : old,
      );
      setConflict(false);
      // Drop what was saved; a cell typed in again during the save stays a change.
      setDraft((d) => {
        const left = { ...d };
        for (const [field, sent] of Object.entries(body) as [Field, string | null][]) {
          if (left[field] === (sent ?? '')) delete left[field];
        }
        return left;
      });
    },
    onError: (error) => {
      // A colleague saved this row first: load their version; what was typed stays in the cells.
      if (isProblem(error, 412)) {
        setConflict(true);
        void queryClient.invalidateQueries({ queryKey: hgwKeys.overview(overview.id) });
      }
    },
  });

  // Set in the blur handler itself, so a link clicked right after leaving the row is not held
  // up by the unsaved-changes guard while the save is under way.
  const [saving, setSaving] = useState(false);
  const dirty = changes.length > 0 && !saving;
  useEffect(() => {
    onDirtyChange(row.student_id, dirty);
  }, [dirty, onDirtyChange, row.student_id]);
  useEffect(() => () => onDirtyChange(row.student_id, false), [onDirtyChange, row.student_id]);

  const saveRow = () => {
    if (changes.length === 0) return;
    const body: RowUpdate = {};
    for (const f of changes) {
      const value = draft[f] ?? '';
      if (f === 'instruction_level') body[f] = (value || null) as RowUpdate['instruction_level'];
      else body[f] = value;
    }
    setSaving(true);
    save.mutate(body, { onSettled: () => setSaving(false) });
  };
  const onRowBlur = (event: FocusEvent<HTMLTableRowElement>) => {
    if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
    if (!conflict && overview.editable) saveRow();
  };
  const set = (field: Field, value: string) => setDraft((d) => ({ ...d, [field]: value }));
  const revert = (field: Field) =>
    setDraft((d) => {
      const { [field]: _undone, ...left } = d;
      return left;
    });
  const columnCount = 5 + overview.test_domains.length + texts.length;

  return (
    <>
      <tr className={conflict ? 'grid-row conflict' : 'grid-row'} onBlur={onRowBlur}>
        <th scope="row" className="sticky-col">
          <Link to={`/leerlingen/${row.student_id}`} title={listName(row)}>
            {name}
          </Link>
          <span className="row-status" role="status">
            {save.isPending
              ? t('overview.saving')
              : save.isSuccess && !dirty
                ? t('overview.saved')
                : ''}
          </span>
        </th>
        {overview.test_domains.map((domain) => (
          <ResultCell key={domain} row={row} domain={domain} />
        ))}
        <SeoCell overview={overview} row={row} />
        <SignalsCell overview={overview} row={row} />
        <td>
          <NeedsCell overview={overview} row={row} />
        </td>
        <td>
          {overview.editable ? (
            <select
              aria-label={t('overview.cellLabel', {
                column: t('overview.columns.instruction_level'),
                name,
              })}
              value={draft.instruction_level ?? serverValue(row, 'instruction_level')}
              onChange={(e) => set('instruction_level', e.target.value)}
            >
              <option value="">–</option>
              {LEVELS.map((level) => (
                <option key={level} value={level}>
                  {t(`hgw.instructionLevel.${level}`)}
                </option>
              ))}
            </select>
          ) : row.instruction_level ? (
            t(`hgw.instructionLevel.${row.instruction_level}`)
          ) : null}
        </td>
        {texts.map((field) => (
          <td key={field} className="text-col">
            {row[field] === null ? (
              <span className="muted">{t('overview.notForYou')}</span>
            ) : overview.editable ? (
              <>
                <textarea
                  className="cell-input"
                  rows={2}
                  aria-label={t('overview.cellLabel', {
                    column: t(`overview.columns.${field}`),
                    name,
                  })}
                  aria-describedby="grid-keys"
                  value={draft[field] ?? serverValue(row, field)}
                  onChange={(e) => set(field, e.target.value)}
                  onKeyDown={(e) => cellKeys(e, () => revert(field))}
                />
                {conflict &&
                draft[field] !== undefined &&
                draft[field] !== serverValue(row, field) ? (
                  <p className="theirs">
                    {t('overview.theirs', { text: serverValue(row, field) || '–' })}
                  </p>
                ) : null}
              </>
            ) : (
              <span className="cell-text">{row[field]}</span>
            )}
          </td>
        ))}
      </tr>
      {conflict || (save.isError && !isProblem(save.error, 401)) ? (
        <tr className="row-message">
          <td colSpan={columnCount}>
            {conflict ? (
              <div className="alert alert-warning" role="alert">
                <p className="alert-title">{t('overview.conflict')}</p>
                <p>{t('overview.conflictHelp', { name })}</p>
                <div className="form-actions">
                  <button type="button" className="button primary" onClick={saveRow}>
                    {t('overview.keepMine')}
                  </button>
                  <button
                    type="button"
                    className="button secondary"
                    onClick={() => {
                      setDraft({});
                      setConflict(false);
                    }}
                  >
                    {t('overview.takeTheirs')}
                  </button>
                </div>
              </div>
            ) : (
              <ProblemAlert error={save.error} onRetry={saveRow} />
            )}
          </td>
        </tr>
      ) : null}
    </>
  );
}

/** Enter: the same cell of the next student (Shift+Enter: a new line); Escape: undo the cell. */
function cellKeys(event: KeyboardEvent<HTMLTextAreaElement>, revert: () => void) {
  if (event.key === 'Escape') {
    event.preventDefault();
    revert();
    return;
  }
  if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
  event.preventDefault();
  const cell = event.currentTarget.closest('td');
  let next = cell?.parentElement?.nextElementSibling;
  while (next && !next.classList.contains('grid-row')) next = next.nextElementSibling;
  const target = (next as HTMLTableRowElement | null)?.cells[cell?.cellIndex ?? -1];
  const input = target?.querySelector<HTMLElement>('textarea, select, input');
  if (input) input.focus();
  else event.currentTarget.blur();
}

function ResultCell({ row, domain }: { row: OverviewRow; domain: string }) {
  const { t, i18n } = useTranslation();
  const [latest, ...earlier] = resultsFor(row.results, 'test', domain);
  if (!latest) return <td className="result-col muted">–</td>;
  const history = earlier
    .map((r) => `${formatShortDate(r.taken_on, i18n.language)}: ${resultText(r)}`)
    .join(', ');
  return (
    <td
      className={latest.below_minimum ? 'result-col below-minimum' : 'result-col'}
      title={history ? t('overview.earlier', { list: history }) : undefined}
    >
      <span className="result">{resultText(latest)}</span>
      {latest.below_minimum ? (
        <span className="below-marker">{t('overview.belowMinimum')}</span>
      ) : null}
      <span className="result-date">{formatShortDate(latest.taken_on, i18n.language)}</span>
    </td>
  );
}

function SeoCell({ overview, row }: { overview: Overview; row: OverviewRow }) {
  const { t } = useTranslation();
  const seo = row.results.filter((r) => r.kind === 'seo');
  const domains = overview.seo_categories.length
    ? overview.seo_categories
    : [...new Set(seo.map((r) => r.domain))];
  const shown = domains
    .map((domain) => resultsFor(seo, 'seo', domain)[0])
    .filter((r) => r !== undefined);
  if (shown.length === 0) return <td className="muted">–</td>;
  return (
    <td>
      <ul className="plain-list compact">
        {shown.map((r) => (
          <li key={r.id} className={r.below_minimum ? 'below-minimum' : undefined}>
            {r.domain}: {resultText(r)}
            {r.below_minimum ? (
              <span className="below-marker">{t('overview.belowMinimum')}</span>
            ) : null}
          </li>
        ))}
      </ul>
    </td>
  );
}

function SignalsCell({ overview, row }: { overview: Overview; row: OverviewRow }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const name = fullName(row);
  const [signalling, setSignalling] = useState(false);
  const withdraw = useMutation({
    mutationFn: (signalId: string) =>
      send(
        rest.DELETE('/api/v1/signals/{signal_id}', { params: { path: { signal_id: signalId } } }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: hgwKeys.overview(overview.id) }),
  });
  return (
    <td className="signals-col">
      {withdraw.isError ? <ProblemAlert error={withdraw.error} /> : null}
      <ul className="chips">
        {row.signals.map((s) => {
          const label = t(`hgw.signalCategory.${s.category}`);
          return (
            <li
              key={s.id}
              className={`chip chip-${signalTone(s.category)}`}
              title={s.note || undefined}
            >
              {label}
              {s.confirmed_at ? (
                <span className="chip-note"> · {t('overview.confirmed')}</span>
              ) : null}
              {overview.editable && !s.confirmed_at ? (
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={t('overview.withdrawSignal', { category: label, name })}
                  disabled={withdraw.isPending}
                  onClick={() => withdraw.mutate(s.id)}
                >
                  ×
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
      {overview.editable ? (
        <button
          type="button"
          className="button small secondary"
          aria-label={t('overview.signalFor', { name })}
          onClick={() => setSignalling(true)}
        >
          {t('overview.signal')}
        </button>
      ) : null}
      <SignalDialog
        open={signalling}
        overviewId={overview.id}
        studentId={row.student_id}
        name={name}
        onClose={() => setSignalling(false)}
      />
    </td>
  );
}

function NeedsCell({ overview, row }: { overview: Overview; row: OverviewRow }) {
  const { t } = useTranslation();
  const name = fullName(row);
  const base = `/leerlingen/${row.student_id}/onderwijsbehoeften`;
  return (
    <>
      {row.needs.length > 0 ? (
        <ul className="plain-list compact">
          {row.needs.map((need) => (
            <li key={need.id}>
              <Link to={`${base}/${need.id}?overzicht=${overview.id}`}>
                {need.goals[0]?.text ?? t(`hgw.domain.${need.domain}`)}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      {overview.editable ? (
        <Link
          className="button small secondary"
          to={`${base}/nieuw?overzicht=${overview.id}`}
          aria-label={t('overview.addNeedFor', { name })}
        >
          {t('overview.addNeed')}
        </Link>
      ) : null}
    </>
  );
}
