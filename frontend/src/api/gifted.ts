/** Query and mutation hooks of gifted education ((hoog)begaafdheid): the vocabulary, a
 * student's gifted page and instruments (observation, self-assessment, needs intake), the
 * support profile, guidance periods, measurements, keuze-uren and the HB overview. Writes on a
 * versioned record send `If-Match`; a 412 reloads what it was about, so the page shows the new
 * version while what the user typed stays in the form. (The offerings catalogue, applications,
 * committees and enrolments have their own hooks.) */
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { caseKeys } from './cases';
import { call, ifMatch, rest, type Schemas } from './client';
import { reloadOnConflict } from './problem';

export type Term = Schemas['Term'];
export type GiftedVocabulary = Schemas['GiftedVocabulary'];
export type StudentGifted = Schemas['StudentGifted'];
export type Observation = Schemas['ObservationRead'];
export type ObservationIn = Schemas['ObservationIn'];
export type Recommendation = ObservationIn['recommendation'];
export type FollowUp = Schemas['FollowUp'];
export type SelfAssessment = Schemas['SelfAssessmentRead'];
export type SelfAssessmentIn = Schemas['SelfAssessmentIn'];
/** One of the 14 executive skills (the vocabulary's codes). */
export type Skill = SelfAssessmentIn['strengths'][number];
export type SkillComparison = Schemas['SkillComparison'];
export type NeedsIntake = Schemas['NeedsIntakeRead'];
export type IntakeSection = Schemas['IntakeSection'];
export type IntakeSectionIn = Schemas['IntakeSectionIn'];
export type Informant = IntakeSection['informant'];
export type SupportProfile = Schemas['SupportProfileRead'];
export type SupportProfileWrite = Schemas['SupportProfileWrite'];
export type Complexity = SupportProfile['complexity'];
export type GiftedCaseIn = Schemas['GiftedCaseIn'];
export type GiftedOverview = Schemas['GiftedOverview'];
export type GiftedStudentRow = Schemas['GiftedStudentRow'];
export type OfferingCatalogue = Schemas['OfferingCatalogue'];
export type Offering = Schemas['OfferingRead'];
export type Application = Schemas['ApplicationRead'];
export type Enrolment = Schemas['zorgroute__gifted__schemas__EnrolmentRead'];
export type Measurement = Schemas['MeasurementRead'];
export type MeasurementIn = Schemas['MeasurementIn'];
export type Guidance = Schemas['GuidanceRead'];
export type GuidanceCreate = Schemas['GuidanceCreate'];
export type GuidanceUpdate = Schemas['GuidanceUpdate'];
export type GuidancePhase = Guidance['phase'];
export type PortfolioGoal = Schemas['PortfolioGoal'];
export type PortfolioGoalIn = Schemas['PortfolioGoalIn'];
export type AgreementIn = Schemas['AgreementIn'];
export type Differentiation = Guidance['differentiation'][number];
export type Checkin = Schemas['CheckinRead'];
export type CheckinIn = Schemas['CheckinIn'];
export type MonitoringNoteIn = Schemas['MonitoringNoteIn'];
export type ChoiceHour = Schemas['ChoiceHourRead'];
export type ChoiceHourCreate = Schemas['ChoiceHourCreate'];
export type ChoiceHourDecision = Schemas['ChoiceHourDecision'];
export type ChoiceActivity = ChoiceHour['activity_kind'];
export type ChoiceHourPolicy = Schemas['ChoiceHourPolicyRead'];
export type ChoiceHourPolicyWrite = Schemas['ChoiceHourPolicyWrite'];
export type Attendance = NonNullable<ChoiceHour['attendance']>;

