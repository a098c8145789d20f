import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  type BoardColumn,
  type CaseSummary,
  type RouteDefinition,
  type RouteSummary,
  useCareRoute,
  useCareRouteDefinitions,
  useCareRoutes,
  useCaseBoard,
  useCaseRequests,
  useOpenCase,
} from '../../api/cases';
import { isProblem } from '../../api/problem';
import { Page } from '../../components/Page';
import { EmptyState, ProblemAlert, Skeleton } from '../../components/States';
import { registrationRoute } from '../../lib/care';
import type { MySchool } from '../../session/useMe';
import { Day, Overdue } from './bits';
import { NewCaseDialog } from './NewCaseDialog';

/** Zorgbord: the school's cases of one route, a column per state, a card per case you may see
 * (the API filters: a mentor sees their own students' cases). Above it the group-meeting
 * decisions that still wait for a registration. */
export function CareBoardPage({ school }: { school: MySchool }) {
  const { t } = useTranslation('care');
  const routes = useCareRoutes(school.id);
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const all = routes.data ?? [];
  const wanted = params.get('route');
  const selected = all.find((r) => r.key === wanted) ?? all[0];
  const includeClosed = params.get('afgesloten') === '1';
  const definition = useCareRoute(selected?.id).data?.definition;

  const setParam = (key: string, value: string | null) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value === null) next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );

  return (
    <Page
      title={t('board.title')}
      lead={t('board.lead', { school: school.name })}
      actions={
        all.length > 0 ? (
          <button type="button" className="button primary" onClick={() => setCreating(true)}>
            {t('board.newCase')}
          </button>
        ) : null
      }
    >
      <nav className="action-bar care-links" aria-label={t('board.linksLabel')}>
        <Link className="button secondary" to={`/scholen/${school.id}/zorgoverleggen`}>
          {t('board.meetings')}
        </Link>
        <Link className="button secondary" to={`/scholen/${school.id}/zorg/open`}>
          {t('board.open')}
        </Link>
      </nav>
      <CaseRequests school={school} routes={all} />
      {routes.isPending ? (
        <Skeleton lines={6} />
      ) : routes.isError ? (
        <ProblemAlert error={routes.error} onRetry={() => void routes.refetch()} />
      ) : !selected ? (
        <EmptyState>{t('board.noRoutes')}</EmptyState>
      ) : (
        <>
          <div className="toolbar board-toolbar">
            <label className="field inline">
              <span>{t('board.route')}</span>
              <select value={selected.key} onChange={(e) => setParam('route', e.target.value)}>
                {all.map((r) => (
                  <option key={r.key} value={r.key}>
                    {r.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="check">
              <input
                type="checkbox"
                checked={includeClosed}
                onChange={(e) => setParam('afgesloten', e.target.checked ? '1' : null)}
              />
              {t('board.includeClosed')}
            </label>
          </div>
          <Board
            schoolId={school.id}
            routeKey={selected.key}
            includeClosed={includeClosed}
            definition={definition}
          />
        </>
      )}
      <NewCaseDialog
        open={creating}
        school={school}
        routes={all}
        routeKey={selected?.key ?? ''}
        onClose={() => setCreating(false)}
      />
    </Page>
  );
}

function Board({
  schoolId,
  routeKey,
  includeClosed,
  definition,
}: {
  schoolId: string;
  routeKey: string;
  includeClosed: boolean;
  definition: RouteDefinition | undefined;
}) {
  const { t } = useTranslation('care');
  const board = useCaseBoard(schoolId, routeKey, includeClosed);
  if (board.isPending) return <Skeleton lines={6} />;
  if (board.isError)
    return <ProblemAlert error={board.error} onRetry={() => void board.refetch()} />;
  const columns = board.data.columns.filter((col) => includeClosed || !col.closed);
  const total = columns.reduce((n, col) => n + col.cards.length, 0);
  return (
    <section className="board-wrap" aria-labelledby="board-title" aria-busy={board.isFetching}>
      <h2 id="board-title">
        {t('board.columnsTitle', { route: board.data.route.name })}{' '}
        <span className="meta">{t('board.caseCount', { count: total })}</span>
      </h2>
      {/* Scrolls sideways: focusable, so the keyboard scrolls it even without cards in it. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1) */}
      <section className="board" aria-label={t('board.columns')} tabIndex={0}>
        {columns.map((col) => (
          <Column key={col.state} column={col} definition={definition} />
        ))}
      </section>
    </section>
  );
}

function Column({
  column: col,
  definition,
}: {
  column: BoardColumn;
  definition: RouteDefinition | undefined;
}) {
  const { t } = useTranslation('care');
  const id = useId();
  const level = definition?.levels.find((l) => l.key === col.level)?.name;
  return (
    <section className={col.closed ? 'board-column closed' : 'board-column'} aria-labelledby={id}>
      <h3 id={id} className="board-column-title">
        {col.name} <span className="count">({col.cards.length})</span>
      </h3>
      {level ? <p className="meta">{level}</p> : null}
      {col.cards.length === 0 ? (
        <p className="muted">{t('board.emptyColumn')}</p>
      ) : (
        <ul className="plain-list board-cards">
          {col.cards.map((card) => (
            <li key={card.id}>
              <CaseCard card={card} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function CaseCard({ card }: { card: CaseSummary }) {
  const { t } = useTranslation('care');
  return (
    <article
      className={card.overdue ? 'case-card overdue' : 'case-card'}
      aria-label={card.student_name}
    >
      <h4 className="case-card-title">
        <Link to={`/casussen/${card.id}`}>{card.student_name}</Link>
      </h4>
      {card.group_names.length > 0 ? <p className="meta">{card.group_names.join(', ')}</p> : null}
      <p className="meta">
        {card.mentors.length > 0
          ? t('board.mentor', { count: card.mentors.length, names: card.mentors.join(', ') })
          : t('board.noMentor')}
      </p>
      <p className="meta">
        {card.coordinator
          ? t('board.coordinator', { name: card.coordinator.name })
          : t('board.noCoordinator')}
      </p>
      {card.complexity === 'complex' ? (
        <p>
          <span className="status status-complex">{t('complexity.complex')}</span>
        </p>
      ) : null}
      {card.next_deadline ? (
        <p className="case-card-deadline">
          {card.next_deadline_label ?? t('board.deadline')}: <Day iso={card.next_deadline} />
          {card.overdue ? (
            <>
              {' '}
              <Overdue />
            </>
          ) : null}
        </p>
      ) : null}
    </article>
  );
}

/** "Aanmeldingen uit groepsbesprekingen": the group meeting decided to register the student with
 * the care team; "Aanmelding starten" opens the case on the registration entry of the school's
 * route that has one (`open_izo` in the VO route), whichever route the board shows. */
function CaseRequests({ school, routes }: { school: MySchool; routes: readonly RouteSummary[] }) {
  const { t } = useTranslation('care');
  const requests = useCaseRequests(school.id);
  const definitions = useCareRouteDefinitions(routes.map((r) => r.id));
  const open = useOpenCase(school.id);
  const navigate = useNavigate();
  const [startedFor, setStartedFor] = useState<string | null>(null);
  const target = registrationRoute(definitions.map((d) => d.data));
  if (requests.isError && (isProblem(requests.error, 403) || isProblem(requests.error, 404)))
    return null;
  const items = requests.data ?? [];
  if (requests.isSuccess && items.length === 0) return null;

  const start = (decisionId: string, studentId: string) => {
    if (!target) return;
    setStartedFor(decisionId);
    open.mutate(
      {
        student_id: studentId,
        route_key: target.route.key,
        action: target.entry.action,
        origin_decision_id: decisionId,
        reason: '',
      },
      { onSuccess: (opened) => navigate(`/casussen/${opened.id}`) },
    );
  };

  return (
    <section className="panel case-requests" aria-labelledby="case-requests">
      <h2 id="case-requests">{t('requests.title')}</h2>
      <p className="hint">
        {target
          ? t('requests.intro', { step: target.entry.label, route: target.route.name })
          : t('requests.noEntry')}
      </p>
      {open.isError && !isProblem(open.error, 401) ? <ProblemAlert error={open.error} /> : null}
      {requests.isPending ? (
        <Skeleton lines={2} />
      ) : requests.isError ? (
        <ProblemAlert error={requests.error} onRetry={() => void requests.refetch()} />
      ) : (
        <ul className="plain-list records">
          {items.map((r) => (
            <li key={r.decision_id} className="request">
              <div>
                <p className="record-title">
                  <Link to={`/leerlingen/${r.student_id}`}>{r.student_name}</Link>
                </p>
                <p className="meta">
                  {t('requests.from', { group: r.group_name })}
                  {r.held_on ? (
                    <>
                      {' · '}
                      <Day iso={r.held_on} />
                    </>
                  ) : null}
                  {r.note ? ` · ${r.note}` : ''}
                </p>
              </div>
              <button
                type="button"
                className="button secondary"
                disabled={!target || open.isPending}
                aria-label={t('requests.startFor', { name: r.student_name })}
                onClick={() => start(r.decision_id, r.student_id)}
              >
                {open.isPending && startedFor === r.decision_id
                  ? t('common.working')
                  : t('requests.start')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
