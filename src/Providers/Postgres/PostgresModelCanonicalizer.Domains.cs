using System.Globalization;
using DiffMigrate.Schema;

namespace DiffMigrate.Providers.Postgres;

internal sealed partial class PostgresModelCanonicalizer
{
    private const string DomainPrefix = Prefix + "domain_";

    /// <summary>
    /// The model's domains: each one the database lacks is created under its own name (the model's tables may use it),
    /// and every one again as a temporary copy (<c>pg_temp.dm_canon_domain_i</c>) that the read-back reads as the
    /// inspector reads a domain, so that the spelling of a default or check never counts.
    /// </summary>
    private static void AddDomains(DatabaseSchema model, DatabaseSchema database, List<Statement> statements)
    {
        var existing = database.Domains.Select(d => Key(d.Name)).ToHashSet(StringComparer.Ordinal);
        foreach (var domain in model.Domains.Where(d => !existing.Contains(Key(d.Name))))
        {
            statements.Add(new(DomainSql(QuoteName(domain.Name), domain), $"domain {domain.Name}"));
        }
        foreach (var (domain, i) in model.Domains.Select((d, i) => (d, i)))
        {
            statements.Add(new(DomainSql("pg_temp." + DomainPrefix + i.ToString(CultureInfo.InvariantCulture), domain), $"domain {domain.Name}"));
        }
    }

    /// <summary>The model's domains in the server's spelling, where it read them back.</summary>
    private static EquatableArray<Domain> DomainForms(DatabaseSchema model, ServerForms forms) =>
        model.Domains.Select((d, i) => forms.Domains.TryGetValue(DomainPrefix + i.ToString(CultureInfo.InvariantCulture), out var row)
            ? PostgresInspector.Domain(row, d.Name) : d).ToEquatableArray();

    private static string DomainSql(string name, Domain domain)
    {
        var element = $"domain {domain.Name}";
        var text = new System.Text.StringBuilder($"CREATE DOMAIN {name} AS {Fragment(PostgresTypeMap.Instance.ToSql(domain.BaseType), element)}");
        if (domain.Collation is { } collation) text.Append(" COLLATE ").Append(Quote(collation));
        if (domain.Default is { } value) text.Append(" DEFAULT ").Append(Fragment(value, element));
        if (domain.NotNull) text.Append(" NOT NULL");
        foreach (var check in domain.Checks)
        {
            text.Append(check.Name is { } n ? " CONSTRAINT " + Quote(n) : "").Append(" CHECK (").Append(Fragment(check.Sql, element)).Append(')');
        }
        return text.ToString();
    }

    private static string Fragment(string sql, string element) =>
        PostgresSqlScanner.Problem(sql) is { } problem ? throw new DiffMigrateException($"The model's {element} is not a single SQL expression ({problem}): {sql}") : sql;

    private const string DomainReadBack = $"""
        SELECT {PostgresCatalog.DomainColumns}
        FROM pg_type t
        WHERE t.typnamespace = pg_my_temp_schema() AND t.typtype = 'd' AND t.typname LIKE '{DomainPrefix}%'
        """;
}
