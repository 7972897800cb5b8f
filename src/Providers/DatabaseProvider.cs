using System.Data.Common;
using DiffMigrate.Diff.Lint;
using DiffMigrate.Dialects;
using DiffMigrate.Inspect;
using DiffMigrate.Migrations;
using DiffMigrate.Render.Sql;

namespace DiffMigrate.Providers;

/// <summary>
/// Everything DiffMigrate knows about one database, in one place: its <see cref="Dialect"/> (capabilities, type map,
/// expression rules, identifier limits), inspector, canonicaliser, SQL renderer (quoting, offline transaction
/// statements, the table-rebuild rule), URL forms and driver, scratch databases, migration lock, failure codes and
/// lint rules. The runner and the design-time commands read these members; none of them tests a dialect's name.
/// Each provider lives in its own folder and is listed once, in <see cref="DatabaseProviders"/>.
/// </summary>
internal abstract class DatabaseProvider
{
    /// <summary>What the database can do, as data.</summary>
    public abstract Dialect Dialect { get; }

    /// <summary>The URL schemes and dialect names that select this provider (<c>postgresql</c>, <c>pg</c>, ...); the first is canonical.</summary>
    public abstract IReadOnlyList<string> Schemes { get; }

    /// <summary>The URL forms, as shown in an error about a bad URL.</summary>
    public abstract IReadOnlyList<string> UrlForms { get; }

    /// <summary>The type name of the ADO.NET connection class, to tell the provider of an application's own connection.</summary>
    public abstract string ConnectionTypeName { get; }

    /// <summary>The assembly-qualified name of the driver's DbProviderFactory, loaded when the tool opens a URL.</summary>
    public abstract string DriverFactoryTypeName { get; }

    /// <summary>Reads a live database into the neutral schema model.</summary>
    public abstract IDatabaseInspector Inspector { get; }

    /// <summary>Writes operations as this database's SQL.</summary>
    public abstract SqlRenderer Renderer { get; }

    /// <summary>Puts model expressions in the form the server stores them in; null where the text normaliser is exact enough.</summary>
    public virtual IModelCanonicalizer? Canonicalizer => null;

    /// <summary>A session-level lock against concurrent runners; null where a write transaction locks the whole database.</summary>
    public virtual AdvisoryLock? Lock => null;

    /// <summary>How a table is rebuilt ("move and copy") where ALTER cannot change it; null where it never is.</summary>
    public virtual TableRebuild? Rebuild => null;

    /// <summary>Whether a stopped CREATE INDEX left an invalid index: one row, whether valid, or none; null where that cannot happen.</summary>
    public virtual Func<QualifiedName, string>? IndexValidSql => null;

    /// <summary>A query counting the tables called <paramref name="table"/> (0 or 1).</summary>
    public abstract string TableExistsSql(QualifiedName table);

    /// <summary>
    /// The <c>scheme://...</c> URL whose part after the two slashes is <paramref name="rest"/>; relative paths resolve
    /// against <paramref name="baseDirectory"/>. Throws ArgumentException or FormatException with the reason.
    /// </summary>
    public abstract DatabaseUrl ParseUrl(string url, string rest, string baseDirectory);

    /// <summary>An empty database of this kind for a comparison, dropped when disposed; <paramref name="open"/> opens a URL.</summary>
    public abstract ScratchDatabase CreateScratch(DatabaseUrl url, Func<DatabaseUrl, DbConnection> open);

    /// <summary>
    /// The connection string for a command that only reads the catalog (see <see cref="DatabaseUrl.ForReading"/>):
    /// <paramref name="connectionString"/> unless the driver can skip work such a command never needs.
    /// </summary>
    public virtual string ForCatalogReading(string connectionString) => connectionString;

    /// <summary>True when <paramref name="error"/> says that another connection holds the database (retry until lockTimeout).</summary>
    public virtual bool IsBusy(DbException error) => false;

    /// <summary>What <paramref name="error"/> means on this database, in words for an operator; null for its own message.</summary>
    public virtual string? DescribeFailure(DbException error, DbConnection connection) => null;

    /// <summary>The lint rules that apply only to this database (the general ones are <see cref="SafetyLint.Rules"/>).</summary>
    public virtual DialectLint? LintRules => null;

    /// <summary>The safety findings for <paramref name="operations"/> on this database.</summary>
    public IReadOnlyList<LintFinding> Lint(IReadOnlyList<MigrationOperation> operations) => SafetyLint.Check(operations, Dialect, LintRules);

    /// <summary>The dialect's canonical name.</summary>
    public override string ToString() => Dialect.Name;

    /// <summary>A string literal for the catalog queries above.</summary>
    protected static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
