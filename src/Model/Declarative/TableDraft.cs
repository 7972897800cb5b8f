using DiffMigrate.Schema;

namespace DiffMigrate.Declarative;

/// <summary>A column while a model is being read; both the attribute reader and the builder fill these.</summary>
internal sealed class ColumnDraft(string name, SqlType type)
{
    public string Name { get; set; } = name;
    public SqlType Type { get; set; } = type;
    public bool Nullable { get; set; }
    public string? Default { get; set; }
    public Identity? Identity { get; set; }
    public string? Computed { get; set; }
    public bool ComputedVirtual { get; set; }
    public string? Comment { get; set; }
    public string? Collation { get; set; }
    public string? RenamedFrom { get; set; }
    public string? OnUpdate { get; set; }

    public Column ToColumn() => new(Name, Type, Nullable, Default, Identity, Computed, Comment, Collation, ComputedVirtual, OnUpdate);
}

internal sealed record ForeignKeyDraft(
    List<string> Columns, QualifiedName? ReferredTable, Type? ReferredEntity, List<string>? ReferredColumns,
    ReferentialAction OnDelete, ReferentialAction OnUpdate, string? Name, string Where, bool Deferrable = false, bool InitiallyDeferred = false,
    bool NotValid = false);

/// <summary>A table while a model is being read. <see cref="Origin"/> names the class or builder for error messages.</summary>
internal sealed class TableDraft(QualifiedName name, string origin)
{
    public QualifiedName Name { get; } = name;
    public string Origin { get; } = origin;
    public List<ColumnDraft> Columns { get; } = [];
    public List<string>? PrimaryKey { get; set; }
    public string? PrimaryKeyName { get; set; }
    /// <summary>Declared on purpose without a primary key (a missing key is otherwise a mistake, and an error).</summary>
    public bool Keyless { get; set; }
    public List<ForeignKeyDraft> ForeignKeys { get; } = [];
    /// <summary>Indexes with an empty name where the naming convention is to name them.</summary>
    public List<TableIndex> Indexes { get; } = [];
    /// <summary>Unique constraints with a null name where the naming convention is to name them.</summary>
    public List<UniqueConstraint> Uniques { get; } = [];
    /// <summary>Checks: <c>Name</c> is the naming convention's {name}, or with <c>Exact</c> the constraint's whole name.</summary>
    public List<(string? Name, string Sql, string? Column, bool Exact)> Checks { get; } = [];
    /// <summary>The positions in <see cref="Checks"/> of the checks declared NOT VALID.</summary>
    public HashSet<int> NotValidChecks { get; } = [];
    public List<ExclusionConstraint> Exclusions { get; } = [];
    public string? Comment { get; set; }
    public string? RenamedFrom { get; set; }
    public bool Strict { get; set; }
    public bool WithoutRowid { get; set; }
    public string? PartitionBy { get; set; }
    public QualifiedName? PartitionOf { get; set; }
    public string? PartitionBound { get; set; }

    public ColumnDraft? Find(string column) => Columns.Find(c => string.Equals(c.Name, column, StringComparison.Ordinal));

    /// <summary>The finished table, with constraint names from <paramref name="naming"/> where none was given.</summary>
    public Table Build(NamingConvention naming, Func<ForeignKeyDraft, (QualifiedName Table, List<string> Columns)> resolve)
    {
        if (PartitionOf is not null && Columns.Count > 0)
        {
            throw new DiffMigrateException($"{Origin}: partition {Name} declares columns: a partition has its parent's columns ({PartitionOf}); declare them there.");
        }
        // A partition has the key its parent gives it.
        if (PrimaryKey is null && !Keyless && PartitionOf is null) throw new DiffMigrateException($"{Origin}: table {Name} has no primary key: declare one, or t.NoPrimaryKey() ([Keyless] on a class) to say it has none on purpose.");
        if (PrimaryKey is not null && Keyless) throw new DiffMigrateException($"{Origin}: table {Name} declares a primary key and NoPrimaryKey(): keep one.");
        foreach (var column in (PrimaryKey ?? []).Where(c => Find(c) is null))
        {
            throw new DiffMigrateException($"{Origin}: the primary key names column '{column}', which table {Name} does not have.");
        }
        var foreignKeys = ForeignKeys.Select(f =>
        {
            var (table, columns) = resolve(f);
            var name = f.Name ?? NamingConvention.Apply(naming.ForeignKey, Name, f.Columns, table.Name);
            return new ForeignKey(name, f.Columns.ToEquatableArray(), table, columns.ToEquatableArray(), f.OnDelete, f.OnUpdate, f.Deferrable, f.InitiallyDeferred, f.NotValid);
        });
        var checkNumber = 0;
        var checks = Checks.Select((c, i) => new CheckConstraint(
            c.Exact ? c.Name : NamingConvention.Apply(naming.Check, Name, c.Column is null ? [] : [c.Column], name: c.Name ?? c.Column ?? (++checkNumber).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            c.Sql, NotValidChecks.Contains(i)));
        return new Table(
            Name,
            Columns.Select(c => c.ToColumn()).ToEquatableArray(),
            PrimaryKey is null ? null : new PrimaryKey(PrimaryKeyName ?? NamingConvention.Apply(naming.PrimaryKey, Name, PrimaryKey), PrimaryKey.ToEquatableArray()),
            foreignKeys.OrderBy(f => f.Name, StringComparer.Ordinal).ToEquatableArray(),
            Indexes.Select(i => i.Name.Length > 0 ? i : i with { Name = NamingConvention.Apply(naming.Index, Name, [.. i.Columns]) })
                .OrderBy(i => i.Name, StringComparer.Ordinal).ToEquatableArray(),
            Uniques.Select(u => u with { Name = u.Name ?? NamingConvention.Apply(naming.Unique, Name, [.. u.Columns]) })
                .OrderBy(u => u.Name, StringComparer.Ordinal).ToEquatableArray(),
            checks.OrderBy(c => c.Name, StringComparer.Ordinal).ToEquatableArray(),
            Comment,
            Strict,
            WithoutRowid,
            Exclusions.OrderBy(x => x.Name, StringComparer.Ordinal).ToEquatableArray(),
            PartitionBy, PartitionOf, PartitionBound);
    }

    public IEnumerable<RenameHint> Renames()
    {
        if (RenamedFrom is { } table) yield return new RenameHint(Name, null, table);
        foreach (var column in Columns.Where(c => c.RenamedFrom is not null)) yield return new RenameHint(Name, column.Name, column.RenamedFrom!);
    }

    public void CheckColumns(IEnumerable<string> columns, string what)
    {
        foreach (var column in columns.Where(c => Find(c) is null))
        {
            throw new DiffMigrateException($"{Origin}: {what} names column '{column}', which table {Name} does not have.");
        }
    }
}
