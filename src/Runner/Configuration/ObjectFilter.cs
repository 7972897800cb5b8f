using System.Text.RegularExpressions;
using DiffMigrate.Runner.Revisions;

namespace DiffMigrate.Runner.Configuration;

/// <summary>The kinds of schema object a comparison can leave out.</summary>
public enum SchemaObjectKind
{
    /// <summary>A (non-default) schema, with everything in it.</summary>
    Schema,

    /// <summary>A table, with everything on it.</summary>
    Table,

    /// <summary>A column of a table.</summary>
    Column,

    /// <summary>An index of a table.</summary>
    Index,

    /// <summary>A UNIQUE constraint of a table.</summary>
    Unique,

    /// <summary>A foreign key of a table.</summary>
    ForeignKey,

    /// <summary>A CHECK constraint of a table.</summary>
    Check,

    /// <summary>An enum type.</summary>
    Enum,

    /// <summary>A sequence.</summary>
    Sequence,

    /// <summary>A view (not compared yet: reported as not managed).</summary>
    View,

    /// <summary>A materialized view (reported as not managed).</summary>
    MaterializedView,

    /// <summary>A foreign table (reported as not managed).</summary>
    ForeignTable,

    /// <summary>A standalone composite type (reported as not managed).</summary>
    CompositeType,

    /// <summary>A partition of a partitioned table (no longer reported: a partition is a table, compared as one).</summary>
    Partition,

    /// <summary>The PARTITION BY of a partitioned table (no longer reported: it is compared, on the table).</summary>
    Partitioning,

    /// <summary>A domain.</summary>
    Domain,

    /// <summary>A range type (reported as not managed).</summary>
    RangeType,

    /// <summary>A function (reported as not managed).</summary>
    Function,

    /// <summary>A procedure (reported as not managed).</summary>
    Procedure,

    /// <summary>An aggregate (reported as not managed).</summary>
    Aggregate,

    /// <summary>A trigger on a table (reported as not managed).</summary>
    Trigger,

    /// <summary>A rewrite rule on a table (reported as not managed).</summary>
    Rule,

    /// <summary>A row-level security policy (reported as not managed).</summary>
    Policy,

    /// <summary>Row-level security turned on for a table (reported as not managed).</summary>
    RowSecurity,

    /// <summary>An exclusion constraint of a table (PostgreSQL).</summary>
    ExclusionConstraint,

    /// <summary>A constraint marked NOT VALID (no longer reported: NOT VALID is compared, on the foreign key or check itself).</summary>
    NotValid,

    /// <summary>The privileges granted on a table, view or sequence (reported as not managed).</summary>
    Grant,

    /// <summary>An extension (reported as not managed).</summary>
    Extension,

    /// <summary>An event trigger (reported as not managed).</summary>
    EventTrigger,

    /// <summary>A publication (reported as not managed).</summary>
    Publication,
}

/// <summary>
/// One object a comparison meets, as an include/exclude predicate sees it. <see cref="Schema"/> is null for the
/// default schema; <see cref="Table"/> is the table the object is on (a table's own name for a table; null for
/// schemas, enums and sequences); <see cref="Name"/> is the object's own name (null for an unnamed constraint).
/// </summary>
public sealed record SchemaObjectRef(SchemaObjectKind Kind, string? Schema, string? Table, string? Name);

/// <summary>
/// The <c>include</c> and <c>exclude</c> patterns of <c>diffmigrate.json</c>: <c>kind:glob</c>, where kind is one of
/// schema, table, column, index, unique, foreignKey, check, enum or sequence, or one of the kinds reported as not
/// managed (view, function, trigger, grant, ...; a pattern without a kind is a table pattern) and the glob's <c>*</c> matches any run of characters and <c>?</c> one, case-insensitively. A glob without
/// a dot matches the object's own name; one with a dot matches its qualified name too (<c>schema.table</c>,
/// <c>table.column</c>, <c>schema.table.column</c>). An object is compared when no exclude pattern of its kind matches
/// it and, if there are include patterns of its kind, one of them does.
/// </summary>
internal sealed class ObjectFilter
{
    private static readonly (string Word, SchemaObjectKind Kind)[] Kinds =
    [
        ("schema", SchemaObjectKind.Schema), ("table", SchemaObjectKind.Table), ("column", SchemaObjectKind.Column),
        ("index", SchemaObjectKind.Index), ("unique", SchemaObjectKind.Unique), ("foreignKey", SchemaObjectKind.ForeignKey),
        ("check", SchemaObjectKind.Check), ("enum", SchemaObjectKind.Enum), ("sequence", SchemaObjectKind.Sequence),
        ("view", SchemaObjectKind.View), ("materializedView", SchemaObjectKind.MaterializedView), ("foreignTable", SchemaObjectKind.ForeignTable),
        ("compositeType", SchemaObjectKind.CompositeType), ("partition", SchemaObjectKind.Partition), ("partitioning", SchemaObjectKind.Partitioning),
        ("domain", SchemaObjectKind.Domain), ("rangeType", SchemaObjectKind.RangeType), ("function", SchemaObjectKind.Function),
        ("procedure", SchemaObjectKind.Procedure), ("aggregate", SchemaObjectKind.Aggregate), ("trigger", SchemaObjectKind.Trigger),
        ("rule", SchemaObjectKind.Rule), ("policy", SchemaObjectKind.Policy), ("rowSecurity", SchemaObjectKind.RowSecurity),
        ("exclusionConstraint", SchemaObjectKind.ExclusionConstraint), ("notValid", SchemaObjectKind.NotValid), ("grant", SchemaObjectKind.Grant),
        ("extension", SchemaObjectKind.Extension), ("eventTrigger", SchemaObjectKind.EventTrigger), ("publication", SchemaObjectKind.Publication),
    ];

