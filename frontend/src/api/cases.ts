/** Query and mutation hooks of case routing (zorgroute): routes, the case board, cases with their
 * forms and follow-up, care meetings (IZO, ZAT, leerlingbespreking, OT, MDO) and the care
 * dashboard. Writes on a versioned record send `If-Match`; a 412 reloads what it was about, so
 * the page shows the new version while what the user typed stays in the form. */
import {
  type QueryClient,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { call, ifMatch, rest, type Schemas } from './client';
import { reloadOnConflict } from './problem';

export type RouteSummary = Schemas['RouteSummary'];
export type RouteRead = Schemas['RouteRead'];
export type RouteDefinition = Schemas['RouteDefinition'];
export type RouteTransition = Schemas['Transition'];
export type RouteState = Schemas['State'];
export type CaseBoard = Schemas['CaseBoard'];
export type BoardColumn = Schemas['BoardColumn'];
export type CaseSummary = Schemas['CaseSummary'];
export type CaseRequest = Schemas['CaseRequest'];
export type CaseRead = Schemas['CaseRead'];
export type CaseOpen = Schemas['CaseOpen'];
export type CaseUpdate = Schemas['CaseUpdate'];
export type ActionOption = Schemas['ActionOption'];
export type Factors = Schemas['Factors'];
export type Registration = Schemas['RegistrationRead'];
export type RegistrationForm = Schemas['RegistrationWrite'];
export type RegistrationKind = Registration['kind'];
export type Screening = Schemas['ScreeningRead'];
export type ScreeningIn = Schemas['ScreeningIn'];
export type Conversation = Schemas['ConversationRead'];
export type ConversationIn = Schemas['ConversationIn'];
export type ActionItem = Schemas['ActionItemRead'];
export type ActionItemIn = Schemas['ActionItemIn'];
export type ActionItemUpdate = Schemas['ActionItemUpdate'];
export type Intervention = Schemas['InterventionRead'];
export type InterventionIn = Schemas['InterventionIn'];
export type InterventionUpdate = Schemas['InterventionUpdate'];
export type Referral = Schemas['ReferralRead'];
export type ReferralIn = Schemas['ReferralIn'];
export type ReferralUpdate = Schemas['ReferralUpdate'];
export type SwvRequest = Schemas['SwvRequestRead'];
export type SwvRequestIn = Schemas['SwvRequestIn'];
export type SwvDecisionIn = Schemas['SwvDecisionIn'];
export type Closure = Schemas['ClosureIn'];
export type TransitionIn = Schemas['TransitionIn'];
export type CaseEvent = Schemas['CaseEventRead'];
export type CareMeetingSummary = Schemas['CareMeetingSummary'];
export type CareMeeting = Schemas['CareMeetingRead'];
export type CareMeetingCreate = Schemas['CareMeetingCreate'];
export type CareMeetingUpdate = Schemas['CareMeetingUpdate'];
export type Forum = CareMeeting['forum'];
export type AgendaItem = Schemas['AgendaItemRead'];
export type AgendaItemIn = Schemas['AgendaItemIn'];
export type Member = Schemas['MemberRead'];
export type MemberIn = Schemas['MemberIn'];
export type DiscussionWrite = Schemas['DiscussionWrite'];
export type CasePack = Schemas['CasePack'];
export type CareDashboard = Schemas['CareDashboard'];
export type CareDeadline = Schemas['CareDeadline'];
export type Staff = Schemas['StaffRead'];
export type Consent = Schemas['ConsentRead'];
export type ConsentCreate = Schemas['ConsentCreate'];

export const caseKeys = {
  routes: (schoolId: string) => ['care-routes', schoolId] as const,
  route: (routeId: string) => ['care-route', routeId] as const,
  library: ['care-route-library'] as const,
  /** Every board of every school: a case that moves changes them. */
  boards: ['case-board'] as const,
  board: (schoolId: string, routeKey: string, includeClosed: boolean) =>
    ['case-board', schoolId, routeKey, { includeClosed }] as const,
  requests: (schoolId: string) => ['case-requests', schoolId] as const,
  case: (caseId: string) => ['case', caseId] as const,
  studentCases: (studentId: string) => ['student-cases', studentId] as const,
  meetings: (schoolId: string) => ['care-meetings', schoolId] as const,
  meeting: (meetingId: string) => ['care-meeting', meetingId] as const,
  casePack: (meetingId: string) => ['case-pack', meetingId] as const,
  dashboards: ['care-deadlines'] as const,
  dashboard: (schoolId: string, mine: boolean) => ['care-deadlines', schoolId, { mine }] as const,
  staff: (schoolId: string) => ['staff', schoolId] as const,
  consents: (studentId: string) => ['consents', studentId] as const,
};

// -- reads ------------------------------------------------------------------------------------

export function useCareRoutes(schoolId: string) {
  return useQuery({
    queryKey: caseKeys.routes(schoolId),
    queryFn: () =>
      call(
        rest.GET('/api/v1/schools/{school_id}/care-routes', {
          params: { path: { school_id: schoolId } },
        }),
      ),
  });
}

export function useCareRoute(routeId: string | undefined) {
  return useQuery({
    queryKey: caseKeys.route(routeId ?? ''),
    queryFn: () =>
      call(
        rest.GET('/api/v1/care-routes/{route_id}', {
          params: { path: { route_id: routeId ?? '' } },
        }),
      ),
    enabled: Boolean(routeId),
    staleTime: 10 * 60_000, // a revision never changes; a new one gets a new id
  });
}

/** The definitions of several routes (a school has a handful), in the order given. */
export function useCareRouteDefinitions(routeIds: readonly string[]) {
  return useQueries({
    queries: routeIds.map((routeId) => ({
      queryKey: caseKeys.route(routeId),
      queryFn: () =>
        call(
          rest.GET('/api/v1/care-routes/{route_id}', { params: { path: { route_id: routeId } } }),
        ),
      staleTime: 10 * 60_000,
    })),
  });
}

export function useRouteLibrary(enabled = true) {
  return useQuery({
    queryKey: caseKeys.library,
    queryFn: () => call(rest.GET('/api/v1/care-routes/library')),
    staleTime: Number.POSITIVE_INFINITY,
    enabled,
  });
}

export function useCaseBoard(schoolId: string, routeKey: string, includeClosed = false) {
  return useQuery({
    queryKey: caseKeys.board(schoolId, routeKey, includeClosed),
    queryFn: () =>
      call(
        rest.GET('/api/v1/schools/{school_id}/case-board', {
          params: {
            path: { school_id: schoolId },
            query: { route_key: routeKey, include_closed: includeClosed },
          },
        }),
      ),
    enabled: routeKey !== '',
  });
}

export function useCaseRequests(schoolId: string) {
  return useQuery({
    queryKey: caseKeys.requests(schoolId),
    queryFn: () =>
      call(
        rest.GET('/api/v1/schools/{school_id}/case-requests', {
          params: { path: { school_id: schoolId } },
        }),
      ),
  });
}

export function useCase(caseId: string) {
  return useQuery({
    queryKey: caseKeys.case(caseId),
    queryFn: () =>
      call(rest.GET('/api/v1/cases/{case_id}', { params: { path: { case_id: caseId } } })),
  });
}

export function useStudentCases(studentId: string) {
  return useQuery({
    queryKey: caseKeys.studentCases(studentId),
    queryFn: () =>
      call(
        rest.GET('/api/v1/students/{student_id}/cases', {
          params: { path: { student_id: studentId } },
        }),
      ),
  });
}

export function useCareMeetings(schoolId: string) {
  return useQuery({
    queryKey: caseKeys.meetings(schoolId),
    queryFn: () =>
      call(
        rest.GET('/api/v1/schools/{school_id}/care-meetings', {
          params: { path: { school_id: schoolId } },
        }),
      ),
  });
}

export function useCareMeeting(meetingId: string) {
  return useQuery({
    queryKey: caseKeys.meeting(meetingId),
    queryFn: () =>
      call(
        rest.GET('/api/v1/care-meetings/{meeting_id}', {
          params: { path: { meeting_id: meetingId } },
        }),
      ),
  });
}

export function useCasePack(meetingId: string, enabled = true) {
  return useQuery({
    queryKey: caseKeys.casePack(meetingId),
    queryFn: () =>
      call(
        rest.GET('/api/v1/care-meetings/{meeting_id}/case-pack', {
          params: { path: { meeting_id: meetingId } },
        }),
      ),
    enabled,
  });
}

export function useCareDashboard(schoolId: string, mine: boolean) {
  return useQuery({
    queryKey: caseKeys.dashboard(schoolId, mine),
    queryFn: () =>
      call(
        rest.GET('/api/v1/schools/{school_id}/care-deadlines', {
          params: { path: { school_id: schoolId }, query: { mine } },
        }),
      ),
  });
}

/** All staff of the school (a handful of pages at most), for coordinator and chair pickers. */
export function useStaff(schoolId: string, enabled = true) {
  return useQuery({
    queryKey: caseKeys.staff(schoolId),
    queryFn: async () => {
      const all: Staff[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 20; page += 1) {
        const result = await call(
          rest.GET('/api/v1/schools/{school_id}/staff', {
            params: { path: { school_id: schoolId }, query: { limit: 100, cursor } },
          }),
        );
        all.push(...result.items);
        if (!result.next_cursor) break;
        cursor = result.next_cursor;
      }
      return all;
    },
    enabled: enabled && schoolId !== '',
    staleTime: 5 * 60_000,
  });
}

/** The student's consents (for care-team discussion, ZAT registration, sharing). */
export function useConsents(studentId: string, enabled = true) {
  return useQuery({
    queryKey: caseKeys.consents(studentId),
    queryFn: () =>
      call(
        rest.GET('/api/v1/students/{student_id}/consents', {
          params: { path: { student_id: studentId } },
        }),
      ),
    enabled,
  });
}

// -- writes -----------------------------------------------------------------------------------

/** Lists that show a case: boards, the dashboard, the student's cases. */
function refreshCaseLists(queryClient: QueryClient, studentId?: string) {
  void queryClient.invalidateQueries({ queryKey: caseKeys.boards });
  void queryClient.invalidateQueries({ queryKey: caseKeys.dashboards });
  if (studentId) void queryClient.invalidateQueries({ queryKey: caseKeys.studentCases(studentId) });
}

/** A write that answers with the whole case: the page shows it at once. */
function useCaseWrite<V>(caseId: string, request: (vars: V) => Promise<CaseRead>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (saved) => {
      queryClient.setQueryData(caseKeys.case(saved.id), saved);
      refreshCaseLists(queryClient, saved.student_id);
    },
    onError: reloadOnConflict(queryClient, caseKeys.case(caseId)),
  });
}

