/** How dates and counts read on the page. Presentation only. */
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** `2026-11-23` → `23 November 2026`; `2025-09` → `September 2025`; `2025` → `2025`. */
export function formatDate(date: string): string {
  const [y, m, d] = date.split("-");
  const month = m ? MONTHS[Number(m) - 1] : undefined;
  if (!month) return y ?? date;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

export const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

export const KIND_LABELS: Record<string, { one: string; many: string }> = {
  country: { one: "Country", many: "Countries" },
  person: { one: "Person", many: "People" },
  organisation: { one: "Organisation", many: "Organisations" },
  "government-body": { one: "Government body", many: "Government bodies" },
  legislature: { one: "Legislature", many: "Legislatures" },
  military: { one: "Military", many: "Militaries" },
  "international-body": { one: "International body", many: "International bodies" },
  "media-outlet": { one: "Media outlet", many: "Media outlets" },
};
