import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  type ActionOption,
  type CaseRead,
  type RegistrationKind,
  type RouteDefinition,
  type ScreeningIn,
  useCareRoute,
  useCase,
  useStaff,
} from '../../api/cases';
import { useStudentRecord } from '../../api/hgw';
import { isProblem } from '../../api/problem';
import { FormDialog } from '../../components/FormDialog';
import { Page } from '../../components/Page';
import { ProblemAlert, Skeleton } from '../../components/States';
import { UnsavedChangesGuard } from '../../components/UnsavedChangesGuard';
import { SCREENING_OUTCOME, type ScreeningAction } from '../../lib/care';
import { useSession } from '../../session/useMe';
import { NotFoundPage } from '../NotFoundPage';
import { Day, Detail, Moment, Overdue, useDirtyForms } from './bits';
import { CaseActions, type OpenForm } from './CaseActions';
import { Consents, ReferralForm, Referrals, SwvRequestForm, SwvRequests } from './CaseExternal';
import { CaseFileForm, CaseFileView } from './CaseFileForm';
import { ActionItems, Conversations, Interventions } from './CaseFollowUp';
import { CaseTimeline, ClosureView, Discussions } from './CaseTimeline';
import { RegistrationSection } from './RegistrationForm';
import { ScreeningSection } from './ScreeningForm';

/** Casus (zorgtraject): who and where in the route; the next steps with what each still needs;
 * the case file, the registration form of the current state (`registration_kind`) and its
 * screening; conversations,
 * consents, discussions, action items, interventions, referrals, SWV arrangements; closure and
 * the timeline. The API decides what you see and may do (`editable`, `allowed`). */
export function CasePage() {
  const { caseId = '' } = useParams();
  const query = useCase(caseId);
  if (query.isPending) return <Skeleton lines={10} />;
  if (query.isError) {
    if (isProblem(query.error, 404) || isProblem(query.error, 422))
      return <NotFoundPage what="case" />;
    return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  }
  return <CaseView key={query.data.id} c={query.data} />;
}

type Dialog = { kind: 'swv' | 'referral'; option: ActionOption } | null;

function CaseView({ c }: { c: CaseRead }) {
  const { t } = useTranslation('care');
  const route = useCareRoute(c.route_id);
  const definition = route.data?.definition;
  // The student record only for the guardians a consent names.
  const student = useStudentRecord(c.student_id);
  // The case's own school (a zorgcoördinator may be working in another one just now); an
  // external partner reads the case through a grant and has no board.
  const school = useSession().schools.find(
    (s) => s.id === c.school_id && s.roles.some((r) => r !== 'external_partner'),
  );
  const staff = useStaff(c.school_id, c.editable);
  const [dirty, reportDirty] = useDirtyForms();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [screening, setScreening] = useState<{
    outcome: ScreeningIn['outcome'];
    at: number;
  } | null>(null);
  const kind = c.registration_kind;

  const openForm: OpenForm = (formKind, option) => {
    if (formKind === 'screen')
      setScreening({
        outcome: SCREENING_OUTCOME[option.action as ScreeningAction],
        at: Date.now(),
      });
    else setDialog({ kind: formKind, option });
  };

  return (
    <Page
      title={t('case.title', { name: c.student_name })}
      lead={<CaseLead c={c} definition={definition} />}
    >
      <UnsavedChangesGuard dirty={dirty} />
      <p className="meta">
        <Link to={`/leerlingen/${c.student_id}`}>
          {t('case.toStudent', { name: c.student_name })}
        </Link>
        {school ? (
          <>
            {' · '}
            <Link to={`/scholen/${school.id}/zorg?route=${c.route_key}`}>{t('case.toBoard')}</Link>
          </>
        ) : null}
      </p>
      {route.isError ? <ProblemAlert error={route.error} /> : null}
      {c.closed_at ? (
        <p className="alert alert-info">
          {c.closure_provisional ? t('case.closedProvisionally') : t('case.closed')}
        </p>
      ) : !c.editable ? (
        <p className="alert alert-info">{t('case.readOnly')}</p>
      ) : null}
      <div className="stack">
        <CaseFacts c={c} />
        <CaseActions c={c} openForm={openForm} />
        <ClosureView c={c} />
        {c.editable ? (
          <CaseFileForm c={c} staff={staff.data} reportDirty={reportDirty} />
        ) : (
          <CaseFileView c={c} />
        )}
        {registrationKinds(c, kind).map((k) => (
          <RegistrationSection
            key={k}
            c={c}
            kind={k}
            current={k === kind}
            reportDirty={reportDirty}
          />
        ))}
        <ScreeningSection c={c} kind={kind} preset={screening} />
        <Conversations c={c} />
        <Consents c={c} student={student.data} />
        <Discussions c={c} />
        <ActionItems c={c} />
        <Interventions c={c} />
        <Referrals c={c} open={(o) => openForm('referral', o)} />
        <SwvRequests c={c} open={(o) => openForm('swv', o)} />
        <CaseTimeline c={c} definition={definition} />
      </div>
      <FormDialog
        open={dialog !== null}
        title={dialog?.option.label ?? ''}
        onClose={() => setDialog(null)}
      >
        {dialog?.kind === 'swv' ? (
          <SwvRequestForm c={c} option={dialog.option} onDone={() => setDialog(null)} />
        ) : dialog?.kind === 'referral' ? (
          <ReferralForm c={c} option={dialog.option} onDone={() => setDialog(null)} />
        ) : null}
      </FormDialog>
    </Page>
  );
}