/** A write on a part of the case (a conversation, an action item): the saved part replaces its
 * old self in the case at once (so a next save sends its new version), then the case is read
 * again; the write counts as done once it is. */
function useCasePartWrite<V, T>(
  caseId: string,
  request: (vars: V) => Promise<T>,
  patch?: (old: CaseRead, saved: T) => CaseRead,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: async (saved) => {
      if (patch)
        queryClient.setQueryData<CaseRead>(caseKeys.case(caseId), (old) =>
          old ? patch(old, saved) : old,
        );
      refreshCaseLists(queryClient);
      await queryClient.invalidateQueries({ queryKey: caseKeys.case(caseId) });
    },
    onError: reloadOnConflict(queryClient, caseKeys.case(caseId)),
  });
}

/** Replace (or add) a record with an id in a list. */
function upsert<T extends { id: string }>(list: readonly T[], saved: T): T[] {
  return list.some((x) => x.id === saved.id)
    ? list.map((x) => (x.id === saved.id ? saved : x))
    : [...list, saved];
}

export function useOpenCase(schoolId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CaseOpen) =>
      call(
        rest.POST('/api/v1/schools/{school_id}/cases', {
          params: { path: { school_id: schoolId } },
          body,
        }),
      ),
    onSuccess: (opened) => {
      queryClient.setQueryData(caseKeys.case(opened.id), opened);
      refreshCaseLists(queryClient, opened.student_id);
      void queryClient.invalidateQueries({ queryKey: caseKeys.requests(schoolId) });
    },
  });
}

