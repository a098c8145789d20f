import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Complexity,
  type SupportProfile,
  type SupportProfileWrite,
  useSaveSupportProfile,
} from '../../api/gifted';
import { formatShortDate } from '../../lib/dates';
import { errorsByPointer } from '../../lib/hgw';
import { Check, Choice, Detail, Failure, FormButtons, TextArea, TextInput } from '../care/bits';

const COMPLEXITIES: readonly Complexity[] = ['none', 'light', 'moderate', 'complex'];

/** The support profile: signalled, underachievement suspected, complexity, and "dubbel
 * bijzonder" only for who may see it (the API sends null otherwise). Edited with If-Match. */
export function ProfileSection({
  studentId,
  profile,
  mayEdit,
}: {
  studentId: string;
  profile: SupportProfile;
  mayEdit: boolean;
}) {
  const { t, i18n } = useTranslation('gifted');
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const yesNo = (on: boolean) => (on ? t('common.yes') : t('common.no'));
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('profile.title')}</h2>
      {saved && !editing ? (
        <p className="alert alert-success" role="status">
          {t('profile.saved')}
        </p>
      ) : null}
      {editing ? (
        <ProfileForm
          studentId={studentId}
          profile={profile}
          onDone={(didSave) => {
            setEditing(false);
            setSaved(didSave);
          }}
        />
      ) : (
        <>
          {profile.version === 0 ? <p className="muted">{t('profile.notSaved')}</p> : null}
          <dl className="details">
            <Detail term={t('profile.signalled')}>
              {yesNo(profile.signalled_gifted)}
              {profile.signalled_on
                ? ` (${formatShortDate(profile.signalled_on, i18n.language)})`
                : ''}
            </Detail>
            <Detail term={t('profile.underachievement')}>
              {yesNo(profile.underachievement_suspected)}
            </Detail>
            {profile.twice_exceptional !== null ? (
              <Detail term={t('profile.twiceExceptional')}>
                {yesNo(profile.twice_exceptional)}
                {profile.twice_exceptional_note ? `: ${profile.twice_exceptional_note}` : ''}
              </Detail>
            ) : null}
            <Detail term={t('profile.complexity')}>
              {t(`profile.complexities.${profile.complexity}`)}
            </Detail>
          </dl>
          {mayEdit ? (
            <button
              type="button"
              className="button secondary"
              onClick={() => {
                setSaved(false);
                setEditing(true);
              }}
            >
              {t('profile.edit')}
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}

function ProfileForm({
  studentId,
  profile,
  onDone,
}: {
  studentId: string;
  profile: SupportProfile;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation('gifted');
  const save = useSaveSupportProfile(studentId);
  const seesRestricted = profile.twice_exceptional !== null;
  const [signalled, setSignalled] = useState(profile.signalled_gifted);
  const [signalledOn, setSignalledOn] = useState(profile.signalled_on ?? '');
  const [under, setUnder] = useState(profile.underachievement_suspected);
  const [twice, setTwice] = useState(profile.twice_exceptional ?? false);
  const [twiceNote, setTwiceNote] = useState(profile.twice_exceptional_note ?? '');
  const [complexity, setComplexity] = useState<Complexity>(profile.complexity);
  const errors = errorsByPointer(save.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: SupportProfileWrite = {
      signalled_gifted: signalled,
      signalled_on: signalled ? signalledOn || null : null,
      underachievement_suspected: under,
      complexity,
      // Dubbel bijzonder only by who may see it (the API refuses it from others).
      ...(seesRestricted
        ? { twice_exceptional: twice, twice_exceptional_note: twice ? twiceNote.trim() : '' }
        : {}),
    };
    save.mutate({ version: profile.version, body }, { onSuccess: () => onDone(true) });
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      <Failure error={save.error} />
      <Check label={t('profile.signalled')} checked={signalled} onChange={setSignalled} />
      {signalled ? (
        <TextInput
          type="date"
          label={t('profile.signalledOn')}
          value={signalledOn}
          onChange={setSignalledOn}
          error={errors['/signalled_on']}
        />
      ) : null}
      <Check label={t('profile.underachievement')} checked={under} onChange={setUnder} />
      {seesRestricted ? (
        <fieldset className="fieldset">
          <legend>{t('profile.twiceExceptional')}</legend>
          <p className="hint">{t('profile.twiceExceptionalHint')}</p>
          <Check label={t('profile.twiceExceptional')} checked={twice} onChange={setTwice} />
          {twice ? (
            <TextArea
              label={t('profile.twiceExceptionalNote')}
              value={twiceNote}
              onChange={setTwiceNote}
              error={errors['/twice_exceptional_note']}
            />
          ) : null}
        </fieldset>
      ) : null}
      <Choice
        label={t('profile.complexity')}
        value={complexity}
        options={COMPLEXITIES.map((c) => [c, t(`profile.complexities.${c}`)] as const)}
        onChange={(c) => c && setComplexity(c)}
        error={errors['/complexity']}
      />
      <FormButtons
        pending={save.isPending}
        save={t('profile.save')}
        onCancel={() => onDone(false)}
      />
    </form>
  );
}
