/** Query hooks shared by the pages: one place for keys, page sizes and the API calls. */
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { graphql } from '../gql';
import { call, rest } from './client';
import { runQuery } from './graphql';

const PAGE = 100;

export function useGroups(schoolId: string, mine: boolean) {
  return useInfiniteQuery({
    queryKey: ['groups', schoolId, { mine }],
    queryFn: ({ pageParam }) =>
      call(
        rest.GET('/api/v1/schools/{school_id}/groups', {
          params: {
            path: { school_id: schoolId },
            query: { mine, limit: PAGE, cursor: pageParam },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

export function useGroup(groupId: string) {
  return useQuery({
    queryKey: ['group', groupId],
    queryFn: () =>
      call(rest.GET('/api/v1/groups/{group_id}', { params: { path: { group_id: groupId } } })),
  });
}

interface StudentSearch {
  name?: string;
  groupId?: string;
}

export function useStudents(schoolId: string, { name, groupId }: StudentSearch, enabled = true) {
  return useInfiniteQuery({
    queryKey: ['students', schoolId, { name, groupId }],
    queryFn: ({ pageParam }) =>
      call(
        rest.GET('/api/v1/schools/{school_id}/students', {
          params: {
            path: { school_id: schoolId },
            query: { name, group_id: groupId, limit: PAGE, cursor: pageParam },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    placeholderData: keepPreviousData, // keep results on screen while the next search runs
    enabled,
  });
}

export const StudentPageQuery = graphql(`
  query StudentPage($id: ID!) {
    student(id: $id) {
      id
      schoolId
      givenName
      preferredName
      infix
      familyName
      dateOfBirth
      version
      guardians {
        id
        givenName
        infix
        familyName
        email
        phone
        relation
        parentalAuthority
      }
      enrolments {
        groupId
        groupName
        schoolYear
        kind
        startDate
        endDate
      }
    }
  }
`);

export const studentKey = (id: string) => ['student', id] as const;

export function useStudent(id: string) {
  return useQuery({
    queryKey: studentKey(id),
    queryFn: async () => (await runQuery(StudentPageQuery, { id })).student,
  });
}
