import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ApiProblem } from './api/problem';
import { RequireSession } from './components/RequireSession';
import { GroupPage } from './pages/GroupPage';
import { GroupsPage } from './pages/GroupsPage';
import { LoginPage } from './pages/LoginPage';
import { MyGroupsPage } from './pages/MyGroupsPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { SessionRestoredPage } from './pages/SessionRestoredPage';
import { StartPage } from './pages/StartPage';
import { StudentPage } from './pages/StudentPage';
import { StudentsPage } from './pages/StudentsPage';
import { type MySchool, rememberSchool, useCurrentSchool } from './session/useMe';

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // Retry only what may pass on a second try: the network and the server's own failures.
        retry: (count, error) =>
          count < 2 &&
          (!(error instanceof ApiProblem) || error.status === 0 || error.status >= 500),
      },
    },
  });
}

/** School-scoped pages (/scholen/:schoolId/...): a school that is not yours is "not found". */
function SchoolPage({ render }: { render: (school: MySchool) => ReactNode }) {
  const school = useCurrentSchool();
  useEffect(() => {
    if (school) rememberSchool(school.id);
  }, [school]);
  if (!school) return <NotFoundPage what="school" />;
  return <>{render(school)}</>;
}

const needEditor = async () => ({
  Component: (await import('./pages/hgw/NeedEditorPage')).NeedEditorPage,
});

