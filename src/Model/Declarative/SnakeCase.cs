namespace DiffMigrate.Declarative;

/// <summary>
/// The table, column and enum names that conventions make from C# names: <c>OrderItem</c> becomes <c>order_item</c>,
/// <c>HTMLParser</c> <c>html_parser</c>, <c>Item2Price</c> <c>item2_price</c>. Written here rather than taken from a
/// text library, so that no library upgrade can rename a table; lower case is the invariant culture's.
/// </summary>
internal static class SnakeCase
{
    /// <summary>
    /// <paramref name="name"/> with an underscore where a word starts (an upper-case letter after a lower-case letter
    /// or a digit, or the last capital of an acronym that a lower-case letter follows), dashes and white space as
    /// underscores, and all in lower case. Underscores already there are kept.
    /// </summary>
    public static string Of(string name)
    {
        var text = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0)
            {
                var before = name[i - 1];
                var acronymEnds = char.IsUpper(before) && i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (acronymEnds || char.IsLower(before) || char.IsDigit(before)) text.Append('_');
            }
            text.Append(c == '-' || char.IsWhiteSpace(c) ? '_' : char.ToLowerInvariant(c));
        }
        return text.ToString();
    }
}
