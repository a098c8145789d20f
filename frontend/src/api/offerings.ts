/** Query and mutation hooks of the gifted-education offerings ((hoog)begaafdheid): the school's
 * catalogue and the SWV's regional offerings, applications (aanmeldingen) with the admission
 * committee's queue and ordered waitlist, enrolments (deelnames) with their reviews and exit,
 * and an offering's participants and impact. Writes on a versioned record send `If-Match`; a
 * 412 reloads what it was about, so the page shows the new version while what the user typed
 * stays in the form (as in `cases.ts`). */
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, ifMatch, rest, type Schemas } from './client';
import { giftedKeys } from './gifted';
import { isProblem, reloadOnConflict } from './problem';

export type Term = Schemas['Term'];
export type GiftedVocabulary = Schemas['GiftedVocabulary'];
export type Offering = Schemas['OfferingRead'];
export type OfferingWrite = Schemas['OfferingWrite'];
export type OfferingCatalogue = Schemas['OfferingCatalogue'];
export type OfferingGoal = Schemas['OfferingGoal'];
export type OfferingKind = Offering['kind'];
export type Setting = Offering['setting'];
export type Duration = Offering['duration'];
export type ApplicationRoute = Offering['application_routes'][number];
export type CommitteeMember = Schemas['CommitteeMember'];
export type Application = Schemas['ApplicationRead'];
export type ApplicationStatus = Application['status'];
export type ApplicationUpdate = Schemas['ApplicationUpdate'];
export type ApplicationDecide = Schemas['ApplicationDecide'];
export type Decision = ApplicationDecide['decision'];
export type ApplicationQueue = Schemas['ApplicationQueue'];
export type Observation = Schemas['ObservationRead'];
export type NeedsIntake = Schemas['NeedsIntakeRead'];
export type StudentGifted = Schemas['StudentGifted'];
export type Enrolment = Schemas['zorgroute__gifted__schemas__EnrolmentRead'];
export type EnrolmentCreate = Schemas['EnrolmentCreate'];
export type EnrolmentUpdate = Schemas['EnrolmentUpdate'];
export type EnrolmentGoal = Schemas['EnrolmentGoal'];
export type EnrolmentGoalIn = Schemas['EnrolmentGoalIn'];
export type StamschoolAgreements = Schemas['StamschoolAgreements'];
export type InClassPlan = Schemas['InClassPlan'];
export type Review = Schemas['ReviewRead'];
export type ReviewIn = Schemas['ReviewIn'];
export type GoalProgress = Schemas['GoalProgressIn']['progress'];
export type ReviewDecision = ReviewIn['decision'];
export type ExitIn = Schemas['ExitIn'];
export type ExitReason = ExitIn['reason'];
export type OfferingImpact = Schemas['OfferingImpact'];
export type ConstructChange = Schemas['ConstructChange'];

export const offeringKeys = {
  // Own keys (not shared with the student's gifted page): each module owns what it caches.
  catalogues: ['offering-catalogue'] as const,
  catalogue: (schoolId: string, includeArchived: boolean) =>
    ['offering-catalogue', schoolId, { includeArchived }] as const,
  offering: (offeringId: string) => ['offering', offeringId] as const,
  queue: (offeringId: string) => ['offering-queue', offeringId] as const,
  enrolments: (offeringId: string) => ['offering-enrolments', offeringId] as const,
  impact: (offeringId: string) => ['offering-impact', offeringId] as const,
  application: (applicationId: string) => ['application', applicationId] as const,
  enrolment: (enrolmentId: string) => ['enrolment', enrolmentId] as const,
};

// -- reads ------------------------------------------------------------------------------------

export function useOfferingCatalogue(schoolId: string, includeArchived = false, enabled = true) {
  return useQuery({
    queryKey: offeringKeys.catalogue(schoolId, includeArchived),
    queryFn: () =>
      call(
        rest.GET('/api/v1/schools/{school_id}/offerings', {
          params: { path: { school_id: schoolId }, query: { include_archived: includeArchived } },
        }),
      ),
    enabled: enabled && schoolId !== '',
  });
}

export function useOffering(offeringId: string | null | undefined) {
  return useQuery({
    queryKey: offeringKeys.offering(offeringId ?? ''),
    queryFn: () =>
      call(
        rest.GET('/api/v1/offerings/{offering_id}', {
          params: { path: { offering_id: offeringId ?? '' } },
        }),
      ),
    enabled: Boolean(offeringId),
  });
}

