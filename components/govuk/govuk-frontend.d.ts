// Type declarations for the parts of govuk-frontend (which ships no TypeScript
// types) used by this app. Load govuk-frontend only with a dynamic
// `import("govuk-frontend")` inside an effect: it needs browser globals.
declare module "govuk-frontend" {
  export const version: string;

  /** Context passed to `onError` when a component fails to initialise. */
  export interface InitErrorContext {
    element?: Element;
    component?: GovukComponentClass;
    config?: unknown;
  }

  export type OnErrorCallback = (error: unknown, context: InitErrorContext) => void;

  export interface CreateAllOptions {
    scope?: Element | Document | null;
    onError?: OnErrorCallback;
  }

  export interface InitAllConfig extends CreateAllOptions {
    accordion?: Record<string, unknown>;
    button?: { preventDoubleClick?: boolean };
    characterCount?: Record<string, unknown>;
    errorSummary?: { disableAutoFocus?: boolean };
    exitThisPage?: Record<string, unknown>;
    fileUpload?: Record<string, unknown>;
    notificationBanner?: { disableAutoFocus?: boolean };
    passwordInput?: Record<string, unknown>;
  }

  /** A component class: `new Component($root, config?)` with a static `moduleName` (its `data-module`). */
  export interface GovukComponentClass<Instance = unknown> {
    new ($root: Element | null, config?: never): Instance;
    moduleName: string;
  }

  /** Initialise every GOV.UK Frontend component found in the scope (default `document`). */
  export function initAll(scopeOrConfig?: InitAllConfig | Element | Document | null): void;

  /** Initialise every instance of one component found in the scope. */
  export function createAll<Instance>(
    Component: GovukComponentClass<Instance>,
    config?: unknown,
    scopeOrOptions?: CreateAllOptions | OnErrorCallback | Element | Document | null,
  ): Instance[];

  abstract class GovukComponent {
    static moduleName: string;
    readonly $root: HTMLElement;
  }

  export class Button extends GovukComponent {
    constructor($root: Element | null, config?: { preventDoubleClick?: boolean });
  }
  export class Checkboxes extends GovukComponent {
    constructor($root: Element | null);
  }
  export class ErrorSummary extends GovukComponent {
    constructor($root: Element | null, config?: { disableAutoFocus?: boolean });
  }
  export class NotificationBanner extends GovukComponent {
    constructor($root: Element | null, config?: { disableAutoFocus?: boolean });
  }
  export class Radios extends GovukComponent {
    constructor($root: Element | null);
  }
  export class ServiceNavigation extends GovukComponent {
    constructor($root: Element | null);
  }
  export class SkipLink extends GovukComponent {
    constructor($root: Element | null);
  }

  // Only the declarations marked `export` above are exported (GovukComponent is a typing aid).
  export {};
}