interface Versioned<B> {
  version: number;
  body: B;
}

export function useUpdateCase(caseId: string) {
  return useCaseWrite(caseId, ({ version, body }: Versioned<CaseUpdate>) =>
    call(
      rest.PATCH('/api/v1/cases/{case_id}', {
        params: { path: { case_id: caseId }, header: ifMatch(version) },
        body,
      }),
    ),
  );
}

export function useTransition(caseId: string) {
  return useCaseWrite(caseId, ({ version, body }: Versioned<TransitionIn>) =>
    call(
      rest.POST('/api/v1/cases/{case_id}/transitions', {
        params: { path: { case_id: caseId }, header: ifMatch(version) },
        body,
      }),
    ),
  );
}

/** The IZO or ZAT form: If-Match of the registration once it exists, none the first time. */
export function useSaveRegistration(caseId: string) {
  return useCasePartWrite(
    caseId,
    ({
      kind,
      version,
      body,
    }: {
      kind: RegistrationKind;
      version: number | null;
      body: RegistrationForm;
    }) =>
      call(
        rest.PUT('/api/v1/cases/{case_id}/registrations/{kind}', {
          params: {
            path: { case_id: caseId, kind },
            header: version === null ? {} : ifMatch(version),
          },
          body,
        }),
      ),
    (old, saved) => ({ ...old, registrations: upsert(old.registrations, saved) }),
  );
}

