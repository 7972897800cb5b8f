using System.Data.Common;
using System.Diagnostics;
using DiffMigrate.Dialects;
using DiffMigrate.Diff;
using DiffMigrate.Inspect;
using DiffMigrate.Migrations;
using DiffMigrate.Providers;
using DiffMigrate.Runner.Configuration;
using DiffMigrate.Design.ModelLoading;
using DiffMigrate.Schema;

namespace DiffMigrate.Design.Commands;

/// <summary>Loads the application's model and compares it with a live database.</summary>
internal static class Autogenerate
{
    /// <summary>The model named by the configuration's <c>model</c>, as a neutral schema.</summary>
    public static DatabaseSchema LoadModel(DiffMigrateConfig config, Action<string> log)
    {
        if (config.Model is null)
        {
            throw new DiffMigrateException(
                $"No model is configured: set \"model\" in {config.Path ?? ConfigLoader.FileName} to the .csproj or .dll that holds your entity classes.");
        }
        var assembly = ModelLoader.Load(config.Model, log);
        var schema = ModelLoader.ReadSchema(assembly, config.Model, Naming(config));
        if (schema.Tables.Count == 0)
        {
            throw new DiffMigrateException(
                $"No table found in {config.Model}: mark entity classes with [Table] or describe tables in a SchemaDefinition subclass.");
        }
        return schema;
    }

    /// <summary>The operations that take the database to the model.</summary>
    /// <remarks>
    /// The database is read in its default schema and every schema the model uses (all schemas with
    /// <c>includeSchemas</c>). Where the dialect can, the server canonicalises the model's expressions first; when it
    /// cannot, <paramref name="log"/> says why and the built-in normaliser is used.
    /// </remarks>
    public static IReadOnlyList<MigrationOperation> Compare(
        DbConnection connection, DatabaseProvider services, DatabaseSchema model, DiffMigrateConfig config, Action<string>? log = null) =>
        Run(connection, services, model, config, log).Operations;

    /// <summary>As <see cref="Compare"/>, with the database as it was read.</summary>
    public static Comparison Run(DbConnection connection, DatabaseProvider services, DatabaseSchema model, DiffMigrateConfig config, Action<string>? log = null)
    {
        IdentifierLimits.Check(model, services.Dialect);   // before the canonicaliser creates anything under a name the server would cut
        var clock = Stopwatch.StartNew();
        var schemas = model.Schemas.Concat(model.Tables.Select(t => t.Name.Schema).OfType<string>()).Distinct(StringComparer.Ordinal).ToList();
        var database = services.Inspector
            .InspectAsync(connection, new InspectOptions([config.VersionTable], schemas, config.IncludeSchemas))
            .GetAwaiter().GetResult();
        var timings = $"inspected {database.Tables.Count} tables in {clock.ElapsedMilliseconds} ms";
        DatabaseSchema? serverForms = null;
        if (services.Canonicalizer is { } canonicalizer)
        {
            clock.Restart();
            var (forms, problem) = canonicalizer.CanonicalizeAsync(connection, model, database).GetAwaiter().GetResult();
            serverForms = forms;
            if (problem is not null) log?.Invoke($"The server could not canonicalise the model's expressions ({problem}); comparing with the built-in normaliser.");
            timings += $", model expressions canonicalised by the server in {clock.ElapsedMilliseconds} ms";
        }
        clock.Restart();
        var operations = Diff(database, model, services.Dialect, config, serverForms);
        log?.Invoke($"Compared: {timings}, diffed in {clock.ElapsedMilliseconds} ms.");
        return new Comparison(operations, database);
    }

    /// <summary>
    /// The operations that take <paramref name="from"/> to <paramref name="to"/> under the configuration's table
    /// filters, grouped into batches where <paramref name="dialect"/> rebuilds tables.
    /// </summary>
    /// <remarks>
    /// This is where a model meets its dialect: a name over the dialect's identifier limit on either side is an
    /// error here (an inspected database's names always fit), never a difference that could not go away.
    /// </remarks>
    public static IReadOnlyList<MigrationOperation> Diff(
        DatabaseSchema from, DatabaseSchema to, Dialect dialect, DiffMigrateConfig config, DatabaseSchema? serverForms = null)
    {
        IdentifierLimits.Check(from, dialect);
        IdentifierLimits.Check(to, dialect);
        return Batches.For(dialect, new SchemaDiffer(new DiffOptions(dialect, config.VersionTable, config.Include, config.Exclude, serverForms)).Diff(from, to));
    }

    private static NamingConvention Naming(DiffMigrateConfig config)
    {
        var naming = NamingConvention.Default;
        foreach (var (key, value) in config.NamingConvention)
        {
            naming = key switch
            {
                "primaryKey" or "pk" => naming with { PrimaryKey = value },
                "foreignKey" or "fk" => naming with { ForeignKey = value },
                "index" or "ix" => naming with { Index = value },
                "unique" or "uq" => naming with { Unique = value },
                "check" or "ck" => naming with { Check = value },
                _ => throw new DiffMigrateException(
                    $"{config.Path}: unknown namingConvention key '{key}': expected primaryKey, foreignKey, index, unique or check."),
            };
        }
        return naming;
    }
}

/// <summary>The operations that take the database to the model, and the database as it was read.</summary>
internal sealed record Comparison(IReadOnlyList<MigrationOperation> Operations, DatabaseSchema Database);
