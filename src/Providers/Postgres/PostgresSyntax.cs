using DiffMigrate.Render.Sql;

namespace DiffMigrate.Providers.Postgres;

/// <summary>
/// PostgreSQL's identifier and literal rules: identifiers are quoted unless plain lower case and not reserved;
/// strings use standard-conforming '' escaping; booleans are true/false; binary is a hex bytea literal.
/// </summary>
internal sealed class PostgresSyntax : SqlSyntax
{
    /// <summary>The shared instance.</summary>
    public static PostgresSyntax Instance { get; } = new();

    /// <inheritdoc/>
    protected override IReadOnlySet<string> ReservedWords => PostgresIdentifiers.ReservedWords;

    /// <inheritdoc/>
    public override string Literal(object? value) => value is bool b ? (b ? "true" : "false") : base.Literal(value);

    /// <summary><c>'\x0102'::bytea</c> (hex format; plain '' string, as standard_conforming_strings is on).</summary>
    protected override string BinaryLiteral(byte[] bytes) => @"'\x" + Convert.ToHexStringLower(bytes) + "'::bytea";
}
