using DiffMigrate.Render;

namespace DiffMigrate.Providers.MySql;

/// <summary>What <see cref="MySqlCanonicalizer"/> asks the server about: a table's elements, and which need no asking.</summary>
internal sealed partial class MySqlCanonicalizer
{
    /// <summary>
    /// True when the server's form of <paramref name="element"/> cannot change the comparison: the database's table has
    /// nothing to compare it with (a new column, a check of another name, no default there), or the text rules already
    /// find the two the same. The comparison applies those rules to the server's forms too, so an element left in the
    /// model's spelling compares exactly as before; a no-op asks the server nothing, whatever the size of the model.
    /// </summary>
    private static bool Settled(Table table, Element element, Table stored)
    {
        var rules = MySqlExpressionRules.Instance;
        if (element.Kind == ElementKind.Check)
        {
            var name = table.CheckConstraints[element.Index].Name;
            // An unnamed check is matched by its text, which is what the server's form is for.
            if (name is null) return false;
            var other = stored.CheckConstraints.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase));
            return other is null || rules.Canonical(other.Sql) == rules.Canonical(element.Sql(table));
        }
        var column = table.Columns[element.Index];
        var counterpart = stored.Columns.FirstOrDefault(c => string.Equals(c.Name, column.Name, StringComparison.OrdinalIgnoreCase));
        if (counterpart is null) return true;
        return element.Kind == ElementKind.Computed
            ? counterpart.Computed is not { } computed || rules.Canonical(computed) == rules.Canonical(element.Sql(table))
            : counterpart.Default is not { } value || rules.CanonicalDefault(value, column.Type) == rules.CanonicalDefault(element.Sql(table), column.Type);
    }

    /// <summary>What a table asks about: each default (but of a generated column), generated column and check.</summary>
    private static List<Element> Elements(Table table)
    {
        var elements = new List<Element>();
        for (var i = 0; i < table.Columns.Count; i++)
        {
            var column = table.Columns[i];
            if (column.Computed is not null) elements.Add(new Element(ElementKind.Computed, i));
            else if (column.Default is not null) elements.Add(new Element(ElementKind.Default, i));
        }
        for (var i = 0; i < table.CheckConstraints.Count; i++) elements.Add(new Element(ElementKind.Check, i));
        foreach (var element in elements)
        {
            if (MySqlFragments.Problem(element.Sql(table)) is { } problem)
            {
                throw new DiffMigrateException($"The model's {element.Describe(table)} is not one SQL expression ({problem}): {VisibleStart(element.Sql(table))}");
            }
        }
        return elements;
    }

    // One line whatever the model's text holds (line breaks, U+2028, terminal escapes are shown as escapes).
    private static string VisibleStart(string sql) => VisibleText.Escape(sql.Length <= 60 ? sql : sql[..60]) + (sql.Length <= 60 ? "" : "...");

    private enum ElementKind { Default, Computed, Check }

    /// <summary>A default or generated column (column <paramref name="Index"/>) or a check (check <paramref name="Index"/>).</summary>
    private sealed record Element(ElementKind Kind, int Index)
    {
        public string Sql(Table table) => Kind switch
        {
            ElementKind.Default => table.Columns[Index].Default!,
            ElementKind.Computed => table.Columns[Index].Computed!,
            _ => table.CheckConstraints[Index].Sql,
        };

        public string Describe(Table table) => Kind switch
        {
            ElementKind.Default => $"default of {table.Name}.{table.Columns[Index].Name}",
            ElementKind.Computed => $"generated column {table.Name}.{table.Columns[Index].Name}",
            _ => $"check {table.CheckConstraints[Index].Name ?? "(unnamed)"} on {table.Name}",
        };
    }

    /// <summary>One temporary table: the model table's columns and <paramref name="Elements"/>; none with <paramref name="Bare"/>.</summary>
    private sealed record Unit(int Table, IReadOnlyList<Element> Elements, bool Bare);
}
