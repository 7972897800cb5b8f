using System.Text.RegularExpressions;
using DiffMigrate.Migrations;

namespace DiffMigrate.Render.Sql;

internal abstract partial class SqlRenderer
{
    /// <summary>
    /// CREATE for a view, materialized view, routine or trigger: a view's query after <c>CREATE [MATERIALIZED] VIEW
    /// name AS</c> (a materialized view's indexes after it); the other kinds' CREATE statement as written.
    /// </summary>
    protected virtual void CreateObject(CreateObject operation, List<SqlStatement> output)
    {
        var item = operation.Object;
        Supported(operation, item);
        switch (item.Kind)
        {
            case DefinedObjectKind.View:
                output.Add(new($"CREATE VIEW {Syntax.Quote(item.Name)} AS\n{Body(item.Definition)}"));
                break;
            case DefinedObjectKind.MaterializedView:
                output.Add(new($"CREATE MATERIALIZED VIEW {Syntax.Quote(item.Name)} AS\n{Body(item.Definition)}"));
                foreach (var index in item.Indexes) output.Add(CreateIndex(new CreateIndex(item.Name, index)));
                break;
            default:
                output.Add(new(Body(item.Definition)));
                break;
        }
    }

    /// <summary>DROP for a view, materialized view, routine or trigger, by name (a routine's with its argument types).</summary>
    protected virtual void DropObject(DropObject operation, List<SqlStatement> output)
    {
        var item = operation.Object;
        Supported(operation, item);
        output.Add(new(item.Kind switch
        {
            DefinedObjectKind.View => $"DROP VIEW {Syntax.Quote(item.Name)}",
            DefinedObjectKind.MaterializedView => $"DROP MATERIALIZED VIEW {Syntax.Quote(item.Name)}",
            DefinedObjectKind.Function => $"DROP FUNCTION {Syntax.Quote(item.Name)}({item.Arguments})",
            DefinedObjectKind.Procedure => $"DROP PROCEDURE {Syntax.Quote(item.Name)}({item.Arguments})",
            DefinedObjectKind.Aggregate => $"DROP AGGREGATE {Syntax.Quote(item.Name)}({(string.IsNullOrEmpty(item.Arguments) ? "*" : item.Arguments)})",
            DefinedObjectKind.Trigger => DropTrigger(item),
            _ => throw new NotSupportedException($"No DROP for {item.Kind}."),
        }));
    }

    /// <summary>DROP TRIGGER name ON table (SQLite names only the trigger).</summary>
    protected virtual string DropTrigger(DefinedObject trigger) =>
        $"DROP TRIGGER {Syntax.QuoteIdentifier(trigger.Name.Name)} ON {Syntax.Quote(trigger.Table!)}";

    /// <summary>
    /// A routine replaced in place when its new definition says <c>CREATE OR REPLACE</c>, which keeps what depends on
    /// it; otherwise (and for the other kinds) dropped and created again.
    /// </summary>
    protected virtual void ReplaceObject(ReplaceObject operation, List<SqlStatement> output)
    {
        Supported(operation, operation.Object);
        if (operation.Object.IsRoutine && OrReplace().IsMatch(operation.Object.Definition))
        {
            output.Add(new(Body(operation.Object.Definition)));
            return;
        }
        DropObject(new DropObject(operation.Existing), output);
        CreateObject(new CreateObject(operation.Object), output);
    }

    /// <summary>A definition as one statement: without the semicolon and blank space that may end it.</summary>
    private static string Body(string definition)
    {
        var text = definition.TrimEnd();
        while (text.EndsWith(';')) text = text[..^1].TrimEnd();
        return text;
    }

    private void Supported(MigrationOperation operation, DefinedObject item)
    {
        if (!Dialect.SupportsObject(item.Kind)) throw Refuse(operation, PluralOf(item.Kind), dialectHasThem: false);
    }

    private static string PluralOf(DefinedObjectKind kind) => kind switch
    {
        DefinedObjectKind.MaterializedView => "materialized views",
        _ => DefinedObject.KindWordOf(kind) + "s",
    };

    [GeneratedRegex(@"^\s*CREATE\s+OR\s+REPLACE\b", RegexOptions.IgnoreCase)]
    private static partial Regex OrReplace();
}
