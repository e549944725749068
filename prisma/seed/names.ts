// Realistic-looking English school and delivery partner names, e-mail addresses and TRNs.
import type { Faker } from "@faker-js/faker";
import type { Rng } from "./random";

export const TOWNS = [
  "Ashford", "Barnsley", "Bedford", "Blackburn", "Bolton", "Bradford", "Bristol", "Burnley", "Cambridge", "Carlisle",
  "Chelmsford", "Chester", "Colchester", "Coventry", "Crawley", "Darlington", "Derby", "Doncaster", "Dudley", "Durham",
  "Exeter", "Gateshead", "Gloucester", "Grimsby", "Guildford", "Halifax", "Harrogate", "Hastings", "Hereford", "Huddersfield",
  "Ipswich", "Kendal", "Kettering", "Lancaster", "Leeds", "Leicester", "Lincoln", "Liverpool", "Luton", "Maidstone",
  "Manchester", "Middlesbrough", "Milton Keynes", "Newcastle", "Northampton", "Norwich", "Nottingham", "Oldham", "Oxford", "Peterborough",
  "Plymouth", "Portsmouth", "Preston", "Reading", "Rochdale", "Rotherham", "Salford", "Scarborough", "Sheffield", "Shrewsbury",
  "Slough", "Southampton", "Stockport", "Stoke", "Sunderland", "Swindon", "Taunton", "Telford", "Truro", "Wakefield",
  "Walsall", "Warrington", "Watford", "Wigan", "Winchester", "Wolverhampton", "Worcester", "Worthing", "York", "Yeovil",
] as const;

const SCHOOL_STEMS = [
  "St Mary's", "St John's", "St Peter's", "Holy Trinity", "Oakfield", "Meadowbank", "Riverside", "Hillside", "Greenacres",
  "Parkside", "Westfield", "Eastbrook", "Northgate", "Southmead", "Kingsway", "Queensbridge", "Brookfield", "Ashgrove",
  "Beechwood", "Elmhurst", "Fairfield", "Highfield", "Larkrise", "Moorland", "Oldfield", "Redhill", "Rosehill", "Springfield",
  "Thornbury", "Willowbrook", "Woodlands", "Castle View", "Church Lane", "Victoria Park", "Abbey", "Priory", "Mill Lane",
  "Orchard", "Heathfield", "Lakeside",
] as const;

const SCHOOL_KINDS = [
  ["Primary School", 5],
  ["Church of England Primary School", 2],
  ["Catholic Primary School", 1],
  ["Infant School", 1],
  ["Junior School", 1],
  ["Academy", 3],
  ["High School", 2],
  ["Community College", 1],
  ["Secondary School", 1],
] as const;

export function schoolName(rng: Rng, index: number): string {
  const stem = SCHOOL_STEMS[index % SCHOOL_STEMS.length] as string;
  const kind = rng.weighted(SCHOOL_KINDS);
  // Spread the same stem over different towns.
  const town = TOWNS[Math.floor(index / SCHOOL_STEMS.length + index * 7) % TOWNS.length] as string;
  return stem.startsWith("St ") || stem === "Holy Trinity" || index % 3 !== 0 ? `${stem} ${kind}, ${town}` : `${town} ${stem} ${kind}`;
}

const DELIVERY_PARTNER_KINDS = ["Teaching School Hub", "Education Trust", "Learning Partnership", "Multi-Academy Trust", "Teaching Alliance"] as const;

export function deliveryPartnerName(rng: Rng, index: number): string {
  const town = TOWNS[(index * 13 + 5) % TOWNS.length] as string;
  return `${town} ${rng.pick(DELIVERY_PARTNER_KINDS)}`;
}

const EMAIL_DOMAINS = ["example.com", "example.org", "example.net", "mail.example.com", "schools.example.org"] as const;

function emailPart(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[^A-Za-z]/g, "")
    .toLowerCase();
}

/** A person's name from Faker. */
export function personName(faker: Faker): { first: string; last: string; full: string } {
  const first = faker.person.firstName();
  const last = faker.person.lastName();
  return { first, last, full: `${first} ${last}` };
}

/** An e-mail address made unique with `serial` (e.g. "amelia.hughes42@example.org"). */
export function uniqueEmail(first: string, last: string, serial: number, rng: Rng): string {
  return `${emailPart(first)}.${emailPart(last)}${serial}@${rng.pick(EMAIL_DOMAINS)}`;
}

/** A plain e-mail address, with a number added only when already taken. */
export function emailOnce(first: string, last: string, taken: Set<string>, rng: Rng): string {
  const domain = rng.pick(EMAIL_DOMAINS);
  const base = `${emailPart(first)}.${emailPart(last)}`;
  let email = `${base}@${domain}`;
  for (let n = 2; taken.has(email); n += 1) email = `${base}${n}@${domain}`;
  taken.add(email);
  return email;
}

/** The i-th 7-digit TRN of a fixed permutation of 1000000–9999999 (the multiplier is coprime with
 * 9,000,000): distinct for distinct i below 9,000,000. */
export function trnFor(i: number): string {
  return String(1_000_000 + ((i * 4_567_891 + 3_141_592) % 9_000_000));
}

/** The i-th 6-digit URN of a fixed permutation of 100000–999999. */
export function urnFor(i: number): string {
  return String(100_000 + ((i * 567_899 + 271_828) % 900_000));
}

export { DEFERRAL_REASONS, WITHDRAWAL_REASONS } from "@/lib/domain/training-status-reasons";
export { INELIGIBILITY_REASONS as INELIGIBLE_REASONS } from "@/lib/domain/ineligibility-reasons";

export const STAFF_VOID_REASONS = [
  "Duplicate declaration found during assurance",
  "Declaration submitted for the wrong participant",
  "Evidence did not support the milestone",
  "Requested by the lead provider by e-mail",
] as const;

/** "Ambition Institute" → "ambition-institute" */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
