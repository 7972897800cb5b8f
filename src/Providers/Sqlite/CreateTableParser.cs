namespace DiffMigrate.Providers.Sqlite;

internal enum ConstraintKind { PrimaryKey, Unique, Check, ForeignKey }

/// <summary>A constraint as written in CREATE TABLE, table-level or on a column.</summary>
internal sealed record ParsedConstraint(ConstraintKind Kind, string? Name, IReadOnlyList<string> Columns, string? Sql, string? ReferredTable);

/// <summary>What only the CREATE TABLE text tells about a column.</summary>
internal sealed record ParsedColumn(string Name, string? Collation, string? Generated);

/// <summary>
/// A parsed CREATE TABLE; <paramref name="Autoincrement"/> when its rowid alias says AUTOINCREMENT, <paramref name="Strict"/>
/// and <paramref name="WithoutRowid"/> the table options written after the definitions.
/// </summary>
internal sealed record ParsedTable(IReadOnlyList<ParsedColumn> Columns, IReadOnlyList<ParsedConstraint> Constraints, bool Autoincrement = false,
    bool Strict = false, bool WithoutRowid = false);

/// <summary>
/// Reads the parts of CREATE TABLE that no pragma reports: constraint names, CHECK bodies, collations and
/// generated-column expressions. Expressions are cut verbatim from the source text.
/// </summary>
internal static class CreateTableParser
{
    private static readonly string[] ColumnConstraintStarts =
        ["CONSTRAINT", "PRIMARY", "NOT", "NULL", "UNIQUE", "CHECK", "DEFAULT", "COLLATE", "REFERENCES", "GENERATED", "AS"];

    public static ParsedTable Parse(string sql)
    {
        var tokens = SqlTokenizer.Tokenize(sql);
        var open = tokens.FindIndex(t => t.IsPunctuation('('));
        var columns = new List<ParsedColumn>();
        var constraints = new List<ParsedConstraint>();
        if (open < 0) return new ParsedTable(columns, constraints);
        var close = tokens.Count;
        foreach (var definition in SplitTopLevel(tokens, open + 1, t => close = t))
        {
            if (definition.Count == 0) continue;
            var first = definition[0];
            if (first.Is("CONSTRAINT") || first.Is("PRIMARY") || first.Is("UNIQUE") || first.Is("CHECK") || first.Is("FOREIGN"))
            {
                constraints.Add(TableConstraint(sql, definition));
            }
            else
            {
                columns.Add(Column(sql, definition, constraints));
            }
        }
        // The keyword is valid only after INTEGER PRIMARY KEY, so its presence anywhere outside quotes says it all.
        // The table options follow the closing parenthesis: "WITHOUT ROWID", "STRICT", comma-separated.
        return new ParsedTable(columns, constraints, tokens.FindIndex(t => t.Is("AUTOINCREMENT")) >= 0,
            tokens.FindIndex(close + 1, t => t.Is("STRICT")) >= 0, tokens.FindIndex(close + 1, t => t.Is("ROWID")) >= 0);
    }

    /// <summary>The WHERE clause and the key expressions of a CREATE INDEX statement.</summary>
    public static (IReadOnlyList<string> Keys, string? Where) ParseIndex(string sql)
    {
        var tokens = SqlTokenizer.Tokenize(sql);
        var open = tokens.FindIndex(t => t.IsPunctuation('('));
        if (open < 0) return ([], null);
        var keys = new List<string>();
        var close = open;
        foreach (var key in SplitTopLevel(tokens, open + 1, t => close = t))
        {
            var end = key.Count;
            if (end > 1 && (key[^1].Is("ASC") || key[^1].Is("DESC"))) end--;
            // The key's collation is read from pragma_index_xinfo, as a key option.
            if (end > 2 && key[end - 2].Is("COLLATE")) end -= 2;
            keys.Add(Text(sql, key, 0, end));
        }
        var where = tokens.FindIndex(close, t => t.Is("WHERE"));
        return (keys, where < 0 ? null : sql[tokens[where].End..].Trim().TrimEnd(';').Trim());
    }

