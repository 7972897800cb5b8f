namespace DiffMigrate.IntegrationTests.Postgres;

public sealed partial class PostgresComparisonCorpus
{
    /// <summary>Index key options: order, NULLS FIRST/LAST, operator classes, collations, NULLS NOT DISTINCT.</summary>
    private static Case[] IndexOptionCases =>
    [
    ];
}
