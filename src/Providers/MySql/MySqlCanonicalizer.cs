using System.Data.Common;
using System.Globalization;
using DiffMigrate.Inspect;
using DiffMigrate.Migrations;
using DiffMigrate.Render.Sql;
using DiffMigrate.Schema;

namespace DiffMigrate.Providers.MySql;

/// <summary>
/// Asks MariaDB how it stores the model's expressions (column defaults, generated columns, checks): each model table
/// the database has, with expressions the text rules cannot settle against the database's (see <c>Settled</c>), is
/// written as a TEMPORARY table of the same columns and only those expressions, as the renderer would write it, and read back
/// with SHOW CREATE TABLE, whose DEFAULT, GENERATED ALWAYS AS and CHECK texts are those information_schema gives the
/// inspector (the server prints both from the same stored expression; information_schema does not list temporary
/// tables). Each temporary table is dropped right after it is read, and again on any failure; CREATE and DROP
/// TEMPORARY TABLE do not commit an open transaction. One command (one round trip) for the whole model when the
/// server takes everything; a table it refuses is asked again element by element, and what it still refuses keeps
/// the model's spelling and the built-in normaliser, one line each.
/// </summary>
/// <remarks>
/// MySQL 8 prints SHOW CREATE TABLE's literals unlike its information_schema (quoted numbers, an expression default
/// in parentheses): on MySQL nothing is asked and the built-in normaliser compares. The model's SQL is pasted into
/// the command only after <see cref="MySqlFragments.Problem(string)"/> has found it to be one expression that cannot leave
/// its parentheses or end the statement, so that a check or default holding <c>; DROP TABLE ...</c> is refused, not run.
/// </remarks>
internal sealed partial class MySqlCanonicalizer(SqlRenderer renderer) : IModelCanonicalizer
{
    private const string Prefix = "dm_canon_";

    /// <summary>How many elements may fall back one by one before the whole model does (each costs a round trip).</summary>
    private const int MostFallbacks = 10;

    /// <summary>The number of round trips the last call made: none when nothing was to be asked, else one, and one more per table or element the server refused.</summary>
    public int LastRoundTripCount { get; private set; }

    /// <summary>The number of temporary tables the last call created (and dropped).</summary>
    public int LastTemporaryTableCount { get; private set; }

    /// <summary>How many calls could not use the server's forms for some element (it fell back to the built-in normaliser).</summary>
    public int FallbackCount { get; private set; }

