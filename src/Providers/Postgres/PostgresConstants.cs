namespace DiffMigrate.Providers.Postgres;

/// <summary>
/// Decides by PostgreSQL's tokens whether a DEFAULT is a constant that the server may evaluate to compare values:
/// literals (strings, <c>E''</c>, <c>B''</c>, <c>X''</c>, numbers, TRUE, FALSE, NULL), typed literals
/// (<c>DATE '2020-01-01'</c>, <c>TIMESTAMP WITH TIME ZONE '...'</c>), <c>::</c> casts, unary <c>-</c> and <c>+</c>,
/// parentheses, row constructors in parentheses and <c>ARRAY[...]</c> of constants. Anything that could call a
/// function is not: a name followed by <c>(</c>, a bare name (a column, or a function such as CURRENT_DATE that
/// takes no parentheses), any other operator (an operator is a function the user may have defined), a subquery,
/// a comment, a dollar quote or a semicolon.
/// </summary>
internal static class PostgresConstants
{
    private const int MostDepth = 64;

    /// <summary>True when <paramref name="sql"/> is a constant by the rules above.</summary>
    public static bool IsConstant(string sql)
    {
        if (Tokens(sql) is not { Count: > 0 } tokens) return false;
        var parser = new Parser(tokens);
        return parser.Expression(0) && parser.AtEnd;
    }

    private enum Kind
    {
        String,
        Number,
        Word,
        Quoted,
        Punctuation,
    }

    private readonly record struct Token(Kind Kind, string Text)
    {
        public bool Is(string punctuation) => Kind == Kind.Punctuation && Text == punctuation;

        public bool IsWord(string word) => Kind == Kind.Word && string.Equals(Text, word, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The tokens of <paramref name="sql"/>, or null when it holds anything a constant never does.</summary>
    private static List<Token>? Tokens(string sql)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v') { i++; continue; }
            if (c == '\'')
            {
                if (Literal(sql, i, false) is not { } end) return null;
                tokens.Add(new(Kind.String, sql[i..end]));
                i = end;
            }
            else if (c is 'E' or 'e' or 'B' or 'b' or 'X' or 'x' or 'N' or 'n' && At(sql, i + 1, '\'') && (i == 0 || !IsWordPart(sql[i - 1])))
            {
                if (Literal(sql, i + 1, c is 'E' or 'e') is not { } end) return null;
                tokens.Add(new(Kind.String, sql[i..end]));
                i = end;
            }
            else if (char.IsAsciiDigit(c) || c == '.' && i + 1 < sql.Length && char.IsAsciiDigit(sql[i + 1]))
            {
                var start = i;
                while (i < sql.Length && (char.IsAsciiDigit(sql[i]) || sql[i] is '.' or '_')) i++;
                if (i < sql.Length && sql[i] is 'e' or 'E' && (char.IsAsciiDigit(Next(sql, i + 1)) || Next(sql, i + 1) is '+' or '-' && char.IsAsciiDigit(Next(sql, i + 2))))
                {
                    i += 2;
                    while (i < sql.Length && char.IsAsciiDigit(sql[i])) i++;
                }
                // 5abc or 0x1F: not a number PostgreSQL 15 reads the way it looks.
                if (i < sql.Length && IsWordPart(sql[i])) return null;
                tokens.Add(new(Kind.Number, sql[start..i]));
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = i;
                while (i < sql.Length && IsWordPart(sql[i])) i++;
                tokens.Add(new(Kind.Word, sql[start..i]));
            }
            else if (c == '"')
            {
                var end = sql.IndexOf('"', i + 1);
                while (end > 0 && At(sql, end + 1, '"')) end = sql.IndexOf('"', end + 2);
                if (end < 0) return null;
                tokens.Add(new(Kind.Quoted, sql[i..(end + 1)]));
                i = end + 1;
            }
            else if (c == ':' && At(sql, i + 1, ':'))
            {
                tokens.Add(new(Kind.Punctuation, "::"));
                i += 2;
            }
            else if (c is '(' or ')' or '[' or ']' or ',' or '.')
            {
                tokens.Add(new(Kind.Punctuation, c.ToString()));
                i++;
            }
            else if (c is '-' or '+' && !At(sql, i + 1, '-') && !At(sql, i + 1, '*') && !At(sql, i + 1, '/'))
            {
                tokens.Add(new(Kind.Punctuation, c.ToString()));
                i++;
            }
            else
            {
                // Comments, dollar quotes, ';', other operators, and every character PostgreSQL would read as part
                // of a name (anything past ASCII, U+2028 included): not a constant.
                return null;
            }
        }
        return tokens;
    }

