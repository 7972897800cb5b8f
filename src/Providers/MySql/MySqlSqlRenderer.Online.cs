using DiffMigrate.Render.Sql;

namespace DiffMigrate.Providers.MySql;

internal sealed partial class MySqlSqlRenderer
{
    /// <summary>
    /// The clauses a change asks for, after each of its statements: <c>ALTER TABLE ..., ALGORITHM=INSTANT, LOCK=NONE</c>,
    /// <c>CREATE INDEX ... ALGORITHM=INPLACE LOCK=NONE</c> (a DROP INDEX is already an ALTER TABLE then).
    /// </summary>
    protected override void Online(OnlineDdl online, List<SqlStatement> output, int first)
    {
        List<string> clauses = [];
        if (online.Algorithm != DdlAlgorithm.Default) clauses.Add("ALGORITHM=" + online.Algorithm.ToString().ToUpperInvariant());
        if (online.Lock != DdlLock.Default) clauses.Add("LOCK=" + online.Lock.ToString().ToUpperInvariant());
        if (clauses.Count == 0) return;
        for (var i = first; i < output.Count; i++)
        {
            var text = output[i].Text;
            if (text.StartsWith("ALTER TABLE ", StringComparison.Ordinal)) output[i] = output[i] with { Text = text + ", " + string.Join(", ", clauses) };
            else if (text.StartsWith("CREATE ", StringComparison.Ordinal)) output[i] = output[i] with { Text = text + " " + string.Join(" ", clauses) };
        }
    }
}
