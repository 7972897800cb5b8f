using DiffMigrate.Render.Sql;

namespace DiffMigrate.Providers.MySql;

/// <summary>
/// MariaDB's and MySQL's quoting: identifiers in backticks (a backtick in a name doubled), unless plain lower case and
/// not reserved; string literals with quotes doubled and backslashes doubled, since a backslash escapes in a string
/// unless the session's sql_mode has NO_BACKSLASH_ESCAPES (then a doubled backslash is stored as two, and the quote is
/// still closed where it should be: never SQL).
/// </summary>
internal sealed class MySqlSyntax : SqlSyntax
{
    /// <summary>The shared instance.</summary>
    public static MySqlSyntax Instance { get; } = new();

    /// <inheritdoc/>
    protected override IReadOnlySet<string> ReservedWords => MySqlIdentifiers.ReservedWords;

    /// <inheritdoc/>
    public override string QuoteIdentifier(string name) => MySqlIdentifiers.Quote(name);

    /// <inheritdoc/>
    public override string StringLiteral(string value) =>
        "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";
}
