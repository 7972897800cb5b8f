using System.Runtime.CompilerServices;
using DiffMigrate.Dialects;
using DiffMigrate.Schema;

namespace DiffMigrate.Diff;

/// <summary>
/// Puts a table in the form the target database would report it in, so that model and database compare by meaning:
/// types as the dialect stores them, expressions in canonical spelling, the default schema as null, comments
/// dropped where the dialect has none. Used on both sides; pure.
/// </summary>
internal sealed class DialectNormalizer(Dialect dialect)
{
    /// <summary>The schema as compared: null for the default schema.</summary>
    public string? SchemaName(string? schema) => Name(new QualifiedName(schema, "")).Schema;

    public QualifiedName Name(QualifiedName name) =>
        name.Schema is { } schema && (!dialect.SupportsSchemas || string.Equals(schema, dialect.DefaultSchema, StringComparison.OrdinalIgnoreCase))
            ? name with { Schema = null }
            : name;

    // Each table normalised once per dialect however many comparisons see it: a command can then normalise the
    // database it read while the model is still loading, and the comparison finds that work done.
    private static readonly ConditionalWeakTable<Dialect, ConditionalWeakTable<Table, Table>> Normalized = [];

    public Table Table(Table table) => Normalized.GetValue(dialect, _ => []).GetValue(table, NormalizedTable);

    // Types, defaults and expressions repeat from column to column and table to table (a 500-table comparison asks for a
    // few dozen distinct ones some 10,000 times): each is worked out once per dialect. What they give depends on the dialect
    // and the text alone; a failure (a type the dialect cannot hold) is not kept, and thrown again each time.
    private static readonly ConditionalWeakTable<Dialect, Forms> Memo = [];

    private Forms Known => Memo.GetValue(dialect, static d => new Forms(d));

    private Table NormalizedTable(Table table)
    {
        if (table.Strict && dialect.SupportsStrictTables)
        {
            // A STRICT table stores each column as one of a few types: compared by those (a VARCHAR is a TEXT there).
            table = table with { Columns = table.Columns.Select(c => dialect.Types.StrictType(c.Type) is { } strict ? c with { Type = strict } : c).ToEquatableArray() };
        }
        var rowid = RowidColumn(table);
        return table with
        {
            Name = Name(table.Name),
            Columns = table.Columns.Map(c => Column(c, c.Name == rowid)),
            ForeignKeys = table.ForeignKeys.Map(f => f with
            {
                ReferredTable = Name(f.ReferredTable), Deferrable = f.Deferrable || f.InitiallyDeferred, NotValid = f.NotValid && dialect.SupportsNotValidConstraints,
                OnDelete = Action(f.OnDelete), OnUpdate = Action(f.OnUpdate),
            }),
            Indexes = table.Indexes.Map(i => Index(table, i)),
            UniqueConstraints = table.UniqueConstraints.Map(u => u with { Deferrable = u.Deferrable || u.InitiallyDeferred }),
            CheckConstraints = table.CheckConstraints.Map(c => c with { Sql = Expression(c.Sql), NotValid = c.NotValid && dialect.SupportsNotValidConstraints }),
            // The server's form is what counts (the canonicaliser asks for it); without one, only the spacing is forgiven.
            ExclusionConstraints = table.ExclusionConstraints.Map(x => x with { Definition = Spaced(x.Definition)! }),
            Comment = Comment(table.Comment),
            PartitionBy = Spaced(table.PartitionBy),
            PartitionOf = table.PartitionOf is { } parent ? Name(parent) : null,
            PartitionBound = table.PartitionOf is null ? null : Spaced(table.PartitionBound) ?? "DEFAULT",
        };
    }

    private ReferentialAction Action(ReferentialAction action) =>
        dialect.RestrictIsNoAction && action == ReferentialAction.Restrict ? ReferentialAction.NoAction : action;

