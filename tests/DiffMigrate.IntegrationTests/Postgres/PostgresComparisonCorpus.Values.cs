namespace DiffMigrate.IntegrationTests.Postgres;

public sealed partial class PostgresComparisonCorpus
{
    /// <summary>Literal defaults compared as values, and the known equivalent forms.</summary>
    private static Case[] ValueCases =>
    [
    ];
}
