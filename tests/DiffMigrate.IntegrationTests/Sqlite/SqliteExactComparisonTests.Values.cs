namespace DiffMigrate.IntegrationTests.Sqlite;

public sealed partial class SqliteExactComparisonTests
{
    /// <summary>A case on one column x: its declared type and default in the database, the model's type and default.</summary>
    private static (string Name, string Ddl, string Model, bool Same) Value(string name, string declared, string database, string type, string model, bool same) =>
        (name, $"CREATE TABLE t (x {declared} DEFAULT {database});", $"t.Column(\"x\", {type}).Nullable().Default({Literal(model)});", same);

    /// <summary>
    /// Constant defaults compare as the value SQLite stores in a row by the column's affinity (what typeof() and
    /// quote() of an inserted default show), both verdicts.
    /// </summary>
    private static (string Name, string Ddl, string Model, bool Same)[] ValueCases =>
    [
        Value("real default 5 vs 5.0", "REAL", "5", "SqlType.Single", "5.0", true),
        Value("real default 5 vs 5.5", "REAL", "5", "SqlType.Single", "5.5", false),
        Value("double default 1e2 vs 100", "DOUBLE", "1e2", "SqlType.Double", "100", true),
        Value("integer default '5.0' vs 5", "INTEGER", "'5.0'", "SqlType.Int32", "5", true),
        Value("integer default 5.0 vs 5", "INTEGER", "5.0", "SqlType.Int32", "5", true),
        Value("integer default 5.5 vs 5", "INTEGER", "5.5", "SqlType.Int32", "5", false),
        Value("integer default ' 5' vs 5", "INTEGER", "' 5'", "SqlType.Int32", "5", true),
        Value("integer default '1e2' vs 100", "INTEGER", "'1e2'", "SqlType.Int32", "100", true),
        Value("integer default '0x10' vs 16", "INTEGER", "'0x10'", "SqlType.Int32", "16", false),
        Value("numeric default 1.50 vs 1.5", "NUMERIC(10, 2)", "1.50", "SqlType.Decimal(10, 2)", "1.5", true),
        Value("numeric default '1.50' vs 1.5", "NUMERIC(10, 2)", "'1.50'", "SqlType.Decimal(10, 2)", "1.5", true),
        Value("numeric default 1.5 vs 1.51", "NUMERIC(10, 2)", "1.5", "SqlType.Decimal(10, 2)", "1.51", false),
        Value("boolean default TRUE vs 1", "BOOLEAN", "TRUE", "SqlType.Boolean", "1", true),
        Value("boolean default FALSE vs 1", "BOOLEAN", "FALSE", "SqlType.Boolean", "1", false),
        Value("text default 05 vs '5'", "TEXT", "05", "SqlType.Text", "'5'", true),
        Value("text default 5.0 vs '5'", "TEXT", "5.0", "SqlType.Text", "'5'", false),
        Value("text default 1.50 vs '1.5'", "TEXT", "1.50", "SqlType.Text", "'1.5'", true),
        Value("text default 1.50 vs '1.50'", "TEXT", "1.50", "SqlType.Text", "'1.50'", false),
        Value("text default TRUE vs '1'", "TEXT", "TRUE", "SqlType.Text", "'1'", true),
        Value("blob default 5 vs '5'", "BLOB", "5", "SqlType.Binary()", "'5'", false),
        Value("blob default 1.50 vs 1.5", "BLOB", "1.50", "SqlType.Binary()", "1.5", true),
    ];
}
