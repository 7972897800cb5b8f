using System.Text;
using DiffMigrate.Migrations;
using DiffMigrate.Providers;
using DiffMigrate.Render.Sql;
using DiffMigrate.Runner.Revisions;

namespace DiffMigrate.Runner.Execution;

/// <summary>
/// Offline mode (<c>--sql</c>): the SQL a run would send, as one script, with no database. Like Alembic, an
/// upgrade without a start revision starts from base and creates the version table; a downgrade needs a range.
/// </summary>
internal static class OfflineScript
{
    /// <summary>The script for <c>upgrade [start:]end --sql</c>.</summary>
    public static string Upgrade(RevisionSet revisions, DatabaseProvider provider, string versionTable, string range)
    {
        var (start, end) = SplitRange(range);
        var rows = start is null ? [] : revisions.Graph.Resolve(start, []);
        return Write(revisions, provider, versionTable, createTable: start is null, revisions.Graph.PlanUpgrade(rows, end), rows);
    }

    /// <summary>The script for <c>downgrade start:end --sql</c>.</summary>
    public static string Downgrade(RevisionSet revisions, DatabaseProvider provider, string versionTable, string range)
    {
        var (start, end) = SplitRange(range);
        if (start is null)
        {
            throw new DiffMigrateException("downgrade with --sql needs a range <from>:<to>, since there is no database to read the current revision from.");
        }
        var rows = revisions.Graph.Resolve(start, []);
        return Write(revisions, provider, versionTable, createTable: false, revisions.Graph.PlanDowngrade(rows, end), rows);
    }

    /// <summary>
    /// The script for <c>stamp --sql</c>: each target may be <c>start:end</c> (one start for all); without a start
    /// the rows start empty and the version table is created.
    /// </summary>
    public static string Stamp(RevisionGraph graph, DatabaseProvider provider, string versionTable, IReadOnlyList<string> targets, bool purge)
    {
        string? start = null;
        var destinations = new List<string>();
        foreach (var target in targets)
        {
            var (from, to) = SplitRange(target);
            if (from is not null && start is not null && from != start)
            {
                throw new DiffMigrateException("Stamp operation with --sql only supports a single starting revision at a time");
            }
            start ??= from;
            destinations.Add(to);
        }
        var rows = start is null ? [] : graph.Resolve(start, []);
        var table = Table(provider, versionTable);
        var renderer = provider.Renderer;
        var statements = new List<SqlStatement>();
        if (start is null) statements.Add(table.Create());
        if (purge) statements.Add(new SqlStatement($"DELETE FROM {renderer.Syntax.Quote(table.Name)}"));
        statements.AddRange(table.Edits(purge ? [] : rows, graph.Stamp(rows, destinations, purge)));
        return Preamble(provider) + Transaction(provider, statements);
    }

    /// <summary>
    /// <paramref name="statements"/> as one script in one transaction; with foreign-key enforcement off around it,
    /// and the check before COMMIT, when a statement needs that (a SQLite rebuild).
    /// </summary>
    public static string Script(DatabaseProvider provider, IReadOnlyList<SqlStatement> statements) =>
        Preamble(provider) + Wrap(provider, provider.Renderer.RenderScript(statements), statements.Any(s => s.ForeignKeysOff));

    /// <summary>The script for <c>ensure-version --sql</c>: the version table's CREATE TABLE.</summary>
    public static string EnsureVersion(DatabaseProvider provider, string versionTable) =>
        Preamble(provider) + Transaction(provider, [Table(provider, versionTable).Create()]);

    private static string Transaction(DatabaseProvider provider, IReadOnlyList<SqlStatement> statements) => Transaction(provider, provider.Renderer.RenderScript(statements));

    // The whole script is one transaction, as Alembic's offline output is; where DDL is not transactional a
    // transaction would hold nothing back, so the script says so instead of pretending.
    private static string Transaction(DatabaseProvider provider, string body)
    {
        var syntax = provider.Renderer.Syntax;
        return provider.Dialect.TransactionalDdl
            ? syntax.Terminated(syntax.BeginTransaction) + "\n\n" + body + syntax.Terminated(syntax.CommitTransaction) + "\n"
            : $"-- {provider.Dialect.Name} commits each DDL statement by itself: a failing statement leaves the ones before it applied.\n\n" + body;
    }

    // The session setting the dialect's scripts start with, if any.
    private static string Preamble(DatabaseProvider provider) =>
        provider.Renderer.Syntax.OfflineSessionSetting is { } setting ? provider.Renderer.Syntax.Terminated(setting) + "\n\n" : "";

    private static VersionTable Table(DatabaseProvider provider, string versionTable) => new(new QualifiedName(null, versionTable), provider);