    private static char Next(string sql, int i) => i < sql.Length ? sql[i] : '\0';

    private static bool At(string sql, int i, char c) => i < sql.Length && sql[i] == c;

    private static bool IsWordPart(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '$' || c >= '\u0080';

    /// <summary>The index after the string literal whose quote is at <paramref name="open"/>, or null.</summary>
    private static int? Literal(string sql, int open, bool backslashes)
    {
        for (var i = open + 1; i < sql.Length; i++)
        {
            if (backslashes && sql[i] == '\\') i++;
            else if (sql[i] == '\'')
            {
                if (!At(sql, i + 1, '\'')) return i + 1;
                i++;
            }
        }
        return null;
    }

    private sealed class Parser(List<Token> tokens)
    {
        private int position;

        public bool AtEnd => position == tokens.Count;

        private Token? Peek(int ahead = 0) => position + ahead < tokens.Count ? tokens[position + ahead] : null;

        private bool Take(string punctuation)
        {
            if (Peek() is not { } t || !t.Is(punctuation)) return false;
            position++;
            return true;
        }

        public bool Expression(int depth)
        {
            if (depth > MostDepth) return false;
            while (Take("-") || Take("+")) { }
            if (!Primary(depth)) return false;
            while (Take("::"))
            {
                if (!TypeName()) return false;
            }
            return true;
        }

        private bool Primary(int depth)
        {
            if (Peek() is not { } token) return false;
            switch (token.Kind)
            {
                case Kind.String or Kind.Number:
                    position++;
                    return true;
                case Kind.Punctuation when token.Text == "(":
                    position++;
                    return List(depth, ")");
                case Kind.Word when token.IsWord("true") || token.IsWord("false") || token.IsWord("null"):
                    position++;
                    return true;
                case Kind.Word when token.IsWord("array"):
                    position++;
                    return Take("[") && Elements(depth);
                case Kind.Word or Kind.Quoted:
                    // A typed literal: a type name and then a string, never a name that is called or read.
                    return TypeName() && Peek() is { Kind: Kind.String } && ++position > 0;
                default:
                    return false;
            }
        }

        /// <summary>Expressions separated by commas up to <paramref name="close"/> (at least one).</summary>
        private bool List(int depth, string close)
        {
            do
            {
                if (!Expression(depth + 1)) return false;
            }
            while (Take(","));
            return Take(close);
        }

        /// <summary>The elements of ARRAY[...] after its '[': constants or nested [...] lists; none for an empty array.</summary>
        private bool Elements(int depth)
        {
            if (depth > MostDepth) return false;
            if (Take("]")) return true;
            do
            {
                if (Take("["))
                {
                    if (!Elements(depth + 1)) return false;
                }
                else if (!Expression(depth + 1)) return false;
            }
            while (Take(","));
            return Take("]");
        }

        /// <summary>
        /// A type name: a (qualified) name, the SQL spellings of several words (<c>double precision</c>, <c>character
        /// varying</c>, <c>timestamp(3) with time zone</c>), numeric modifiers and array brackets.
        /// </summary>
        private bool TypeName()
        {
            if (!Name()) return false;
            if (Take(".") && !Name()) return false;
            var first = tokens[position - 1];
            if (first.IsWord("double") && Peek() is { } p && p.IsWord("precision")) position++;
            if ((first.IsWord("character") || first.IsWord("char") || first.IsWord("bit") || first.IsWord("national")) && Peek() is { } v && v.IsWord("varying")) position++;
            if (Peek() is { } open && open.Is("("))
            {
                position++;
                do
                {
                    if (Peek() is not { Kind: Kind.Number }) return false;
                    position++;
                }
                while (Take(","));
                if (!Take(")")) return false;
            }
            if ((first.IsWord("timestamp") || first.IsWord("time")) && Peek() is { } w && (w.IsWord("with") || w.IsWord("without")))
            {
                position++;
                if (!(Peek() is { } t && t.IsWord("time") && Peek(1) is { } z && z.IsWord("zone"))) return false;
                position += 2;
            }
            while (Take("["))
            {
                if (Peek() is { Kind: Kind.Number }) position++;
                if (!Take("]")) return false;
            }
            return true;
        }

        private bool Name()
        {
            if (Peek() is not { Kind: Kind.Word or Kind.Quoted } || Peek()!.Value.IsWord("array")) return false;
            position++;
            return true;
        }
    }
}
