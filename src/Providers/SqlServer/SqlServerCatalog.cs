namespace DiffMigrate.Providers.SqlServer;

/// <summary>
/// The catalog queries the inspector sends as one command (one round trip, one result set each), all over the
/// <c>sys.*</c> catalog views of the connection's database: ten statements whatever the number of tables. Every query
/// reads the same schemas: the user's default one (<c>SCHEMA_NAME()</c>, dbo as a rule), those named, or all user
/// schemas; objects SQL Server ships (is_ms_shipped) are left out. Text that SQL Server keeps as sql_variant (extended
/// properties) or in numeric(38) (identity seeds, sequence values) is converted in the query, so that every driver
/// reads plain types. The T-SQL modules (views, functions, procedures, triggers) come last.
/// </summary>
internal static class SqlServerCatalog
{
    /// <summary>The statements, in the order the inspector reads their answers.</summary>
    /// <param name="schemas">The schemas to read besides the default one.</param>
    /// <param name="all">Read every user schema.</param>
    public static string[] Statements(IReadOnlyCollection<string> schemas, bool all)
    {
        // dbo is schema 1; 2-4 are guest, INFORMATION_SCHEMA and sys; 16384 on are the fixed database roles'.
        const string user = "(s.schema_id = 1 OR s.schema_id BETWEEN 5 AND 16383)";
        var wanted = all ? "1 = 1"
            : schemas.Count == 0 ? "s.name = SCHEMA_NAME()"
            : $"(s.name = SCHEMA_NAME() OR s.name IN ({string.Join(", ", schemas.Select(SqlServerSyntax.Instance.StringLiteral))}))";
        var inSchemas = $"{user} AND {wanted}";
        return [Server, Schemas(inSchemas), Tables(inSchemas), Columns(inSchemas), Indexes(inSchemas), ForeignKeys(inSchemas), Checks(inSchemas),
            Sequences(inSchemas), Unmanaged(user, inSchemas), Modules(inSchemas)];
    }

    // 0: the default schema (a null schema in the model) and the database's collation (a column's own is the one that differs).
    private const string Server = "SELECT SCHEMA_NAME(), CAST(DATABASEPROPERTYEX(DB_NAME(), 'Collation') AS NVARCHAR(128))";

    private static string Schemas(string inSchemas) => $"SELECT s.name FROM sys.schemas AS s WHERE {inSchemas} ORDER BY s.name";

    /// <summary>
    /// A sql_variant or numeric(38) value as BIGINT, NULL where it does not fit (a DECIMAL(38, 0) sequence's bounds):
    /// a plain CONVERT would fail the whole batch.
    /// </summary>
    private static string Big(string value) =>
        $"CASE WHEN CONVERT(DECIMAL(38, 0), {value}) BETWEEN -9223372036854775808 AND 9223372036854775807 THEN CONVERT(BIGINT, {value}) END";

    private const string Description = "ep.class = 1 AND ep.name = N'MS_Description'";

    // 2: the tables and their MS_Description.
    private static string Tables(string inSchemas) => $"""
        SELECT s.name, t.name, CAST(ep.value AS NVARCHAR(MAX))
        FROM sys.tables AS t
        JOIN sys.schemas AS s ON s.schema_id = t.schema_id
        LEFT JOIN sys.extended_properties AS ep ON {Description} AND ep.major_id = t.object_id AND ep.minor_id = 0
        WHERE t.is_ms_shipped = 0 AND {inSchemas}
        ORDER BY s.name, t.name
        """;

