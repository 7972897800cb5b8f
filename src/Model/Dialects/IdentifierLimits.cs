using DiffMigrate.Schema;

namespace DiffMigrate.Dialects;

/// <summary>
/// The dialect's identifier limit applied to a model: every name the model would create (schemas, tables, columns,
/// constraints and indexes, including the names the naming convention made, enums and their values, sequences).
/// A name over the limit is an error, never a difference: PostgreSQL would store it cut short, and every later
/// comparison would find the model's name missing and the cut one to drop.
/// </summary>
internal static class IdentifierLimits
{
    /// <summary>Throws <see cref="DiffMigrateException"/> naming the first name of <paramref name="model"/> over <paramref name="dialect"/>'s limit.</summary>
    public static void Check(DatabaseSchema model, Dialect dialect)
    {
        // The common case answered without a message's worth of text made for every name (a tenth of a 500-table
        // comparison went to describing names that were fine); only a model with a bad name is walked again to say which.
        if (AllFit(model, dialect)) return;
        CheckStorable(model);
        if (dialect.MaxIdentifierLength == int.MaxValue) return;
        foreach (var (kind, fullName, name) in Names(model))
        {
            var length = dialect.IdentifierLength(name);
            if (length <= dialect.MaxIdentifierLength) continue;
            var unit = dialect.IdentifierUnit == IdentifierUnit.Utf8Bytes ? "bytes (UTF-8)" : "characters";
            throw new DiffMigrateException(
                $"The model's {kind} {fullName} is {length} {unit} long; {dialect.Name} allows at most {dialect.MaxIdentifierLength}: shorten the name (or the naming convention that made it).");
        }
    }

    // Neither database can hold NUL in SQL text: SQLite ends the statement there (the name is cut, or the statement is
    // broken), PostgreSQL refuses it. Nor a lone surrogate, which UTF-8 cannot encode: SQLite would store U+FFFD (a
    // difference that never goes away), Npgsql fails to send the statement. Refused here, before anything is written or run.
    private static void CheckStorable(DatabaseSchema model)
    {
        var texts = Names(model).Select(n => (n.Kind, n.FullName, Text: (string?)n.Name)).Concat(model.Tables.SelectMany(table =>
            new[] { ("comment of table", Quoted(table.Name), table.Comment) }
                .Concat(table.Columns.SelectMany(c => new[]
                {
                    ("default of column", Quoted($"{table.Name}.{c.Name}"), c.Default),
                    ("comment of column", Quoted($"{table.Name}.{c.Name}"), c.Comment),
                    ("computed expression of column", Quoted($"{table.Name}.{c.Name}"), c.Computed),
                }))
                .Concat(table.CheckConstraints.Select(k => ("check constraint SQL", Quoted(table.Name), (string?)k.Sql)))
                .Concat(table.ExclusionConstraints.Select(x => ("exclusion constraint SQL", Quoted(table.Name), (string?)x.Definition)))));
        foreach (var (kind, fullName, text) in texts)
        {
            if (text is null) continue;
            if (text.Contains('\0', StringComparison.Ordinal))
            {
                throw new DiffMigrateException($"The model's {kind} {fullName} holds a NUL character (\\0), which no database can store: remove it.");
            }
            if (LoneSurrogate(text) is { } lone)
            {
                throw new DiffMigrateException($"The model's {kind} {fullName} holds a lone surrogate (\\u{((int)lone).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)}), which UTF-8 cannot encode: remove it or pair it.");
            }
        }
    }

    private static bool AllFit(DatabaseSchema model, Dialect dialect)
    {
        var limited = dialect.MaxIdentifierLength != int.MaxValue;
        foreach (var name in PlainNames(model))
        {
            if (!Storable(name) || (limited && dialect.IdentifierLength(name) > dialect.MaxIdentifierLength)) return false;
        }
        foreach (var table in model.Tables)
        {
            if (!Storable(table.Comment)) return false;
            foreach (var c in table.Columns)
            {
                if (!Storable(c.Default) || !Storable(c.Comment) || !Storable(c.Computed)) return false;
            }
            foreach (var k in table.CheckConstraints)
            {
                if (!Storable(k.Sql)) return false;
            }
            foreach (var x in table.ExclusionConstraints)
            {
                if (!Storable(x.Definition)) return false;
            }
        }
        return true;
    }