export function useApplicationQueue(offeringId: string) {
  return useQuery({
    queryKey: offeringKeys.queue(offeringId),
    queryFn: () =>
      call(
        rest.GET('/api/v1/offerings/{offering_id}/applications', {
          params: { path: { offering_id: offeringId } },
        }),
      ),
  });
}

export function useOfferingEnrolments(offeringId: string) {
  return useQuery({
    queryKey: offeringKeys.enrolments(offeringId),
    queryFn: () =>
      call(
        rest.GET('/api/v1/offerings/{offering_id}/enrolments', {
          params: { path: { offering_id: offeringId } },
        }),
      ),
  });
}

export function useOfferingImpact(offeringId: string) {
  return useQuery({
    queryKey: offeringKeys.impact(offeringId),
    queryFn: () =>
      call(
        rest.GET('/api/v1/offerings/{offering_id}/impact', {
          params: { path: { offering_id: offeringId } },
        }),
      ),
  });
}

export function useApplication(applicationId: string | null | undefined) {
  return useQuery({
    queryKey: offeringKeys.application(applicationId ?? ''),
    queryFn: () =>
      call(
        rest.GET('/api/v1/applications/{application_id}', {
          params: { path: { application_id: applicationId ?? '' } },
        }),
      ),
    enabled: Boolean(applicationId),
  });
}

export function useEnrolment(enrolmentId: string) {
  return useQuery({
    queryKey: offeringKeys.enrolment(enrolmentId),
    queryFn: () =>
      call(
        rest.GET('/api/v1/offering-enrolments/{enrolment_id}', {
          params: { path: { enrolment_id: enrolmentId } },
        }),
      ),
  });
}

/** The student's gifted records: the application form links one of its needs intakes. */
export function useStudentNeedsIntakes(studentId: string | null | undefined, enabled = true) {
  return useQuery({
    queryKey: giftedKeys.student(studentId ?? ''),
    queryFn: () =>
      call(
        rest.GET('/api/v1/students/{student_id}/gifted', {
          params: { path: { student_id: studentId ?? '' } },
        }),
      ),
    select: (gifted: StudentGifted) => gifted.needs_intakes,
    enabled: enabled && Boolean(studentId),
  });
}

// -- writes -----------------------------------------------------------------------------------

interface Versioned<B> {
  version: number;
  body: B;
}

/** Places and waitlists change with every decision, enrolment and exit; so do the student's
 * gifted page and the HB overview (applications, offerings, goals, exits). */
function refreshOffering(queryClient: QueryClient, offeringId: string | null | undefined) {
  void queryClient.invalidateQueries({ queryKey: offeringKeys.catalogues });
  void queryClient.invalidateQueries({ queryKey: giftedKeys.students });
  void queryClient.invalidateQueries({ queryKey: giftedKeys.overviews });
  if (!offeringId) return;
  void queryClient.invalidateQueries({ queryKey: offeringKeys.offering(offeringId) });
  void queryClient.invalidateQueries({ queryKey: offeringKeys.queue(offeringId) });
  void queryClient.invalidateQueries({ queryKey: offeringKeys.enrolments(offeringId) });
}

export function useCreateOffering(schoolId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OfferingWrite) =>
      call(
        rest.POST('/api/v1/schools/{school_id}/offerings', {
          params: { path: { school_id: schoolId } },
          body,
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(offeringKeys.offering(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: offeringKeys.catalogues });
    },
  });
}

export function useUpdateOffering(offeringId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, body }: Versioned<OfferingWrite>) =>
      call(
        rest.PUT('/api/v1/offerings/{offering_id}', {
          params: { path: { offering_id: offeringId }, header: ifMatch(version) },
          body,
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(offeringKeys.offering(saved.id), saved);
      refreshOffering(queryClient, saved.id);
    },
    onError: (error: Error) => {
      if (isProblem(error, 412)) refreshOffering(queryClient, offeringId);
    },
  });
}

/** The committee saves the whole waitlist in its new order; the answer is the new queue. */
export function useOrderWaitlist(offeringId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (applicationIds: string[]) =>
      call(
        rest.PUT('/api/v1/offerings/{offering_id}/waitlist', {
          params: { path: { offering_id: offeringId } },
          body: { application_ids: applicationIds },
        }),
      ),
    onSuccess: (queue) => queryClient.setQueryData(offeringKeys.queue(offeringId), queue),
  });
}

/** A write on an application: the page shows the answer at once; the queue and the catalogue
 * (places, waitlist) are read again. */