    // 3: columns with their system type (an alias type's base; a CLR type by its name), whether that type is an alias
    // (and its name), default constraint, computed definition, identity and MS_Description.
    private static string Columns(string inSchemas) => $"""
        SELECT s.name, t.name, c.name, CASE WHEN ut.is_assembly_type = 1 THEN ut.name ELSE TYPE_NAME(c.system_type_id) END, ut.is_user_defined, ut.name, c.max_length, c.precision, c.scale,
               c.is_nullable, c.collation_name, dc.name, dc.definition, cc.definition, cc.is_persisted,
               c.is_identity, {Big("ic.seed_value")}, {Big("ic.increment_value")}, CAST(ep.value AS NVARCHAR(MAX))
        FROM sys.columns AS c
        JOIN sys.tables AS t ON t.object_id = c.object_id
        JOIN sys.schemas AS s ON s.schema_id = t.schema_id
        JOIN sys.types AS ut ON ut.user_type_id = c.user_type_id
        LEFT JOIN sys.default_constraints AS dc ON dc.parent_object_id = c.object_id AND dc.parent_column_id = c.column_id
        LEFT JOIN sys.computed_columns AS cc ON cc.object_id = c.object_id AND cc.column_id = c.column_id
        LEFT JOIN sys.identity_columns AS ic ON ic.object_id = c.object_id AND ic.column_id = c.column_id
        LEFT JOIN sys.extended_properties AS ep ON {Description} AND ep.major_id = c.object_id AND ep.minor_id = c.column_id
        WHERE t.is_ms_shipped = 0 AND {inSchemas}
        ORDER BY s.name, t.name, c.column_id
        """;

    // 4: row-store indexes (1 clustered, 2 nonclustered; heaps, XML, spatial and columnstore are listed by 8), primary
    // keys and unique constraints among them: key columns in key order, then INCLUDE columns. A partitioned index's
    // partitioning column (key_ordinal 0 and not included) is the partition scheme's, not a key.
    private static string Indexes(string inSchemas) => $"""
        SELECT s.name, t.name, i.name, i.is_primary_key, i.is_unique_constraint, i.is_unique, i.type, i.filter_definition,
               c.name, ic.is_descending_key, ic.is_included_column
        FROM sys.indexes AS i
        JOIN sys.tables AS t ON t.object_id = i.object_id
        JOIN sys.schemas AS s ON s.schema_id = t.schema_id
        JOIN sys.index_columns AS ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id
        JOIN sys.columns AS c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
        WHERE t.is_ms_shipped = 0 AND i.type IN (1, 2) AND i.is_hypothetical = 0 AND (ic.key_ordinal > 0 OR ic.is_included_column = 1) AND {inSchemas}
        ORDER BY s.name, t.name, i.name, ic.is_included_column, ic.key_ordinal, ic.index_column_id
        """;

    // 5: foreign keys, one row a column pair in the key's order, with the referred table's schema and the actions.
    private static string ForeignKeys(string inSchemas) => $"""
        SELECT s.name, t.name, f.name, pc.name, rs.name, rt.name, rc.name, f.delete_referential_action_desc, f.update_referential_action_desc
        FROM sys.foreign_keys AS f
        JOIN sys.tables AS t ON t.object_id = f.parent_object_id
        JOIN sys.schemas AS s ON s.schema_id = t.schema_id
        JOIN sys.foreign_key_columns AS fc ON fc.constraint_object_id = f.object_id
        JOIN sys.columns AS pc ON pc.object_id = fc.parent_object_id AND pc.column_id = fc.parent_column_id
        JOIN sys.tables AS rt ON rt.object_id = fc.referenced_object_id
        JOIN sys.schemas AS rs ON rs.schema_id = rt.schema_id
        JOIN sys.columns AS rc ON rc.object_id = fc.referenced_object_id AND rc.column_id = fc.referenced_column_id
        WHERE t.is_ms_shipped = 0 AND {inSchemas}
        ORDER BY s.name, t.name, f.name, fc.constraint_column_id
        """;

    private static string Checks(string inSchemas) => $"""
        SELECT s.name, t.name, k.name, k.definition
        FROM sys.check_constraints AS k
        JOIN sys.tables AS t ON t.object_id = k.parent_object_id
        JOIN sys.schemas AS s ON s.schema_id = t.schema_id
        WHERE t.is_ms_shipped = 0 AND {inSchemas}
        ORDER BY s.name, t.name, k.name
        """;