export function useScreen(caseId: string) {
  return useCaseWrite(caseId, ({ version, body }: Versioned<ScreeningIn>) =>
    call(
      rest.POST('/api/v1/cases/{case_id}/screenings', {
        params: { path: { case_id: caseId }, header: ifMatch(version) },
        body,
      }),
    ),
  );
}

export function useAddConversation(caseId: string) {
  return useCasePartWrite(
    caseId,
    (body: ConversationIn) =>
      call(
        rest.POST('/api/v1/cases/{case_id}/conversations', {
          params: { path: { case_id: caseId } },
          body,
        }),
      ),
    (old, saved) => ({ ...old, conversations: upsert(old.conversations, saved) }),
  );
}

export function useAddActionItem(caseId: string) {
  return useCasePartWrite(
    caseId,
    (body: ActionItemIn) =>
      call(
        rest.POST('/api/v1/cases/{case_id}/action-items', {
          params: { path: { case_id: caseId } },
          body,
        }),
      ),
    (old, saved) => ({ ...old, action_items: upsert(old.action_items, saved) }),
  );
}

export function useUpdateActionItem(caseId: string) {
  return useCasePartWrite(
    caseId,
    ({ id, version, body }: Versioned<ActionItemUpdate> & { id: string }) =>
      call(
        rest.PATCH('/api/v1/action-items/{item_id}', {
          params: { path: { item_id: id }, header: ifMatch(version) },
          body,
        }),
      ),
    (old, saved) => ({ ...old, action_items: upsert(old.action_items, saved) }),
  );
}

export function useAddIntervention(caseId: string) {
  return useCasePartWrite(
    caseId,
    (body: InterventionIn) =>
      call(
        rest.POST('/api/v1/cases/{case_id}/interventions', {
          params: { path: { case_id: caseId } },
          body,
        }),
      ),
    (old, saved) => ({ ...old, interventions: upsert(old.interventions, saved) }),
  );
}

export function useUpdateIntervention(caseId: string) {
  return useCasePartWrite(
    caseId,
    ({ id, version, body }: Versioned<InterventionUpdate> & { id: string }) =>
      call(
        rest.PATCH('/api/v1/interventions/{intervention_id}', {
          params: { path: { intervention_id: id }, header: ifMatch(version) },
          body,
        }),
      ),
    (old, saved) => ({ ...old, interventions: upsert(old.interventions, saved) }),
  );
}

/** An external referral: If-Match of the CASE (it is the route's `refer_external` step). */
export function useAddReferral(caseId: string) {
  return useCasePartWrite(
    caseId,
    ({ version, body }: Versioned<ReferralIn>) =>
      call(
        rest.POST('/api/v1/cases/{case_id}/referrals', {
          params: { path: { case_id: caseId }, header: ifMatch(version) },
          body,
        }),
      ),
    (old, saved) => ({ ...old, referrals: upsert(old.referrals, saved) }),
  );
}

export function useUpdateReferral(caseId: string) {
  return useCasePartWrite(
    caseId,
    ({ id, version, body }: Versioned<ReferralUpdate> & { id: string }) =>
      call(
        rest.PATCH('/api/v1/referrals/{referral_id}', {
          params: { path: { referral_id: id }, header: ifMatch(version) },
          body,
        }),
      ),
    (old, saved) => ({ ...old, referrals: upsert(old.referrals, saved) }),
  );
}

/** The SWV arrangement request (the route's `request_swv` step): If-Match of the case. */
export function useRequestSwv(caseId: string) {
  return useCaseWrite(caseId, ({ version, body }: Versioned<SwvRequestIn>) =>
    call(
      rest.POST('/api/v1/cases/{case_id}/swv-requests', {
        params: { path: { case_id: caseId }, header: ifMatch(version) },
        body,
      }),
    ),
  );
}

