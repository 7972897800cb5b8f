namespace DiffMigrate.IntegrationTests.Postgres;

public sealed partial class PostgresComparisonCorpus
{
    /// <summary>Types and their parameters, checks, generated columns, identity, enums, collations, non-literal defaults.</summary>
    private static Case[] GeneralCases => [.. TypeCases, .. ExpressionCases, .. KeyCases, .. ObjectCases];

    private static Case[] TypeCases =>
    [
        // Types: the server's aliases are one type.
        Column("int4 vs Int32", "int4", """t.Column("x", SqlType.Int32).Nullable();""", Same),
        Column("int vs Int32", "int", """t.Column("x", SqlType.Int32).Nullable();""", Same),
        Column("integer vs Int64", "integer", """t.Column("x", SqlType.Int64).Nullable();""", Differ),
        Column("int8 vs Int64", "int8", """t.Column("x", SqlType.Int64).Nullable();""", Same),
        Column("bigint vs Int64", "bigint", """t.Column("x", SqlType.Int64).Nullable();""", Same),
        Column("int2 vs Int16", "int2", """t.Column("x", SqlType.Int16).Nullable();""", Same),
        Column("smallint vs Int32", "smallint", """t.Column("x", SqlType.Int32).Nullable();""", Differ),
        Column("float8 vs Double", "float8", """t.Column("x", SqlType.Double).Nullable();""", Same),
        Column("double precision vs Double", "double precision", """t.Column("x", SqlType.Double).Nullable();""", Same),
        Column("float vs Double", "float", """t.Column("x", SqlType.Double).Nullable();""", Same),
        Column("float(24) vs Single", "float(24)", """t.Column("x", SqlType.Single).Nullable();""", Same),
        Column("float(25) vs Double", "float(25)", """t.Column("x", SqlType.Double).Nullable();""", Same),
        Column("float4 vs Single", "float4", """t.Column("x", SqlType.Single).Nullable();""", Same),
        Column("real vs Double", "real", """t.Column("x", SqlType.Double).Nullable();""", Differ),
        Column("bool vs Boolean", "bool", """t.Column("x", SqlType.Boolean).Nullable();""", Same),
        Column("boolean vs Int16", "boolean", """t.Column("x", SqlType.Int16).Nullable();""", Differ),
        Column("varchar(20) vs String(20)", "varchar(20)", """t.Column("x", SqlType.String(20)).Nullable();""", Same),
        Column("character varying(20) vs String(20)", "character varying(20)", """t.Column("x", SqlType.String(20)).Nullable();""", Same),
        Column("varchar vs String()", "varchar", """t.Column("x", SqlType.String()).Nullable();""", Same),
        Column("varchar(20) vs String(30)", "varchar(20)", """t.Column("x", SqlType.String(30)).Nullable();""", Differ),
        Column("varchar(20) vs String()", "varchar(20)", """t.Column("x", SqlType.String()).Nullable();""", Differ),
        Column("varchar vs Text", "varchar", """t.Column("x", SqlType.Text).Nullable();""", Differ),
        Column("char(5) vs FixedChar(5)", "char(5)", """t.Column("x", SqlType.FixedChar(5)).Nullable();""", Same),
        Column("character(5) vs FixedChar(5)", "character(5)", """t.Column("x", SqlType.FixedChar(5)).Nullable();""", Same),
        Column("bpchar(5) vs FixedChar(5)", "bpchar(5)", """t.Column("x", SqlType.FixedChar(5)).Nullable();""", Same),
        Column("char vs FixedChar(1)", "char", """t.Column("x", SqlType.FixedChar(1)).Nullable();""", Same),
        Column("char(5) vs FixedChar(6)", "char(5)", """t.Column("x", SqlType.FixedChar(6)).Nullable();""", Differ),
        Column("char(5) vs String(5)", "char(5)", """t.Column("x", SqlType.String(5)).Nullable();""", Differ),
        Column("text vs Text", "text", """t.Column("x", SqlType.Text).Nullable();""", Same),
        Column("text vs String()", "text", """t.Column("x", SqlType.String()).Nullable();""", Differ),
        Column("numeric vs Decimal()", "numeric", """t.Column("x", SqlType.Decimal()).Nullable();""", Same),
        Column("numeric(10,2) vs Decimal(10,2)", "numeric(10,2)", """t.Column("x", SqlType.Decimal(10, 2)).Nullable();""", Same),
        Column("decimal(10,2) vs Decimal(10,2)", "decimal(10,2)", """t.Column("x", SqlType.Decimal(10, 2)).Nullable();""", Same),
        Column("numeric(10) vs Decimal(10, 0)", "numeric(10)", """t.Column("x", SqlType.Decimal(10, 0)).Nullable();""", Same),
        Column("numeric(10,0) vs Decimal(10)", "numeric(10,0)", """t.Column("x", SqlType.Decimal(10)).Nullable();""", Same),
        Column("numeric(10,2) vs Decimal(10,3)", "numeric(10,2)", """t.Column("x", SqlType.Decimal(10, 3)).Nullable();""", Differ),
        Column("numeric(12,2) vs Decimal(10,2)", "numeric(12,2)", """t.Column("x", SqlType.Decimal(10, 2)).Nullable();""", Differ),
        Column("numeric vs Decimal(10,2)", "numeric", """t.Column("x", SqlType.Decimal(10, 2)).Nullable();""", Differ),
        Column("timestamp vs DateTime", "timestamp", """t.Column("x", SqlType.DateTime).Nullable();""", Same),
        Column("timestamp without time zone vs DateTime", "timestamp without time zone", """t.Column("x", SqlType.DateTime).Nullable();""", Same),
        Column("timestamp(3) vs Raw timestamp(3)", "timestamp(3)", """t.Column("x", SqlType.Raw("timestamp(3)")).Nullable();""", Same),
        Column("timestamp(3) without time zone vs Raw timestamp(3)", "timestamp(3) without time zone", """t.Column("x", SqlType.Raw("timestamp(3)")).Nullable();""", Same),
        Column("timestamp(3) vs DateTime", "timestamp(3)", """t.Column("x", SqlType.DateTime).Nullable();""", Differ),
        Column("timestamp(0) vs Raw timestamp(3)", "timestamp(0)", """t.Column("x", SqlType.Raw("timestamp(3)")).Nullable();""", Differ),
        Column("timestamptz vs DateTimeOffset", "timestamptz", """t.Column("x", SqlType.DateTimeOffset).Nullable();""", Same),
        Column("timestamp with time zone vs DateTimeOffset", "timestamp with time zone", """t.Column("x", SqlType.DateTimeOffset).Nullable();""", Same),
        Column("timestamptz(3) vs Raw timestamptz(3)", "timestamptz(3)", """t.Column("x", SqlType.Raw("timestamptz(3)")).Nullable();""", Same),
        Column("timestamptz(3) vs Raw timestamp(3) with time zone", "timestamptz(3)", """t.Column("x", SqlType.Raw("timestamp(3) with time zone")).Nullable();""", Same),
        Column("timestamptz vs DateTime", "timestamptz", """t.Column("x", SqlType.DateTime).Nullable();""", Differ),
        Column("timestamptz(3) vs DateTimeOffset", "timestamptz(3)", """t.Column("x", SqlType.DateTimeOffset).Nullable();""", Differ),
        Column("time vs Time", "time", """t.Column("x", SqlType.Time).Nullable();""", Same),
        Column("time without time zone vs Time", "time without time zone", """t.Column("x", SqlType.Time).Nullable();""", Same),
        Column("time(3) vs Raw time(3)", "time(3)", """t.Column("x", SqlType.Raw("time(3)")).Nullable();""", Same),
        Column("timetz vs Time", "timetz", """t.Column("x", SqlType.Time).Nullable();""", Differ),
        Column("date vs Date", "date", """t.Column("x", SqlType.Date).Nullable();""", Same),
        Column("date vs DateTime", "date", """t.Column("x", SqlType.DateTime).Nullable();""", Differ),
        Column("uuid vs Uuid", "uuid", """t.Column("x", SqlType.Uuid).Nullable();""", Same),
        Column("text vs Uuid", "text", """t.Column("x", SqlType.Uuid).Nullable();""", Differ),
        Column("jsonb vs Json", "jsonb", """t.Column("x", SqlType.Json).Nullable();""", Same),
        Column("json vs Json (jsonb)", "json", """t.Column("x", SqlType.Json).Nullable();""", Differ),
        Column("json vs Raw json", "json", """t.Column("x", SqlType.Raw("json")).Nullable();""", Same),
        Column("bytea vs Binary()", "bytea", """t.Column("x", SqlType.Binary()).Nullable();""", Same),
        Column("bytea vs Binary(100)", "bytea", """t.Column("x", SqlType.Binary(100)).Nullable();""", Same),
        Column("inet vs Raw inet", "inet", """t.Column("x", SqlType.Raw("inet")).Nullable();""", Same),
        Column("inet vs Raw INET", "inet", """t.Column("x", SqlType.Raw("INET")).Nullable();""", Same),
        Column("inet vs Raw cidr", "inet", """t.Column("x", SqlType.Raw("cidr")).Nullable();""", Differ),
        Column("int[] vs Raw integer[]", "int[]", """t.Column("x", SqlType.Raw("integer[]")).Nullable();""", Same),
        Column("int4[] vs Raw int[]", "int4[]", """t.Column("x", SqlType.Raw("int[]")).Nullable();""", Same),
        Column("int[][] vs Raw int[]", "int[][]", """t.Column("x", SqlType.Raw("int[]")).Nullable();""", Same),
        Column("integer array vs Raw int[]", "integer ARRAY", """t.Column("x", SqlType.Raw("int[]")).Nullable();""", Same),
        Column("int[] vs Raw bigint[]", "int[]", """t.Column("x", SqlType.Raw("bigint[]")).Nullable();""", Differ),
        Column("text[] vs Raw text[]", "text[]", """t.Column("x", SqlType.Raw("text[]")).Nullable();""", Same),
        Column("text[] vs Raw varchar[]", "text[]", """t.Column("x", SqlType.Raw("varchar[]")).Nullable();""", Differ),
        Column("varchar(10)[] vs Raw character varying(10)[]", "varchar(10)[]", """t.Column("x", SqlType.Raw("character varying(10)[]")).Nullable();""", Same),
        Column("interval vs Raw interval", "interval", """t.Column("x", SqlType.Raw("interval")).Nullable();""", Same),
        Column("interval vs Raw interval day", "interval", """t.Column("x", SqlType.Raw("interval day")).Nullable();""", Differ),
        Column("money vs Raw money", "money", """t.Column("x", SqlType.Raw("money")).Nullable();""", Same),
        Column("tsvector vs Raw tsvector", "tsvector", """t.Column("x", SqlType.Raw("tsvector")).Nullable();""", Same),
        Column("float8 vs Raw double precision", "float8", """t.Column("x", SqlType.Raw("double precision")).Nullable();""", Same),
        Column("varchar(20) vs Raw character varying(20)", "varchar(20)", """t.Column("x", SqlType.Raw("character varying(20)")).Nullable();""", Same),

        // Nullability.
        Column("not null vs nullable", "int NOT NULL", """t.Column("x", SqlType.Int32).Nullable();""", Differ),
        Column("nullable vs not null", "int", """t.Column("x", SqlType.Int32);""", Differ),
        Column("NULL spelled vs nullable", "int NULL", """t.Column("x", SqlType.Int32).Nullable();""", Same),
        Column("NOT NULL vs Nullable(false)", "int NOT NULL", """t.Column("x", SqlType.Int32).Nullable(false);""", Same),
    ];

    /// <summary>Cases the product cannot pass yet, each with the reason; the harness does not read them.</summary>
    internal static Case[] PendingCases =>
    [
        // needs: the operands of = compared in either order (an equivalence rule in PostgresExpressionRules, another engineer's area);
        // today the server's two spellings differ and check reports the constraint as changed.
        Table("check equality operands swapped", "s text, CONSTRAINT {t}_ck CHECK (lower(s) = s)", "", TextS + """t.Check("s = lower(s)", "{t}_ck", exactName: true);""", Same),
    ];
}