    // 7: sequences; values are sql_variant of the sequence's type, read as BIGINT.
    private static string Sequences(string inSchemas) => $"""
        SELECT s.name, q.name, TYPE_NAME(q.system_type_id), {Big("q.start_value")}, {Big("q.increment")},
               {Big("q.minimum_value")}, {Big("q.maximum_value")}, q.is_cycling, q.is_cached, q.cache_size
        FROM sys.sequences AS q
        JOIN sys.schemas AS s ON s.schema_id = q.schema_id
        WHERE q.is_ms_shipped = 0 AND {inSchemas}
        ORDER BY s.name, q.name
        """;

    // The T-SQL module kinds read as defined objects (statement 9) when their text can be read: views, scalar, inline and
    // table-valued functions, procedures and DML triggers.
    private const string ModuleTypes = "('V', 'FN', 'IF', 'TF', 'P', 'TR')";

    // 8: what is not compared: (kind, schema, name, table, detail); the words are the configuration's object kinds, and the
    // schemas not read are listed with what they hold. Every NULL is typed: an untyped one would make the UNION's column int.
    // A module whose text cannot be read (WITH ENCRYPTION, or no VIEW DEFINITION permission) is listed, not compared.
    private static string Unmanaged(string user, string inSchemas) => $"""
        SELECT u.kind, u.schema_name, u.name, u.table_name, u.detail FROM (
            SELECT CASE WHEN o.type = 'V' THEN 'view' WHEN o.type IN ('P', 'PC') THEN 'procedure' WHEN o.type = 'TR' THEN 'trigger'
                        WHEN o.type = 'SN' THEN 'synonym' ELSE 'function' END AS kind,
                   s.name AS schema_name, o.name AS name, OBJECT_NAME(o.parent_object_id) AS table_name,
                   CAST(CASE WHEN m.object_id IS NOT NULL THEN N'definition not readable (encrypted?)' END AS NVARCHAR(60)) AS detail
            FROM sys.objects AS o
            JOIN sys.schemas AS s ON s.schema_id = o.schema_id
            LEFT JOIN sys.sql_modules AS m ON m.object_id = o.object_id
            WHERE o.is_ms_shipped = 0 AND o.type IN ('V', 'P', 'PC', 'TR', 'FN', 'IF', 'TF', 'FS', 'FT', 'AF', 'SN') AND {inSchemas}
              AND NOT (o.type IN {ModuleTypes} AND m.definition IS NOT NULL)
            UNION ALL
            SELECT 'index', s.name, i.name, t.name, i.type_desc
            FROM sys.indexes AS i
            JOIN sys.tables AS t ON t.object_id = i.object_id
            JOIN sys.schemas AS s ON s.schema_id = t.schema_id
            WHERE t.is_ms_shipped = 0 AND i.type > 2 AND {inSchemas}
            UNION ALL
            SELECT 'schema', CAST(NULL AS SYSNAME), s.name, CAST(NULL AS SYSNAME), CAST(COUNT(o.object_id) AS NVARCHAR(20)) + N' objects, not compared'
            FROM sys.schemas AS s
            LEFT JOIN sys.objects AS o ON o.schema_id = s.schema_id AND o.is_ms_shipped = 0 AND o.parent_object_id = 0
            WHERE {user} AND NOT ({inSchemas})
            GROUP BY s.name
            HAVING COUNT(o.object_id) > 0
        ) AS u
        ORDER BY u.kind, u.schema_name, u.table_name, u.name
        """;

    // 9: the T-SQL modules as SQL Server keeps them: (schema, name, type, the trigger's table's schema and name, the CREATE
    // statement as it was sent). type is char(2), 'P ' padded: trimmed here.
    private static string Modules(string inSchemas) => $"""
        SELECT s.name, o.name, RTRIM(o.type), ps.name, p.name, m.definition
        FROM sys.sql_modules AS m
        JOIN sys.objects AS o ON o.object_id = m.object_id
        JOIN sys.schemas AS s ON s.schema_id = o.schema_id
        LEFT JOIN sys.objects AS p ON p.object_id = o.parent_object_id AND o.type = 'TR'
        LEFT JOIN sys.schemas AS ps ON ps.schema_id = p.schema_id
        WHERE o.is_ms_shipped = 0 AND o.type IN {ModuleTypes} AND m.definition IS NOT NULL AND {inSchemas}
        ORDER BY s.name, o.name
        """;
}
