using System.Data;
using System.Data.Common;
using System.Text.RegularExpressions;
using DiffMigrate.Providers;
using DiffMigrate.Providers.SqlServer;
using DiffMigrate.Runner.Execution;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace DiffMigrate.Tests.Providers;

/// <summary>
/// SQL Server's migration lock (sp_getapplock, owned by the session) and scratch databases, without a server: the SQL
/// parses with SQL Server 2022's own parser (ScriptDom's TSql160Parser), says what it must, and the holder's LIKE
/// patterns pick the documented resource_description of this lock and no other.
/// </summary>
[TestClass]
public sealed class SqlServerLockTests
{
    private static readonly DatabaseProvider Provider = DatabaseProviders.SqlServer;
    private static readonly long Key = MigrationLockKey.For("diffmigrate_version");

    private static List<string> Errors(string sql)
    {
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
        return [.. errors.Select(e => $"line {e.Line}: {e.Message}")];
    }

    [TestMethod]
    public void The_parser_finds_errors_when_there_are_some() =>
        Assert.IsNotEmpty(Errors("DECLARE @r int; EXEC @r = sp_getapplock @Resource = N'x', @LockMode = 'Exclusive' SELECT CASE WHEN @r >= 0 THEN 1 END END"));

    [TestMethod]
    public void Take_release_and_holder_parse_as_tsql()
    {
        var sql = Provider.Lock!;
        foreach (var (what, text) in new[] { ("take", sql.TryAcquire(Key)), ("release", sql.Release(Key)), ("holder", sql.Holder(Key)) })
        {
            var errors = Errors(text);
            Assert.IsEmpty(errors, $"{what}:\n{string.Join("\n", errors)}\n{text}");
        }
    }

    [TestMethod]
    public void The_try_is_an_exclusive_session_lock_that_does_not_wait_and_answers_one_or_zero()
    {
        var take = Provider.Lock!.TryAcquire(Key);
        var name = $"N'diffmigrate.{Key}'";
        StringAssert.Contains(take, $"EXEC @result = sp_getapplock @Resource = {name}, @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = 0;");
        StringAssert.EndsWith(take, "SELECT CASE WHEN @result >= 0 THEN 1 ELSE 0 END");
        StringAssert.Contains(Provider.Lock.Release(Key), $"sp_releaseapplock @Resource = {name}, @LockOwner = 'Session'");
        Assert.AreEqual(name, SqlServerProvider.LockName(Key));
    }

    [TestMethod]
    public void The_longest_lock_name_is_shown_whole_in_the_lock_view()
    {
        // sys.dm_tran_locks shows the first 32 characters of an application lock's name; the holder query needs it all.
        var longest = SqlServerProvider.LockName(long.MaxValue).Trim('N', '\'');
        Assert.IsLessThanOrEqualTo(32, longest.Length, longest);
    }

