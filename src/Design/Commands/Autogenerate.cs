using System.Data.Common;
using DiffMigrate.Dialects;
using DiffMigrate.Migrations;
using DiffMigrate.Providers;
using DiffMigrate.Runner.Configuration;
using DiffMigrate.Design.ModelLoading;
using DiffMigrate.Design.Pipeline;
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
        var resolved = ModelLoader.Resolve(config.Model, log);
        var image = ModelLoader.Image(resolved);
        var naming = Naming(config);
        DatabaseSchema Run() => ModelLoader.ReadSchema(ModelLoader.Load(resolved, image), config.Model, naming);
        // Beside the scripts' own cache; a project without its script folder yet gets no folder made for it.
        var schema = Directory.Exists(config.ScriptLocation)
            ? ModelSchemaCache.For(Path.Combine(config.ScriptLocation, ".diffmigrate-cache"), config.Model, image, naming).GetOrRun(Run, log)
            : Run();
        if (schema.Tables.Count == 0)
        {
            throw new DiffMigrateException(
                $"No table found in {config.Model}: mark entity classes with [Table] or describe tables in a SchemaDefinition subclass.");
        }
        return schema;
    }

    /// <summary>
    /// The operations that take the database to the model under <paramref name="config"/>: shorthand for
    /// <see cref="SchemaComparison.Compare(DbConnection, DatabaseSchema)"/> with <see cref="ComparisonOptions.For"/>.
    /// </summary>
    public static IReadOnlyList<MigrationOperation> Compare(
        DbConnection connection, DatabaseProvider provider, DatabaseSchema model, DiffMigrateConfig config, Action<string>? log = null) =>
        new SchemaComparison(provider, ComparisonOptions.For(config), log).Compare(connection, model).Operations;

    /// <summary>
    /// The operations that take <paramref name="from"/> to <paramref name="to"/> under <paramref name="config"/>:
    /// shorthand for <see cref="SchemaComparison.Diff"/> with <see cref="ComparisonOptions.For"/>.
    /// </summary>
    public static IReadOnlyList<MigrationOperation> Diff(
        DatabaseSchema from, DatabaseSchema to, Dialect dialect, DiffMigrateConfig config, DatabaseSchema? serverForms = null) =>
        new SchemaComparison(DatabaseProviders.For(dialect), ComparisonOptions.For(config)).Diff(from, to, serverForms);

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