    /// <summary>
    /// The steps' SQL: each step's operations from the revision set's offline cache when it holds every step, else
    /// rendered (and then cached) as <see cref="Render(RevisionSet, DatabaseProvider, IReadOnlyList{MigrationStep}, IReadOnlyList{string})"/> says.
    /// </summary>
    private static string Write(
        RevisionSet revisions, DatabaseProvider provider, string versionTable, bool createTable, IReadOnlyList<MigrationStep> steps, IReadOnlyList<string> startRows)
    {
        var renderer = provider.Renderer;
        var table = Table(provider, versionTable);
        var cache = revisions.OfflineSql;
        var bodies = cache?.Find(provider, steps);
        if (bodies is null)
        {
            bodies = Render(revisions, provider, steps, startRows);
            cache?.Save(provider, steps, bodies);
        }
        if (renderer.Syntax.OfflineTransactionPerRevision) return PerRevision(provider, table, createTable, steps, bodies);
        var script = new StringBuilder();
        if (createTable) script.Append(renderer.RenderScript([table.Create()]));
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            script.Append("-- ").Append(StepText.Describe(step, withMessage: false)).Append("\n\n")
                .Append(bodies[i].Sql)
                .Append(renderer.RenderScript([.. table.Edits(step.RowsBefore, step.RowsAfter)]));
        }
        return Wrap(provider, script.ToString(), bodies.Any(b => b.ForeignKeysOff));
    }

    /// <summary>
    /// The script as one transaction per revision, each with its version-table change, the version table's CREATE in
    /// one of its own: a revision that fails leaves the ones before it applied and recorded.
    /// </summary>
    private static string PerRevision(DatabaseProvider provider, VersionTable table, bool createTable, IReadOnlyList<MigrationStep> steps, IReadOnlyList<StepSql> bodies)
    {
        var renderer = provider.Renderer;
        var script = new StringBuilder(Preamble(provider));
        if (createTable) script.Append(Transaction(provider, [table.Create()])).Append('\n');
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            script.Append("-- ").Append(StepText.Describe(step, withMessage: false)).Append("\n\n")
                .Append(Transaction(provider, bodies[i].Sql + renderer.RenderScript([.. table.Edits(step.RowsBefore, step.RowsAfter)]))).Append('\n');
        }
        return script.ToString();
    }

    /// <summary>
    /// Each step's operations as SQL. A batch that rebuilds a table takes the table's definition from its copyFrom
    /// or, failing that, from replaying the revisions' operations from base (<paramref name="startRows"/> is where
    /// the script starts): that step's SQL depends on the revisions before it.
    /// </summary>
    private static List<StepSql> Render(RevisionSet revisions, DatabaseProvider provider, IReadOnlyList<MigrationStep> steps, IReadOnlyList<string> startRows)
    {
        var renderer = provider.Renderer;
        var replay = new SchemaReplay();
        var before = startRows.Count == 0 ? [] : revisions.Graph.PlanUpgrade([], startRows);
        var migrations = revisions.Load([.. before.Concat(steps).Select(s => s.Revision.Id).Distinct()]);
        foreach (var step in before)
        {
            foreach (var operation in Migrator.Record(migrations[step.Revision.Id], step)) replay.Apply(operation);
        }
        var bodies = new List<StepSql>(steps.Count);
        foreach (var step in steps)
        {
            var statements = new List<SqlStatement>();
            var rebuilds = false;
            var operations = provider.Renderer.Arrange(Migrator.Record(migrations[step.Revision.Id], step));
            foreach (var statement in operations.SelectMany(o => Render(provider, replay, o, ref rebuilds)))
            {
                if (statement.SuppressTransaction && provider.Dialect.TransactionalDdl)
                {
                    statements.Add(new SqlStatement(renderer.Syntax.CommitTransaction));
                    statements.Add(statement);
                    statements.Add(new SqlStatement(renderer.Syntax.BeginTransaction));
                }
                else
                {
                    statements.Add(statement);
                }
            }
            bodies.Add(new StepSql(renderer.RenderScript(statements), rebuilds, operations.Any(o => o is BatchAlterTable { CopyFrom: null })));
        }
        return bodies;
    }

    private static string Wrap(DatabaseProvider provider, string body, bool foreignKeysOff)
    {
        var renderer = provider.Renderer;
        if (provider.Rebuild is not { } rebuild || !foreignKeysOff) return Transaction(provider, body);
        // Foreign-key enforcement cannot change inside a transaction: around it, and the check is for the operator to read.
        var terminator = renderer.Syntax.StatementTerminator;
        return $"{rebuild.ForeignKeysOff}{terminator}\n\n" +
            Transaction(provider, body + renderer.RenderScript([new SqlStatement(rebuild.ForeignKeyCheck)])) +
            $"\n{rebuild.ForeignKeysOn}{terminator}\n";
    }

    /// <summary>One operation's SQL, a batch given its table's definition from the replay; the replay follows the operation.</summary>
    private static IReadOnlyList<SqlStatement> Render(DatabaseProvider provider, SchemaReplay replay, MigrationOperation operation, ref bool rebuilds)
    {
        if (operation is BatchAlterTable { CopyFrom: null } batch && replay.Find(batch.Table) is { } known) operation = batch with { CopyFrom = known };
        var statements = provider.Renderer.Render([operation]);
        rebuilds |= statements.Any(s => s.ForeignKeysOff);
        replay.Apply(operation);
        return statements;
    }

    /// <summary><c>start:end</c> split at its colon; a range without one has no start.</summary>
    internal static (string? Start, string End) SplitRange(string range)
    {
        var colon = range.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (null, range) : (range[..colon], range[(colon + 1)..]);
    }
}
