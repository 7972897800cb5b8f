using System.Data.Common;
using DiffMigrate.Providers;
using DiffMigrate.Render.Sql;

namespace DiffMigrate.Runner.Execution;

/// <summary>
/// The version table: one row per applied head (Alembic's alembic_version). Edits between two row sets are written
/// as Alembic writes them: an UPDATE when one row becomes another, else INSERTs and DELETEs.
/// </summary>
internal sealed class VersionTable(QualifiedName name, DatabaseProvider provider)
{
    public QualifiedName Name { get; } = name;

    public async Task<bool> Exists(DbConnection connection, DbTransaction? transaction, Io io)
    {
        using var command = Command(connection, transaction, provider.TableExistsSql(Name));
        return Convert.ToInt64(await io.Scalar(command).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    /// <summary>The applied heads, without progress markers.</summary>
    public async Task<IReadOnlyList<string>> Read(DbConnection connection, DbTransaction? transaction, Io io) =>
        (await ReadAll(connection, transaction, io).ConfigureAwait(false)).Where(r => ProgressMarker.Parse(r) is null).ToList();

    /// <summary>
    /// The progress markers: a row <c>id@u3</c> says that the upgrade (<c>d</c>: downgrade) of revision <c>id</c>
    /// stopped at its third statement that runs outside a transaction, with everything before it committed. Revision
    /// ids hold letters, digits and underscores only, so a marker can never be taken for one.
    /// </summary>
    public async Task<IReadOnlyList<ProgressMarker>> Markers(DbConnection connection, DbTransaction? transaction, Io io) =>
        (await ReadAll(connection, transaction, io).ConfigureAwait(false)).Select(ProgressMarker.Parse).OfType<ProgressMarker>().ToList();

    public SqlStatement Insert(string row) => provider.Renderer.InsertVersion(Name, row);

    public SqlStatement Delete(string row) => provider.Renderer.DeleteVersion(Name, row);

    private async Task<IReadOnlyList<string>> ReadAll(DbConnection connection, DbTransaction? transaction, Io io)
    {
        if (!await Exists(connection, transaction, io).ConfigureAwait(false)) return [];
        var sql = $"SELECT version_num FROM {provider.Renderer.Syntax.Quote(Name)}";
        using var command = Command(connection, transaction, sql);
        var rows = await io.Rows(command, r => r.GetString(0)).ConfigureAwait(false);
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    public SqlStatement Create() => provider.Renderer.CreateVersionTable(Name);

    /// <summary>The statements that turn the rows <paramref name="before"/> into <paramref name="after"/>.</summary>
    public IEnumerable<SqlStatement> Edits(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        var removed = before.Where(r => !after.Contains(r, StringComparer.Ordinal)).ToList();
        var added = after.Where(r => !before.Contains(r, StringComparer.Ordinal)).ToList();
        var pairs = Math.Min(removed.Count, added.Count);
        // Alembic updates in place when a step replaces rows one for one, and deletes the rest (a merge) or
        // inserts the rest (a new branch); the same rows come out either way, this keeps the SQL familiar.
        for (var i = 0; i < pairs; i++) yield return provider.Renderer.UpdateVersion(Name, removed[i], added[i]);
        for (var i = pairs; i < removed.Count; i++) yield return provider.Renderer.DeleteVersion(Name, removed[i]);
        for (var i = pairs; i < added.Count; i++) yield return provider.Renderer.InsertVersion(Name, added[i]);
    }

    internal static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}

/// <summary>Where a revision holding statements that run outside a transaction stopped; see <see cref="VersionTable.Markers"/>.</summary>
internal sealed record ProgressMarker(string Revision, bool IsUpgrade, int Statement)
{
    public string Row => $"{Revision}@{(IsUpgrade ? 'u' : 'd')}{Statement}";

    public static ProgressMarker? Parse(string row)
    {
        var at = row.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at + 2 >= row.Length || row[at + 1] is not ('u' or 'd')) return null;
        return int.TryParse(row.AsSpan(at + 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var statement)
            ? new ProgressMarker(row[..at], row[at + 1] == 'u', statement)
            : null;
    }
}
