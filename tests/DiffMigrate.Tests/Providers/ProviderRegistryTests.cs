using System.Data.Common;
using DiffMigrate.Providers;
using Microsoft.Data.Sqlite;

namespace DiffMigrate.Tests.Providers;

/// <summary>The one registration: every provider is complete, reachable by its names, URLs and connection type, and unambiguous.</summary>
[TestClass]
public sealed class ProviderRegistryTests
{
    [TestMethod]
    public void Every_provider_is_complete_and_its_names_are_its_own()
    {
        var schemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var provider in DatabaseProviders.All)
        {
            Assert.AreEqual(provider.Dialect.Name, provider.Schemes[0], "the canonical scheme is the dialect's name");
            foreach (var scheme in provider.Schemes)
            {
                Assert.IsTrue(schemes.Add(scheme), $"scheme {scheme} belongs to one provider only");
                Assert.AreSame(provider, DatabaseProviders.Find(scheme));
                Assert.AreSame(provider, DatabaseProviders.Find(scheme.ToUpperInvariant()), "schemes are case-insensitive");
            }
            Assert.AreSame(provider, DatabaseProviders.For(provider.Dialect));
            Assert.IsNotEmpty(provider.UrlForms);
            Assert.AreSame(provider.Dialect, provider.Renderer.Dialect, "the renderer renders the provider's own dialect");
            Assert.IsNotNull(provider.Inspector);
            Assert.Contains(provider.Dialect.Name + ":", provider.UrlForms[0], "the URL forms start with the provider's scheme");
            var factory = Type.GetType(provider.DriverFactoryTypeName, throwOnError: true)!;
            Assert.IsTrue(typeof(DbProviderFactory).IsAssignableFrom(factory), $"{provider.DriverFactoryTypeName} is a DbProviderFactory");
        }
        Assert.HasCount(DatabaseProviders.All.Count, DatabaseProviders.All.Select(p => p.ConnectionTypeName).Distinct().ToList());
    }

    [TestMethod]
    public void Each_named_provider_is_the_registered_one_of_its_dialect()
    {
        (DatabaseProvider Named, string Dialect)[] named =
            [(DatabaseProviders.Sqlite, "sqlite"), (DatabaseProviders.Postgres, "postgresql"), (DatabaseProviders.MySql, "mysql"), (DatabaseProviders.SqlServer, "mssql")];
        Assert.HasCount(DatabaseProviders.All.Count, named);
        foreach (var (provider, dialect) in named)
        {
            Assert.AreEqual(dialect, provider.Dialect.Name);
            Assert.AreSame(provider, DatabaseProviders.Find(dialect), "built once: the named provider is the one a URL finds");
        }
    }

    [TestMethod]
    public void An_applications_connection_selects_its_provider_and_an_unknown_one_is_refused()
    {
        using var sqlite = new SqliteConnection("Data Source=:memory:");
        Assert.AreSame(DatabaseProviders.Sqlite, DatabaseProviders.For(sqlite));
        using var npgsql = new Npgsql.NpgsqlConnection();
        Assert.AreSame(DatabaseProviders.Postgres, DatabaseProviders.For(npgsql));
        var error = Assert.ThrowsExactly<DiffMigrateException>(() => DatabaseProviders.For(new UnknownConnection()));
        StringAssert.Contains(error.Message, "Cannot tell the dialect of a UnknownConnection");
    }

    [TestMethod]
    [DataRow("pg://app@localhost:5432/shop", "postgresql")]
    [DataRow("postgres://app@localhost/shop", "postgresql")]
    [DataRow("POSTGRESQL+psycopg://app@localhost/shop", "postgresql")]
    [DataRow("sqlite://", "sqlite")]
    [DataRow("sqlite:Data Source=x.db", "sqlite")]
    public void A_url_selects_the_provider_of_its_scheme(string url, string dialect) =>
        Assert.AreEqual(dialect, DatabaseUrl.Parse(url, Path.GetTempPath()).Dialect.Name);

    [TestMethod]
    [DataRow("oracle://scott:Tiger99@localhost/app", "unknown dialect 'oracle': expected sqlite, postgresql, mysql or mssql")]
    public void An_unsupported_scheme_is_refused_with_the_reason_and_no_password(string url, string reason)
    {
        var error = Assert.ThrowsExactly<DiffMigrateException>(() => DatabaseUrl.Parse(url, Path.GetTempPath()));
        StringAssert.Contains(error.Message, reason);
        Assert.DoesNotContain("Tiger99", error.Message);
    }

    private sealed class UnknownConnection : DbConnection
    {
#pragma warning disable CS8765 // the base property is declared without nullability
        public override string ConnectionString { get; set; } = "";
#pragma warning restore CS8765
        public override string Database => "";
        public override string DataSource => "";
        public override string ServerVersion => "";
        public override System.Data.ConnectionState State => System.Data.ConnectionState.Closed;
        public override void ChangeDatabase(string databaseName) => throw new NotSupportedException();
        public override void Close() { }
        public override void Open() => throw new NotSupportedException();
        protected override DbTransaction BeginDbTransaction(System.Data.IsolationLevel isolationLevel) => throw new NotSupportedException();
        protected override DbCommand CreateDbCommand() => throw new NotSupportedException();
    }
}
