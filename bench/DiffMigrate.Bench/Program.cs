using DiffMigrate.Workloads;

// Writes the benchmark's model: `model <tables> <output.dll> [sqlite|postgresql|mysql]` compiles the generated N-table
// schema (the shape of ../shared/bench/alembic/gen_schema.py, plus every neutral type) as a builder model the CLI
// can load, with defaults spelled for the dialect; `source <tables> <output.cs> [sqlite|postgresql|mysql]` writes the same
// model as C# source, for a model project (.csproj) as users configure it.
if (args is not [("model" or "source") and var verb, var count, var output, ..] || args.Length > 4 || !int.TryParse(count, out var tables))
{
    Console.Error.WriteLine("usage: DiffMigrate.Bench model|source <tables> <output.dll|output.cs> [sqlite|postgresql|mysql]");
    return 2;
}
var postgres = args.Length == 4 && args[3] is "postgresql" or "pg";
var mysql = args.Length == 4 && args[3] is "mysql" or "mariadb";
var source = ModelAssembly.Source(GeneratedSchema.Build(tables, postgres: postgres, mysql: mysql));
// The schema has a citext column: on PostgreSQL the model declares the extension it needs, as an application would.
const string Define = "public override void Define(SchemaBuilder builder)\n    {\n";
if (postgres && !source.Contains(Define, StringComparison.Ordinal)) throw new InvalidOperationException("no Define method in the generated model");
if (postgres) source = source.Replace(Define, Define + "        builder.Extension(\"citext\");\n", StringComparison.Ordinal);
if (verb == "source") File.WriteAllText(Path.GetFullPath(output), source);
else ModelAssembly.Compile(source, Path.GetFullPath(output));
Console.Error.WriteLine($"{verb}: {tables} tables{(postgres ? " (PostgreSQL)" : mysql ? " (MariaDB/MySQL)" : "")} -> {output}");
return 0;
