using System.Text;

namespace DiffMigrate.Providers.Sqlite;

/// <summary>
/// SQLite's views and triggers as <see cref="DefinedObject"/>s, from the CREATE text <c>sqlite_schema.sql</c> keeps,
/// and their comparison form. SQLite stores that text as written (it only normalises the first keywords), so
/// definitions compare by their tokens: white space, comments, keyword and identifier case and identifier quoting
/// are not a change; string literals and everything else are.
/// </summary>
internal static class SqliteObjects
{
    /// <summary>
    /// The view whose CREATE VIEW text is <paramref name="sql"/>: its query is what follows AS. A view with a column
    /// list (<c>CREATE VIEW v(a, b) AS ...</c>) cannot be modelled by its query alone: null, and it is reported instead.
    /// </summary>
    public static DefinedObject? View(string name, string sql)
    {
        var tokens = SqlTokenizer.Tokenize(sql);
        // CREATE [TEMP] VIEW [IF NOT EXISTS] [schema.]name AS query
        var at = tokens.FindIndex(t => t.Is("VIEW"));
        if (at < 0) return null;
        at++;
        if (at + 2 < tokens.Count && tokens[at].Is("IF") && tokens[at + 1].Is("NOT") && tokens[at + 2].Is("EXISTS")) at += 3;
        at++;
        if (at + 1 < tokens.Count && tokens[at].IsPunctuation('.')) at += 2;
        if (at >= tokens.Count || !tokens[at].Is("AS")) return null;
        return DefinedObject.View(name, sql[tokens[at].End..].Trim());
    }

    /// <summary>The comparison form of a view's query or a trigger's CREATE TRIGGER text: its tokens, one space apart.</summary>
    public static string Canonical(string sql)
    {
        var text = new StringBuilder(sql.Length);
        var tokens = SqlTokenizer.Tokenize(sql);
        var count = tokens.Count;
        // The semicolon that ends the statement is not part of it (a trigger body's own are).
        while (count > 0 && tokens[count - 1].IsPunctuation(';')) count--;
        for (var i = 0; i < count; i++)
        {
            if (i > 0) text.Append(' ');
            var token = tokens[i];
            text.Append(token.Kind switch
            {
                TokenKind.Word or TokenKind.Number => token.Text.ToUpperInvariant(),
                // "Users", [users] and users name the same object; a quoted name that is not a plain word stays quoted.
                TokenKind.QuotedName when IsPlainWord(token.Identifier) => token.Identifier.ToUpperInvariant(),
                _ => token.Text,
            });
        }
        return text.ToString();
    }

    private static bool IsPlainWord(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$');
}
