/** The needs intakes ("Behoefte van de leerling en inhoud van het onderwijsaanbod"): the
 * student, the teacher or mentor and the parents each answer their own questions. */
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type GiftedVocabulary,
  type Informant,
  type IntakeSection,
  type NeedsIntake,
  useCreateIntake,
  useSaveIntakeSection,
} from '../../api/gifted';
import { EmptyState } from '../../components/States';
import { formatShortDate } from '../../lib/dates';
import { errorsByPointer, todayIso } from '../../lib/hgw';
import { Failure, TextArea, TextInput } from '../care/bits';

const INFORMANTS: readonly Informant[] = ['student', 'teacher', 'parents'];

function answered(section: IntakeSection | undefined): boolean {
  return Boolean(section && Object.values(section.answers).some((a) => a.trim()));
}

export function Intakes({
  studentId,
  intakes,
  vocabulary,
  mayWrite,
}: {
  studentId: string;
  intakes: readonly NeedsIntake[];
  vocabulary: GiftedVocabulary;
  mayWrite: boolean;
}) {
  const { t } = useTranslation('gifted');
  const id = useId();
  const create = useCreateIntake(studentId);
  const [openId, setOpenId] = useState<string | null>(null);
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('intakes.title')}</h2>
      <p className="hint">{t('intakes.intro')}</p>
      <Failure error={create.error} />
      {intakes.length === 0 ? <EmptyState>{t('intakes.empty')}</EmptyState> : null}
      <ul className="plain-list records">
        {intakes.map((intake, i) => {
          const done = INFORMANTS.filter((inf) =>
            answered(intake.sections.find((s) => s.informant === inf)),
          ).length;
          const isOpen = openId === intake.id;
          return (
            <li key={intake.id}>
              <p className="record-title">
                {t('intakes.title')} {intakes.length > 1 ? i + 1 : ''}{' '}
                <span className={intake.complete ? 'status' : 'status status-draft'}>
                  {intake.complete ? t('intakes.complete') : t('intakes.progress', { done })}
                </span>
              </p>
              <button
                type="button"
                className="button secondary"
                aria-expanded={isOpen}
                aria-controls={`${id}-${intake.id}`}
                onClick={() => setOpenId(isOpen ? null : intake.id)}
              >
                {isOpen ? t('intakes.close') : t('intakes.open')}
              </button>
              <div id={`${id}-${intake.id}`}>
                {isOpen
                  ? INFORMANTS.map((informant) => (
                      <IntakeSectionForm
                        key={informant}
                        studentId={studentId}
                        intake={intake}
                        informant={informant}
                        vocabulary={vocabulary}
                        mayWrite={mayWrite}
                      />
                    ))
                  : null}
              </div>
            </li>
          );
        })}
      </ul>
      {mayWrite ? (
        <button
          type="button"
          className="button secondary"
          disabled={create.isPending}
          onClick={() => create.mutate(undefined, { onSuccess: (made) => setOpenId(made.id) })}
        >
          {create.isPending ? t('common.working') : t('intakes.start')}
        </button>
      ) : null}
    </section>
  );
}

/** One informant's part: their questions, who answered and when; saved with If-Match of the
 * intake (a 412 reloads it; what was typed stays). */
function IntakeSectionForm({
  studentId,
  intake,
  informant,
  vocabulary,
  mayWrite,
}: {
  studentId: string;
  intake: NeedsIntake;
  informant: Informant;
  vocabulary: GiftedVocabulary;
  mayWrite: boolean;
}) {
  const { t, i18n } = useTranslation('gifted');
  const id = useId();
  const save = useSaveIntakeSection(studentId);
  const section = intake.sections.find((s) => s.informant === informant);
  const questions = vocabulary.intake_questions[informant] ?? [];
  const [answers, setAnswers] = useState<Record<string, string>>(section?.answers ?? {});
  const [respondent, setRespondent] = useState(section?.respondent ?? '');
  const [answeredOn, setAnsweredOn] = useState(section?.answered_on ?? todayIso());
  const [missing, setMissing] = useState(false);
  const [saved, setSaved] = useState(false);
  const errors = errorsByPointer(save.error);
  const who = t(`intakes.informant.${informant}`);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const empty = !respondent.trim();
    setMissing(empty);
    if (empty) {
      document.getElementById(`${id}-respondent`)?.focus();
      return;
    }
    const body = {
      answers: Object.fromEntries(
        questions.map((q) => [q.code, (answers[q.code] ?? '').trim()] as const),
      ),
      respondent: respondent.trim(),
      answered_on: answeredOn,
    };
    save.mutate(
      { intakeId: intake.id, informant, version: intake.version, body },
      { onSuccess: () => setSaved(true) },
    );
  };

  return (
    <form className="subform form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="subheading">
        {who}
      </h3>
      <p className="meta">
        {section?.answered_on && section.respondent
          ? t('intakes.answered', {
              name: section.respondent,
              date: formatShortDate(section.answered_on, i18n.language),
            })
          : t('intakes.notAnswered')}
      </p>
      <Failure error={save.error} />
      {saved && !save.isPending ? (
        <p className="alert alert-success" role="status">
          {t('intakes.saved', { informant: who })}
        </p>
      ) : null}
      {questions.map((q) => (
        <TextArea
          key={q.code}
          label={q.label}
          value={answers[q.code] ?? ''}
          onChange={(x) => setAnswers((a) => ({ ...a, [q.code]: x }))}
          disabled={!mayWrite}
          error={errors[`/answers/${q.code}`]}
        />
      ))}
      <div className="form-grid">
        <TextInput
          id={`${id}-respondent`}
          label={t('intakes.respondent')}
          hint={t('intakes.respondentHint')}
          value={respondent}
          onChange={setRespondent}
          required
          disabled={!mayWrite}
          error={missing ? t('common.required') : errors['/respondent']}
        />
        <TextInput
          type="date"
          label={t('intakes.answeredOn')}
          value={answeredOn}
          onChange={setAnsweredOn}
          disabled={!mayWrite}
          error={errors['/answered_on']}
        />
      </div>
      {mayWrite ? (
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={save.isPending}>
            {save.isPending ? t('common.saving') : t('intakes.save', { informant: who })}
          </button>
        </div>
      ) : null}
    </form>
  );
}
