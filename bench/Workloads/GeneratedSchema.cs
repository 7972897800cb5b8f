using DiffMigrate.Schema;

namespace DiffMigrate.Workloads;

/// <summary>
/// A deterministic N-table schema in the shape of the Alembic benchmark's gen_schema.py (8-12 columns, identity
/// key, defaults, a unique, a check, composite and single-column indexes, 0-2 foreign keys to earlier tables),
/// extended so that every neutral type and every constraint kind appears.
/// </summary>
public static class GeneratedSchema
{
    private static readonly string[] Words =
    [
        "customer", "order", "invoice", "product", "supplier", "shipment", "payment", "account", "address", "category",
        "review", "coupon", "warehouse", "employee", "department", "project", "task", "ticket", "message", "session",
        "device", "region", "contract", "asset",
    ];

    private static readonly ReferentialAction[] OnDelete = [ReferentialAction.Cascade, ReferentialAction.SetNull, ReferentialAction.Restrict];

    public static string TableName(int i) => $"t{i:D4}_{Words[i % Words.Length]}";

    /// <summary>
    /// The schema; with <paramref name="postgres"/>, defaults and filters are spelled for PostgreSQL (true, LOCALTIMESTAMP);
    /// with <paramref name="mysql"/>, for MariaDB/MySQL: no partial or expression index (MariaDB has neither), DATETIME for the
    /// offset time stamp (SQLAlchemy's DateTime(timezone=True) is DATETIME there too), a plain VARCHAR
    /// for citext (MySQL's default collation is case-insensitive already), CURRENT_TIMESTAMP for the local stamp, and a
    /// foreign key column of its key's type.
    /// </summary>
    public static DatabaseSchema Build(int count, int seed = 42, bool postgres = false, bool mysql = false)
    {
        var random = new Random(seed);
        var tables = new List<Table>();
        for (var i = 0; i < count; i++) tables.Add(BuildTable(i, random, postgres, mysql));
        return new DatabaseSchema(tables.OrderBy(t => t.Name).ToEquatableArray());
    }

    private static Table BuildTable(int i, Random random, bool postgres, bool mysql)
    {
        var name = TableName(i);
        var columns = new List<Column>
        {
            new("id", i % 3 == 0 ? SqlType.Int64 : SqlType.Int32, Identity: new Identity()),
            new("name", SqlType.String(random.GetItems([50, 100, 120, 200, 255], 1)[0])),
            new("code", SqlType.String(32)),
            new("description", SqlType.Text, Nullable: true),
            new("amount", SqlType.Decimal(10, 2), Default: "0"),
            new("is_active", SqlType.Boolean, Default: postgres ? "true" : "1"),
            new("created_at", mysql ? SqlType.DateTime : SqlType.DateTimeOffset, Default: "CURRENT_TIMESTAMP"),
        };
        // Every type appears somewhere: table i gets the extras whose position matches i.
        Column[] extras =
        [
            new("status", SqlType.String(20), Default: "'new'"),
            new("updated_at", SqlType.DateTime, Nullable: true),
            new("quantity", SqlType.Int32, Nullable: true),
            new("score", SqlType.Double, Nullable: true),
            new("valid_from", SqlType.Date, Nullable: true),
            new("big_counter", SqlType.Int64, Default: "0"),
            new("priority_level", SqlType.Int16, Nullable: true),
            new("ratio", SqlType.Single, Nullable: true),
            new("country", SqlType.FixedChar(2), Nullable: true),
            new("payload", SqlType.Binary(), Nullable: true),
            new("opens_at", SqlType.Time, Nullable: true),
            new("external_id", SqlType.Uuid, Nullable: true),
            new("attributes", SqlType.Json, Nullable: true),
            new("kind", SqlType.Enum("kind", "small", "medium", "large"), Default: "'small'"),
            new("search_key", mysql ? SqlType.String(100) : SqlType.Raw("CITEXT"), Nullable: true),
            new("plain_number", SqlType.Decimal(), Nullable: true),
            new("local_stamp", SqlType.DateTime, Default: postgres ? "LOCALTIMESTAMP" : mysql ? "CURRENT_TIMESTAMP" : "(datetime('now'))"),
        ];
        var extraCount = 1 + random.Next(4);
        for (var k = 0; k < extraCount; k++) columns.Add(extras[(i + k * 5) % extras.Length]);

        var foreignKeys = new List<ForeignKey>();
        var fkCount = i == 0 ? 0 : i == 1 ? 1 : random.GetItems([0, 1, 1, 2], 1)[0];
        var targets = Enumerable.Range(0, i).OrderBy(_ => random.Next()).Take(fkCount).Order().ToList();
        foreach (var target in targets)
        {
            var action = OnDelete[random.Next(OnDelete.Length)];
            var column = $"{Words[target % Words.Length]}_{target}_id";
            // MySQL refuses a foreign key whose column's type differs from the key's (INT to BIGINT); the others take it.
            var type = mysql && target % 3 == 0 ? SqlType.Int64 : SqlType.Int32;
            columns.Add(new Column(column, type, Nullable: action == ReferentialAction.SetNull || random.NextDouble() < 0.3));
            foreignKeys.Add(new ForeignKey($"fk_{name}_{column}_{TableName(target)}", [column], TableName(target), ["id"], action));
        }

        UniqueConstraint unique = random.NextDouble() < 0.7
            ? new($"uq_{name}_code", ["code"])
            : new($"uq_{name}_code_name", ["code", "name"]);
        var check = columns.Any(c => c.Name == "status") && random.NextDouble() < 0.5
            ? new CheckConstraint($"ck_{name}_status_valid", "status IN ('new', 'active', 'suspended', 'closed')")
            : new CheckConstraint($"ck_{name}_amount_nonneg", "amount >= 0");
        var indexes = new List<TableIndex> { new($"ix_{name}_created_active", ["created_at", "is_active"]) };
        if (foreignKeys.Count > 0 && random.NextDouble() < 0.7) indexes.Add(new($"ix_{name}_{foreignKeys[0].Columns[0]}", [foreignKeys[0].Columns[0]]));
        else indexes.Add(new($"ix_{name}_name", ["name"]));
        if (i % 7 == 3 && !mysql) indexes.Add(new($"ix_{name}_active_amount", ["amount"], IsUnique: false, Filter: postgres ? "is_active" : "is_active = 1"));
        if (i % 11 == 5 && !mysql) indexes.Add(new($"ix_{name}_lower_name", ["lower(name)"], Expressions: [true]));
        if (i % 13 == 6) indexes.Add(new($"ix_{name}_name_code", ["name", "code"], IsUnique: true));

        return new Table(
            name,
            columns.ToEquatableArray(),
            new PrimaryKey($"pk_{name}", ["id"]),
            foreignKeys.OrderBy(f => f.Name, StringComparer.Ordinal).ToEquatableArray(),
            indexes.OrderBy(x => x.Name, StringComparer.Ordinal).ToEquatableArray(),
            [unique],
            [check]);
    }
}
