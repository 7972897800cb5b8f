namespace DiffMigrate.Render.Sql;

/// <summary>
/// One statement to run. <see cref="SuppressTransaction"/> marks statements that cannot run inside a transaction
/// block (e.g. CREATE INDEX CONCURRENTLY): the runner commits before them and resumes after.
/// <see cref="ForeignKeysOff"/> marks statements that must run with foreign-key enforcement off (the DROP TABLE of a
/// SQLite rebuild, which would otherwise run the ON DELETE actions of the tables that refer to it). <see cref="Purpose"/>
/// says what the statement does in words, for error messages about statements the user did not write.
/// </summary>
public sealed record SqlStatement(string Text, bool SuppressTransaction = false, bool ForeignKeysOff = false, string? Purpose = null);

/// <summary>Thrown for an operation the dialect cannot express: names the operation and the remedy.</summary>
public sealed class UnsupportedOperationException(string message) : DiffMigrateException(message);
