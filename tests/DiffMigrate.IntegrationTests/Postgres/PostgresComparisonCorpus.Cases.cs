namespace DiffMigrate.IntegrationTests.Postgres;

public sealed partial class PostgresComparisonCorpus
{
    /// <summary>Types and their parameters, checks, generated columns, identity, enums, collations, non-literal defaults.</summary>
    private static Case[] GeneralCases =>
    [
        // Types and their parameters.
        Column("int4 vs Int32", "int4", """t.Column("x", SqlType.Int32).Nullable();""", Same),
        Column("integer vs Int64", "integer", """t.Column("x", SqlType.Int64).Nullable();""", Differ),
        Column("varchar(20) vs String(20)", "varchar(20)", """t.Column("x", SqlType.String(20)).Nullable();""", Same),
        Column("varchar(20) vs String(30)", "varchar(20)", """t.Column("x", SqlType.String(30)).Nullable();""", Differ),
        Column("numeric(10,2) vs Decimal(10,2)", "numeric(10,2)", """t.Column("x", SqlType.Decimal(10, 2)).Nullable();""", Same),
        Column("numeric(10,2) vs Decimal(10,3)", "numeric(10,2)", """t.Column("x", SqlType.Decimal(10, 3)).Nullable();""", Differ),
        Column("not null vs nullable", "int NOT NULL", """t.Column("x", SqlType.Int32).Nullable();""", Differ),

        // Checks.
        Table("check spacing", "x int, CONSTRAINT {t}_ck CHECK (x>0)", "", """t.Column("x", SqlType.Int32).Nullable(); t.Check("x > 0", "{t}_ck", exactName: true);""", Same),
        Table("check > vs >=", "x int, CONSTRAINT {t}_ck CHECK (x > 0)", "", """t.Column("x", SqlType.Int32).Nullable(); t.Check("x >= 0", "{t}_ck", exactName: true);""", Differ),

        // Non-literal defaults.
        Column("now() vs CURRENT_TIMESTAMP", "timestamptz DEFAULT now()", """t.Column("x", SqlType.DateTimeOffset).Nullable().Default("CURRENT_TIMESTAMP");""", Same),
        Column("now() vs statement_timestamp()", "timestamptz DEFAULT now()", """t.Column("x", SqlType.DateTimeOffset).Nullable().Default("statement_timestamp()");""", Differ),

        // Enums.
        Column("enum same values", "{t}_mood", """t.Column("x", SqlType.Enum("{t}_mood", "sad", "happy")).Nullable();""", Same,
            before: "CREATE TYPE {t}_mood AS ENUM ('sad', 'happy');", modelBefore: """b.Enum("{t}_mood", ["sad", "happy"]);"""),
        Column("enum value added", "{t}_mood", """t.Column("x", SqlType.Enum("{t}_mood", "sad", "happy", "ok")).Nullable();""", Differ,
            before: "CREATE TYPE {t}_mood AS ENUM ('sad', 'happy');", modelBefore: """b.Enum("{t}_mood", ["sad", "happy", "ok"]);"""),
    ];
}