export const routes = [
  { path: '/inloggen', element: <LoginPage /> },
  { path: '/sessie-hersteld', element: <SessionRestoredPage /> },
  {
    path: '/',
    element: <RequireSession />,
    children: [
      { index: true, element: <StartPage /> },
      {
        path: 'scholen/:schoolId/mijn-groepen',
        element: <SchoolPage render={(s) => <MyGroupsPage key={s.id} school={s} />} />,
      },
      {
        path: 'scholen/:schoolId/groepen',
        element: <SchoolPage render={(s) => <GroupsPage key={s.id} school={s} />} />,
      },
      {
        path: 'scholen/:schoolId/leerlingen',
        element: <SchoolPage render={(s) => <StudentsPage key={s.id} school={s} />} />,
      },
      // Case routing (zorgroute): the board, what is open, care meetings, a case.
      {
        path: 'scholen/:schoolId/zorg',
        lazy: async () => {
          const { CareBoardPage } = await import('./pages/care/CareBoardPage');
          return {
            element: <SchoolPage render={(s) => <CareBoardPage key={s.id} school={s} />} />,
          };
        },
      },
      {
        path: 'scholen/:schoolId/zorg/open',
        lazy: async () => {
          const { CareDashboardPage } = await import('./pages/care/CareDashboard');
          return {
            element: <SchoolPage render={(s) => <CareDashboardPage key={s.id} school={s} />} />,
          };
        },
      },
      {
        path: 'scholen/:schoolId/zorgoverleggen',
        lazy: async () => {
          const { CareMeetingsPage } = await import('./pages/care/CareMeetingsPage');
          return {
            element: <SchoolPage render={(s) => <CareMeetingsPage key={s.id} school={s} />} />,
          };
        },
      },
      {
        path: 'zorgoverleggen/:meetingId',
        lazy: async () => ({
          Component: (await import('./pages/care/CareMeetingPage')).CareMeetingPage,
        }),
      },
      {
        path: 'casussen/:caseId',
        lazy: async () => ({ Component: (await import('./pages/care/CasePage')).CasePage }),
      },
      // Gifted education: the offerings catalogue, the admission committee, applications,
      // enrolments (deelnames) and an offering's participants and outcomes.
      {
        path: 'scholen/:schoolId/aanbod',
        lazy: async () => {
          const { OfferingsPage } = await import('./pages/gifted/offerings/OfferingsPage');
          return {
            element: <SchoolPage render={(s) => <OfferingsPage key={s.id} school={s} />} />,
          };
        },
      },
      {
        path: 'aanbod/:offeringId/aanmeldingen',
        lazy: async () => ({
          Component: (await import('./pages/gifted/offerings/CommitteeQueuePage'))
            .CommitteeQueuePage,
        }),
      },
      {
        path: 'aanbod/:offeringId/deelnemers',
        lazy: async () => ({
          Component: (await import('./pages/gifted/offerings/ParticipantsPage')).ParticipantsPage,
        }),
      },
      {
        path: 'aanmeldingen/:applicationId',
        lazy: async () => ({
          Component: (await import('./pages/gifted/offerings/ApplicationPage')).ApplicationPage,
        }),
      },
      {
        path: 'deelnames/nieuw',
        lazy: async () => ({
          Component: (await import('./pages/gifted/offerings/EnrolmentNewPage')).EnrolmentNewPage,
        }),
      },
      {
        path: 'deelnames/:enrolmentId',
        lazy: async () => ({
          Component: (await import('./pages/gifted/offerings/EnrolmentPage')).EnrolmentPage,
        }),
      },
      { path: 'groepen/:groupId', element: <GroupPage /> },
      { path: 'leerlingen/:studentId', element: <StudentPage /> },
      // The HGW cycle's screens load when first opened (they are most of the app's code).
      { path: 'leerlingen/:studentId/onderwijsbehoeften/nieuw', lazy: needEditor },
      { path: 'leerlingen/:studentId/onderwijsbehoeften/:needId', lazy: needEditor },
      {
        path: 'groepsoverzichten/:overviewId',
        lazy: async () => ({ Component: (await import('./pages/hgw/OverviewPage')).OverviewPage }),
      },
      {
        path: 'groepsplannen/:planId',
        lazy: async () => ({ Component: (await import('./pages/plans/PlanPage')).PlanPage }),
      },
      {
        path: 'groepsplannen/:planId/afdrukken',
        lazy: async () => ({
          Component: (await import('./pages/plans/PlanPrintPage')).PlanPrintPage,
        }),
      },
      {
        path: 'individuele-plannen/:ihpId',
        lazy: async () => ({
          Component: (await import('./pages/plans/IndividualPlanPage')).IndividualPlanPage,
        }),
      },
      {
        path: 'groepsbesprekingen/:meetingId',
        lazy: async () => ({ Component: (await import('./pages/hgw/MeetingPage')).MeetingPage }),
      },
      // Gifted education ((hoog)begaafdheid): the HB overview, keuze-uren, a student's gifted
      // page and instruments, guidance periods.
      {
        path: 'scholen/:schoolId/begaafdheid',
        lazy: async () => {
          const { GiftedOverviewPage } = await import('./pages/gifted/GiftedOverviewPage');
          return {
            element: <SchoolPage render={(s) => <GiftedOverviewPage key={s.id} school={s} />} />,
          };
        },
      },
      {
        path: 'scholen/:schoolId/keuze-uren',
        lazy: async () => {
          const { ChoiceHoursPage } = await import('./pages/gifted/ChoiceHoursPage');
          return {
            element: <SchoolPage render={(s) => <ChoiceHoursPage key={s.id} school={s} />} />,
          };
        },
      },
      {
        path: 'leerlingen/:studentId/begaafdheid',
        lazy: async () => ({
          Component: (await import('./pages/gifted/StudentGiftedPage')).StudentGiftedPage,
        }),
      },
      {
        path: 'leerlingen/:studentId/observatie',
        lazy: async () => ({
          Component: (await import('./pages/gifted/ObservationPage')).ObservationPage,
        }),
      },
      {
        path: 'leerlingen/:studentId/zelfbeoordeling',
        lazy: async () => ({
          Component: (await import('./pages/gifted/SelfAssessmentPage')).SelfAssessmentPage,
        }),
      },
      {
        path: 'begeleidingsperiodes/:periodId',
        lazy: async () => ({
          Component: (await import('./pages/gifted/GuidancePage')).GuidancePage,
        }),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={createBrowserRouter(routes)} />
    </QueryClientProvider>
  );
}
