import { isTamperScenarioName, type TamperScenarioName } from "@ctsim/delivery";

/**
 * Splits a `--scenario a,b` list: tamper scenarios (`tamper-*`, applied by the OBS delivery after
 * writing) from the generator's anomaly scenarios, which go on to `parseScenarios`.
 *
 * @example
 * splitTamperScenarios("mass-deletion,tamper-delete-file");
 * // { tamper: ["tamper-delete-file"], rest: "mass-deletion" }
 */
export function splitTamperScenarios(text: string): {
  readonly tamper: TamperScenarioName[];
  readonly rest: string;
} {
  const names = text.split(",").map((name) => name.trim());
  return {
    tamper: names.filter(isTamperScenarioName),
    rest: names.filter((name) => !isTamperScenarioName(name)).join(","),
  };
}
