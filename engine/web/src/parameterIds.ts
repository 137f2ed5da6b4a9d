/** Filled in by a plugin's generated parameters module
 * (src/parameters.generated.ts, written by the build from plugin.h's table):
 * it declares `ids` here, and every hook and control that takes a parameter
 * id then accepts only the table's ids, so a typo fails `tsc`. */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface PluginParameters {}

/** A parameter id of this plugin's table, or any string before the table is known. */
export type ParameterId = PluginParameters extends { ids: infer Id extends string } ? Id : string;
