using System.Text.RegularExpressions;
using DiffMigrate.Render;
using DiffMigrate.Render.Sql;

namespace DiffMigrate.Providers.SqlServer;

/// <summary>
/// SQL Server's quoting: identifiers in square brackets (a <c>]</c> in a name doubled) unless plain lower case and not
/// reserved; string literals as Unicode (<c>N'...'</c>, quotes doubled), binary as <c>0x...</c>. Offline scripts end
/// each statement with a <c>GO</c> line (CREATE VIEW, PROCEDURE, FUNCTION, TRIGGER and SCHEMA must each be alone in
/// their batch), open each revision's transaction with SET XACT_ABORT ON so that a failing statement rolls it back.
/// </summary>
internal sealed partial class SqlServerSyntax : SqlSyntax
{
    /// <summary>The shared instance.</summary>
    public static SqlServerSyntax Instance { get; } = new();

    /// <summary>
    /// The reserved keywords of Transact-SQL (the manual's "Reserved keywords" list), lower case; a name that is one
    /// of them must be quoted.
    /// </summary>
    public static IReadOnlySet<string> Reserved { get; } = Words("""
        add all alter and any as asc authorization backup begin between break browse bulk by cascade case check checkpoint
        close clustered coalesce collate column commit compute constraint contains containstable continue convert create
        cross current current_date current_time current_timestamp current_user cursor database dbcc deallocate declare
        default delete deny desc disk distinct distributed double drop dump else end errlvl escape except exec execute
        exists exit external fetch file fillfactor for foreign freetext freetexttable from full function goto grant group
        having holdlock identity identity_insert identitycol if in index inner insert intersect into is join key kill left
        like lineno load merge national nocheck nonclustered not null nullif of off offsets on open opendatasource
        openquery openrowset openxml option or order outer over percent pivot plan precision primary print proc procedure
        public raiserror read readtext reconfigure references replication restore restrict return revert revoke right
        rollback rowcount rowguidcol rule save schema securityaudit select semantickeyphrasetable
        semanticsimilaritydetailstable semanticsimilaritytable session_user set setuser shutdown some statistics
        system_user table tablesample textsize then to top tran transaction trigger truncate try_convert tsequal union
        unique unpivot update updatetext use user values varying view waitfor when where while with within writetext
        go
        """);

    /// <inheritdoc/>
    protected override IReadOnlySet<string> ReservedWords => Reserved;

    /// <inheritdoc/>
    public override string QuoteIdentifier(string name)
    {
        Unbroken(name, "name");
        var plain = name.Length > 0 && (char.IsAsciiLetterLower(name[0]) || name[0] == '_')
            && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_')
            && !Reserved.Contains(name);
        return plain ? name : "[" + name.Replace("]", "]]", StringComparison.Ordinal) + "]";
    }

    /// <inheritdoc/>
    public override string StringLiteral(string value) => "N'" + Unbroken(value, "text").Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>
    /// <paramref name="text"/>, refused when a line of it is GO: sqlcmd and SSMS end a batch at such a line wherever it
    /// is, inside brackets and quotes too, so a script would be cut in the middle of a statement.
    /// </summary>
    private static string Unbroken(string text, string what) => BatchLine().IsMatch(text)
        ? throw new DiffMigrateException($"The {what} '{VisibleText.Escape(text)}' has a line that says GO, which ends a batch in a SQL Server script wherever it stands: change it.")
        : text;

    [GeneratedRegex(@"[\r\n][ \t]*GO[ \t]*([0-9]+[ \t]*)?(\r|\n|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BatchLine();

    /// <inheritdoc/>
    protected override string BinaryLiteral(byte[] bytes) => "0x" + Convert.ToHexString(bytes);

    /// <inheritdoc/>
    public override string BeginTransaction => "BEGIN TRANSACTION";

    /// <inheritdoc/>
    public override string CommitTransaction => "COMMIT TRANSACTION";

    /// <inheritdoc/>
    public override string? BatchSeparator => "GO";

    /// <inheritdoc/>
    public override string? OfflineSessionSetting => "SET XACT_ABORT ON";

    /// <inheritdoc/>
    public override bool OfflineTransactionPerRevision => true;
}
