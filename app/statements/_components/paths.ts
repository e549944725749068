// The statement pages' URLs, in one place.
export const statementPath = (statementId: string) => `/statements/${statementId}`;
export const voidedPath = (statementId: string) => `/statements/${statementId}/voided`;
export const clawbacksPath = (statementId: string) => `/statements/${statementId}/clawbacks`;
export const csvPath = (statementId: string) => `/statements/${statementId}/declarations.csv`;
export const authorisePath = (statementId: string) => `/statements/${statementId}/authorise`;
export const newAdjustmentPath = (statementId: string) => `/statements/${statementId}/adjustments/new`;
export const newAdjustmentCheckPath = (statementId: string) => `/statements/${statementId}/adjustments/new/check`;
export const changeAdjustmentPath = (statementId: string, adjustmentId: string) => `/statements/${statementId}/adjustments/${adjustmentId}/change`;
export const changeAdjustmentCheckPath = (statementId: string, adjustmentId: string) =>
  `/statements/${statementId}/adjustments/${adjustmentId}/change/check`;
export const removeAdjustmentPath = (statementId: string, adjustmentId: string) => `/statements/${statementId}/adjustments/${adjustmentId}/remove`;
export const participantPath = (userId: string) => `/participants/${userId}`;

/** A path with a query string (values left out when empty). */
export function withQuery(path: string, values: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined && value !== "") query.set(key, value);
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
