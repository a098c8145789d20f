import type { TFunction } from 'i18next';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Perspective as Opp, type PerspectiveVersion, usePerspective } from '../../api/hgw';
import { isProblem } from '../../api/problem';
import { EmptyState, ProblemAlert } from '../../components/States';
import { formatDate } from '../../lib/dates';
import { PerspectiveStartForm, PerspectiveVersionForm } from './PerspectiveForms';

type Factor = PerspectiveVersion['factors'][number];
const FACTOR_KINDS: readonly Factor['kind'][] = ['stimulating', 'hindering'];
/** The OPP states that ask for action: shown as a warning (with words, never colour alone). */
const LATE: readonly Opp['state'][] = ['overdue', 'evaluation_overdue'];

/** Ontwikkelingsperspectief (OPP) on the student page: the support, what is due, every version
 * with the student's own view. For the mentor and care staff also the forms to record extra
 * support and to determine a new version. Not for your role (403): nothing at all. */
export function Perspective({
  studentId,
  name,
  mayWrite,
}: {
  studentId: string;
  name: string;
  /** The roles that may write (the API remains the authority). */
  mayWrite: boolean;
}) {
  const { t } = useTranslation();
  const opp = usePerspective(studentId);
  const none = opp.isError && isProblem(opp.error, 404);
  if (opp.isPending) return null; // a role without access would see a flash of a section
  if (opp.isError && !none && (isProblem(opp.error, 403) || isProblem(opp.error, 401))) return null;

  return (
    <section className="panel perspective" aria-labelledby="opp">
      <h2 id="opp">{t('opp.title')}</h2>
      {none ? (
        <>
          <EmptyState>{t('opp.none', { name })}</EmptyState>
          {mayWrite ? <PerspectiveStartForm studentId={studentId} /> : null}
        </>
      ) : opp.isError ? (
        <ProblemAlert error={opp.error} onRetry={() => void opp.refetch()} />
      ) : (
        <PerspectiveView opp={opp.data} name={name} mayWrite={mayWrite} />
      )}
    </section>
  );
}

function PerspectiveView({ opp, name, mayWrite }: { opp: Opp; name: string; mayWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const [saved, setSaved] = useState<number | null>(null);
  const versions = [...opp.versions].sort((a, b) => b.number - a.number);
  const late = LATE.includes(opp.state);
  return (
    <>
      <dl className="details">
        <dt>{t('opp.supportStartedOn')}</dt>
        <dd>{formatDate(opp.support_started_on, i18n.language)}</dd>
        <dt>{t('opp.supportDescription')}</dt>
        <dd className="pre">{opp.support_description}</dd>
        <dt>{t('opp.state')}</dt>
        <dd>
          <span className={late ? 'status status-overdue' : 'status'}>
            {t(`opp.states.${opp.state}`)}
          </span>
        </dd>
        {opp.due_on ? (
          <>
            <dt>{versions.length === 0 ? t('opp.dueOn') : t('opp.evaluateBy')}</dt>
            <dd>{formatDate(opp.due_on, i18n.language)}</dd>
          </>
        ) : null}
        {opp.ended_on ? (
          <>
            <dt>{t('opp.endedOn')}</dt>
            <dd>{formatDate(opp.ended_on, i18n.language)}</dd>
          </>
        ) : null}
      </dl>
      {saved !== null ? (
        <p className="alert alert-success" role="status">
          {t('opp.versionSaved', { number: saved })}
        </p>
      ) : null}
      {mayWrite && opp.state !== 'ended' ? (
        <PerspectiveVersionForm
          opp={opp}
          onSaved={(number) => setSaved(number)}
          onOpen={() => setSaved(null)}
        />
      ) : null}
      <h3 className="subheading">{t('opp.versions')}</h3>
      {versions.length === 0 ? (
        <EmptyState>{t('opp.noVersions')}</EmptyState>
      ) : (
        <ol className="plain-list opp-versions">
          {versions.map((v) => (
            <li key={v.id}>
              <VersionView version={v} name={name} />
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

function VersionView({ version: v, name }: { version: PerspectiveVersion; name: string }) {
  const { t, i18n } = useTranslation();
  const title = t('opp.versionTitle', { number: v.number, kind: t(`opp.kind.${v.kind}`) });
  const texts = [
    ['needs', v.needs],
    ['supportOffered', v.support_offered],
    ['talents', v.talents],
  ] as const;
  return (
    <article className="opp-version" aria-label={title}>
      <h4>{title}</h4>
      <p className="meta">
        {t('opp.versionMeta', {
          date: formatDate(v.determined_on, i18n.language),
          author: v.author_name,
        })}
      </p>
      <dl className="details">
        <dt>{t('opp.expectedOutflow')}</dt>
        <dd>{v.expected_outflow}</dd>
        {v.destination ? (
          <>
            <dt>{t('opp.destination')}</dt>
            <dd>{v.destination}</dd>
          </>
        ) : null}
        {texts
          .filter(([, text]) => text)
          .map(([key, text]) => (
            <Fragment key={key}>
              <dt>{t(`opp.${key}`)}</dt>
              <dd className="pre">{text}</dd>
            </Fragment>
          ))}
        <dt>{t('opp.determinedWith')}</dt>
        <dd>{determinedWith(t, v)}</dd>
      </dl>

      {v.factors.length > 0 ? (
        <div className="opp-factors">
          {FACTOR_KINDS.map((kind) => {
            const factors = v.factors.filter((f) => f.kind === kind);
            if (factors.length === 0) return null;
            return (
              <div key={kind}>
                <h5 className="subheading">{t(`opp.factorKinds.${kind}`)}</h5>
                <ul className="goal-list">
                  {factors.map((f) => (
                    <li key={`${f.locus}${f.text}`}>
                      {f.text} <span className="meta">({t(`opp.locus.${f.locus}`)})</span>
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
        </div>
      ) : null}

      <h5 className="subheading">{t('opp.longTermGoals')}</h5>
      <ul className="goal-list">
        {v.long_term_goals.map((goal) => (
          <li key={goal}>{goal}</li>
        ))}
      </ul>

      {v.yield_expectations.length > 0 ? (
        <>
          <h5 className="subheading">{t('opp.yieldExpectations')}</h5>
          <ul className="goal-list">
            {v.yield_expectations.map((y) => (
              <li key={`${y.subject}${y.horizon}`}>
                <strong>{y.subject}</strong> ({t(`opp.horizon.${y.horizon}`)}): {y.expectation}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h5 className="subheading">{t('opp.studentView')}</h5>
      <figure className="student-words">
        <blockquote>
          <p className="pre">{v.student_view}</p>
        </blockquote>
        <figcaption>{t('opp.studentWords', { name })}</figcaption>
      </figure>
      {v.parents_view ? (
        <>
          <h5 className="subheading">{t('opp.parentsView')}</h5>
          <p className="pre">{v.parents_view}</p>
        </>
      ) : null}
    </article>
  );
}

function determinedWith(
  t: TFunction,
  v: Pick<PerspectiveVersion, 'determined_with_student' | 'determined_with_parents'>,
): string {
  if (v.determined_with_student && v.determined_with_parents) return t('opp.with.both');
  if (v.determined_with_student) return t('opp.with.student');
  if (v.determined_with_parents) return t('opp.with.parents');
  return t('opp.with.neither');
}