export const giftedKeys = {
  vocabulary: ['gifted-vocabulary'] as const,
  /** Every student's gifted page: an offering write (application, enrolment) changes one. */
  students: ['gifted-student'] as const,
  student: (studentId: string) => ['gifted-student', studentId] as const,
  /** Every school's overview: a write on a student changes its row. */
  overviews: ['gifted-overview'] as const,
  overview: (schoolId: string) => ['gifted-overview', schoolId] as const,
  guidance: (periodId: string) => ['gifted-guidance', periodId] as const,
  policy: (schoolId: string) => ['choice-hour-policy', schoolId] as const,
  /** Every list of keuze-uren (the teacher's, the school's). */
  choiceHourLists: ['choice-hours'] as const,
  choiceHours: (schoolId: string, mine: boolean) => ['choice-hours', schoolId, { mine }] as const,
};

interface Versioned<B> {
  version: number;
  body: B;
}

// -- reads ------------------------------------------------------------------------------------

/** The instruments' wording in Dutch (skills, guiding questions, recommendations, intake
 * questions, constructs, phases): the same for everyone, read once. */
export function useGiftedVocabulary() {
  return useQuery({
    queryKey: giftedKeys.vocabulary,
    queryFn: () => call(rest.GET('/api/v1/gifted/vocabulary')),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useStudentGifted(studentId: string) {
  return useQuery({
    queryKey: giftedKeys.student(studentId),
    queryFn: () =>
      call(
        rest.GET('/api/v1/students/{student_id}/gifted', {
          params: { path: { student_id: studentId } },
        }),
      ),
  });
}

export function useGiftedOverview(schoolId: string) {
  return useQuery({
    queryKey: giftedKeys.overview(schoolId),
    queryFn: () =>
      call(
        rest.GET('/api/v1/schools/{school_id}/gifted-overview', {
          params: { path: { school_id: schoolId } },
        }),
      ),
  });
}

export function useGuidance(periodId: string) {
  return useQuery({
    queryKey: giftedKeys.guidance(periodId),
    queryFn: () =>
      call(
        rest.GET('/api/v1/guidance-periods/{period_id}', {
          params: { path: { period_id: periodId } },
        }),
      ),
  });
}

export function useChoiceHourPolicy(schoolId: string) {
  return useQuery({
    queryKey: giftedKeys.policy(schoolId),
    queryFn: () =>
      call(
        rest.GET('/api/v1/schools/{school_id}/choice-hour-policy', {
          params: { path: { school_id: schoolId } },
        }),
      ),
  });
}

/** The school's keuze-uren; `mine`: only the lessons I teach (a subject teacher's list). */
export function useChoiceHours(schoolId: string, mine: boolean, enabled = true) {
  return useQuery({
    queryKey: giftedKeys.choiceHours(schoolId, mine),
    queryFn: () =>
      call(
        rest.GET('/api/v1/schools/{school_id}/choice-hours', {
          params: { path: { school_id: schoolId }, query: { mine } },
        }),
      ),
    enabled,
  });
}

// -- writes -----------------------------------------------------------------------------------

/** What shows a student's gifted records: their page and the overviews. */
function refreshStudent(queryClient: QueryClient, studentId: string) {
  void queryClient.invalidateQueries({ queryKey: giftedKeys.student(studentId) });
  void queryClient.invalidateQueries({ queryKey: giftedKeys.overviews });
}

/** A write that changes something on the student's gifted page. */
function useStudentWrite<V, T>(studentId: string, request: (vars: V) => Promise<T>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => refreshStudent(queryClient, studentId),
    onError: reloadOnConflict(queryClient, giftedKeys.student(studentId)),
  });
}

/** The observation instrument; the answer says what its recommendation started. */
export function useRecordObservation(studentId: string) {
  return useStudentWrite(studentId, (body: ObservationIn) =>
    call(
      rest.POST('/api/v1/students/{student_id}/observations', {
        params: { path: { student_id: studentId } },
        body,
      }),
    ),
  );
}

export function useRecordSelfAssessment(studentId: string) {
  return useStudentWrite(studentId, (body: SelfAssessmentIn) =>
    call(
      rest.POST('/api/v1/students/{student_id}/self-assessments', {
        params: { path: { student_id: studentId } },
        body,
      }),
    ),
  );
}

export function useCreateIntake(studentId: string) {
  return useStudentWrite(studentId, () =>
    call(
      rest.POST('/api/v1/students/{student_id}/needs-intakes', {
        params: { path: { student_id: studentId } },
      }),
    ),
  );
}

/** One informant's answers of a needs intake, with If-Match of the intake. */
export function useSaveIntakeSection(studentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      intakeId,
      informant,
      version,
      body,
    }: Versioned<IntakeSectionIn> & { intakeId: string; informant: Informant }) =>
      call(
        rest.PUT('/api/v1/needs-intakes/{intake_id}/sections/{informant}', {
          params: { path: { intake_id: intakeId, informant }, header: ifMatch(version) },
          body,
        }),
      ),
    onSuccess: (saved) => {
      // The saved intake replaces its old self at once (a next section sends its new version).
      queryClient.setQueryData<StudentGifted>(giftedKeys.student(studentId), (old) =>
        old
          ? {
              ...old,
              needs_intakes: old.needs_intakes.map((i) => (i.id === saved.id ? saved : i)),
            }
          : old,
      );
      refreshStudent(queryClient, studentId);
    },
    onError: reloadOnConflict(queryClient, giftedKeys.student(studentId)),
  });
}

