namespace DiffMigrate.Render.Sql.Postgres;

/// <summary>
/// PostgreSQL's identifier and literal rules: identifiers are quoted unless plain lower case and not reserved;
/// strings use standard-conforming '' escaping; booleans are true/false; binary is a hex bytea literal.
/// </summary>
public sealed class PostgresSyntax : SqlSyntax
{
    /// <summary>The shared instance.</summary>
    public static PostgresSyntax Instance { get; } = new();

    /// <summary>
    /// The "reserved" and "reserved (can be function or type)" key words of PostgreSQL 15 (docs appendix C, "SQL
    /// Key Words"; <c>pg_get_keywords()</c> catcode R and T). Non-reserved words need no quotes as names.
    /// </summary>
    protected override IReadOnlySet<string> ReservedWords { get; } = Words("""
        all analyse analyze and any array as asc asymmetric both case cast check collate column constraint create
        current_catalog current_date current_role current_time current_timestamp current_user default deferrable desc
        distinct do else end except false fetch for foreign from grant group having in initially intersect into lateral
        leading limit localtime localtimestamp not null offset on only or order placing primary references returning
        select session_user some symmetric table then to trailing true union unique user using variadic when where window
        with
        authorization binary collation concurrently cross current_schema freeze full ilike inner is isnull join left like
        natural notnull outer overlaps right similar tablesample verbose
        """);

    /// <inheritdoc/>
    public override string Literal(object? value) => value is bool b ? (b ? "true" : "false") : base.Literal(value);

    /// <summary><c>'\x0102'::bytea</c> (hex format; plain '' string, as standard_conforming_strings is on).</summary>
    protected override string BinaryLiteral(byte[] bytes) => @"'\x" + Convert.ToHexStringLower(bytes) + "'::bytea";
}
