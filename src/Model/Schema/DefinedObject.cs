using DiffMigrate.Schema;

namespace DiffMigrate;

/// <summary>The kinds of <see cref="DefinedObject"/>.</summary>
public enum DefinedObjectKind
{
    /// <summary>A view: <c>CREATE VIEW name AS query</c>.</summary>
    View,
    /// <summary>A materialized view (PostgreSQL), with its indexes.</summary>
    MaterializedView,
    /// <summary>A function.</summary>
    Function,
    /// <summary>A procedure (PostgreSQL's <c>CREATE PROCEDURE</c>).</summary>
    Procedure,
    /// <summary>An aggregate (PostgreSQL's <c>CREATE AGGREGATE</c>).</summary>
    Aggregate,
    /// <summary>A trigger on a table (including PostgreSQL's constraint triggers).</summary>
    Trigger,
}

/// <summary>
/// A database object defined by SQL text: a view, materialized view, function, procedure, aggregate or trigger.
/// <see cref="Definition"/> is a view's query (what follows <c>AS</c>), or for the other kinds the whole
/// <c>CREATE</c> statement; it is compared as the database stores it (the canonicaliser creates the model's objects
/// and reads them back), so spacing and keyword case never count. <see cref="Arguments"/> is a routine's argument
/// types, part of its identity (overloads differ by them; "" for none). <see cref="Table"/> is the table a trigger is
/// on. <see cref="Indexes"/> are a materialized view's indexes. <see cref="DependsOn"/> names the tables, views and
/// routines the object uses, as far as the database records them: it orders creates and drops and is not compared.
/// </summary>
public sealed record DefinedObject(
    DefinedObjectKind Kind,
    QualifiedName Name,
    string Definition,
    string? Arguments = null,
    QualifiedName? Table = null,
    EquatableArray<TableIndex> Indexes = default,
    EquatableArray<QualifiedName> DependsOn = default)
{
    /// <summary>A view defined by <paramref name="query"/>.</summary>
    public static DefinedObject View(QualifiedName name, string query) => new(DefinedObjectKind.View, name, query);

    /// <summary>A materialized view defined by <paramref name="query"/>, with <paramref name="indexes"/>.</summary>
    public static DefinedObject MaterializedView(QualifiedName name, string query, params TableIndex[] indexes) =>
        new(DefinedObjectKind.MaterializedView, name, query, Indexes: indexes);

    /// <summary>A function: its name, its argument types (<c>"integer, text"</c>; "" for none) and its CREATE statement.</summary>
    public static DefinedObject Function(QualifiedName name, string arguments, string definition) => new(DefinedObjectKind.Function, name, definition, arguments);

    /// <summary>A procedure: its name, its argument types and its CREATE statement.</summary>
    public static DefinedObject Procedure(QualifiedName name, string arguments, string definition) => new(DefinedObjectKind.Procedure, name, definition, arguments);

    /// <summary>An aggregate: its name, its argument types and its CREATE statement.</summary>
    public static DefinedObject Aggregate(QualifiedName name, string arguments, string definition) => new(DefinedObjectKind.Aggregate, name, definition, arguments);

    /// <summary>A trigger named <paramref name="name"/> on <paramref name="table"/>: its CREATE statement.</summary>
    public static DefinedObject Trigger(string name, QualifiedName table, string definition) =>
        new(DefinedObjectKind.Trigger, new QualifiedName(table.Schema, name), definition, Table: table);

    /// <summary>True for a function, procedure or aggregate.</summary>
    public bool IsRoutine => Kind is DefinedObjectKind.Function or DefinedObjectKind.Procedure or DefinedObjectKind.Aggregate;

    /// <summary>True for a view or materialized view (objects that share the namespace of tables).</summary>
    public bool IsRelation => Kind is DefinedObjectKind.View or DefinedObjectKind.MaterializedView;

    /// <summary>The word for the kind, as reports and the configuration's include/exclude patterns spell it.</summary>
    public string KindWord => KindWordOf(Kind);

    /// <summary>The word for <paramref name="kind"/>: <c>view</c>, <c>materializedView</c>, <c>function</c>, ...</summary>
    public static string KindWordOf(DefinedObjectKind kind) => kind switch
    {
        DefinedObjectKind.View => "view",
        DefinedObjectKind.MaterializedView => "materializedView",
        DefinedObjectKind.Function => "function",
        DefinedObjectKind.Procedure => "procedure",
        DefinedObjectKind.Aggregate => "aggregate",
        DefinedObjectKind.Trigger => "trigger",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>What names the object as a report shows it: <c>audit.touch(integer)</c>, <c>trg_search on posts</c>, <c>reporting.v</c>.</summary>
    public string Identity => Kind switch
    {
        DefinedObjectKind.Trigger => $"{Name.Name} on {Table}",
        _ when IsRoutine => $"{Name}({Arguments})",
        _ => Name.ToString(),
    };

    /// <summary>
    /// What identifies the object in its database: a view and a materialized view of one name are the same relation;
    /// a routine is its name with its argument types, whatever its kind; a trigger is its name on its table.
    /// </summary>
    public string Key => Kind switch
    {
        DefinedObjectKind.Trigger => $"trigger {Table}.{Name.Name}",
        _ when IsRoutine => $"routine {Name}({Arguments})",
        _ => $"relation {Name}",
    };

    /// <summary>The object as a report names it: <c>view reporting.v</c>, <c>function audit.touch(integer)</c>.</summary>
    public override string ToString() => $"{KindWord} {Identity}";
}
