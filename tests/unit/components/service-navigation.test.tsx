import { beforeEach, describe, expect, it, vi } from "vitest";
import { usePathname } from "next/navigation";
import { ServiceNavigation, type ServiceNavigationItem } from "@/components/govuk";
import { content, expectMarkup, fixture, render } from "./html";

vi.mock("next/navigation", () => ({ usePathname: vi.fn(() => "/") }));

interface NavigationItemOptions {
  href?: string;
  text?: string;
  html?: string;
  current?: boolean;
  active?: boolean;
}

interface ServiceNavigationOptions {
  serviceName?: string;
  serviceUrl?: string;
  navigation?: Array<NavigationItemOptions | null | false | "">;
  collapseNavigationOnMobile?: boolean;
  ariaLabel?: string;
  menuButtonText?: string;
  menuButtonLabel?: string;
  navigationLabel?: string;
  navigationClasses?: string;
  navigationId?: string;
  classes?: string;
  attributes?: Record<string, string>;
}

const toItem = (item: NavigationItemOptions | null | false | ""): ServiceNavigationItem | null =>
  item ? { href: item.href, text: content(item), current: item.current, active: item.active } : null;

function fromOptions(o: ServiceNavigationOptions) {
  return (
    <ServiceNavigation
      serviceName={o.serviceName}
      serviceUrl={o.serviceUrl}
      navigation={o.navigation?.map(toItem)}
      collapseNavigationOnMobile={o.collapseNavigationOnMobile}
      ariaLabel={o.ariaLabel}
      menuButtonText={o.menuButtonText}
      menuButtonLabel={o.menuButtonLabel}
      navigationLabel={o.navigationLabel}
      navigationClassName={o.navigationClasses}
      navigationId={o.navigationId}
      className={o.classes}
      {...o.attributes}
    />
  );
}

beforeEach(() => {
  vi.mocked(usePathname).mockReturnValue("/");
});

describe("ServiceNavigation", () => {
  it.each([
    "default",
    "with navigation with a current item",
    "with large navigation",
    "with HTML navigation items",
    "with non-link navigation items",
    "with service name",
    "with service link",
    "with long service name",
    "with service name and navigation",
    "inverse",
    "with collapseNavigationOnMobile set to false",
    "with a single navigation item",
    "with a single navigation item and collapseNavigationOnMobile set to true",
    "with no options set",
    "attributes",
    "classes",
    "with custom aria-label",
    "with custom navigation toggle text",
    "with custom navigation toggle label",
    "with identical navigation toggle text and label",
    "with custom navigation label",
    "with custom navigation toggle text and navigation label",
    "with custom navigation classes",
    "with custom navigation ID",
    "with navigation having empty values",
    "with navigation having only empty values",
    "with navigation being an empty array",
    "with navigation with an active item",
  ])("matches the %s fixture", (name) => {
    const fx = fixture<ServiceNavigationOptions>("service-navigation", name);
    expectMarkup(fromOptions(fx.options), fx.html);
  });

  describe("active item from the pathname", () => {
    const navigation: ServiceNavigationItem[] = [
      { href: "/", text: "Home" },
      { href: "/statements", text: "Statements" },
      { href: "/statements/new", text: "New statement" },
      { href: "/admin", text: "Admin", match: "exact" },
    ];

    const itemFor = (html: string, text: string) =>
      html.match(new RegExp(`<li class="[^"]*">(?:(?!</li>).)*>(?:<strong [^>]*>)?${text}<(?:(?!</li>).)*</li>`))?.[0];

    it("marks an exact match as the current page, exactly as the template renders `current`", () => {
      vi.mocked(usePathname).mockReturnValue("/statements");
      const fx = fixture<ServiceNavigationOptions>("service-navigation", "with navigation with a current item");
      expectMarkup(
        <ServiceNavigation
          navigation={[
            { href: "#/1", text: "Navigation item 1" },
            { href: "/statements", text: "Navigation item 2" },
            { href: "#/3", text: "Navigation item 3" },
            { href: "#/4", text: "Navigation item 4" },
          ]}
        />,
        fx.html.replace('href="#/2"', 'href="/statements"'),
      );
    });

    it("marks a descendant path as active with aria-current=true", () => {
      vi.mocked(usePathname).mockReturnValue("/statements/2024-05");
      const html = render(<ServiceNavigation serviceName="ECF Finance" navigation={navigation} />);
      expect(itemFor(html, "Statements")).toBe(
        '<li class="govuk-service-navigation__item govuk-service-navigation__item--active"><a class="govuk-service-navigation__link" href="/statements" aria-current="true"><strong class="govuk-service-navigation__active-fallback">Statements</strong></a></li>',
      );
      expect(html.match(/aria-current/g)).toHaveLength(1);
    });

    it("prefers the longest matching href", () => {
      vi.mocked(usePathname).mockReturnValue("/statements/new");
      const html = render(<ServiceNavigation navigation={navigation} />);
      expect(itemFor(html, "New statement")).toContain('aria-current="page"');
      expect(itemFor(html, "Statements")).not.toContain("aria-current");
      expect(html.match(/govuk-service-navigation__item--active/g)).toHaveLength(1);
    });

    it('matches "/" and match="exact" items only exactly', () => {
      vi.mocked(usePathname).mockReturnValue("/admin/users");
      let html = render(<ServiceNavigation navigation={navigation} />);
      expect(html).not.toContain("aria-current");

      vi.mocked(usePathname).mockReturnValue("/");
      html = render(<ServiceNavigation navigation={navigation} />);
      expect(itemFor(html, "Home")).toContain('aria-current="page"');
      expect(html.match(/aria-current/g)).toHaveLength(1);
    });

    it("lets explicit current/active flags override pathname matching", () => {
      vi.mocked(usePathname).mockReturnValue("/statements");
      const html = render(
        <ServiceNavigation
          navigation={[
            { href: "/statements", text: "Statements", current: false },
            { href: "/other", text: "Other", active: true },
          ]}
        />,
      );
      expect(itemFor(html, "Statements")).not.toContain("aria-current");
      expect(itemFor(html, "Other")).toContain('aria-current="true"');
    });
  });

  it("renders the end slot as service navigation items after the navigation items", () => {
    const html = render(
      <ServiceNavigation
        serviceName="ECF Finance"
        serviceUrl="/"
        navigation={[
          { href: "/a", text: "A" },
          { href: "/b", text: "B" },
        ]}
        end={
          <a className="govuk-service-navigation__link" href="/sign-out">
            Sign out
          </a>
        }
      />,
    );
    expect(html).toContain(
      '<li class="govuk-service-navigation__item"><a class="govuk-service-navigation__link" href="/sign-out">Sign out</a></li></ul>',
    );
  });

  it("renders the toggle hidden, leaving it to govuk-frontend JS", () => {
    const html = render(
      <ServiceNavigation
        navigation={[
          { href: "/a", text: "A" },
          { href: "/b", text: "B" },
        ]}
      />,
    );
    expect(html).toMatch(/<button [^>]*class="govuk-service-navigation__toggle govuk-js-service-navigation-toggle"[^>]*hidden=""/);
    expect(html).not.toContain("aria-expanded");
  });
});
