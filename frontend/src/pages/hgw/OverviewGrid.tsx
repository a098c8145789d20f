import { useTranslation } from 'react-i18next';
import type { Overview, OverviewRow } from '../../api/hgw';
import { OverviewRowView } from './OverviewRow';

export const TEXT_COLUMNS = [
  'observations',
  'student_conversation',
  'parent_conversation',
  'strengths',
  'stimulating_factors',
  'hindering_factors',
  'work_attitude',
  'agreements',
  'particulars',
] as const;
export type TextColumn = (typeof TEXT_COLUMNS)[number];

/** The text columns this overview shows: work attitude by school choice, particulars to whom
 * the API shows them (null in every row: not for you). */
export function textColumns(overview: Overview): TextColumn[] {
  return TEXT_COLUMNS.filter((c) => {
    if (c === 'work_attitude') return overview.work_attitude_column;
    if (c === 'particulars') return overview.rows.some((r) => r.particulars !== null);
    return true;
  });
}

/** The grid: a sticky student column, results, signals, needs and the editable text columns. */
export function OverviewGrid({
  overview,
  rows,
  onDirtyChange,
}: {
  overview: Overview;
  rows: OverviewRow[];
  onDirtyChange: (studentId: string, dirty: boolean) => void;
}) {
  const { t } = useTranslation();
  const texts = textColumns(overview);
  return (
    <div className="grid-scroller">
      <table className="table grid">
        <caption className="visually-hidden">
          {t('overview.caption', { group: overview.group_name, period: overview.period_name })}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="sticky-col">
              {t('overview.columns.student')}
            </th>
            {overview.test_domains.map((domain) => (
              <th scope="col" key={domain} className="result-col">
                {domain}
              </th>
            ))}
            <th scope="col">{t('overview.columns.seo')}</th>
            <th scope="col">{t('overview.columns.signals')}</th>
            <th scope="col">{t('overview.columns.needs')}</th>
            <th scope="col">{t('overview.columns.instruction_level')}</th>
            {texts.map((c) => (
              <th scope="col" key={c} className="text-col">
                {t(`overview.columns.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <OverviewRowView
              key={row.student_id}
              overview={overview}
              row={row}
              texts={texts}
              onDirtyChange={onDirtyChange}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
