using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace DiffMigrate.Tests.Providers;

/// <summary>
/// What SQL Server's catalog batch would answer, written by hand as result sets with the columns and types the sys.*
/// views document (names nvarchar, flags bit, max_length smallint, precision and scale tinyint), in the order of
/// SqlServerCatalog.Statements; <see cref="Connection"/> hands them to the real inspector through a DataTableReader.
/// </summary>
internal sealed class SqlServerCatalogFake
{
    public const string DatabaseCollation = "SQL_Latin1_General_CP1_CI_AS";

    private readonly DataTable server = Set(("default_schema", typeof(string)), ("collation", typeof(string)));
    private readonly DataTable schemas = Set(("name", typeof(string)));
    private readonly DataTable tables = Set(("schema_name", typeof(string)), ("name", typeof(string)), ("description", typeof(string)));
    private readonly DataTable columns = Set(("schema_name", typeof(string)), ("table_name", typeof(string)), ("name", typeof(string)), ("type_name", typeof(string)),
        ("is_user_defined", typeof(bool)), ("user_type_name", typeof(string)), ("max_length", typeof(short)), ("precision", typeof(byte)), ("scale", typeof(byte)),
        ("is_nullable", typeof(bool)), ("collation_name", typeof(string)), ("default_name", typeof(string)), ("default_definition", typeof(string)),
        ("computed_definition", typeof(string)), ("is_persisted", typeof(bool)), ("is_identity", typeof(bool)), ("seed_value", typeof(long)),
        ("increment_value", typeof(long)), ("description", typeof(string)));
    private readonly DataTable indexes = Set(("schema_name", typeof(string)), ("table_name", typeof(string)), ("name", typeof(string)), ("is_primary_key", typeof(bool)),
        ("is_unique_constraint", typeof(bool)), ("is_unique", typeof(bool)), ("type", typeof(byte)), ("filter_definition", typeof(string)), ("column_name", typeof(string)),
        ("is_descending_key", typeof(bool)), ("is_included_column", typeof(bool)));
    private readonly DataTable foreignKeys = Set(("schema_name", typeof(string)), ("table_name", typeof(string)), ("name", typeof(string)), ("column_name", typeof(string)),
        ("referenced_schema", typeof(string)), ("referenced_table", typeof(string)), ("referenced_column", typeof(string)),
        ("delete_referential_action_desc", typeof(string)), ("update_referential_action_desc", typeof(string)));
    private readonly DataTable checks = Set(("schema_name", typeof(string)), ("table_name", typeof(string)), ("name", typeof(string)), ("definition", typeof(string)));
    private readonly DataTable sequences = Set(("schema_name", typeof(string)), ("name", typeof(string)), ("type_name", typeof(string)), ("start_value", typeof(long)),
        ("increment", typeof(long)), ("minimum_value", typeof(long)), ("maximum_value", typeof(long)), ("is_cycling", typeof(bool)), ("is_cached", typeof(bool)),
        ("cache_size", typeof(int)));
    private readonly DataTable unmanaged = Set(("kind", typeof(string)), ("schema_name", typeof(string)), ("name", typeof(string)), ("table_name", typeof(string)),
        ("detail", typeof(string)));

    private readonly DataTable modules = Set(("schema_name", typeof(string)), ("name", typeof(string)), ("type", typeof(string)), ("table_schema", typeof(string)),
        ("table_name", typeof(string)), ("definition", typeof(string)));

    public SqlServerCatalogFake(string defaultSchema = "dbo")
    {
        server.Rows.Add(defaultSchema, DatabaseCollation);
        schemas.Rows.Add(defaultSchema);
    }

    private static DataTable Set(params (string Name, Type Type)[] columns)
    {
        var table = new DataTable();
        foreach (var (name, type) in columns) table.Columns.Add(name, type);
        return table;
    }

    private static object Value(object? value) => value ?? DBNull.Value;

    public SqlServerCatalogFake Schema(string name) { schemas.Rows.Add(name); return this; }

    public SqlServerCatalogFake Table(string schema, string name, string? comment = null) { tables.Rows.Add(schema, name, Value(comment)); return this; }

