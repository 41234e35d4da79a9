/** JavaScript validation and ORM libraries, and which of their declarations make a field numeric or unique. */

/** Modules whose builders (`z.number()`, `Joi.number()`, `Type.Integer()`) declare a field's type. */
export const SCHEMA_MODULES: ReadonlySet<string> = new Set([
  'zod', 'zod/v4', 'zod/mini', 'joi', '@hapi/joi', 'yup', '@sinclair/typebox', 'valibot', 'superstruct', 'io-ts', 'runtypes', 'ow',
]);

export const NUMERIC_SCHEMA_BUILDERS: ReadonlySet<string> = new Set([
  'number', 'int', 'integer', 'bigint', 'Number', 'Integer', 'BigInt', 'safeint', 'int32', 'int64', 'uint32', 'uint64',
]);

/** class-validator, class-transformer and TypeORM decorators that make a property numeric. */
export const NUMERIC_DECORATORS: ReadonlySet<string> = new Set([
  'IsInt', 'IsNumber', 'IsNumberString', 'IsPositive', 'IsNegative', 'Min', 'Max', 'IsDivisibleBy', 'PrimaryGeneratedColumn',
]);

/** Decorators that make a column unique or a primary key. */
export const UNIQUE_DECORATORS: ReadonlySet<string> = new Set(['PrimaryColumn', 'PrimaryGeneratedColumn', 'PrimaryKey', 'Unique']);

/** SQL column types as TypeORM and similar libraries spell them. */
export const NUMERIC_COLUMN_TYPES: ReadonlySet<string> = new Set([
  'int', 'integer', 'int2', 'int4', 'int8', 'smallint', 'mediumint', 'bigint', 'tinyint', 'numeric', 'decimal',
  'float', 'double', 'real', 'number', 'double precision', 'unsigned big int', 'serial', 'bigserial',
]);

/** Sequelize `DataTypes.*` members that store numbers. */
export const NUMERIC_SEQUELIZE_TYPES: ReadonlySet<string> = new Set([
  'INTEGER', 'BIGINT', 'SMALLINT', 'MEDIUMINT', 'TINYINT', 'DECIMAL', 'FLOAT', 'DOUBLE', 'REAL', 'NUMBER', 'NUMERIC',
]);

/** Knex schema builder column methods that create numeric columns. */
export const KNEX_NUMERIC_COLUMNS: ReadonlySet<string> = new Set([
  'integer', 'bigInteger', 'bigint', 'tinyint', 'smallint', 'mediumint', 'increments', 'bigIncrements', 'decimal', 'float', 'double',
]);
