using System.Data.Common;
using System.Globalization;
using DiffMigrate.Schema;

namespace DiffMigrate.Providers.Postgres;

/// <summary>
/// Constant defaults compared as values: where a column of the model and of the database has the same type and
/// both defaults are constants (<see cref="PostgresConstants"/>) spelled differently, the same batch asks the server
/// whether they are the same value of that type, as text: <c>(db)::T::text IS NOT DISTINCT FROM (model)::T::text</c>
/// (not <c>=</c>: interval '1 day' and '24 hours', or an unconstrained numeric 0 and 0.00, are equal but store
/// differently; json keeps its text, jsonb does not). When they are, the model's default takes the database's
/// spelling, so that the differ sees no change. Functions are never evaluated: a default that could call one is
/// not a constant and is not asked about.
/// </summary>
internal sealed partial class PostgresModelCanonicalizer
{
    private const string ValueAnswers = "dm_value_answers";

    /// <summary>The answers of the value questions, read after the other read-backs when there are questions.</summary>
    private static readonly string ValueReadBack = $"SELECT k, same FROM pg_temp.{ValueAnswers}";

    private sealed partial class Plan
    {
        private readonly Dictionary<(string Type, string? Collation, string Database, string Model), (int Key, string Element)> values = [];

        /// <summary>True when some default is to be compared as a value (the batch then reads one more answer).</summary>
        public bool HasValues => values.Count > 0;

        /// <summary>
        /// <paramref name="apply"/>, and then the defaults of <paramref name="table"/> that the server finds the same
        /// value as those of <paramref name="existing"/> (its table in the database) in the database's spelling; a
        /// column <paramref name="settled"/> needs no question.
        /// </summary>
        public Func<ServerForms, Table> WithValues(Table table, Table? existing, SettledElements settled, Func<ServerForms, Table> apply)
        {
            if (existing is null) return apply;
            var asked = new Dictionary<string, (int Key, string Default)>(StringComparer.Ordinal);
            for (var i = 0; i < table.Columns.Count; i++)
            {
                var column = table.Columns[i];
                var before = existing.Columns.FirstOrDefault(c => string.Equals(c.Name, column.Name, StringComparison.OrdinalIgnoreCase));
                if (before is null || settled.Column(i) || Question(table, column, before) is not { } key) continue;
                asked[column.Name] = (key, before.Default!);
            }
            if (asked.Count == 0) return apply;
            return forms =>
            {
                var result = apply(forms);
                return result with
                {
                    Columns = result.Columns
                        .Select(c => asked.TryGetValue(c.Name, out var q) && forms.SameValues.Contains(q.Key) ? c with { Default = q.Default } : c)
                        .ToEquatableArray(),
                };
            };
        }

        /// <summary>The question's key when the two columns' defaults are to be compared as values, else null.</summary>
        private int? Question(Table table, Column column, Column before)
        {
            if (column is not { Computed: null, Identity: null, Default: { } model } || before is not { Computed: null, Identity: null, Default: { } database }) return null;
            if (string.Equals(model.Trim(), database.Trim(), StringComparison.Ordinal)) return null;
            // The same stored type: the database's default is then a value of the type, and the cast cannot fail.
            if (PostgresTypeMap.Instance.Normalize(column.Type) != PostgresTypeMap.Instance.Normalize(before.Type)) return null;
            if (!PostgresConstants.IsConstant(model) || !PostgresConstants.IsConstant(database)) return null;
            if (PostgresSqlScanner.Problem(model) is not null || PostgresSqlScanner.Problem(database) is not null) return null;
            var element = $"default of column {table.Name}.{column.Name}";
            var key = (TypeSql(column), column.Collation, database, model);
            if (!values.TryGetValue(key, out var question)) values[key] = question = (values.Count, element);
            return question.Key;
        }

        /// <summary>
        /// One statement per distinct question, each of the group of its type (a type the server will not take takes
        /// its questions with it), after the table that holds the answers.
        /// </summary>
        public void WriteValues(List<Statement> statements)
        {
            if (values.Count == 0) return;
            statements.Add(new($"CREATE TEMP TABLE {ValueAnswers} (k integer, same boolean)", null));
            foreach (var ((type, collation, database, model), (key, element)) in values)
            {
                var k = key.ToString(CultureInfo.InvariantCulture);
                statements.Add(new(
                    $"INSERT INTO {ValueAnswers} VALUES ({k}, (({database}))::{type}::text IS NOT DISTINCT FROM (({model}))::{type}::text)",
                    element, $"type {type}{Collate(collation)}"));
            }
        }
    }

    /// <summary>The questions whose two defaults are the same value.</summary>
    private static async Task<HashSet<int>> ReadValuesAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        var same = new HashSet<int>();
        if (!await reader.NextResultAsync(cancellationToken).ConfigureAwait(false)) return same;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!reader.IsDBNull(1) && reader.GetBoolean(1)) same.Add(reader.GetInt32(0));
        }
        return same;
    }
}