    /// <summary>A column as sys.columns has it: <paramref name="maxLength"/> in bytes (-1 for MAX), fractional digits in <paramref name="scale"/>.</summary>
    public SqlServerCatalogFake Column(string schema, string table, string name, string type, short maxLength, bool nullable = false, byte precision = 0, byte scale = 0,
        string? collation = null, string? defaultName = null, string? @default = null, string? computed = null, bool persisted = false,
        (long Seed, long Increment)? identity = null, string? comment = null, string? userType = null)
    {
        columns.Rows.Add(schema, table, name, type, userType is not null, Value(userType), maxLength, precision, scale, nullable, Value(collation),
            Value(@default is null ? null : defaultName ?? $"DF_{table}_{name}"), Value(@default), Value(computed), persisted, identity is not null,
            Value(identity?.Seed), Value(identity?.Increment), Value(comment));
        return this;
    }

    /// <summary>One row of sys.index_columns with its index: key columns in key order, then INCLUDE columns.</summary>
    public SqlServerCatalogFake IndexColumn(string schema, string table, string index, string column, bool primaryKey = false, bool uniqueConstraint = false,
        bool unique = false, byte type = 2, string? filter = null, bool descending = false, bool included = false)
    {
        indexes.Rows.Add(schema, table, index, primaryKey, uniqueConstraint, unique || primaryKey || uniqueConstraint, type, Value(filter), column, descending, included);
        return this;
    }

    public SqlServerCatalogFake ForeignKey(string schema, string table, string name, string column, string referredSchema, string referredTable, string referredColumn,
        string onDelete = "NO_ACTION", string onUpdate = "NO_ACTION")
    {
        foreignKeys.Rows.Add(schema, table, name, column, referredSchema, referredTable, referredColumn, onDelete, onUpdate);
        return this;
    }

    public SqlServerCatalogFake Check(string schema, string table, string name, string definition) { checks.Rows.Add(schema, table, name, definition); return this; }

    public SqlServerCatalogFake Sequence(string schema, string name, long start, long increment = 1, long min = long.MinValue, long max = long.MaxValue,
        bool cycling = false, bool cached = true, int? cacheSize = null)
    {
        sequences.Rows.Add(schema, name, "bigint", start, increment, min, max, cycling, cached, Value(cacheSize));
        return this;
    }

    public SqlServerCatalogFake Unmanaged(string kind, string? schema, string name, string? table = null, string? detail = null)
    {
        unmanaged.Rows.Add(kind, Value(schema), name, Value(table), Value(detail));
        return this;
    }

    /// <summary>
    /// A row of sys.sql_modules with its sys.objects type (V, FN, IF, TF, P, TR) and a trigger's table: the CREATE
    /// statement exactly as it was sent, which is what SQL Server keeps.
    /// </summary>
    public SqlServerCatalogFake Module(string schema, string name, string type, string definition, string? tableSchema = null, string? table = null)
    {
        modules.Rows.Add(schema, name, type, Value(tableSchema), Value(table), definition);
        return this;
    }

    /// <summary>A connection whose every command answers these result sets; it records the commands it ran.</summary>
    public Connection Open() => new([server, schemas, tables, columns, indexes, foreignKeys, checks, sequences, unmanaged, modules]);

    internal sealed class Connection(DataTable[] results) : DbConnection
    {
        public List<string> Commands { get; } = [];

        private DataTable[] Results => results;

        [AllowNull]
        public override string ConnectionString { get; set; } = "";
        public override string Database => "shop";
        public override string DataSource => "catalog-fake";
        public override string ServerVersion => "16.00.1000";
        public override ConnectionState State => ConnectionState.Open;
        public override void ChangeDatabase(string databaseName) => throw new NotSupportedException();
        public override void Close() { }
        public override void Open() { }
        protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => throw new NotSupportedException();
        protected override DbCommand CreateDbCommand() => new Command(this);

        private sealed class Command(Connection connection) : DbCommand
        {
            [AllowNull]
            public override string CommandText { get; set; } = "";
            public override int CommandTimeout { get; set; }
            public override CommandType CommandType { get; set; }
            public override bool DesignTimeVisible { get; set; }
            public override UpdateRowSource UpdatedRowSource { get; set; }
            protected override DbConnection? DbConnection { get; set; }
            protected override DbParameterCollection DbParameterCollection => throw new NotSupportedException("the inspector sends no parameters");
            protected override DbTransaction? DbTransaction { get; set; }
            public override void Cancel() { }
            public override int ExecuteNonQuery() => throw new NotSupportedException();
            public override object? ExecuteScalar() => throw new NotSupportedException();
            public override void Prepare() { }
            protected override DbParameter CreateDbParameter() => throw new NotSupportedException();

            protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior)
            {
                connection.Commands.Add(CommandText);
                return new DataTableReader(connection.Results);
            }
        }
    }
}