/** The support profile (dubbel bijzonder is restricted): If-Match of the profile ("v0" before
 * it was first saved). */
export function useSaveSupportProfile(studentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, body }: Versioned<SupportProfileWrite>) =>
      call(
        rest.PUT('/api/v1/students/{student_id}/support-profile', {
          params: { path: { student_id: studentId }, header: ifMatch(version) },
          body,
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData<StudentGifted>(giftedKeys.student(studentId), (old) =>
        old ? { ...old, profile: saved } : old,
      );
      refreshStudent(queryClient, studentId);
    },
    onError: reloadOnConflict(queryClient, giftedKeys.student(studentId)),
  });
}

/** A complex gifted case into the case routing (the answer is the new case). */
export function useOpenGiftedCase(studentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: GiftedCaseIn) =>
      call(
        rest.POST('/api/v1/students/{student_id}/gifted-case', {
          params: { path: { student_id: studentId } },
          body,
        }),
      ),
    onSuccess: (opened) => {
      queryClient.setQueryData(caseKeys.case(opened.id), opened);
      void queryClient.invalidateQueries({ queryKey: caseKeys.boards });
      void queryClient.invalidateQueries({ queryKey: caseKeys.studentCases(studentId) });
      refreshStudent(queryClient, studentId);
    },
  });
}

export function useRecordMeasurement(studentId: string) {
  return useStudentWrite(studentId, (body: MeasurementIn) =>
    call(
      rest.POST('/api/v1/students/{student_id}/measurements', {
        params: { path: { student_id: studentId } },
        body,
      }),
    ),
  );
}

// -- guidance periods -------------------------------------------------------------------------

export function useCreateGuidance(studentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: GuidanceCreate) => call(rest.POST('/api/v1/guidance-periods', { body })),
    onSuccess: (created) => {
      queryClient.setQueryData(giftedKeys.guidance(created.id), created);
      refreshStudent(queryClient, studentId);
    },
  });
}

/** A write that answers with the whole period: the page shows it at once. */
function useGuidanceWrite<V>(periodId: string, request: (vars: V) => Promise<Guidance>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (saved) => {
      queryClient.setQueryData(giftedKeys.guidance(saved.id), saved);
      refreshStudent(queryClient, saved.student_id);
    },
    onError: reloadOnConflict(queryClient, giftedKeys.guidance(periodId)),
  });
}

export function useUpdateGuidance(periodId: string) {
  return useGuidanceWrite(periodId, ({ version, body }: Versioned<GuidanceUpdate>) =>
    call(
      rest.PATCH('/api/v1/guidance-periods/{period_id}', {
        params: { path: { period_id: periodId }, header: ifMatch(version) },
        body,
      }),
    ),
  );
}

