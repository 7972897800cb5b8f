using System.Reflection;
using System.Runtime.ExceptionServices;
using DiffMigrate.Design.Commands;
using DiffMigrate.Dialects;
using DiffMigrate.Diff.Lint;
using DiffMigrate.Migrations;
using DiffMigrate.Providers;
using DiffMigrate.Providers.MySql;
using DiffMigrate.Providers.Postgres;
using DiffMigrate.Providers.Sqlite;
using DiffMigrate.Providers.SqlServer;
using DiffMigrate.Render.CSharp;
using DiffMigrate.Render.Sql;
using static DiffMigrate.Tests.Model.SampleOperations;

namespace DiffMigrate.Tests.Model;

/// <summary>
/// Every place that dispatches on the operation type handles every concrete type: it does what the type says, or
/// refuses it by name; none skips it silently or calls it unknown. A new operation type fails here until each site
/// has decided what to do with it.
/// </summary>
[TestClass]
public sealed class DispatchCompletenessTests
{
    private static readonly Column Age = new("age", SqlType.Int32, Nullable: true);

    /// <summary>An operation type no dispatch site knows: each must refuse it rather than skip it.</summary>
    private sealed record Unknown : MigrationOperation
    {
        public override QualifiedName? TableName => Users;
    }

    private sealed record UnknownEdit() : TableEdit(Users);

    private static IEnumerable<(Type Type, MigrationOperation Sample)> EveryType()
    {
        var samples = All().GroupBy(o => o.GetType()).ToDictionary(g => g.Key, g => g.First());
        foreach (var type in ConcreteOperationTypes())
        {
            Assert.IsTrue(samples.TryGetValue(type, out var sample), $"SampleOperations.All has no {type.Name}");
            yield return (type, sample);
        }
    }

    /// <summary>The tables the samples work on, holding everything the samples drop, alter or rename.</summary>
    private static Table Known(QualifiedName name) => name == "posts"
        ? new Table("posts", [new Column("id", SqlType.Int64), new Column("user_id", SqlType.Int64)], ForeignKeys: [All().OfType<AddForeignKey>().First().ForeignKey])
        : UsersTable with
        {
            Columns = [.. UsersTable.Columns, Age],
            Indexes = [new TableIndex("ix_users_email", ["email"])],
            CheckConstraints = [.. UsersTable.CheckConstraints, new CheckConstraint("ck_users_age", "age > 0", NotValid: true)],
            ExclusionConstraints = [new ExclusionConstraint("ex_users_email", "USING gist (email WITH =)")],
        };

    /// <summary>A table the edit applies to: without what an addition adds, with what anything else changes.</summary>
    private static Table Before(TableEdit edit)
    {
        var known = Known(edit.Table);
        var adds = edit.GetType().Name.StartsWith("Add", StringComparison.Ordinal) || edit.GetType().Name.StartsWith("Create", StringComparison.Ordinal);
        return adds ? TableEditor.ApplyAll(known, [edit.Reverse()]) : known;
    }

    [TestMethod]
    public void TableEditor_applies_every_table_edit_and_refuses_every_other_operation()
    {
        foreach (var (type, sample) in EveryType())
        {
            Assert.AreEqual(sample is TableEdit, TableEditor.Applies(sample), type.Name);
            if (sample is TableEdit edit)
            {
                var before = Before(edit);
                Assert.AreNotEqual(before, TableEditor.ApplyAll(before, [edit]), $"{type.Name} left the table as it was");
            }
            else
            {
                var error = Assert.ThrowsExactly<DiffMigrateException>(() => TableEditor.ApplyAll(Known(Users), [sample]), type.Name);
                StringAssert.Contains(error.Message, type.Name);
            }
        }
        Assert.ThrowsExactly<DiffMigrateException>(() => TableEditor.ApplyAll(Known(Users), [new UnknownEdit()]));
    }

