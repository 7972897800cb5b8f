namespace DiffMigrate.Providers.MySql;

/// <summary>
/// The catalog queries the inspector sends as one command (one round trip, one result set each), all over
/// information_schema of the connection's database (<c>DATABASE()</c>): six statements whatever the number of tables.
/// The check query is the one statement that differs between MariaDB and MySQL 8, chosen from the version the server
/// announced when the connection opened (MySQL's check_constraints has no table name: it is joined to table_constraints).
/// </summary>
internal static class MySqlCatalog
{
    /// <summary>The statements, in the order the inspector reads their answers.</summary>
    public static string[] Statements(bool mariaDb) => [Server, Tables, Columns, Indexes, ForeignKeys, mariaDb ? MariaDbChecks : MySqlChecks, Unmanaged];

    private const string Server = "SELECT DATABASE(), VERSION()";

    private const string Tables = """
        SELECT table_name, table_type, table_comment, table_collation
        FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY table_name
        """;

    private const string Columns = """
        SELECT table_name, column_name, column_type, is_nullable, column_default, extra, generation_expression, column_comment, collation_name
        FROM information_schema.columns WHERE table_schema = DATABASE() ORDER BY table_name, ordinal_position
        """;

    // seq_in_index orders each index's keys; sub_part is a prefix length, collation 'D' a DESC key (MariaDB 10.8, MySQL 8).
    private const string Indexes = """
        SELECT table_name, index_name, non_unique, column_name, sub_part, index_type, collation
        FROM information_schema.statistics WHERE table_schema = DATABASE() ORDER BY table_name, index_name, seq_in_index
        """;

    private const string ForeignKeys = """
        SELECT k.table_name, k.constraint_name, k.column_name, k.referenced_table_schema, k.referenced_table_name, k.referenced_column_name,
               r.delete_rule, r.update_rule
        FROM information_schema.key_column_usage k
        JOIN information_schema.referential_constraints r
          ON r.constraint_schema = k.constraint_schema AND r.table_name = k.table_name AND r.constraint_name = k.constraint_name
        WHERE k.table_schema = DATABASE() AND k.referenced_table_name IS NOT NULL
        ORDER BY k.table_name, k.constraint_name, k.ordinal_position
        """;

    // MariaDB names a check per table (a JSON column's json_valid check is named after the column, level 'Column').
    private const string MariaDbChecks = """
        SELECT table_name, constraint_name, check_clause, level
        FROM information_schema.check_constraints WHERE constraint_schema = DATABASE() ORDER BY table_name, constraint_name
        """;

    private const string MySqlChecks = """
        SELECT t.table_name, c.constraint_name, c.check_clause, 'Table'
        FROM information_schema.table_constraints t
        JOIN information_schema.check_constraints c ON c.constraint_schema = t.constraint_schema AND c.constraint_name = t.constraint_name
        WHERE t.table_schema = DATABASE() AND t.constraint_type = 'CHECK' ORDER BY t.table_name, c.constraint_name
        """;

    // What the inspector does not compare: views (the tables query lists them too), routines, triggers and events, and
    // a table's storage engine where it is not the server's default (the model has no engine; a table it creates gets
    // the default, so MyISAM or Aria would not survive a rebuild from the revisions).
    private const string Unmanaged = """
        SELECT 'view', table_name, NULL, NULL FROM information_schema.views WHERE table_schema = DATABASE()
        UNION ALL SELECT 'engine', table_name, NULL, engine FROM information_schema.tables
          WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' AND engine <> @@default_storage_engine
        UNION ALL SELECT lower(routine_type), routine_name, NULL, NULL FROM information_schema.routines WHERE routine_schema = DATABASE()
        UNION ALL SELECT 'trigger', trigger_name, event_object_table, concat(action_timing, ' ', event_manipulation)
          FROM information_schema.triggers WHERE trigger_schema = DATABASE()
        UNION ALL SELECT 'event', event_name, NULL, NULL FROM information_schema.events WHERE event_schema = DATABASE()
        """;
}
