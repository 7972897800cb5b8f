using System.Globalization;
using System.Text;

namespace DiffMigrate.Render.Sql;

/// <summary>
/// Quoting, literals and terminators of one dialect. Renderers never concatenate raw names: every identifier goes
/// through <see cref="QuoteIdentifier"/>.
/// </summary>
internal abstract class SqlSyntax
{
    /// <summary>Words that must be quoted when used as identifiers.</summary>
    protected abstract IReadOnlySet<string> ReservedWords { get; }

    /// <summary>The statement terminator.</summary>
    public virtual string StatementTerminator => ";";

    /// <summary>The statement that opens a transaction in an offline script.</summary>
    public virtual string BeginTransaction => "BEGIN";

    /// <summary>The statement that commits it.</summary>
    public virtual string CommitTransaction => "COMMIT";

    /// <summary>
    /// The line a script writes after every statement to end its batch (SQL Server's <c>GO</c>, which some statements
    /// need, as they must be alone in a batch); null where a script is one batch.
    /// </summary>
    public virtual string? BatchSeparator => null;

    /// <summary>A statement an offline script runs first, before any transaction (SQL Server's SET XACT_ABORT ON); null for none.</summary>
    public virtual string? OfflineSessionSetting => null;

    /// <summary>
    /// True where an offline script commits each revision in a transaction of its own (with its version-table change),
    /// so that a failing revision leaves the ones before it applied and recorded; false where the script is one transaction.
    /// </summary>
    public virtual bool OfflineTransactionPerRevision => false;

    /// <summary><paramref name="text"/> as a script writes it: with the terminator, and the batch separator's line where there is one.</summary>
    public string Terminated(string text) => text + StatementTerminator + (BatchSeparator is { } separator ? "\n" + separator : "");

    /// <summary>
    /// The identifier, quoted only when it must be (not a plain lower-case identifier, or a reserved word), so that
    /// generated SQL reads like hand-written SQL.
    /// </summary>
    public virtual string QuoteIdentifier(string name)
    {
        var plain = name.Length > 0 && (char.IsAsciiLetterLower(name[0]) || name[0] == '_')
            && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_')
            && !ReservedWords.Contains(name);
        return plain ? name : "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>A possibly schema-qualified name.</summary>
    public virtual string Quote(QualifiedName name) =>
        name.Schema is null ? QuoteIdentifier(name.Name) : QuoteIdentifier(name.Schema) + "." + QuoteIdentifier(name.Name);

    /// <summary>Quoted, comma-separated identifiers.</summary>
    public string QuoteList(IEnumerable<string> names) => string.Join(", ", names.Select(QuoteIdentifier));

    /// <summary>A string literal.</summary>
    public virtual string StringLiteral(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>A CLR value as an SQL literal (for BulkInsert).</summary>
    public virtual string Literal(object? value) => value switch
    {
        null => "NULL",
        string s => StringLiteral(s),
        bool b => b ? "1" : "0",
        char c => StringLiteral(c.ToString()),
        byte or sbyte or short or ushort or int or uint or long or ulong => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        Guid g => StringLiteral(g.ToString()),
        DateTime t => StringLiteral(t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)),
        DateTimeOffset t => StringLiteral(t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)),
        DateOnly d => StringLiteral(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        TimeOnly t => StringLiteral(t.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)),
        byte[] bytes => BinaryLiteral(bytes),
        Enum e => StringLiteral(e.ToString()),
        _ => throw new NotSupportedException($"No SQL literal for a {value.GetType().Name}."),
    };

    /// <summary>A binary literal.</summary>
    protected virtual string BinaryLiteral(byte[] bytes) => "X'" + Convert.ToHexString(bytes) + "'";

    /// <summary>Splits a reserved-word list written one word per whitespace.</summary>
    protected static IReadOnlySet<string> Words(string words) =>
        words.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);

    /// <summary>Appends <paramref name="text"/> indented by four spaces per line.</summary>
    internal static void AppendIndented(StringBuilder builder, string text) => builder.Append("    ").Append(text);
}
