using DiffMigrate.Workloads;

// Writes the benchmark's model: `model <tables> <output.dll>` compiles the generated N-table schema (the shape of
// ../shared/bench/alembic/gen_schema.py, plus every neutral type) as a builder model the CLI can load.
if (args is not ["model", var count, var output] || !int.TryParse(count, out var tables))
{
    Console.Error.WriteLine("usage: DiffMigrate.Bench model <tables> <output.dll>");
    return 2;
}
ModelAssembly.Compile(ModelAssembly.Source(GeneratedSchema.Build(tables)), Path.GetFullPath(output));
Console.Error.WriteLine($"model: {tables} tables -> {output}");
return 0;
