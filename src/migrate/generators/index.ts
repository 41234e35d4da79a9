import type { SqlDialect } from '../../languages/sql/dialect.js';
import type { Generator } from './common.js';
import { generateMssql } from './mssql.js';
import { generateMysql } from './mysql.js';
import { generateOracle } from './oracle.js';
import { generatePostgres } from './postgres.js';
import { generateSqlite } from './sqlite.js';

/** One generator per target database. */
export const GENERATORS: Readonly<Record<SqlDialect, Generator>> = {
  mssql: generateMssql,
  mysql: generateMysql,
  postgres: generatePostgres,
  sqlite: generateSqlite,
  oracle: generateOracle,
};

export type { GenerateInput, Generator } from './common.js';
