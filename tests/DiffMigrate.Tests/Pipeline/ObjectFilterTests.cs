using DiffMigrate.Runner.Configuration;

namespace DiffMigrate.Tests.Pipeline;

/// <summary>The include/exclude pattern grammar: kinds, globs, dotted names, and the errors a bad pattern gives.</summary>
[TestClass]
public sealed class ObjectFilterTests
{
    private static SchemaObjectRef Table(string name, string? schema = null) => new(SchemaObjectKind.Table, schema, name, name);

    private static SchemaObjectRef Column(string table, string name, string? schema = null) => new(SchemaObjectKind.Column, schema, table, name);

    private static ObjectFilter Exclude(params string[] patterns) => ObjectFilter.Parse(null, patterns, "diffmigrate.json")!;

    [TestMethod]
    public void A_pattern_without_a_kind_is_a_table_glob_as_before()
    {
        var filter = ObjectFilter.Parse(["app_*"], ["app_tmp*"], "diffmigrate.json")!;
        Assert.IsTrue(filter.Includes(Table("app_users")));
        Assert.IsTrue(filter.Includes(Table("APP_Users")), "case-insensitive");
        Assert.IsFalse(filter.Includes(Table("app_tmp_1")), "exclusion wins");
        Assert.IsFalse(filter.Includes(Table("legacy")), "not included");
        Assert.IsTrue(filter.Includes(Column("legacy", "id")), "include patterns of one kind leave other kinds alone");
    }

    [TestMethod]
    public void Kinds_select_what_a_pattern_applies_to()
    {
        var filter = Exclude("table:audit_*", "index:ix_tmp_*", "schema:legacy", "column:*.row_version", "unique:uq_?", "foreignKey:fk_x", "check:ck_*",
            "enum:mood", "sequence:seq_*");
        Assert.IsFalse(filter.Includes(Table("audit_log")));
        Assert.IsTrue(filter.Includes(new SchemaObjectRef(SchemaObjectKind.Index, null, "audit_log", "audit_log")), "a table pattern names tables only");
        Assert.IsFalse(filter.Includes(new SchemaObjectRef(SchemaObjectKind.Index, null, "users", "ix_tmp_email")));
        Assert.IsFalse(filter.Includes(new SchemaObjectRef(SchemaObjectKind.Schema, "legacy", null, "legacy")));
        Assert.IsFalse(filter.Includes(Column("users", "row_version")));
        Assert.IsFalse(filter.Includes(Column("users", "row_version", schema: "app")), "table.column matches in any schema");
        Assert.IsTrue(filter.Includes(Column("users", "row_version_2")));
        Assert.IsFalse(filter.Includes(new SchemaObjectRef(SchemaObjectKind.Unique, null, "t", "uq_a")));
        Assert.IsTrue(filter.Includes(new SchemaObjectRef(SchemaObjectKind.Unique, null, "t", "uq_ab")), "? is one character");
        Assert.IsFalse(filter.Includes(new SchemaObjectRef(SchemaObjectKind.ForeignKey, null, "t", "FK_X")));
        Assert.IsFalse(filter.Includes(new SchemaObjectRef(SchemaObjectKind.Check, null, "t", "ck_positive")));
        Assert.IsFalse(filter.Includes(new SchemaObjectRef(SchemaObjectKind.Enum, "app", null, "mood")));
        Assert.IsFalse(filter.Includes(new SchemaObjectRef(SchemaObjectKind.Sequence, null, null, "seq_orders")));
        Assert.IsTrue(filter.Includes(new SchemaObjectRef(SchemaObjectKind.Sequence, null, null, "orders_seq")));
    }

    [TestMethod]
    public void A_glob_without_a_dot_sees_the_name_alone_and_one_with_a_dot_the_qualified_name()
    {
        var filter = Exclude("column:s*", "table:legacy.*", "index:users.ix_*");
        Assert.IsTrue(filter.Includes(Column("sessions", "id")), "column:s* is not every column of the table sessions");
        Assert.IsFalse(filter.Includes(Column("t", "slug")));
        Assert.IsFalse(filter.Includes(Table("orders", schema: "legacy")));
        Assert.IsTrue(filter.Includes(Table("orders")), "a table in the default schema has no schema to match");
        Assert.IsFalse(filter.Includes(new SchemaObjectRef(SchemaObjectKind.Index, "app", "users", "ix_email")));
        Assert.IsTrue(filter.Includes(new SchemaObjectRef(SchemaObjectKind.Index, null, "posts", "ix_email")));
        Assert.IsFalse(Exclude("column:app.users.*").Includes(Column("users", "x", schema: "app")), "schema.table.column");
    }

    [TestMethod]
    public void Unnamed_constraints_are_matched_as_an_empty_name()
    {
        Assert.IsFalse(Exclude("unique:*").Includes(new SchemaObjectRef(SchemaObjectKind.Unique, null, "t", null)));
        Assert.IsTrue(Exclude("unique:uq_*").Includes(new SchemaObjectRef(SchemaObjectKind.Unique, null, "t", null)));
    }

    [TestMethod]
    public void No_pattern_is_no_filter() => Assert.IsNull(ObjectFilter.Parse([], null, "diffmigrate.json"));

    [TestMethod]
    [DataRow("tabel:audit_*", "/p/diffmigrate.json: 'exclude' pattern 'tabel:audit_*' has an unknown kind 'tabel': expected schema, table, column, index, unique, foreignKey, check, enum, sequence, view, materializedView, foreignTable, compositeType, partition, partitioning, domain, rangeType, function, procedure, aggregate, trigger, rule, policy, rowSecurity, exclusionConstraint, notValid, grant, extension, eventTrigger, publication (did you mean 'table'?).")]
    [DataRow("", "/p/diffmigrate.json: 'exclude' pattern '' is empty: write kind:glob, e.g. table:audit_*.")]
    [DataRow("index:", "/p/diffmigrate.json: 'exclude' pattern 'index:' has no name after 'index:': write e.g. index:name_*.")]
    public void A_bad_pattern_is_one_error_naming_the_file_and_the_pattern(string pattern, string message)
    {
        var error = Assert.ThrowsExactly<DiffMigrateException>(() => ObjectFilter.Parse(["*"], [pattern], "/p/diffmigrate.json"));
        Assert.AreEqual(message, error.Message);
    }
}
