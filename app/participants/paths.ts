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

export function trainingStatusPath(userId: string, profileId: string): `/${string}` {
  return `/participants/${userId}/training-status/${profileId}`;
}

export function trainingStatusCheckPath(userId: string, profileId: string, fields?: Record<string, string>): `/${string}` {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(fields ?? {})) if (value) query.set(key, value);
  const text = query.toString();
  return `/participants/${userId}/training-status/${profileId}/check${text ? `?${text}` : ""}`;
}