function useApplicationWrite<V>(
  applicationId: string,
  request: (vars: V) => Promise<Application>,
  offeringId?: string,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (saved) => {
      queryClient.setQueryData(offeringKeys.application(saved.id), saved);
      refreshOffering(queryClient, saved.offering_id ?? offeringId);
      if (saved.student_id)
        void queryClient.invalidateQueries({
          queryKey: giftedKeys.student(saved.student_id),
        });
    },
    onError: (error: Error) => {
      reloadOnConflict(queryClient, offeringKeys.application(applicationId))(error);
      if (isProblem(error, 412) && offeringId)
        void queryClient.invalidateQueries({ queryKey: offeringKeys.queue(offeringId) });
    },
  });
}

export function useUpdateApplication(applicationId: string) {
  return useApplicationWrite(applicationId, ({ version, body }: Versioned<ApplicationUpdate>) =>
    call(
      rest.PATCH('/api/v1/applications/{application_id}', {
        params: { path: { application_id: applicationId }, header: ifMatch(version) },
        body,
      }),
    ),
  );
}

export function useSubmitApplication(applicationId: string) {
  return useApplicationWrite(
    applicationId,
    ({ version, body }: Versioned<{ route: ApplicationRoute }>) =>
      call(
        rest.POST('/api/v1/applications/{application_id}/submit', {
          params: { path: { application_id: applicationId }, header: ifMatch(version) },
          body,
        }),
      ),
  );
}

export function useWithdrawApplication(applicationId: string) {
  return useApplicationWrite(applicationId, ({ version }: { version: number }) =>
    call(
      rest.POST('/api/v1/applications/{application_id}/withdraw', {
        params: { path: { application_id: applicationId }, header: ifMatch(version) },
      }),
    ),
  );
}

/** The committee's decision on one application of the offering's queue. */
export function useDecideApplication(offeringId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, body }: Versioned<ApplicationDecide> & { id: string }) =>
      call(
        rest.POST('/api/v1/applications/{application_id}/decision', {
          params: { path: { application_id: id }, header: ifMatch(version) },
          body,
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(offeringKeys.application(saved.id), saved);
      refreshOffering(queryClient, offeringId);
    },
    onError: reloadOnConflict(queryClient, offeringKeys.queue(offeringId)),
  });
}

/** Enrol an admitted student; the application now names the enrolment. */
export function useEnrol() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: EnrolmentCreate) => call(rest.POST('/api/v1/offering-enrolments', { body })),
    onSuccess: (saved) => {
      queryClient.setQueryData(offeringKeys.enrolment(saved.id), saved);
      if (saved.application_id)
        void queryClient.invalidateQueries({
          queryKey: offeringKeys.application(saved.application_id),
        });
      refreshOffering(queryClient, saved.offering.id);
    },
  });
}

/** A write on an enrolment that answers with the whole enrolment. */
function useEnrolmentWrite<V>(enrolmentId: string, request: (vars: V) => Promise<Enrolment>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (saved) => {
      queryClient.setQueryData(offeringKeys.enrolment(saved.id), saved);
      refreshOffering(queryClient, saved.offering.id);
      void queryClient.invalidateQueries({ queryKey: offeringKeys.impact(saved.offering.id) });
    },
    onError: reloadOnConflict(queryClient, offeringKeys.enrolment(enrolmentId)),
  });
}

export function useUpdateEnrolment(enrolmentId: string) {
  return useEnrolmentWrite(enrolmentId, ({ version, body }: Versioned<EnrolmentUpdate>) =>
    call(
      rest.PATCH('/api/v1/offering-enrolments/{enrolment_id}', {
        params: { path: { enrolment_id: enrolmentId }, header: ifMatch(version) },
        body,
      }),
    ),
  );
}

export function useReviewEnrolment(enrolmentId: string) {
  return useEnrolmentWrite(enrolmentId, ({ version, body }: Versioned<ReviewIn>) =>
    call(
      rest.POST('/api/v1/offering-enrolments/{enrolment_id}/reviews', {
        params: { path: { enrolment_id: enrolmentId }, header: ifMatch(version) },
        body,
      }),
    ),
  );
}

export function useExitEnrolment(enrolmentId: string) {
  return useEnrolmentWrite(enrolmentId, ({ version, body }: Versioned<ExitIn>) =>
    call(
      rest.POST('/api/v1/offering-enrolments/{enrolment_id}/exit', {
        params: { path: { enrolment_id: enrolmentId }, header: ifMatch(version) },
        body,
      }),
    ),
  );
}