    /// <summary>The kind a word names (as patterns and <see cref="DiffMigrate.Schema.UnmanagedObject.Kind"/> spell it), or null.</summary>
    public static SchemaObjectKind? KindOf(string word)
    {
        foreach (var (known, kind) in Kinds)
        {
            if (string.Equals(known, word, StringComparison.OrdinalIgnoreCase)) return kind;
        }
        return null;
    }

    private readonly IReadOnlyList<Pattern> include;
    private readonly IReadOnlyList<Pattern> exclude;

    private ObjectFilter(IReadOnlyList<Pattern> include, IReadOnlyList<Pattern> exclude)
    {
        this.include = include;
        this.exclude = exclude;
    }

    /// <summary>
    /// The filter of <paramref name="include"/> and <paramref name="exclude"/>, or null when neither holds a pattern;
    /// a bad pattern is a <see cref="DiffMigrateException"/> naming <paramref name="source"/> (the configuration file).
    /// </summary>
    public static ObjectFilter? Parse(IReadOnlyList<string>? include, IReadOnlyList<string>? exclude, string source)
    {
        if ((include?.Count ?? 0) + (exclude?.Count ?? 0) == 0) return null;
        return new ObjectFilter(
            (include ?? []).Select(p => Pattern.Parse(p, "include", source)).ToList(),
            (exclude ?? []).Select(p => Pattern.Parse(p, "exclude", source)).ToList());
    }

    /// <summary>The filter that <paramref name="config"/>'s <c>include</c> and <c>exclude</c> describe, or null for none.</summary>
    public static ObjectFilter? For(DiffMigrateConfig config) => Parse(config.Include, config.Exclude, config.Path ?? ConfigLoader.FileName);

    /// <summary>True when <paramref name="item"/> takes part in the comparison.</summary>
    public bool Includes(SchemaObjectRef item)
    {
        if (exclude.Any(p => p.Matches(item))) return false;
        var ofKind = include.Where(p => p.Kind == item.Kind).ToList();
        return ofKind.Count == 0 || ofKind.Any(p => p.Matches(item));
    }

    private sealed record Pattern(SchemaObjectKind Kind, Regex Glob, bool Dotted)
    {
        public static Pattern Parse(string text, string key, string source)
        {
            string Where() => $"{source}: '{key}' pattern '{RevisionId.Printable(text)}'";
            if (string.IsNullOrWhiteSpace(text)) throw new DiffMigrateException($"{Where()} is empty: write kind:glob, e.g. table:audit_*.");
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            var kind = SchemaObjectKind.Table;
            var glob = text;
            if (colon >= 0)
            {
                var word = text[..colon];
                glob = text[(colon + 1)..];
                var known = Kinds.FirstOrDefault(k => string.Equals(k.Word, word, StringComparison.OrdinalIgnoreCase));
                if (known.Word is null)
                {
                    var nearest = Kinds.MinBy(k => ConfigKeys.Levenshtein(word.ToLowerInvariant(), k.Word.ToLowerInvariant())).Word;
                    throw new DiffMigrateException(
                        $"{Where()} has an unknown kind '{RevisionId.Printable(word)}': expected {string.Join(", ", Kinds.Select(k => k.Word))} (did you mean '{nearest}'?).");
                }
                kind = known.Kind;
                if (string.IsNullOrWhiteSpace(glob)) throw new DiffMigrateException($"{Where()} has no name after '{word}:': write e.g. {known.Word}:name_*.");
            }
            var regex = "^" + Regex.Escape(glob).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "\\z";
            // Singleline and \z, as for the differ's table globs: a name with a line feed in it is still matched by *.
            return new Pattern(kind, new Regex(regex, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1)),
                glob.Contains('.', StringComparison.Ordinal));
        }

        public bool Matches(SchemaObjectRef item) => item.Kind == Kind && Names(item).Any(Glob.IsMatch);

        // A glob without a dot sees the name alone, so that column:s* is not every column of every table whose name starts with s.
        private IEnumerable<string> Names(SchemaObjectRef item)
        {
            var name = item.Name ?? "";
            yield return name;
            if (!Dotted) yield break;
            switch (item.Kind)
            {
                case SchemaObjectKind.Schema:
                    break;
                case SchemaObjectKind.Table or SchemaObjectKind.Enum or SchemaObjectKind.Sequence:
                    if (item.Schema is { } schema) yield return schema + "." + name;
                    break;
                default:
                    if (item.Table is not { } table)
                    {
                        if (item.Schema is { } ownSchema) yield return ownSchema + "." + name;
                        break;
                    }
                    yield return table + "." + name;
                    if (item.Schema is { } tableSchema) yield return tableSchema + "." + table + "." + name;
                    break;
            }
        }
    }
}
