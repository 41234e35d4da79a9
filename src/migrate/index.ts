import type { SqlDialect } from '../languages/sql/dialect.js';
import { extractModel, type SqlSource } from './extract.js';
import { GENERATORS } from './generators/index.js';
import { isEmptyPlan, planMigration, type MigrationPlan } from './plan.js';

/**
 * `lsid-lint migrate`: scanned SQL → DDL model → migration plan → the target database's script.
 * Pure: the caller reads the files (see load.ts) and writes the script.
 */

export interface MigrationOptions {
  dialect: SqlDialect;
  /** Add lseq to every converted table, not only the Integration Client's session table. */
  addLseq?: boolean;
  /** Config `sql.dialect`: the dialect of files whose own syntax does not decide it. */
  configDialect?: string;
  /** lsid-lint's version, named in the script's header. */
  version: string;
}

export interface Migration {
  script: string;
  plan: MigrationPlan;
  /** Nothing to change: the script is its header only. */
  empty: boolean;
}

export function generateMigration(sources: readonly SqlSource[], options: MigrationOptions): Migration {
  const model = extractModel(sources, { target: options.dialect, ...(options.configDialect ? { configDialect: options.configDialect } : {}) });
  const plan = planMigration(model, { addLseq: options.addLseq ?? false });
  const script = GENERATORS[options.dialect]({ plan, version: options.version });
  return { script, plan, empty: isEmptyPlan(plan) };
}

export { extractModel, type SqlSource } from './extract.js';
export { planMigration, type MigrationPlan } from './plan.js';
export { loadSqlSources, type LoadedSources } from './load.js';
