namespace DiffMigrate.IntegrationTests.Postgres;

public sealed partial class PostgresComparisonCorpus
{
    /// <summary>Index key options: order, NULLS FIRST/LAST, operator classes, collations, NULLS NOT DISTINCT.</summary>
    private static Case[] IndexOptionCases =>
    [
        // Key order.
        Ix("index keys in order", "(n, s)", """["n", "s"]""", Same),
        Ix("index keys swapped", "(n, s)", """["s", "n"]""", Differ),

        // NULLS FIRST / LAST against the direction's default (ASC: last, DESC: first).
        Ix("NULLS LAST on ASC is the default", "(n NULLS LAST)", """["n"]""", Same),
        Ix("NULLS FIRST on ASC in the model only", "(n)", """["n"], keyOptions: [new(NullsOrder.First)]""", Differ),
        Ix("NULLS FIRST on ASC on both sides", "(n NULLS FIRST)", """["n"], keyOptions: [new(NullsOrder.First)]""", Same),
        Ix("NULLS FIRST on ASC in the database only", "(n NULLS FIRST)", """["n"]""", Differ),
        Ix("NULLS FIRST on DESC is the default", "(n DESC NULLS FIRST)", """["n"], descending: [true]""", Same),
        Ix("NULLS FIRST on DESC spelled in the model", "(n DESC)", """["n"], descending: [true], keyOptions: [new(NullsOrder.First)]""", Same),
        Ix("NULLS LAST on DESC in the model only", "(n DESC)", """["n"], descending: [true], keyOptions: [new(NullsOrder.Last)]""", Differ),
        Ix("DESC NULLS LAST on both sides", "(n DESC NULLS LAST)", """["n"], descending: [true], keyOptions: [new(NullsOrder.Last)]""", Same),

        // Operator classes: the default one for the key's type and method is the same as none.
        Ix("default operator class spelled in the database", "(s text_ops)", """["s"]""", Same),
        Ix("default operator class spelled in the model", "(s)", """["s"], keyOptions: [new(OperatorClass: "text_ops")]""", Same),
        Ix("text_ops is the default for varchar", "(v text_ops)", """["v"]""", Same),
        Ix("varchar_pattern_ops in the model only", "(v)", """["v"], keyOptions: [new(OperatorClass: "varchar_pattern_ops")]""", Differ),
        Ix("varchar_pattern_ops spelled in upper case", "(v varchar_pattern_ops)", """["v"], keyOptions: [new(OperatorClass: "VARCHAR_PATTERN_OPS")]""", Same),
        Ix("varchar_pattern_ops vs text_pattern_ops", "(v varchar_pattern_ops)", """["v"], keyOptions: [new(OperatorClass: "text_pattern_ops")]""", Differ),
        Ix("schema-qualified operator class", "(s text_pattern_ops)", """["s"], keyOptions: [new(OperatorClass: "pg_catalog.text_pattern_ops")]""", Same),
        Ix("jsonb_path_ops on gin on both sides", "USING gin (j jsonb_path_ops)", """["j"], method: "gin", keyOptions: [new(OperatorClass: "jsonb_path_ops")]""", Same),
        Ix("jsonb_path_ops vs gin's default", "USING gin (j)", """["j"], method: "gin", keyOptions: [new(OperatorClass: "jsonb_path_ops")]""", Differ),
        Ix("jsonb_ops spelled on gin", "USING gin (j jsonb_ops)", "[\"j\"], method: \"gin\"", Same),
        Ix("default hash operator class spelled", "USING hash (n int4_ops)", "[\"n\"], method: \"hash\"", Same),

        // Collation per key: the column's own is the same as none.
        Ix("COLLATE C on both sides", "(s COLLATE \"C\")", """["s"], keyOptions: [new(Collation: "C")]""", Same),
        Ix("COLLATE C in the model only", "(s)", """["s"], keyOptions: [new(Collation: "C")]""", Differ),
        Ix("collate in lower case", "(s collate \"C\")", """["s"], keyOptions: [new(Collation: "C")]""", Same),
        Ix("key collation equal to the column's", "(c)", """["c"], keyOptions: [new(Collation: "C")]""", Same),
        Ix("COLLATE POSIX vs C", "(s COLLATE \"POSIX\")", """["s"], keyOptions: [new(Collation: "C")]""", Differ),
        Ix("COLLATE C in the database only", "(s COLLATE \"C\")", """["s"]""", Differ),

        // NULLS NOT DISTINCT on unique indexes.
        Ix("NULLS NOT DISTINCT on both sides", "(n) NULLS NOT DISTINCT", """["n"], unique: true, nullsNotDistinct: true""", Same, unique: true),
        Ix("NULLS NOT DISTINCT in the model only", "(n)", """["n"], unique: true, nullsNotDistinct: true""", Differ, unique: true),
        Ix("NULLS NOT DISTINCT in the database only", "(n) NULLS NOT DISTINCT", """["n"], unique: true""", Differ, unique: true),

        // Options written after an expression key.
        Ix("operator class inside the expression key", "(lower(s) text_pattern_ops)", """["lower(s) text_pattern_ops"], expressions: [true]""", Same),
        Ix("operator class inside the expression vs as an option", "(lower(s) text_pattern_ops)",
            """["lower(s)"], expressions: [true], keyOptions: [new(OperatorClass: "text_pattern_ops")]""", Same),
        Ix("operator class inside the expression in the model only", "(lower(s))", """["lower(s) text_pattern_ops"], expressions: [true]""", Differ),
        Ix("COLLATE after an expression key", "(lower(s) COLLATE \"C\")", """["lower(s)"], expressions: [true], keyOptions: [new(Collation: "C")]""", Same),

        // All at once.
        Ix("every key option together", "(s COLLATE \"C\" text_pattern_ops DESC NULLS LAST, n NULLS FIRST)",
            """["s", "n"], descending: [true, false], keyOptions: [new(NullsOrder.Last, "text_pattern_ops", "C"), new(NullsOrder.First)]""", Same),
        Ix("every key option but one", "(s COLLATE \"C\" text_pattern_ops DESC NULLS LAST, n NULLS FIRST)",
            """["s", "n"], descending: [true, false], keyOptions: [new(NullsOrder.Last, "text_pattern_ops", "C"), null]""", Differ),
    ];

    /// <summary>
    /// A case on one index <c>{t}_ix</c> of a table with columns n (int), s (text), v (varchar), j (jsonb) and c (text
    /// COLLATE "C"): <paramref name="database"/> follows <c>ON {t}</c> in CREATE INDEX, <paramref name="model"/> follows the
    /// index name in <c>t.Index(...)</c>.
    /// </summary>
    private static Case Ix(string name, string database, string model, bool same, bool unique = false) =>
        Table(name, "n int, s text, v varchar(40), j jsonb, c text COLLATE \"C\"", $"CREATE {(unique ? "UNIQUE " : "")}INDEX {{t}}_ix ON {{t}} {database};",
            "t.Column(\"n\", SqlType.Int32).Nullable(); t.Column(\"s\", SqlType.Text).Nullable(); t.Column(\"v\", SqlType.String(40)).Nullable(); " +
            "t.Column(\"j\", SqlType.Json).Nullable(); t.Column(\"c\", SqlType.Text).Nullable().Collation(\"C\"); " +
            $"t.Index(\"{{t}}_ix\", {model});", same);
}
