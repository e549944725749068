// The statement pages' URLs, in one place.
type Path = `/${string}`;

export const statementPath = (statementId: string): Path => `/statements/${statementId}`;
export const voidedPath = (statementId: string): Path => `/statements/${statementId}/voided`;
export const clawbacksPath = (statementId: string): Path => `/statements/${statementId}/clawbacks`;
export const csvPath = (statementId: string): Path => `/statements/${statementId}/declarations.csv`;
export const authorisePath = (statementId: string): Path => `/statements/${statementId}/authorise`;
export const newAdjustmentPath = (statementId: string): Path => `/statements/${statementId}/adjustments/new`;
export const newAdjustmentCheckPath = (statementId: string): Path => `/statements/${statementId}/adjustments/new/check`;
export const changeAdjustmentPath = (statementId: string, adjustmentId: string): Path => `/statements/${statementId}/adjustments/${adjustmentId}/change`;
export const changeAdjustmentCheckPath = (statementId: string, adjustmentId: string): Path =>
  `/statements/${statementId}/adjustments/${adjustmentId}/change/check`;
export const removeAdjustmentPath = (statementId: string, adjustmentId: string): Path => `/statements/${statementId}/adjustments/${adjustmentId}/remove`;
export const confirmAdjustmentPath = (statementId: string, adjustmentId: string): Path =>
  `/statements/${statementId}/adjustments/${adjustmentId}/confirm`;
export const participantPath = (userId: string): Path => `/participants/${userId}`;

/** A path with a query string (values left out when empty). */
export function withQuery(path: Path, values: Record<string, string | undefined>): Path {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined && value !== "") query.set(key, value);
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