    /// <inheritdoc/>
    public async Task<(DatabaseSchema? Forms, string? Problem)> CanonicalizeAsync(
        DbConnection connection, DatabaseSchema model, DatabaseSchema database, CancellationToken cancellationToken = default)
    {
        LastRoundTripCount = 0;
        LastTemporaryTableCount = 0;
        if (!MySqlInspector.IsMariaDb(connection)) return (null, null);
        var fallbacks = new List<string>();
        var pending = new List<Unit>();
        var existing = database.Tables.DistinctBy(t => t.Name).ToDictionary(t => t.Name);
        for (var i = 0; i < model.Tables.Count; i++)
        {
            // Every element is checked for being one expression; only the unsettled ones of a table the database has go to the server.
            var table = model.Tables[i];
            var elements = Elements(table);
            if (!existing.TryGetValue(table.Name, out var stored)) continue;
            elements.RemoveAll(e => Settled(table, e, stored));
            if (elements.Count > 0) pending.Add(new Unit(i, elements, Bare: false));
        }
        if (pending.Count == 0) return (model, null);

        var answers = new Dictionary<(int Table, Element Element), string?>();
        var counter = 0;
        while (pending.Count > 0)
        {
            var named = new List<(Unit Unit, string Name, string Sql)>();
            foreach (var unit in pending)
            {
                var name = Prefix + (counter++).ToString(CultureInfo.InvariantCulture);
                var sql = CreateSql(model.Tables[unit.Table], unit, name, out var unwritable);
                if (sql is not null) named.Add((unit, name, sql));
                else if (unit.Elements.Count > 0) fallbacks.AddRange(unit.Elements.Select(e => $"{e.Describe(model.Tables[unit.Table])}: {unwritable}"));
            }
            if (named.Count == 0) break;
            var (read, failure) = await RunAsync(connection, named, cancellationToken).ConfigureAwait(false);
            var at = named.FindIndex(n => !read.ContainsKey(n.Name));
            foreach (var (unit, name, _) in named.Take(at < 0 ? named.Count : at)) Answer(model.Tables[unit.Table], unit, MySqlShowCreate.Parse(read[name]), answers, fallbacks);
            if (at < 0) break;
            var message = FirstLine(failure?.Message ?? "no answer");
            if (failure is null || connection.State != System.Data.ConnectionState.Open) return Whole(message);
            var failed = named[at].Unit;
            var rest = named.Skip(at + 1).Select(n => n.Unit).ToList();
            var table = model.Tables[failed.Table];
            if (failed.Bare)
            {
                // The columns alone are refused (a type): every element of the table keeps the model's spelling.
                var left = rest.Where(u => u.Table == failed.Table).SelectMany(u => u.Elements).ToList();
                fallbacks.AddRange(left.Select(e => $"{e.Describe(table)}: {message}"));
                rest = rest.Where(u => u.Table != failed.Table).ToList();
            }
            else if (failed.Elements.Count > 1)
            {
                // Which element? The columns alone first, then each element on its own.
                rest.InsertRange(0, [new Unit(failed.Table, [], Bare: true), .. failed.Elements.Select(e => new Unit(failed.Table, [e], Bare: false))]);
            }
            else
            {
                fallbacks.Add($"{failed.Elements[0].Describe(table)}: {message}");
            }
            if (fallbacks.Count > MostFallbacks) return Whole($"{fallbacks[^1]}, and {MostFallbacks} other elements before it");
            pending = rest;
        }

        if (fallbacks.Count > 0) FallbackCount++;
        var tables = model.Tables.Select((t, i) => Apply(t, i, answers)).ToEquatableArray();
        return (model with { Tables = tables }, fallbacks.Count == 0 ? null : string.Join("\n", fallbacks));

        (DatabaseSchema?, string?) Whole(string problem)
        {
            FallbackCount++;
            return (null, problem);
        }
    }

    /// <summary>
    /// CREATE TEMPORARY TABLE for <paramref name="unit"/>: the table's columns with their types, nullable, without
    /// identity, collation or comment, and only the unit's elements; null (and why) when the renderer cannot write it.
    /// </summary>
    private string? CreateSql(Table table, Unit unit, string name, out string? unwritable)
    {
        unwritable = null;
        var columns = table.Columns.Select((c, i) =>
        {
            var asked = unit.Elements.FirstOrDefault(e => e.Kind != ElementKind.Check && e.Index == i);
            return new Column(c.Name, c.Type, Nullable: true,
                Default: asked?.Kind == ElementKind.Default ? c.Default : null,
                Computed: asked?.Kind == ElementKind.Computed ? c.Computed : null,
                ComputedVirtual: asked?.Kind == ElementKind.Computed && c.ComputedVirtual);
        }).ToEquatableArray();
        var checks = unit.Elements.Where(e => e.Kind == ElementKind.Check)
            .Select(e => new CheckConstraint(CheckName(e.Index), table.CheckConstraints[e.Index].Sql)).ToEquatableArray();
        try
        {
            var text = renderer.Render([new CreateTable(new Table(new QualifiedName(null, name), columns, CheckConstraints: checks))]).Single().Text;
            const string create = "CREATE TABLE ";
            return text.StartsWith(create, StringComparison.Ordinal) ? "CREATE TEMPORARY TABLE " + text[create.Length..] : null;
        }
        catch (Exception e) when (e is DiffMigrateException or NotSupportedException)
        {
            // A type or element this database cannot have: the renderer says so again when a revision holds it.
            unwritable = FirstLine(e.Message);
            return null;
        }
    }

