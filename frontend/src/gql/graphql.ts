/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type StudentPageQueryVariables = Exact<{
  id: string | number;
}>;


export type StudentPageQuery = { student: { id: string, schoolId: string, givenName: string, preferredName: string | null, infix: string | null, familyName: string, dateOfBirth: string, version: number, guardians: Array<{ id: string, givenName: string, infix: string | null, familyName: string, email: string | null, phone: string | null, relation: string, parentalAuthority: boolean }>, enrolments: Array<{ groupId: string, groupName: string, schoolYear: string, kind: string, startDate: string | null, endDate: string | null }> } | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const StudentPageDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<StudentPageQuery, StudentPageQueryVariables>;