    // Without the server's form (the canonicaliser asks for it), only the spacing is forgiven.
    private static string? Spaced(string? sql) => sql is null ? null : string.Join(' ', sql.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public string Expression(string sql) => Known.Expression(sql);

    // An empty comment is no comment: COMMENT ON ... IS '' removes it, and the catalog then has none to report.
    private string? Comment(string? comment) => dialect.SupportsComments && !string.IsNullOrEmpty(comment) ? comment : null;

    private Column Column(Column column, bool rowid)
    {
        var type = Known.Type(column.Type);
        var identity = column.Identity;
        if (dialect.IdentityIsRowid)
        {
            // The identity is the rowid alias declared AUTOINCREMENT (ids never reused), without options; any
            // sole INTEGER primary key is 64-bit whatever it was declared as.
            identity = rowid && identity is not null ? new Identity() : null;
            if (rowid) type = SqlType.Int64;
        }
        // A computed column without a declared type (SQL Server) has its expression's, which only the server knows.
        var typedByExpression = column.Computed is not null && dialect.ComputedColumnsTypedByExpression;
        return column with
        {
            Type = typedByExpression ? ExpressionTyped : type,
            Nullable = column.Nullable || (column.Computed is not null && dialect.ComputedColumnsNullable) || (typedByExpression && column.ComputedVirtual),
            Default = column.Default is null ? null : Known.Default(column.Default, type),
            // Options equal to the server's default for the type and direction compare as left out.
            Identity = identity is null ? null
                : dialect.IdentityOptionsNotReported ? new Identity()
                : IdentityOptions.Canonical(dialect.IdentityGenerationNotReported ? identity with { Always = false } : identity, type),
            Computed = column.Computed is null ? null : Expression(column.Computed),
            ComputedVirtual = column.Computed is not null && column.ComputedVirtual,
            Comment = Comment(column.Comment),
            Collation = column.Collation?.ToUpperInvariant(),
            OnUpdate = column.OnUpdate is null ? null : dialect.Expressions.CanonicalDefault(column.OnUpdate, type),
        };
    }

    // The one type every computed column of a dialect with ComputedColumnsTypedByExpression compares with.
    private static readonly SqlType ExpressionTyped = SqlType.Raw("(the expression's)");

    private TableIndex Index(Table table, TableIndex written)
    {
        var index = LiftCollations(written);
        return index with
        {
            KeyOptions = KeyOptions(table, index),
            NullsNotDistinct = index.NullsNotDistinct && index.IsUnique,
            Columns = index.Columns.Select((c, i) => i < index.Expressions.Count && index.Expressions[i] ? Expression(c) : c).ToEquatableArray(),
            Filter = index.Filter is null ? null : Expression(index.Filter),
            Expressions = index.Expressions.Contains(true) ? index.Expressions : default,
            Descending = index.Descending.Contains(true) ? index.Descending : default,
            Method = index.Method is null || string.Equals(index.Method, "btree", StringComparison.OrdinalIgnoreCase) ? null : index.Method.ToLowerInvariant(),
        };
    }

    /// <summary>
    /// A COLLATE that ends an expression key (<c>lower(name) COLLATE NOCASE</c>) is the key's collation: both databases
    /// treat <c>x COLLATE y</c> as a key of x with collation y, and report it so. The key's own option wins.
    /// </summary>
    private TableIndex LiftCollations(TableIndex index)
    {
        if (!dialect.SupportsIndexKeyCollation || !index.Expressions.Contains(true)) return index;
        var columns = index.Columns.ToArray();
        var options = index.Columns.Select((_, k) => index.KeyOption(k)).ToArray();
        var lifted = false;
        for (var k = 0; k < columns.Length; k++)
        {
            if (!index.IsExpression(k) || TrailingCollate.Match(columns[k]) is not { Success: true } match || !Balanced(match.Groups["expr"].Value)) continue;
            lifted = true;
            columns[k] = match.Groups["expr"].Value.TrimEnd();
            var name = match.Groups["name"].Value;
            options[k] = options[k] with { Collation = options[k].Collation ?? (SqlNames.Parts(name) is { Count: 1 } parts ? parts[0] : name) };
        }
        return lifted ? index with { Columns = [.. columns], KeyOptions = [.. options] } : index;
    }

    private static readonly System.Text.RegularExpressions.Regex TrailingCollate = new(
        """^(?<expr>.*[)\w"'\]`])\s+COLLATE\s+(?<name>[A-Za-z_][A-Za-z0-9_$]*|"(?:[^"]|"")+")\s*$""",
        System.Text.RegularExpressions.RegexOptions.Singleline | System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    // Parentheses balance outside quotes: the COLLATE is at the top level of the key.
    private static bool Balanced(string sql)
    {
        var depth = 0;
        char? quote = null;
        foreach (var c in sql)
        {
            if (quote is { } q) { if (c == q) quote = null; continue; }
            if (c is '\'' or '"' or '`') quote = c;
            else if (c == '(') depth++;
            else if (c == ')' && --depth < 0) return false;
        }
        return depth == 0 && quote is null;
    }

    /// <summary>
    /// Each key's options as the database reports them: NULLS at the direction's default (ASC: last, DESC: first) is
    /// <see cref="NullsOrder.Default"/>, a key collation equal to its column's (or, without one, the dialect's default)
    /// is null, collations in upper case (as columns' are compared) and a bare operator class name in lower case (the
    /// server folds it). One entry per key when some key has an option, none otherwise.
    /// </summary>
    internal EquatableArray<IndexKeyOptions> KeyOptions(Table table, TableIndex index)
    {
        if (!index.HasKeyOptions) return default;
        var options = index.Columns.Select((key, i) =>
        {
            var option = index.KeyOption(i);
            var descending = index.IsDescending(i);
            var nulls = option.Nulls == (descending ? NullsOrder.First : NullsOrder.Last) ? NullsOrder.Default : option.Nulls;
            var own = index.IsExpression(i) ? null : table.FindColumn(key)?.Collation;
            var collation = option.Collation?.ToUpperInvariant();
            if (collation is not null && (string.Equals(collation, own, StringComparison.OrdinalIgnoreCase)
                || own is null && string.Equals(collation, dialect.DefaultCollation, StringComparison.OrdinalIgnoreCase))) collation = null;
            return new IndexKeyOptions(nulls, OperatorClass(option.OperatorClass), collation);
        }).ToList();
        return options.All(o => o.IsDefault) ? default : options.ToEquatableArray();
    }

    /// <summary>An operator class name in one spelling: bare names in lower case, quotes only where needed.</summary>
    internal static string? OperatorClass(string? name) => string.IsNullOrWhiteSpace(name) ? null : SqlNames.Canonical(name);

    /// <summary>The column the database would make a rowid alias: the sole primary key column, spelled INTEGER or identity.</summary>
    private string? RowidColumn(Table table)
    {
        if (!dialect.IdentityIsRowid || table.WithoutRowid || table.PrimaryKey is not { Columns.Count: 1 } pk) return null;
        var column = table.FindColumn(pk.Columns[0]);
        if (column is null) return null;
        var spelled = dialect.Types.ToSql(column.Type);
        return column.Identity is not null && column.Type.IsInteger || string.Equals(spelled, "INTEGER", StringComparison.OrdinalIgnoreCase)
            ? column.Name
            : null;
    }

    /// <summary>One dialect's normalised types, defaults and expressions, as far as they have been asked for.</summary>
    private sealed class Forms(Dialect dialect)
    {
        private readonly KnownAnswers<SqlType, SqlType> types = new(dialect.Types.Normalize);
        private readonly KnownAnswers<string, string> expressions = new(dialect.Expressions.Canonical, StringComparer.Ordinal);
        private readonly KnownAnswers<DefaultKey, string> defaults = new(k => dialect.Expressions.CanonicalDefault(k.Sql, k.Type));

        public SqlType Type(SqlType type) => types.For(type);

        public string Expression(string sql) => expressions.For(sql);

        public string Default(string sql, SqlType type) => defaults.For(new DefaultKey(sql, type));

        private sealed record DefaultKey(string Sql, SqlType Type);
    }
}