    [TestMethod]
    public void Every_table_edit_can_be_recorded_in_a_batch_and_no_other_operation_can()
    {
        foreach (var (type, _) in EveryType())
        {
            var method = typeof(BatchOperations).GetMethod(type.Name);
            Assert.AreEqual(type.IsSubclassOf(typeof(TableEdit)), method is not null, $"BatchOperations.{type.Name}");
        }
    }

    [TestMethod]
    public void SchemaReplay_follows_every_operation_on_a_known_table_and_refuses_an_unknown_type()
    {
        foreach (var (type, sample) in EveryType())
        {
            var replay = new Replay();
            foreach (var table in new[] { Known(Users), Known("posts") }) replay.Apply(new CreateTable(sample is TableEdit e && e.Table == table.Name ? Before(e) : table));
            QualifiedName[] names = [Users, "posts", "people"];
            var before = names.Select(replay.Find).ToList();
            replay.Apply(sample);
            var after = names.Select(replay.Find).ToList();
            var changesATable = sample is TableOperation and not BulkInsert or CreateTable or DropTable;
            Assert.AreEqual(changesATable, !before.SequenceEqual(after), $"{type.Name} {(changesATable ? "left the tables as they were" : "changed a table")}");
        }
        var error = Assert.ThrowsExactly<NotSupportedException>(() => new Replay().Apply(new Unknown()));
        StringAssert.Contains(error.Message, nameof(Unknown));
    }

    [TestMethod]
    public void OperationReverser_reverses_every_type_or_says_why_it_cannot()
    {
        foreach (var (type, sample) in EveryType())
        {
            try
            {
                Assert.AreNotEqual(sample, sample.Reverse(), type.Name);
            }
            catch (IrreversibleOperationException e)
            {
                Assert.IsInstanceOfType<BulkInsert>(sample, e.Message);
                StringAssert.Contains(e.Message, type.Name);
            }
        }
        Assert.ThrowsExactly<NotSupportedException>(() => new Unknown().Reverse());
    }

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgresql")]
    [DataRow("mysql")]
    [DataRow("mssql")]
    public void Each_SQL_renderer_renders_every_type_or_refuses_it_by_name(string dialect)
    {
        SqlRenderer renderer = dialect switch
        {
            "sqlite" => new SqliteSqlRenderer(),
            "mysql" => new MySqlSqlRenderer(),
            "mssql" => new SqlServerSqlRenderer(),
            _ => new PostgresSqlRenderer(),
        };
        foreach (var (type, sample) in EveryType())
        {
            try
            {
                var statements = renderer.Render([sample]);
                // SQLite has no comments: a comment change is nothing to run there, by capability.
                if (!(dialect == "sqlite" && sample is AlterTableComment)) Assert.IsNotEmpty(statements, type.Name);
            }
            catch (UnsupportedOperationException e)
            {
                StringAssert.Contains(e.Message, type.Name);
            }
        }
        var error = Assert.ThrowsExactly<NotSupportedException>(() => renderer.Render([new Unknown()]));
        StringAssert.Contains(error.Message, nameof(Unknown));
    }

    [TestMethod]
    public void The_CSharp_renderer_writes_a_call_for_every_type()
    {
        var date = new DateTimeOffset(2026, 11, 24, 12, 30, 0, TimeSpan.Zero);
        foreach (var (type, sample) in EveryType())
        {
            var text = RevisionWriter.Write(new RevisionSource("abc123def456", [], "one", date, [sample], []));
            StringAssert.Contains(text, $"op.{(sample is ExecuteSql ? "Execute" : type.Name)}(", type.Name);
        }
        Assert.ThrowsExactly<NotSupportedException>(() => RevisionWriter.Write(new RevisionSource("abc123def456", [], "one", date, [new Unknown()], [])));
    }

    [TestMethod]
    public void OperationText_refuses_an_unknown_type() =>
        Assert.ThrowsExactly<NotSupportedException>(() => OperationText.Describe(new Unknown()));

