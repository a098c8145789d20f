/** Query hooks of the HGW cycle: overviews, needs, group plans, group meetings, the timeline,
 * what is due, development perspectives (OPP) and individual plans (IHP). */
import { useQuery } from '@tanstack/react-query';
import { call, rest, type Schemas } from './client';

export type Overview = Schemas['OverviewRead'];
export type OverviewRow = Schemas['zorgroute__hgw__schemas__RowRead'];
export type Need = Schemas['NeedRead'];
export type Plan = Schemas['PlanRead'];
export type PlanRow = Schemas['zorgroute__plans__schemas__RowRead'];
export type Meeting = Schemas['MeetingRead'];
export type Deadline = Schemas['DeadlineItem'];
export type Perspective = Schemas['OppRead'];
export type PerspectiveVersion = Schemas['OppVersionRead'];
export type IndividualPlan = Schemas['IhpRead'];
export type StudentRecord = Schemas['StudentRead'];

export const hgwKeys = {
  overviews: (groupId: string) => ['overviews', groupId] as const,
  overview: (id: string) => ['overview', id] as const,
  periods: (schoolId: string) => ['cycle-periods', schoolId] as const,
  needs: (studentId: string) => ['needs', studentId] as const,
  phrases: ['helper-phrases'] as const,
  plan: (id: string) => ['plan', id] as const,
  plans: (schoolId: string) => ['plans', schoolId] as const,
  meeting: (id: string) => ['meeting', id] as const,
  timeline: (studentId: string) => ['timeline', studentId] as const,
  deadlines: (schoolId: string) => ['hgw-deadlines', schoolId] as const,
  perspective: (studentId: string) => ['perspective', studentId] as const,
  individualPlan: (id: string) => ['individual-plan', id] as const,
  /** The REST student (guardians with parental authority); the student page reads GraphQL. */
  studentRecord: (studentId: string) => ['student-record', studentId] as const,
};

export function useOverviews(groupId: string) {
  return useQuery({
    queryKey: hgwKeys.overviews(groupId),
    queryFn: () =>
      call(
        rest.GET('/api/v1/groups/{group_id}/overviews', {
          params: { path: { group_id: groupId } },
        }),
      ),
  });
}

export function useCyclePeriods(schoolId: string, enabled = true) {
  return useQuery({
    queryKey: hgwKeys.periods(schoolId),
    queryFn: () =>
      call(
        rest.GET('/api/v1/schools/{school_id}/cycle-periods', {
          params: { path: { school_id: schoolId } },
        }),
      ),
    enabled,
  });
}

export function useOverview(overviewId: string, enabled = true) {
  return useQuery({
    queryKey: hgwKeys.overview(overviewId),
    queryFn: () =>
      call(
        rest.GET('/api/v1/overviews/{overview_id}', {
          params: { path: { overview_id: overviewId } },
        }),
      ),
    enabled: enabled && overviewId !== '',
  });
}

export function useNeeds(studentId: string) {
  return useQuery({
    queryKey: hgwKeys.needs(studentId),
    queryFn: () =>
      call(
        rest.GET('/api/v1/students/{student_id}/needs', {
          params: { path: { student_id: studentId } },
        }),
      ),
  });
}

export function useHelperPhrases() {
  return useQuery({
    queryKey: hgwKeys.phrases,
    queryFn: () => call(rest.GET('/api/v1/hgw/helper-phrases')),
    staleTime: Number.POSITIVE_INFINITY, // the begrijpwijzer does not change while you work
  });
}

export function usePlan(planId: string, enabled = true) {
  return useQuery({
    queryKey: hgwKeys.plan(planId),
    queryFn: () =>
      call(rest.GET('/api/v1/plans/{plan_id}', { params: { path: { plan_id: planId } } })),
    enabled: enabled && planId !== '',
  });
}

export function usePlans(schoolId: string) {
  return useQuery({
    queryKey: hgwKeys.plans(schoolId),
    queryFn: () =>
      call(
        rest.GET('/api/v1/schools/{school_id}/plans', {
          params: { path: { school_id: schoolId } },
        }),
      ),
  });
}

export function useMeeting(meetingId: string) {
  return useQuery({
    queryKey: hgwKeys.meeting(meetingId),
    queryFn: () =>
      call(
        rest.GET('/api/v1/meetings/{meeting_id}', {
          params: { path: { meeting_id: meetingId } },
        }),
      ),
  });
}

export function useTimeline(studentId: string) {
  return useQuery({
    queryKey: hgwKeys.timeline(studentId),
    queryFn: () =>
      call(
        rest.GET('/api/v1/students/{student_id}/timeline', {
          params: { path: { student_id: studentId } },
        }),
      ),
  });
}

export function useDeadlines(schoolId: string) {
  return useQuery({
    queryKey: hgwKeys.deadlines(schoolId),
    queryFn: () =>
      call(
        rest.GET('/api/v1/schools/{school_id}/hgw-deadlines', {
          params: { path: { school_id: schoolId } },
        }),
      ),
  });
}

/** The student's OPP; a 404 means there is none (a 403: not for your role). */
export function usePerspective(studentId: string) {
  return useQuery({
    queryKey: hgwKeys.perspective(studentId),
    queryFn: () =>
      call(
        rest.GET('/api/v1/students/{student_id}/development-perspective', {
          params: { path: { student_id: studentId } },
        }),
      ),
  });
}

export function useIndividualPlan(ihpId: string) {
  return useQuery({
    queryKey: hgwKeys.individualPlan(ihpId),
    queryFn: () =>
      call(rest.GET('/api/v1/individual-plans/{ihp_id}', { params: { path: { ihp_id: ihpId } } })),
  });
}

export function useStudentRecord(studentId: string, enabled = true) {
  return useQuery({
    queryKey: hgwKeys.studentRecord(studentId),
    queryFn: () =>
      call(
        rest.GET('/api/v1/students/{student_id}', {
          params: { path: { student_id: studentId } },
        }),
      ),
    enabled: enabled && studentId !== '',
  });
}
