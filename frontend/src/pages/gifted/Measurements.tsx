/** The student's measurements (IMAGE-leerlingvragenlijst): a column per wave (T0, T1, …), a
 * row per construct with the change between the first and last wave (descriptive), and a form
 * to add a wave. */
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Measurement, type Term, useRecordMeasurement } from '../../api/gifted';
import { Field } from '../../components/Fields';
import { EmptyState } from '../../components/States';
import { formatShortDate } from '../../lib/dates';
import { measurementTable, nextWave, signed } from '../../lib/gifted';
import { errorsByPointer, todayIso } from '../../lib/hgw';
import { Choice, Disclosure, Failure, FormButtons, TextInput } from '../care/bits';

export function Measurements({
  studentId,
  measurements,
  constructs,
  mayWrite,
}: {
  studentId: string;
  measurements: readonly Measurement[];
  constructs: readonly Term[];
  mayWrite: boolean;
}) {
  const { t, i18n } = useTranslation('gifted');
  const id = useId();
  const { waves, rows } = measurementTable(measurements, constructs);
  const byWave = new Map(measurements.map((m) => [m.wave, m]));
  const number = (x: number) =>
    new Intl.NumberFormat(i18n.language.startsWith('en') ? 'en-GB' : 'nl-NL', {
      maximumFractionDigits: 2,
    }).format(x);
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('measurements.title')}</h2>
      {rows.length === 0 ? (
        <EmptyState>{t('measurements.empty')}</EmptyState>
      ) : (
        <>
          <p className="hint">{t('measurements.intro')}</p>
          <table className="table">
            <caption className="visually-hidden">{t('measurements.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('measurements.construct')}</th>
                {waves.map((w) => {
                  const on = byWave.get(w)?.measured_on;
                  return (
                    <th key={w} scope="col" className="numeric">
                      {on
                        ? t('measurements.waveOn', {
                            wave: w,
                            date: formatShortDate(on, i18n.language),
                          })
                        : t('measurements.wave', { wave: w })}
                    </th>
                  );
                })}
                <th scope="col" className="numeric">
                  {t('measurements.change')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.code}>
                  <th scope="row">{row.label}</th>
                  {row.values.map((v, i) => (
                    <td key={waves[i]} className="numeric">
                      {v === null ? t('common.none') : number(v)}
                    </td>
                  ))}
                  <td className="numeric">
                    {row.change === null ? t('common.none') : signed(row.change, i18n.language)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {mayWrite ? (
        <Disclosure label={t('measurements.add')}>
          {(close) => (
            <MeasurementForm
              studentId={studentId}
              constructs={constructs}
              wave={nextWave(measurements)}
              taken={measurements.map((m) => m.wave)}
              onClose={close}
            />
          )}
        </Disclosure>
      ) : null}
    </section>
  );
}

function MeasurementForm({
  studentId,
  constructs,
  wave: suggested,
  taken,
  onClose,
}: {
  studentId: string;
  constructs: readonly Term[];
  wave: number;
  taken: readonly number[];
  onClose: () => void;
}) {
  const { t } = useTranslation('gifted');
  const id = useId();
  const record = useRecordMeasurement(studentId);
  const [instrument, setInstrument] = useState('IMAGE-leerlingvragenlijst');
  const [wave, setWave] = useState(String(suggested));
  const [measuredOn, setMeasuredOn] = useState(todayIso());
  const [scores, setScores] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<'atLeastOne' | 'outOfRange' | null>(null);
  const errors = errorsByPointer(record.error);
  const waveOptions = Array.from({ length: Math.min(21, suggested + 1) }, (_, w) => w)
    .filter((w) => !taken.includes(w))
    .map((w) => [String(w), t('measurements.waveOption', { wave: w })] as const);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const filled = Object.entries(scores)
      .filter(([, text]) => text.trim() !== '')
      .map(([code, text]) => [code, Number(text.replace(',', '.'))] as const);
    const wrong = filled.some(([, x]) => !Number.isFinite(x) || x < 1 || x > 5);
    const next = filled.length === 0 ? 'atLeastOne' : wrong ? 'outOfRange' : null;
    setProblem(next);
    if (next) {
      document.getElementById(`${id}-scores`)?.focus();
      return;
    }
    record.mutate(
      {
        instrument: instrument.trim() || 'IMAGE-leerlingvragenlijst',
        wave: Number(wave),
        measured_on: measuredOn,
        scores: Object.fromEntries(filled),
      },
      { onSuccess: onClose },
    );
  };

  return (
    <form className="form subform" onSubmit={submit} noValidate>
      <Failure error={record.error} />
      <div className="form-grid">
        <TextInput
          label={t('measurements.instrument')}
          value={instrument}
          onChange={setInstrument}
          error={errors['/instrument']}
        />
        <Choice
          label={t('measurements.waveLabel')}
          value={wave}
          options={waveOptions}
          onChange={(w) => w && setWave(w)}
          error={errors['/wave']}
        />
        <TextInput
          type="date"
          label={t('measurements.measuredOn')}
          value={measuredOn}
          onChange={setMeasuredOn}
          required
          error={errors['/measured_on']}
        />
      </div>
      <fieldset className="fieldset" id={`${id}-scores`} tabIndex={-1}>
        <legend>{t('measurements.scoresLegend')}</legend>
        {problem ? (
          <p className="field-error" role="alert">
            {t(`measurements.${problem}`)}
          </p>
        ) : null}
        <div className="form-grid">
          {constructs.map((c) => (
            <Field key={c.code} label={c.label} error={errors[`/scores/${c.code}`]}>
              {(control) => (
                <input
                  {...control}
                  type="number"
                  inputMode="decimal"
                  min={1}
                  max={5}
                  step={0.1}
                  value={scores[c.code] ?? ''}
                  onChange={(e) => setScores((s) => ({ ...s, [c.code]: e.target.value }))}
                />
              )}
            </Field>
          ))}
        </div>
      </fieldset>
      <FormButtons pending={record.isPending} save={t('measurements.save')} onCancel={onClose} />
    </form>
  );
}