    private static ParsedColumn Column(string sql, SqlTokens tokens, List<ParsedConstraint> constraints)
    {
        var name = tokens[0].Identifier;
        string? collation = null, generated = null, constraintName = null;
        var i = 1;
        while (i < tokens.Count && !StartsColumnConstraint(tokens[i])) i++;
        while (i < tokens.Count)
        {
            var t = tokens[i];
            if (t.Is("CONSTRAINT") && i + 1 < tokens.Count) { constraintName = tokens[i + 1].Identifier; i += 2; continue; }
            if (t.Is("PRIMARY")) { constraints.Add(new(ConstraintKind.PrimaryKey, constraintName, [name], null, null)); constraintName = null; i += 2; continue; }
            if (t.Is("UNIQUE")) { constraints.Add(new(ConstraintKind.Unique, constraintName, [name], null, null)); constraintName = null; i++; continue; }
            if (t.Is("CHECK"))
            {
                var (body, next) = Parenthesised(sql, tokens, i + 1);
                constraints.Add(new(ConstraintKind.Check, constraintName, [name], body, null));
                constraintName = null;
                i = next;
                continue;
            }
            if (t.Is("REFERENCES"))
            {
                constraints.Add(new(ConstraintKind.ForeignKey, constraintName, [name], null, tokens[i + 1].Identifier));
                constraintName = null;
                i += 2;
                continue;
            }
            if (t.Is("COLLATE") && i + 1 < tokens.Count) { collation = tokens[i + 1].Identifier; i += 2; continue; }
            if (t.Is("AS") && i + 1 < tokens.Count && tokens[i + 1].IsPunctuation('('))
            {
                (generated, i) = Parenthesised(sql, tokens, i + 1);
                continue;
            }
            if (t.IsPunctuation('(')) { i = Parenthesised(sql, tokens, i).Next; continue; }
            i++;
        }
        return new ParsedColumn(name, collation, generated);
    }

    private static ParsedConstraint TableConstraint(string sql, SqlTokens tokens)
    {
        string? name = null;
        var i = 0;
        if (tokens[0].Is("CONSTRAINT")) { name = tokens[1].Identifier; i = 2; }
        var kind = tokens[i] switch
        {
            var t when t.Is("PRIMARY") => ConstraintKind.PrimaryKey,
            var t when t.Is("UNIQUE") => ConstraintKind.Unique,
            var t when t.Is("CHECK") => ConstraintKind.Check,
            _ => ConstraintKind.ForeignKey,
        };
        var open = tokens.FindIndex(i, t => t.IsPunctuation('('));
        if (kind == ConstraintKind.Check)
        {
            return new ParsedConstraint(kind, name, [], Parenthesised(sql, tokens, open).Body, null);
        }
        var columns = new List<string>();
        foreach (var part in SplitTopLevel(tokens, open + 1)) columns.Add(part[0].Identifier);
        string? referred = null;
        var references = tokens.FindIndex(t => t.Is("REFERENCES"));
        if (references >= 0) referred = tokens[references + 1].Identifier;
        return new ParsedConstraint(kind, name, columns, null, referred);
    }

    private static bool StartsColumnConstraint(SqlToken token)
    {
        if (token.Kind != TokenKind.Word) return false;
        foreach (var word in ColumnConstraintStarts)
        {
            if (token.Is(word)) return true;
        }
        return false;
    }

    /// <summary>The text inside the parentheses opening at <paramref name="open"/>, and the index after them.</summary>
    private static (string Body, int Next) Parenthesised(string sql, SqlTokens tokens, int open)
    {
        var depth = 0;
        for (var i = open; i < tokens.Count; i++)
        {
            if (tokens[i].IsPunctuation('(')) depth++;
            else if (tokens[i].IsPunctuation(')') && --depth == 0)
            {
                return (sql[tokens[open].End..tokens[i].Start].Trim(), i + 1);
            }
        }
        return (sql[tokens[open].End..].Trim(), tokens.Count);
    }

    /// <summary>The comma-separated parts of a parenthesised list starting at <paramref name="from"/>.</summary>
    private static List<SqlTokens> SplitTopLevel(SqlTokens tokens, int from, Action<int>? closedAt = null)
    {
        var parts = new List<SqlTokens>();
        var depth = 0;
        var start = from;
        var i = from;
        for (; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.IsPunctuation('(')) depth++;
            else if (t.IsPunctuation(')'))
            {
                if (depth == 0) { closedAt?.Invoke(i); break; }
                depth--;
            }
            else if (t.IsPunctuation(',') && depth == 0)
            {
                parts.Add(tokens.Slice(start, i));
                start = i + 1;
            }
        }
        parts.Add(tokens.Slice(start, i));
        return parts;
    }

    private static string Text(string sql, SqlTokens tokens, int from, int to) =>
        to <= from ? "" : sql[tokens[from].Start..tokens[to - 1].End];
}
