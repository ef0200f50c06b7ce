import { error } from "../diagnostics/diagnostic.ts";
import { checkActor, type Run } from "./reference-index.ts";

/** Actors: affiliations resolve; a name or alias points at one actor only. */
export function checkActorFiles(run: Run): void {
  const aliasOwner = new Map<string, string>();
  for (const { file, data } of run.actors.byId.values()) {
    if (data.affiliation !== undefined) {
      if (data.affiliation === file.slug)
        run.diagnostics.push(
          error({ ...run.at(file, ["affiliation"]), message: "an actor cannot be affiliated with itself" }),
        );
      else checkActor(run, file, ["affiliation"], data.affiliation);
    }
    [data.name, ...data.aliases].forEach((name, i) => {
      const owner = aliasOwner.get(name);
      if (owner && owner !== file.slug)
        run.diagnostics.push(
          error({
            ...run.at(file, i === 0 ? ["name"] : ["aliases", i - 1]),
            message: `'${name}' already names actor '${owner}'`,
            hint: "a name or alias must lead to one actor only; remove it from one of the two files",
          }),
        );
      else aliasOwner.set(name, file.slug);
    });
  }
}
