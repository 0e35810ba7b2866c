// Cuts a SQL string into the text of its statements, so that 'monitor query' can run them one at a
// time and see whether a SET is a SET VARIABLE. DuckDB's parser stays the authority: ReadOnlyQuery
// checks that DuckDB finds exactly as many statements, and one statement of the same type in each piece.
namespace Monitor.Warehouse;

public static class SqlStatementText
{
    /// <summary>The statements of <paramref name="sql"/>, split at semicolons outside strings, quoted
    /// identifiers, dollar-quoted strings and comments; pieces holding only blanks and comments are left out.</summary>
    public static IReadOnlyList<string> Split(string sql)
    {
        var pieces = new List<string>();
        var start = 0;
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (c == ';')
            {
                Add(pieces, sql[start..i]);
                start = ++i;
            }
            else if (c == '\'')
                i = SkipQuoted(sql, i, '\'', backslashEscapes: i > 0 && (sql[i - 1] is 'e' or 'E') && !IsWordChar(sql, i - 2));
            else if (c == '"')
                i = SkipQuoted(sql, i, '"', backslashEscapes: false);
            else if (c == '-' && At(sql, i + 1, '-'))
                i = SkipLineComment(sql, i);
            else if (c == '/' && At(sql, i + 1, '*'))
                i = SkipBlockComment(sql, i);
            else if (c == '$' && !IsWordChar(sql, i - 1) && DollarTag(sql, i) is { } tag)
            {
                var end = sql.IndexOf(tag, i + tag.Length, StringComparison.Ordinal);
                i = end < 0 ? sql.Length : end + tag.Length;
            }
            else
                i++;
        }
        Add(pieces, sql[start..]);
        return pieces;
    }

    /// <summary>The first <paramref name="count"/> words of a statement, upper-cased, after blanks and comments.</summary>
    public static IReadOnlyList<string> LeadingWords(string statement, int count)
    {
        var words = new List<string>();
        var i = SkipBlanksAndComments(statement, 0);
        while (words.Count < count && i < statement.Length && (char.IsLetter(statement[i]) || statement[i] == '_'))
        {
            var start = i;
            while (i < statement.Length && (char.IsLetterOrDigit(statement[i]) || statement[i] == '_')) i++;
            words.Add(statement[start..i].ToUpperInvariant());
            i = SkipBlanksAndComments(statement, i);
        }
        return words;
    }

    static void Add(List<string> pieces, string piece)
    {
        if (SkipBlanksAndComments(piece, 0) < piece.Length) pieces.Add(piece.Trim());
    }

    static int SkipBlanksAndComments(string s, int i)
    {
        while (i < s.Length)
        {
            if (char.IsWhiteSpace(s[i])) i++;
            else if (s[i] == '-' && At(s, i + 1, '-')) i = SkipLineComment(s, i);
            else if (s[i] == '/' && At(s, i + 1, '*')) i = SkipBlockComment(s, i);
            else break;
        }
        return i;
    }

    static bool At(string s, int i, char c) => i < s.Length && s[i] == c;

    static bool IsWordChar(string s, int i) => i >= 0 && i < s.Length && (char.IsLetterOrDigit(s[i]) || s[i] is '_' or '$');

    /// <summary>The index after the closing quote; a doubled quote stays inside, as does a backslash escape in E'…'.</summary>
    static int SkipQuoted(string s, int i, char quote, bool backslashEscapes)
    {
        i++;
        while (i < s.Length)
        {
            if (backslashEscapes && s[i] == '\\') { i += 2; continue; }
            if (s[i] == quote)
            {
                if (At(s, i + 1, quote)) { i += 2; continue; }
                return i + 1;
            }
            i++;
        }
        return s.Length;
    }

    static int SkipLineComment(string s, int i)
    {
        var end = s.IndexOf('\n', i);
        return end < 0 ? s.Length : end + 1;
    }

    /// <summary>Block comments nest, as in PostgreSQL, whose grammar DuckDB's parser comes from.</summary>
    static int SkipBlockComment(string s, int i)
    {
        var depth = 0;
        while (i < s.Length)
        {
            if (s[i] == '/' && At(s, i + 1, '*')) { depth++; i += 2; }
            else if (s[i] == '*' && At(s, i + 1, '/')) { depth--; i += 2; if (depth == 0) return i; }
            else i++;
        }
        return s.Length;
    }

    /// <summary>"$$" or "$tag$" opening a dollar-quoted string at i; null for a parameter such as $1.</summary>
    static string? DollarTag(string s, int i)
    {
        var j = i + 1;
        if (j < s.Length && (char.IsLetter(s[j]) || s[j] == '_'))
            while (j < s.Length && (char.IsLetterOrDigit(s[j]) || s[j] == '_')) j++;
        return j < s.Length && s[j] == '$' ? s[i..(j + 1)] : null;
    }
}
