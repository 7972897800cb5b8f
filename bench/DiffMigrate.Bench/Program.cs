using DiffMigrate.Workloads;

// Writes the benchmark's model: `model <tables> <output.dll> [sqlite|postgresql]` compiles the generated N-table
// schema (the shape of ../shared/bench/alembic/gen_schema.py, plus every neutral type) as a builder model the CLI
// can load, with defaults spelled for the dialect.
if (args is not ["model", var count, var output, ..] || args.Length > 4 || !int.TryParse(count, out var tables))
{
    Console.Error.WriteLine("usage: DiffMigrate.Bench model <tables> <output.dll> [sqlite|postgresql]");
    return 2;
}
var postgres = args.Length == 4 && args[3] is "postgresql" or "pg";
ModelAssembly.Compile(ModelAssembly.Source(GeneratedSchema.Build(tables, postgres: postgres)), Path.GetFullPath(output));
Console.Error.WriteLine($"model: {tables} tables{(postgres ? " (PostgreSQL)" : "")} -> {output}");
return 0;