/** "Volgende fase": the API takes the phases in order and names what is missing. */
export function useAdvancePhase(periodId: string) {
  return useGuidanceWrite(
    periodId,
    ({ version, phase }: { version: number; phase: GuidancePhase }) =>
      call(
        rest.POST('/api/v1/guidance-periods/{period_id}/phase', {
          params: { path: { period_id: periodId }, header: ifMatch(version) },
          body: { phase },
        }),
      ),
  );
}

export function useAddMonitoring(periodId: string) {
  return useGuidanceWrite(periodId, ({ version, body }: Versioned<MonitoringNoteIn>) =>
    call(
      rest.POST('/api/v1/guidance-periods/{period_id}/monitoring', {
        params: { path: { period_id: periodId }, header: ifMatch(version) },
        body,
      }),
    ),
  );
}

export function useAddCheckin(periodId: string) {
  return useGuidanceWrite(periodId, ({ version, body }: Versioned<CheckinIn>) =>
    call(
      rest.POST('/api/v1/guidance-periods/{period_id}/checkins', {
        params: { path: { period_id: periodId }, header: ifMatch(version) },
        body,
      }),
    ),
  );
}

export function useCloseGuidance(periodId: string) {
  return useGuidanceWrite(periodId, ({ version }: { version: number }) =>
    call(
      rest.POST('/api/v1/guidance-periods/{period_id}/close', {
        params: { path: { period_id: periodId }, header: ifMatch(version) },
      }),
    ),
  );
}

// -- keuze-uren -------------------------------------------------------------------------------

/** The school's policy: If-Match of what was read ("v0" while the school has none). */
export function useSaveChoiceHourPolicy(schoolId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, body }: Versioned<ChoiceHourPolicyWrite>) =>
      call(
        rest.PUT('/api/v1/schools/{school_id}/choice-hour-policy', {
          params: { path: { school_id: schoolId }, header: ifMatch(version) },
          body,
        }),
      ),
    onSuccess: (saved) => queryClient.setQueryData(giftedKeys.policy(schoolId), saved),
    onError: reloadOnConflict(queryClient, giftedKeys.policy(schoolId)),
  });
}

function useChoiceHourWrite<V>(request: (vars: V) => Promise<ChoiceHour>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: giftedKeys.choiceHourLists }),
    onError: reloadOnConflict(queryClient, giftedKeys.choiceHourLists),
  });
}

export function useRequestChoiceHour() {
  return useChoiceHourWrite((body: ChoiceHourCreate) =>
    call(rest.POST('/api/v1/choice-hours', { body })),
  );
}

/** "Akkoord" / "Niet akkoord": the subject teacher's decision (a test always declines). */
export function useDecideChoiceHour() {
  return useChoiceHourWrite(
    ({ id, version, body }: Versioned<ChoiceHourDecision> & { id: string }) =>
      call(
        rest.POST('/api/v1/choice-hours/{request_id}/decision', {
          params: { path: { request_id: id }, header: ifMatch(version) },
          body,
        }),
      ),
  );
}

export function useMarkAttendance() {
  return useChoiceHourWrite(
    ({ id, version, attendance }: { id: string; version: number; attendance: Attendance }) =>
      call(
        rest.POST('/api/v1/choice-hours/{request_id}/attendance', {
          params: { path: { request_id: id }, header: ifMatch(version) },
          body: { attendance },
        }),
      ),
  );
}

/** "Gecontroleerd": the HB-specialist or mentor checked the student was where they said. */
export function useCheckChoiceHour() {
  return useChoiceHourWrite(({ id, version }: { id: string; version: number }) =>
    call(
      rest.POST('/api/v1/choice-hours/{request_id}/check', {
        params: { path: { request_id: id }, header: ifMatch(version) },
      }),
    ),
  );
}

export function useCancelChoiceHour() {
  return useChoiceHourWrite(({ id, version }: { id: string; version: number }) =>
    call(
      rest.POST('/api/v1/choice-hours/{request_id}/cancel', {
        params: { path: { request_id: id }, header: ifMatch(version) },
      }),
    ),
  );
}
