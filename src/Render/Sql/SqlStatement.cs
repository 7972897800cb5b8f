namespace DiffMigrate.Render.Sql;

/// <summary>
/// One statement to run. <see cref="SuppressTransaction"/> marks statements that cannot run inside a transaction
/// block (e.g. CREATE INDEX CONCURRENTLY): the runner commits before them and resumes after.
/// </summary>
public sealed record SqlStatement(string Text, bool SuppressTransaction = false);

/// <summary>Thrown for an operation the dialect cannot express: names the operation and the remedy.</summary>
public sealed class UnsupportedOperationException(string message) : DiffMigrateException(message);
