namespace DiffMigrate.Dialects;

/// <summary>
/// A dialect's spelling of neutral types, both ways. Renderers call <see cref="ToSql"/>; inspectors call
/// <see cref="Parse"/>; the differ compares <c>Parse(ToSql(t))</c> so that a model type is judged by what the
/// database will actually store (an enum on SQLite is a VARCHAR, <c>Raw("INT")</c> is an Int32).
/// </summary>
public abstract class SqlTypeMap
{
    /// <summary>The dialect's spelling of <paramref name="type"/>.</summary>
    public abstract string ToSql(SqlType type);

    /// <summary>The neutral type for a declared or catalog type name; unknown names become <see cref="SqlType.Raw"/>.</summary>
    public abstract SqlType Parse(string sql);

    /// <summary>
    /// The type a column of a STRICT table stores <paramref name="type"/> as, in the neutral form that reads back the
    /// same (SQLite: INTEGER, REAL, TEXT, BLOB or ANY), or null when a strict table cannot hold it or the dialect has no
    /// strict tables.
    /// </summary>
    public virtual SqlType? StrictType(SqlType type) => null;

    /// <summary>The type as the database will report it: <c>Parse(ToSql(type))</c>.</summary>
    public virtual SqlType Normalize(SqlType type) => Parse(ToSql(type));

    /// <summary>Splits <c>NAME(a, b)</c> into an upper-case, space-collapsed name and its numeric arguments.</summary>
    protected static (string Name, int[] Args) Split(string sql)
    {
        var text = sql.Trim();
        var open = text.IndexOf('(', StringComparison.Ordinal);
        var name = open < 0 ? text : text[..open];
        var args = Array.Empty<int>();
        if (open >= 0 && text.EndsWith(')'))
        {
            var inner = text[(open + 1)..^1].Split(',', StringSplitOptions.TrimEntries);
            var parsed = new int[inner.Length];
            for (var i = 0; i < inner.Length; i++)
            {
                if (!int.TryParse(inner[i], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out parsed[i]))
                {
                    return (string.Join(' ', text.ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)), []);
                }
            }
            args = parsed;
        }
        else if (open >= 0)
        {
            name = text;
        }
        return (string.Join(' ', name.ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)), args);
    }
}