    [TestMethod]
    [DataRow("0:diffmigrate.{0}:(8a2f7a86)", true)]      // the documented form
    [DataRow("0:[diffmigrate.{0}]:(8a2f7a86)", true)]    // with the brackets some servers print
    [DataRow("5:diffmigrate.{0}:(8a2f7a86)", true)]      // another database principal
    [DataRow("0:diffmigrate.{0}7:(8a2f7a86)", false)]    // a longer key that starts with this one
    [DataRow("0:[diffmigrate.{0}7]:(8a2f7a86)", false)]
    [DataRow("0:xdiffmigrate.{0}:(8a2f7a86)", false)]
    [DataRow("0:diffmigrate.{0}", false)]
    public void The_holder_matches_this_locks_resource_description_only(string description, bool matches)
    {
        var holder = Provider.Lock!.Holder(Key);
        StringAssert.Contains(holder, "resource_type = N'APPLICATION' AND request_mode = N'X'");
        StringAssert.Contains(holder, "resource_database_id = DB_ID()");
        var patterns = Regex.Matches(holder, "LIKE N'([^']*)'").Select(m => m.Groups[1].Value).ToList();
        Assert.HasCount(2, patterns);
        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, description, Key);
        Assert.AreEqual(matches, patterns.Any(p => Like(text, p)), $"{text} against {string.Join(" or ", patterns)}");
    }

    [TestMethod]
    public void The_holder_answers_null_instead_of_failing_without_view_server_state()
    {
        var holder = Provider.Lock!.Holder(Key);
        StringAssert.StartsWith(holder, "BEGIN TRY SELECT TOP (1) request_session_id FROM sys.dm_tran_locks ");
        StringAssert.EndsWith(holder, "BEGIN CATCH SELECT CAST(NULL AS int) END CATCH");
    }

    [TestMethod]
    public void A_scratch_database_is_bracketed_named_in_initial_catalog_and_dropped_after_its_sessions_end()
    {
        var url = DatabaseUrl.Parse("mssql:Server=127.0.0.1,1433;Database=shop;User ID=sa;Password=Sekrit9", Path.GetTempPath());
        var executed = new List<string>();
        var opened = new List<string>();
        DbConnection Open(DatabaseUrl u)
        {
            opened.Add(u.ConnectionString);
            return new RecordingConnection(executed);
        }

        using (Provider.CreateScratch(url, Open))
        {
            Assert.HasCount(2, opened);
            Assert.HasCount(1, executed);
        }

        var create = Regex.Match(executed[0], @"^CREATE DATABASE \[(diffmigrate_scratch_[0-9a-f]{12})\]$");
        Assert.IsTrue(create.Success, executed[0]);
        var name = create.Groups[1].Value;
        var scratch = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(opened[1]);
        Assert.AreEqual(name, scratch.InitialCatalog);
        Assert.IsFalse(new DbConnectionStringBuilder { ConnectionString = opened[1] }.ContainsKey("Database"), "one key names the database: " + opened[1]);
        Assert.AreEqual("127.0.0.1,1433", scratch.DataSource);
        Assert.AreEqual($"ALTER DATABASE [{name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{name}]", executed[1]);
        Assert.HasCount(2, executed);
        foreach (var sql in executed) Assert.IsEmpty(Errors(sql), sql);
    }

    // T-SQL's LIKE: % any run, _ one character, [...] and [^...] a class (a [ inside one stands for itself).
    private static bool Like(string text, string pattern)
    {
        var regex = new System.Text.StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '%') regex.Append(".*");
            else if (c == '_') regex.Append('.');
            else if (c == '[')
            {
                var end = pattern.IndexOf(']', i + 2);
                var body = pattern[(i + 1)..end];
                var negated = body.StartsWith('^');
                regex.Append('[').Append(negated ? "^" : "").Append(Regex.Escape(negated ? body[1..] : body).Replace("]", "\\]", StringComparison.Ordinal)).Append(']');
                i = end;
            }
            else regex.Append(Regex.Escape(c.ToString()));
        }
        return Regex.IsMatch(text, regex.Append('$').ToString(), RegexOptions.Singleline);
    }

    /// <summary>A connection that records the statements run on it (the scratch database's CREATE and DROP).</summary>
    private sealed class RecordingConnection(List<string> executed) : DbConnection
    {
#pragma warning disable CS8765 // the base property is declared without nullability
        public override string ConnectionString { get; set; } = "";
#pragma warning restore CS8765
        public override string Database => "";
        public override string DataSource => "";
        public override string ServerVersion => "";
        public override ConnectionState State => ConnectionState.Open;
        public override void ChangeDatabase(string databaseName) => throw new NotSupportedException();
        public override void Close() { }
        public override void Open() { }
        protected override DbTransaction BeginDbTransaction(System.Data.IsolationLevel isolationLevel) => throw new NotSupportedException();
        protected override DbCommand CreateDbCommand() => new RecordingCommand(executed);
    }

    private sealed class RecordingCommand(List<string> executed) : DbCommand
    {
#pragma warning disable CS8765 // the base property is declared without nullability
        public override string CommandText { get; set; } = "";
#pragma warning restore CS8765
        public override int CommandTimeout { get; set; }
        public override CommandType CommandType { get; set; }
        public override bool DesignTimeVisible { get; set; }
        public override UpdateRowSource UpdatedRowSource { get; set; }
        protected override DbConnection? DbConnection { get; set; }
        protected override DbParameterCollection DbParameterCollection => throw new NotSupportedException();
        protected override DbTransaction? DbTransaction { get; set; }
        public override void Cancel() { }
        public override int ExecuteNonQuery()
        {
            executed.Add(CommandText);
            return 0;
        }
        public override object? ExecuteScalar() => throw new NotSupportedException();
        public override void Prepare() { }
        protected override DbParameter CreateDbParameter() => throw new NotSupportedException();
        protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => throw new NotSupportedException();
    }
}
