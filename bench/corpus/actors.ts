import type { ActorKind } from "../../src/validate/schema.ts";
import { slugify } from "../../src/validate/ids.ts";
import type { Prose } from "./prose.ts";
import { Random, ZipfSampler } from "./random.ts";
import { capitalize, madeUpWord } from "./vocabulary.ts";

/** One synthetic actor, in the shape of content/actors/<id>.yaml. */
export interface SyntheticActor {
  readonly id: string;
  readonly name: string;
  readonly kind: ActorKind;
  readonly aliases: readonly string[];
  readonly affiliation?: string;
  readonly role?: string;
  readonly description?: string;
}

/** Share of each kind among the actors; countries come first so others can be affiliated with them. */
const KIND_SHARES: ReadonlyArray<readonly [ActorKind, number]> = [
  ["country", 0.08],
  ["international-body", 0.05],
  ["government-body", 0.1],
  ["legislature", 0.04],
  ["military", 0.04],
  ["organisation", 0.12],
  ["media-outlet", 0.12],
  ["person", 0.45],
];

const MINISTRIES = [
  "Defence",
  "Finance",
  "Foreign Affairs",
  "Interior",
  "Health",
  "Energy",
  "Trade",
  "Justice",
  "Education",
  "Transport",
];
const CHAMBERS = ["National Assembly", "Parliament", "Senate", "Congress", "Federal Council"];
const ORG_SUFFIXES = ["Group", "Holdings", "Institute", "Foundation", "Alliance", "Corporation", "Network", "Union"];
const BODY_SUFFIXES = ["Council", "Union", "Organisation", "Commission", "Agency", "Forum", "Pact"];
const PAPER_NAMES = ["Herald", "Times", "Post", "Tribune", "Courier", "Observer", "Gazette", "Chronicle"];
const BROADCAST_NAMES = ["News", "Radio", "Broadcasting", "Television", "Wire"];
const PERSON_ROLES = [
  "Foreign Minister",
  "Prime Minister",
  "President",
  "Spokesperson",
  "Chief Executive",
  "Ambassador",
  "General",
  "Senator",
  "Governor",
  "Director",
];

export interface ActorCast {
  readonly actors: readonly SyntheticActor[];
  /** Actors that appear in stories (everyone but the outlets), in popularity order, most popular first. */
  readonly players: readonly SyntheticActor[];
  readonly outlets: readonly SyntheticActor[];
  /** Zipf over `players`: a few actors in many stories, most in a few. */
  readonly playerPopularity: ZipfSampler;
  readonly outletPopularity: ZipfSampler;
}

interface Made {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly affiliation?: string;
  readonly role?: string;
}

export function generateActors(random: Random, prose: Prose, count: number): ActorCast {
  const names = new Set<string>();
  const ids = new Set<string>();
  const actors: SyntheticActor[] = [];
  const properName = (syllables = 2) => capitalize(madeUpWord(random, syllables));
  const ofKind = (kind: ActorKind) => actors.filter((a) => a.kind === kind);

  /** Calls `make` until it gives a name (and id) no other actor has; aliases already taken are dropped. */
  const add = (kind: ActorKind, make: () => Made) => {
    let made = make();
    for (let tries = 1; names.has(made.name) || ids.has(slugify(made.name)); tries++) {
      made = make();
      if (tries > 20) made = { ...made, name: `${made.name} ${tries}` };
    }
    const aliases = [...new Set(made.aliases)].filter((a) => a !== made.name && !names.has(a));
    for (const n of [made.name, ...aliases]) names.add(n);
    const id = slugify(made.name);
    ids.add(id);
    const description = random.chance(0.7) ? prose.sentence(10, 22, [made.name]) : undefined;
    actors.push({
      id,
      name: made.name,
      kind,
      aliases,
      ...(made.affiliation ? { affiliation: made.affiliation } : {}),
      ...(made.role ? { role: made.role } : {}),
      ...(description ? { description } : {}),
    });
  };

  const quota = (share: number) => Math.max(2, Math.round(count * share));
  for (const [kind, share] of KIND_SHARES) {
    const countries = ofKind("country");
    const employers = actors.filter((a) => a.kind !== "person" && a.kind !== "media-outlet");
    const n = kind === "person" ? Math.max(2, count - actors.length) : quota(share);
    for (let i = 0; i < n; i++) {
      switch (kind) {
        case "country":
          add(kind, () => {
            const name = properName(random.int(2, 3)) + random.pick(["ia", "land", "stan", "a", "", "or"]);
            return { name, aliases: [`Republic of ${name}`, name.slice(0, 3).toUpperCase()] };
          });
          break;
        case "international-body":
          add(kind, () => {
            const [a, b] = [properName(), random.pick(BODY_SUFFIXES)];
            return { name: `${a} ${b}`, aliases: [`${a.charAt(0)}${b.charAt(0)}${properName(1).charAt(0)}`] };
          });
          break;
        case "government-body":
          add(kind, () => {
            const [c, m] = [random.pick(countries), random.pick(MINISTRIES)];
            return { name: `Ministry of ${m} of ${c.name}`, aliases: [`${c.name} ${m} Ministry`], affiliation: c.id };
          });
          break;
        case "legislature":
          add(kind, () => {
            const [c, ch] = [random.pick(countries), random.pick(CHAMBERS)];
            return { name: `${ch} of ${c.name}`, aliases: [`${c.name} ${ch}`], affiliation: c.id };
          });
          break;
        case "military":
          add(kind, () => {
            const c = random.pick(countries);
            return { name: `${c.name} Armed Forces`, aliases: [`${c.name} military`], affiliation: c.id };
          });
          break;
        case "organisation":
          add(kind, () => {
            const a = properName(random.int(2, 3));
            const affiliation = random.chance(0.5) ? random.pick(countries).id : undefined;
            return { name: `${a} ${random.pick(ORG_SUFFIXES)}`, aliases: [a], affiliation };
          });
          break;
        case "media-outlet":
          add(kind, () => {
            const a = properName(random.int(1, 3));
            const affiliation = random.chance(0.6) ? random.pick(countries).id : undefined;
            return random.chance(0.6)
              ? {
                  name: `The ${a} ${random.pick(PAPER_NAMES)}`,
                  aliases: [`${a} ${random.pick(PAPER_NAMES)}`],
                  affiliation,
                }
              : { name: `${a} ${random.pick(BROADCAST_NAMES)}`, aliases: [a.toUpperCase().slice(0, 4)], affiliation };
          });
          break;
        case "person":
          add(kind, () => {
            const [last, employer] = [properName(random.int(2, 3)), random.pick(employers)];
            return {
              name: `${properName(random.int(1, 3))} ${last}`,
              aliases: [last],
              affiliation: employer.id,
              role: `${random.pick(PERSON_ROLES)}, ${employer.name}`,
            };
          });
          break;
      }
    }
  }

  const players = random.shuffled(actors.filter((a) => a.kind !== "media-outlet"));
  const outlets = random.shuffled(actors.filter((a) => a.kind === "media-outlet"));
  return {
    actors,
    players,
    outlets,
    playerPopularity: new ZipfSampler(players.length, 0.9),
    outletPopularity: new ZipfSampler(outlets.length, 0.8),
  };
}

/** How an article or brief names an actor in running text: mostly the name, sometimes an alias. */
export function mention(random: Random, actor: SyntheticActor): string {
  return actor.aliases.length > 0 && random.chance(0.3) ? random.pick(actor.aliases) : actor.name;
}
