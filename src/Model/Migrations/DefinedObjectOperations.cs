namespace DiffMigrate.Migrations;

/// <summary>Creates a view, materialized view, routine or trigger from its definition.</summary>
public sealed record CreateObject(DefinedObject Object) : SchemaObjectOperation;

/// <summary>Drops a view, materialized view, routine or trigger; carries its definition so that it can be created again.</summary>
public sealed record DropObject(DefinedObject Object) : SchemaObjectOperation;

/// <summary>
/// Replaces a routine's definition in place (<c>CREATE OR REPLACE</c>), keeping what depends on it;
/// <see cref="Existing"/> is the definition before, for the reverse. Views and triggers are replaced by a drop and a
/// create instead, so that what depends on them can be dropped and created around the change.
/// </summary>
public sealed record ReplaceObject(DefinedObject Existing, DefinedObject Object) : SchemaObjectOperation;
