// The participant pages' addresses, in one place.
export function participantPath(userId: string): `/${string}` {
  return `/participants/${userId}`;
}

export function voidDeclarationPath(userId: string, declarationId: string): string {
  return `/participants/${userId}/declarations/${declarationId}/void`;
}

export function statementPath(statementId: string): string {
  return `/statements/${statementId}`;
}
