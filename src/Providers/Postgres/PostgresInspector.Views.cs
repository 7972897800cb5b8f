using System.Data.Common;
using DiffMigrate.Schema;

namespace DiffMigrate.Providers.Postgres;

internal sealed partial class PostgresInspector
{
    /// <summary>
    /// The views and materialized views of the catalog rows: the query as the server prints it (without the
    /// semicolon and the blank space around it), the relations it depends on, a materialized view's indexes.
    /// </summary>
    private static EquatableArray<DefinedObject> Relations(CatalogRows rows, Func<string, string, QualifiedName> name, ILookup<(string, string), IndexRow> indexes) =>
        rows.Views.Select(v => new DefinedObject(
            v.Materialized ? DefinedObjectKind.MaterializedView : DefinedObjectKind.View,
            name(v.Schema, v.Name),
            Query(v.Definition),
            Indexes: v.Materialized ? indexes[(v.Schema, v.Name)].Select(Index).OrderBy(i => i.Name, StringComparer.Ordinal).ToEquatableArray() : default,
            DependsOn: v.DependsOnSchemas.Select((s, i) => name(s, v.DependsOnNames[i])).ToEquatableArray()))
        .OrderBy(o => o.Name).ToEquatableArray();

    /// <summary><c>pg_get_viewdef</c>'s text without the blank space it starts with and the semicolon it ends with.</summary>
    internal static string Query(string definition)
    {
        var text = definition.Trim();
        while (text.EndsWith(';')) text = text[..^1].TrimEnd();
        return text;
    }

    /// <summary>
    /// Reads the answers of <see cref="PostgresCatalog.Statements"/> 0, 4 and 9 (current schema, indexes, views),
    /// sent in that order, into the views and materialized views they describe: the canonicaliser's read-back.
    /// </summary>
    internal static async Task<EquatableArray<DefinedObject>> ReadRelationsAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        var rows = new CatalogRows();
        var readers = RowReaders(rows).ToList();
        foreach (var statement in RelationStatements)
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) readers[statement](reader);
            if (statement != RelationStatements[^1] && !await reader.NextResultAsync(cancellationToken).ConfigureAwait(false)) throw CatalogBatch.FewerResults();
        }
        QualifiedName Name(string schema, string relation) => new(schema == rows.CurrentSchema ? null : schema, relation);
        return Relations(rows, Name, rows.Indexes.ToLookup(i => (i.Schema, i.Table)));
    }

    /// <summary>The catalog statements the canonicaliser's read-back of views sends, in order.</summary>
    internal static readonly int[] RelationStatements = [PostgresCatalog.SchemasStatement, PostgresCatalog.IndexesStatement, PostgresCatalog.ViewsStatement];

    internal sealed partial class CatalogRows
    {
        public List<ViewRow> Views { get; } = [];
    }

    internal sealed record ViewRow(string Schema, string Name, bool Materialized, string Definition, string[] DependsOnSchemas, string[] DependsOnNames)
    {
        public static ViewRow Read(DbDataReader r) => new(
            r.GetString(0), r.GetString(1), r.GetBoolean(2), r.IsDBNull(3) ? "" : r.GetString(3),
            r.GetFieldValue<string[]>(4), r.GetFieldValue<string[]>(5));
    }
}
