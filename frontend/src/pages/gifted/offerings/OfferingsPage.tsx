import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Offering, useOfferingCatalogue } from '../../../api/offerings';
import { Page } from '../../../components/Page';
import { EmptyState, ProblemAlert, Skeleton } from '../../../components/States';
import {
  callerOnCommittee,
  mayEditOfferings,
  runsOfferings,
  staffIdAt,
} from '../../../lib/offerings';
import { type MySchool, useSession } from '../../../session/useMe';
import { Check } from '../../care/bits';
import { OfferingDialog } from './OfferingForm';
import { OfferingFacts, OfferingGoals, useVocabulary } from './parts';

/** "Onderwijsaanbod (hoog)begaafdheid": the school's own offerings and the SWV's regional
 * offerings open to the school, as cards; HB staff, care leads and leadership record and edit
 * the school's own. */
export function OfferingsPage({ school }: { school: MySchool }) {
  const { t } = useTranslation('offerings');
  const me = useSession();
  const editor = mayEditOfferings(school.roles);
  const [includeArchived, setIncludeArchived] = useState(false);
  const catalogue = useOfferingCatalogue(school.id, includeArchived);
  const [editing, setEditing] = useState<Offering | 'new' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const ownId = useId();
  const regionalId = useId();
  const runs = runsOfferings(school.roles);
  const mayRun = (o: Offering) =>
    runs || editor || callerOnCommittee(o.committee, staffIdAt(me, o.school_id)) !== null;

  return (
    <Page
      title={t('catalogue.title')}
      lead={t('catalogue.lead', { school: school.name })}
      actions={
        editor ? (
          <button
            type="button"
            className="button primary"
            onClick={() => {
              setSaved(null);
              setEditing('new');
            }}
          >
            {t('catalogue.new')}
          </button>
        ) : null
      }
    >
      {saved ? (
        <p className="alert alert-success" role="status">
          {t('catalogue.saved', { name: saved })}
        </p>
      ) : null}
      {editor ? (
        <div className="toolbar">
          <Check
            label={t('catalogue.includeArchived')}
            checked={includeArchived}
            onChange={setIncludeArchived}
          />
        </div>
      ) : null}
      {catalogue.isPending ? (
        <Skeleton lines={6} />
      ) : catalogue.isError ? (
        <ProblemAlert error={catalogue.error} onRetry={() => void catalogue.refetch()} />
      ) : (
        <>
          <section aria-labelledby={ownId} className="page-section">
            <h2 id={ownId}>{t('catalogue.own', { school: school.name })}</h2>
            {catalogue.data.own.length === 0 ? (
              <EmptyState>
                {t('catalogue.emptyOwn')} {editor ? t('catalogue.emptyOwnEditor') : null}
              </EmptyState>
            ) : (
              <ul className="offering-grid">
                {catalogue.data.own.map((o) => (
                  <li key={o.id}>
                    <OfferingCard
                      offering={o}
                      links={mayRun(o)}
                      onEdit={
                        editor
                          ? () => {
                              setSaved(null);
                              setEditing(o);
                            }
                          : undefined
                      }
                    />
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby={regionalId} className="page-section">
            <h2 id={regionalId}>{t('catalogue.regional')}</h2>
            <p className="hint">{t('catalogue.regionalHint')}</p>
            {catalogue.data.regional.length === 0 ? (
              <EmptyState>{t('catalogue.emptyRegional')}</EmptyState>
            ) : (
              <ul className="offering-grid">
                {catalogue.data.regional.map((o) => (
                  <li key={o.id}>
                    <OfferingCard offering={o} showSchool links={false} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
      <OfferingDialog
        open={editing !== null}
        schoolId={school.id}
        offering={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={(o) => {
          setEditing(null);
          setSaved(o.name);
        }}
      />
    </Page>
  );
}

/** One offering: what, where, how long, who teaches, goals, places, routes; links for those who
 * run it (committee queue, participants, outcomes). */
export function OfferingCard({
  offering,
  showSchool = false,
  links,
  onEdit,
}: {
  offering: Offering;
  showSchool?: boolean;
  links: boolean;
  onEdit?: (() => void) | undefined;
}) {
  const { t } = useTranslation('offerings');
  const vocabulary = useVocabulary();
  const titleId = useId();
  return (
    <article className="card offering-card" aria-labelledby={titleId}>
      <h3 id={titleId} className="card-title">
        {offering.name}
        {offering.archived ? (
          <>
            {' '}
            <span className="status status-archived">{t('catalogue.archived')}</span>
          </>
        ) : null}
      </h3>
      <p className="card-meta">
        {vocabulary.kind(offering.kind)}
        {showSchool ? ` · ${offering.school_name}` : ''}
      </p>
      <OfferingFacts offering={offering} />
      <OfferingGoals offering={offering} />
      {offering.is_placement ? <p className="hint">{t('card.placement')}</p> : null}
      {links || onEdit ? (
        <nav className="offering-links" aria-label={t('card.linksLabel', { name: offering.name })}>
          {links ? (
            <>
              <Link to={`/aanbod/${offering.id}/aanmeldingen`}>{t('card.applications')}</Link>
              <Link to={`/aanbod/${offering.id}/deelnemers`}>{t('card.participants')}</Link>
              <Link to={`/aanbod/${offering.id}/deelnemers#opbrengsten`}>{t('card.outcomes')}</Link>
            </>
          ) : null}
          {onEdit ? (
            <button
              type="button"
              className="button link"
              aria-label={t('catalogue.editNamed', { name: offering.name })}
              onClick={onEdit}
            >
              {t('catalogue.edit')}
            </button>
          ) : null}
        </nav>
      ) : null}
    </article>
  );
}