export function useSwvDecision(caseId: string) {
  return useCasePartWrite(
    caseId,
    ({ id, version, body }: Versioned<SwvDecisionIn> & { id: string }) =>
      call(
        rest.PATCH('/api/v1/swv-requests/{request_id}', {
          params: { path: { request_id: id }, header: ifMatch(version) },
          body,
        }),
      ),
    (old, saved) => ({ ...old, swv_requests: upsert(old.swv_requests, saved) }),
  );
}

export function useRecordConsent(studentId: string, caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ConsentCreate) =>
      call(
        rest.POST('/api/v1/students/{student_id}/consents', {
          params: { path: { student_id: studentId } },
          body,
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: caseKeys.consents(studentId) });
      // Consents are guards of the route's steps.
      void queryClient.invalidateQueries({ queryKey: caseKeys.case(caseId) });
    },
  });
}

// -- care meetings ----------------------------------------------------------------------------

/** A meeting write answers with the meeting; the cases on its agenda may have moved on. */
function useMeetingWrite<V>(meetingId: string, request: (vars: V) => Promise<CareMeeting>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (saved) => {
      queryClient.setQueryData(caseKeys.meeting(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: ['care-meetings'] });
      void queryClient.invalidateQueries({ queryKey: caseKeys.casePack(saved.id) });
      for (const item of saved.agenda)
        void queryClient.invalidateQueries({ queryKey: caseKeys.case(item.case_id) });
      refreshCaseLists(queryClient);
    },
    onError: reloadOnConflict(queryClient, caseKeys.meeting(meetingId)),
  });
}

export function useCreateMeeting(schoolId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CareMeetingCreate) =>
      call(
        rest.POST('/api/v1/schools/{school_id}/care-meetings', {
          params: { path: { school_id: schoolId } },
          body,
        }),
      ),
    onSuccess: (created) => {
      queryClient.setQueryData(caseKeys.meeting(created.id), created);
      void queryClient.invalidateQueries({ queryKey: caseKeys.meetings(schoolId) });
    },
  });
}

export function useUpdateMeeting(meetingId: string) {
  return useMeetingWrite(meetingId, ({ version, body }: Versioned<CareMeetingUpdate>) =>
    call(
      rest.PATCH('/api/v1/care-meetings/{meeting_id}', {
        params: { path: { meeting_id: meetingId }, header: ifMatch(version) },
        body,
      }),
    ),
  );
}

export function useAddAgendaItem(meetingId: string) {
  return useMeetingWrite(meetingId, ({ version, body }: Versioned<AgendaItemIn>) =>
    call(
      rest.POST('/api/v1/care-meetings/{meeting_id}/agenda', {
        params: { path: { meeting_id: meetingId }, header: ifMatch(version) },
        body,
      }),
    ),
  );
}

export function useSendCasePack(meetingId: string) {
  return useMeetingWrite(meetingId, ({ version }: { version: number }) =>
    call(
      rest.POST('/api/v1/care-meetings/{meeting_id}/case-pack', {
        params: { path: { meeting_id: meetingId }, header: ifMatch(version) },
      }),
    ),
  );
}

/** The minutes of one case: If-Match of the agenda item; `then_action` takes the route step. */
export function useSaveDiscussion(meetingId: string) {
  return useMeetingWrite(
    meetingId,
    ({ caseId, version, body }: Versioned<DiscussionWrite> & { caseId: string }) =>
      call(
        rest.PUT('/api/v1/care-meetings/{meeting_id}/discussions/{case_id}', {
          params: { path: { meeting_id: meetingId, case_id: caseId }, header: ifMatch(version) },
          body,
        }),
      ),
  );
}

// -- route administration ---------------------------------------------------------------------

export function useCreateRoute(schoolId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['RouteCreate']) =>
      call(
        rest.POST('/api/v1/schools/{school_id}/care-routes', {
          params: { path: { school_id: schoolId } },
          body,
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: caseKeys.routes(schoolId) }),
  });
}

export function useGrantCase(caseId: string) {
  return useCasePartWrite(caseId, (body: Schemas['CaseGrantIn']) =>
    call(
      rest.POST('/api/v1/cases/{case_id}/grants', {
        params: { path: { case_id: caseId } },
        body,
      }),
    ),
  );
}