    /// <summary>
    /// Runs every unit's CREATE, SHOW CREATE and DROP in one command, and answers SHOW CREATE's text by temporary
    /// table; on a failure, what was read before it and the failure, with every temporary table dropped.
    /// </summary>
    private async Task<(Dictionary<string, string> Read, DbException? Failure)> RunAsync(
        DbConnection connection, List<(Unit Unit, string Name, string Sql)> units, CancellationToken cancellationToken)
    {
        var read = new Dictionary<string, string>(StringComparer.Ordinal);
        LastRoundTripCount++;
        LastTemporaryTableCount += units.Count;
        await using var command = connection.CreateCommand();
        command.CommandText = string.Join(";\n", units.Select(u => $"{u.Sql};\nSHOW CREATE TABLE {Quote(u.Name)};\nDROP TEMPORARY TABLE {Quote(u.Name)}"));
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            do
            {
                while (reader.FieldCount == 2 && await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) read[reader.GetString(0)] = reader.GetString(1);
            }
            while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false));
            return (read, null);
        }
        catch (DbException e)
        {
            await DropAsync(connection, units.Select(u => u.Name)).ConfigureAwait(false);
            return (read, e);
        }
    }

    // After a failure the statements after the failing one did not run: the temporary tables they would have dropped
    // may be there still (the failing CREATE's, or one whose SHOW CREATE failed).
    private static async Task DropAsync(DbConnection connection, IEnumerable<string> names)
    {
        if (connection.State != System.Data.ConnectionState.Open) return;   // the server drops a session's temporary tables with it
        await using var command = connection.CreateCommand();
        command.CommandText = "DROP TEMPORARY TABLE IF EXISTS " + string.Join(", ", names.Select(Quote));
        try
        {
            await command.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (DbException)
        {
            // The failure that brought us here is the one to report.
        }
    }

    /// <summary>The server's texts for <paramref name="unit"/>'s elements, in the inspector's spelling.</summary>
    private static void Answer(Table table, Unit unit, MySqlShowCreate forms, Dictionary<(int, Element), string?> answers, List<string> fallbacks)
    {
        foreach (var element in unit.Elements)
        {
            var column = element.Kind == ElementKind.Check ? null : table.Columns[element.Index];
            string? text;
            bool found;
            switch (element.Kind)
            {
                case ElementKind.Default:
                    found = forms.Columns.TryGetValue(column!.Name, out var form) && form.Default is not null;
                    text = found ? MySqlInspector.Default(form.Default, "", column.Type, mariaDb: true) : null;
                    break;
                case ElementKind.Computed:
                    found = forms.Columns.TryGetValue(column!.Name, out var generated) && generated.Generated is not null;
                    text = generated.Generated;
                    break;
                default:
                    found = forms.Checks.TryGetValue(CheckName(element.Index), out text);
                    break;
            }
            if (found) answers[(unit.Table, element)] = text;
            else fallbacks.Add($"{element.Describe(table)}: the server's SHOW CREATE TABLE could not be read");
        }
    }

    /// <summary>Table <paramref name="index"/> of the model with the server's texts where it gave them.</summary>
    private static Table Apply(Table table, int index, Dictionary<(int, Element), string?> answers)
    {
        var columns = table.Columns.Select((c, i) =>
            answers.TryGetValue((index, new Element(ElementKind.Computed, i)), out var computed) ? c with { Computed = computed }
            : answers.TryGetValue((index, new Element(ElementKind.Default, i)), out var value) ? c with { Default = value }
            : c).ToEquatableArray();
        var checks = table.CheckConstraints.Select((k, i) =>
            answers.TryGetValue((index, new Element(ElementKind.Check, i)), out var clause) && clause is not null ? k with { Sql = clause } : k).ToEquatableArray();
        return table with { Columns = columns, CheckConstraints = checks };
    }

    // The checks get names of their own: a model check may have none, and a JSON column's check is named after it.
    private static string CheckName(int index) => "dm_check_" + index.ToString(CultureInfo.InvariantCulture);

    private static string Quote(string name) => MySqlIdentifiers.Quote(name);

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return (end < 0 ? message : message[..end]).Trim();
    }
}
