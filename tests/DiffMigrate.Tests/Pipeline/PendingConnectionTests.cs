using System.Data;
using System.Data.Common;
using DiffMigrate.Design.Commands;
using Microsoft.Data.Sqlite;

namespace DiffMigrate.Tests.Pipeline;

/// <summary>The connection a comparison opens on another thread: the caller sees what it saw when it opened it itself.</summary>
[TestClass]
public sealed class PendingConnectionTests
{
    [TestMethod]
    public void Take_gives_the_open_connection_once_and_runs_its_note_on_the_callers_thread()
    {
        var noted = -1;
        using var pending = new PendingConnection(Open, () => noted = Environment.CurrentManagedThreadId);
        using var connection = pending.Take();
        Assert.AreEqual(ConnectionState.Open, connection.State);
        Assert.AreEqual(Environment.CurrentManagedThreadId, noted);
        Assert.ThrowsExactly<InvalidOperationException>(() => pending.Take());
    }

    [TestMethod]
    public void A_failure_to_open_is_thrown_by_take_as_it_was()
    {
        using var pending = new PendingConnection(() => throw new DiffMigrateException("Cannot connect to sqlite:///x: no."));
        var thrown = Assert.ThrowsExactly<DiffMigrateException>(() => pending.Take());
        Assert.AreEqual("Cannot connect to sqlite:///x: no.", thrown.Message);
        using var failed = PendingConnection.Failed(new DiffMigrateException("No database URL"));
        Assert.AreEqual("No database URL", Assert.ThrowsExactly<DiffMigrateException>(() => failed.Take()).Message);
    }

    [TestMethod]
    public void A_connection_never_taken_is_closed_once_it_opens()
    {
        using var gate = new ManualResetEventSlim();
        DbConnection? opened = null;
        var pending = new PendingConnection(() =>
        {
            gate.Wait(TimeSpan.FromSeconds(10));
            return opened = Open();
        });
        pending.Dispose();   // before the connection is open: nothing waits for it
        gate.Set();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((opened is null || opened.State != ConnectionState.Closed) && DateTime.UtcNow < deadline) Thread.Sleep(10);
        Assert.IsNotNull(opened);
        Assert.AreEqual(ConnectionState.Closed, opened.State);
    }

    private static SqliteConnection Open()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        return connection;
    }
}