    /// <summary>For each operation type the lint has a rule for, an operation that breaks it.</summary>
    private static Dictionary<Type, (MigrationOperation Operation, Dialect Dialect)> Flagged() => new()
    {
        [typeof(DropTable)] = (All().OfType<DropTable>().First(), SqliteDialect.Instance),
        [typeof(DropColumn)] = (All().OfType<DropColumn>().First(), SqliteDialect.Instance),
        [typeof(AlterColumn)] = (All().OfType<AlterColumn>().First(), SqliteDialect.Instance),
        [typeof(AddColumn)] = (new AddColumn(Users, new Column("born", SqlType.Int32)), SqliteDialect.Instance),
        [typeof(AddUniqueConstraint)] = (All().OfType<AddUniqueConstraint>().First(), SqliteDialect.Instance),
        [typeof(CreateIndex)] = (All().OfType<CreateIndex>().First(), SqliteDialect.Instance),
        [typeof(RenameTable)] = (All().OfType<RenameTable>().First(), SqliteDialect.Instance),
        [typeof(RenameColumn)] = (All().OfType<RenameColumn>().First(), SqliteDialect.Instance),
        [typeof(DropEnumValue)] = (All().OfType<DropEnumValue>().First(), PostgresDialect.Instance),
        [typeof(DropPrimaryKey)] = (All().OfType<DropPrimaryKey>().First(), SqliteDialect.Instance),
        [typeof(AddCheckConstraint)] = (All().OfType<AddCheckConstraint>().First(), PostgresDialect.Instance),
        [typeof(AddForeignKey)] = (All().OfType<AddForeignKey>().First(), PostgresDialect.Instance),
        [typeof(BatchAlterTable)] = (All().OfType<BatchAlterTable>().First(), SqliteDialect.Instance),
        // A view replaced is dropped and created again (DM111); a routine replaced in place is not a finding.
        [typeof(ReplaceObject)] = (new ReplaceObject(DefinedObject.View("v", "SELECT 1"), DefinedObject.View("v", "SELECT 2")), PostgresDialect.Instance),
        [typeof(AddExclusionConstraint)] = (All().OfType<AddExclusionConstraint>().First(), PostgresDialect.Instance),
    };

    [TestMethod]
    public void Every_operation_type_can_produce_a_lint_finding_or_is_listed_as_one_that_never_does()
    {
        var flagged = Flagged();
        foreach (var (type, _) in EveryType())
        {
            Assert.AreNotEqual(flagged.ContainsKey(type), SafetyLint.WithoutFindings.Contains(type),
                $"{type.Name}: give it a lint rule, or add it to SafetyLint.WithoutFindings (not both)");
        }
        foreach (var (type, (operation, dialect)) in flagged)
        {
            Assert.IsNotEmpty(DatabaseProviders.For(dialect).Lint([operation]), $"{type.Name} on {dialect.Name}");
        }
    }

    [TestMethod]
    public void The_operations_listed_without_findings_produce_none()
    {
        foreach (var (type, sample) in EveryType().Where(t => SafetyLint.WithoutFindings.Contains(t.Type)))
        {
            foreach (var dialect in new[] { SqliteDialect.Instance, PostgresDialect.Instance })
            {
                Assert.IsEmpty(DatabaseProviders.For(dialect).Lint([sample]), $"{type.Name} on {dialect.Name}");
            }
        }
    }

    /// <summary>The runner's SchemaReplay is internal: reached by reflection, so that production code keeps its visibility.</summary>
    private sealed class Replay
    {
        private static readonly Type Type = typeof(DiffMigrate.Runner.Execution.Migrator).Assembly.GetType("DiffMigrate.Runner.Execution.SchemaReplay", throwOnError: true)!;
        private readonly object instance = Activator.CreateInstance(Type, nonPublic: true)!;

        public void Apply(MigrationOperation operation)
        {
            try
            {
                Type.GetMethod("Apply")!.Invoke(instance, [operation]);
            }
            catch (TargetInvocationException e) when (e.InnerException is { } inner)
            {
                ExceptionDispatchInfo.Throw(inner);
            }
        }

        public Table? Find(QualifiedName name) => (Table?)Type.GetMethod("Find")!.Invoke(instance, [name]);
    }
}
