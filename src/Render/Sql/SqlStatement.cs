namespace DiffMigrate.Render.Sql;

/// <summary>
/// One statement to run. <see cref="SuppressTransaction"/> marks statements that cannot run inside a transaction
/// block (e.g. CREATE INDEX CONCURRENTLY): the runner commits before them and resumes after.
/// <see cref="ForeignKeysOff"/> marks statements that must run with foreign-key enforcement off (the DROP TABLE of a
/// SQLite rebuild, which would otherwise run the ON DELETE actions of the tables that refer to it). <see cref="Purpose"/>
/// says what the statement does in words, for error messages about statements the user did not write.
/// <see cref="Diagnosis"/> is SQL the runner runs in the same transaction when the statement fails: the first value it
/// returns, when there is one, says more precisely what failed than the database's message (which row, which value).
/// </summary>
internal sealed record SqlStatement(
    string Text, bool SuppressTransaction = false, bool ForeignKeysOff = false, string? Purpose = null, string? Diagnosis = null);

/// <summary>Thrown for an operation the dialect cannot express: names the operation and the remedy.</summary>
internal sealed class UnsupportedOperationException(string message) : DiffMigrateException(message);
