/** A type guard for "is this value one of these string constants?". */
export function oneOf<const T extends readonly string[]>(values: T): (value: unknown) => value is T[number] {
  return (value: unknown): value is T[number] => typeof value === "string" && values.includes(value);
}