    // No NUL and no surrogate at all: a pair is fine, but rare enough to leave to the walk that says what is wrong.
    // A plain loop: IndexOfAnyInRange<char> is not precompiled, and compiled at run time it boxed every character it
    // compared (3 MiB of the 39 MiB a 500-table no-op allocated); names and defaults are short, so vectors bought nothing.
    private static bool Storable(string? text)
    {
        if (text is null) return true;
        foreach (var c in text)
        {
            if (c == '\0' || char.IsSurrogate(c)) return false;
        }
        return true;
    }

    /// <summary>The names <see cref="Names"/> gives, without where they are.</summary>
    private static IEnumerable<string> PlainNames(DatabaseSchema model)
    {
        foreach (var schema in model.Schemas) yield return schema;
        foreach (var type in model.Enums)
        {
            foreach (var part in Parts(type.Name)) yield return part;
            foreach (var value in type.Values) yield return value;
        }
        foreach (var sequence in model.Sequences)
        {
            foreach (var part in Parts(sequence.Name)) yield return part;
        }
        foreach (var table in model.Tables)
        {
            if (table.Name.Schema is { } schema) yield return schema;
            yield return table.Name.Name;
            foreach (var column in table.Columns) yield return column.Name;
            if (table.PrimaryKey?.Name is { } pk) yield return pk;
            foreach (var f in table.ForeignKeys)
            {
                if (f.Name is { } name) yield return name;
            }
            foreach (var u in table.UniqueConstraints)
            {
                if (u.Name is { } name) yield return name;
            }
            foreach (var k in table.CheckConstraints)
            {
                if (k.Name is { } name) yield return name;
            }
            foreach (var index in table.Indexes) yield return index.Name;
            foreach (var x in table.ExclusionConstraints)
            {
                if (x.Name is { } name) yield return name;
            }
        }
    }

    private static char? LoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return text[i];
        }
        return null;
    }

    /// <summary>Each name with its kind and where it is, as a message names it.</summary>
    private static IEnumerable<(string Kind, string FullName, string Name)> Names(DatabaseSchema model)
    {
        foreach (var schema in model.Schemas) yield return ("schema", Quoted(schema), schema);
        foreach (var type in model.Enums)
        {
            foreach (var part in Parts(type.Name)) yield return ("enum", Quoted(type.Name), part);
            foreach (var value in type.Values) yield return ("enum value", $"{Quoted(value)} of enum {Quoted(type.Name)}", value);
        }
        foreach (var sequence in model.Sequences)
        {
            foreach (var part in Parts(sequence.Name)) yield return ("sequence", Quoted(sequence.Name), part);
        }
        foreach (var table in model.Tables)
        {
            var on = $"on table {Quoted(table.Name)}";
            foreach (var part in Parts(table.Name)) yield return ("table", Quoted(table.Name), part);
            foreach (var column in table.Columns) yield return ("column", Quoted($"{table.Name}.{column.Name}"), column.Name);
            if (table.PrimaryKey?.Name is { } pk) yield return ("primary key", $"{Quoted(pk)} {on}", pk);
            foreach (var name in table.ForeignKeys.Select(f => f.Name).OfType<string>()) yield return ("foreign key", $"{Quoted(name)} {on}", name);
            foreach (var name in table.UniqueConstraints.Select(u => u.Name).OfType<string>()) yield return ("unique constraint", $"{Quoted(name)} {on}", name);
            foreach (var name in table.CheckConstraints.Select(k => k.Name).OfType<string>()) yield return ("check constraint", $"{Quoted(name)} {on}", name);
            foreach (var index in table.Indexes) yield return ("index", $"{Quoted(index.Name)} {on}", index.Name);
            foreach (var name in table.ExclusionConstraints.Select(x => x.Name).OfType<string>()) yield return ("exclusion constraint", $"{Quoted(name)} {on}", name);
        }
    }

    private static IEnumerable<string> Parts(QualifiedName name) => name.Schema is null ? [name.Name] : [name.Schema, name.Name];

    private static string Quoted(QualifiedName name) => Quoted(name.ToString());

    // The CLI shows the rest of what is hidden, but keeps line feeds (messages of several lines): a name's own line
    // feed, or any C0 control, is escaped here so the error stays on one line. (Model cannot see Render's VisibleText.)
    private static string Quoted(string name) => name.AsSpan().IndexOfAnyInRange('\0', '\u001f') < 0 && !name.Contains('\u007f', StringComparison.Ordinal)
        ? "'" + name + "'"   // the common case, without a string per character (it ran for every column of every check)
        : "'" + string.Concat(name.Select(c => c < ' ' || c == '\u007f' ? "\\u" + ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture) : c.ToString())) + "'";
}
