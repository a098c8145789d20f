import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useStaff } from '../../api/cases';
import { type GiftedVocabulary, type Guidance, useCreateGuidance } from '../../api/gifted';
import { EmptyState } from '../../components/States';
import { formatShortDate } from '../../lib/dates';
import { errorsByPointer, todayIso } from '../../lib/hgw';
import { Choice, Disclosure, Failure, FormButtons, TextArea, TextInput } from '../care/bits';
import { staffChoices } from '../care/CaseFileForm';
import { labelOf } from './bits';

/** The student's guidance periods (begeleidingsperiodes), each linking to its page, and
 * "Nieuwe begeleidingsperiode". */
export function GuidanceList({
  studentId,
  schoolId,
  periods,
  vocabulary,
  mayWrite,
}: {
  studentId: string;
  schoolId: string;
  periods: readonly Guidance[];
  vocabulary: GiftedVocabulary;
  mayWrite: boolean;
}) {
  const { t, i18n } = useTranslation('gifted');
  const id = useId();
  const sorted = [...periods].sort(
    (a, b) =>
      Number(a.status === 'closed') - Number(b.status === 'closed') ||
      b.starts_on.localeCompare(a.starts_on),
  );
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('guidanceList.title')}</h2>
      {sorted.length === 0 ? (
        <EmptyState>{t('guidanceList.empty')}</EmptyState>
      ) : (
        <ul className="plain-list records">
          {sorted.map((p) => (
            <li key={p.id}>
              <p className="record-title">
                <Link to={`/begeleidingsperiodes/${p.id}`}>
                  {t('guidanceList.item', { date: formatShortDate(p.starts_on, i18n.language) })}
                </Link>{' '}
                {p.status === 'closed' ? (
                  <span className="status status-closed">{t('guidanceList.closed')}</span>
                ) : null}
              </p>
              <p className="meta">
                {t('guidanceList.phase', { phase: labelOf(vocabulary.guidance_phases, p.phase) })}
                {p.lead_name ? ` · ${p.lead_name}` : ''}
              </p>
            </li>
          ))}
        </ul>
      )}
      {mayWrite ? (
        <Disclosure label={t('guidanceList.new')}>
          {(close) => <NewGuidanceForm studentId={studentId} schoolId={schoolId} onClose={close} />}
        </Disclosure>
      ) : null}
    </section>
  );
}

function NewGuidanceForm({
  studentId,
  schoolId,
  onClose,
}: {
  studentId: string;
  schoolId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation('gifted');
  const navigate = useNavigate();
  const staff = useStaff(schoolId);
  const create = useCreateGuidance(studentId);
  const [startsOn, setStartsOn] = useState(todayIso());
  const [endsOn, setEndsOn] = useState('');
  const [lead, setLead] = useState('');
  const [every, setEvery] = useState('4');
  const [goal, setGoal] = useState('');
  const errors = errorsByPointer(create.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      {
        student_id: studentId,
        starts_on: startsOn,
        ends_on: endsOn || null,
        lead_staff_id: lead || null,
        checkin_every_weeks: Number(every),
        goals: goal.trim() ? [{ goal: goal.trim(), plan: '', evaluation: '' }] : [],
      },
      { onSuccess: (created) => navigate(`/begeleidingsperiodes/${created.id}`) },
    );
  };

  return (
    <form className="form subform" onSubmit={submit} noValidate>
      <h3 className="subheading">{t('guidanceList.new')}</h3>
      <Failure error={create.error} />
      <div className="form-grid">
        <TextInput
          type="date"
          label={t('guidanceList.startsOn')}
          value={startsOn}
          onChange={setStartsOn}
          required
          error={errors['/starts_on']}
        />
        <TextInput
          type="date"
          label={t('guidanceList.endsOn')}
          value={endsOn}
          onChange={setEndsOn}
          error={errors['/ends_on']}
        />
        <Choice
          label={t('guidanceList.lead')}
          hint={t('guidanceList.leadHint')}
          value={lead}
          options={staffChoices(staff.data, [])}
          empty={t('common.chooseStaff')}
          onChange={setLead}
          error={errors['/lead_staff_id']}
        />
        <Choice
          label={t('guidanceList.checkinEvery')}
          value={every}
          options={Array.from({ length: 12 }, (_, i) => [String(i + 1), String(i + 1)] as const)}
          onChange={(x) => x && setEvery(x)}
          error={errors['/checkin_every_weeks']}
        />
      </div>
      <TextArea
        label={t('guidanceList.firstGoal')}
        value={goal}
        onChange={setGoal}
        error={errors['/goals/0/goal']}
      />
      <FormButtons pending={create.isPending} save={t('guidanceList.create')} onCancel={onClose} />
    </form>
  );
}