/** The form of the current state first, then earlier forms (read-only), ZAT before IZO. */
function registrationKinds(c: CaseRead, current: RegistrationKind | null): RegistrationKind[] {
  const kinds = new Set<RegistrationKind>(current ? [current] : []);
  for (const r of [...c.registrations].sort((a, b) => b.kind.localeCompare(a.kind)))
    kinds.add(r.kind);
  return [...kinds];
}

function CaseLead({ c, definition }: { c: CaseRead; definition: RouteDefinition | undefined }) {
  const { t } = useTranslation('care');
  const level = definition?.levels.find((l) => l.key === c.level)?.name ?? c.level;
  return (
    <>
      {[definition?.name ?? c.route_key, level].filter(Boolean).join(' · ')}{' '}
      <span className={c.closed_at ? 'status status-closed' : 'status'}>{c.state_name}</span>
      {c.complexity === 'complex' ? (
        <>
          {' '}
          <span className="status status-complex">{t('complexity.complex')}</span>
        </>
      ) : null}
    </>
  );
}

/** Who the case is about and who works on it, the dates that matter. */
function CaseFacts({ c }: { c: CaseRead }) {
  const { t } = useTranslation('care');
  return (
    <section className="panel case-facts" aria-label={t('case.facts')}>
      <dl className="details">
        <Detail term={t('case.state')}>
          {c.state_name} ({t('case.since')} <Moment iso={c.state_since} />)
        </Detail>
        <Detail term={t('case.groups')}>{c.group_names.join(', ')}</Detail>
        <Detail term={t('case.mentors')}>{c.mentors.join(', ') || t('board.noMentor')}</Detail>
        <Detail term={t('case.coordinator')}>
          {c.coordinator?.name ?? t('board.noCoordinator')}
        </Detail>
        <Detail term={t('case.registrant')}>{c.registrant_name}</Detail>
        <Detail term={t('case.opened')}>
          <Moment iso={c.opened_at} /> · {t(`case.origin.${c.origin}`)}
        </Detail>
        <Detail term={t('case.evaluationOn')}>
          {c.evaluation_on ? <Day iso={c.evaluation_on} /> : null}
        </Detail>
        <Detail term={t('case.nextDeadline')}>
          {c.next_deadline ? (
            <>
              {c.next_deadline_label ? `${c.next_deadline_label}: ` : ''}
              <Day iso={c.next_deadline} />
              {c.overdue ? (
                <>
                  {' '}
                  <Overdue />
                </>
              ) : null}
            </>
          ) : null}
        </Detail>
      </dl>
    </section>
  );
}
