using DiffMigrate.Runner.Scripts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DiffMigrate.Design.Scripts;

/// <summary>
/// The revision scripts of one or more version folders. Commands that only need the graph read the
/// <c>[Revision]</c> attribute by parsing (never compiling) each file. Load order, as Alembic's: the folders in the
/// order given; in each, its file names sorted ordinally, then (when recursive) its sub-folders the same way, by name.
/// </summary>
internal sealed class ScriptDirectory(IReadOnlyList<string> locations, bool recursive = false, string? headerCacheFile = null)
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.None);

    /// <summary>One folder, not recursive.</summary>
    public ScriptDirectory(string versionsPath) : this([versionsPath]) { }

    /// <summary>The script files, in load order (a file reached twice is read once).</summary>
    public IReadOnlyList<string> Files()
    {
        var files = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var location in locations.Where(Directory.Exists)) Collect(location, files, seen);
        return files;
    }

    private void Collect(string folder, List<string> files, HashSet<string> seen)
    {
        var here = Directory.GetFiles(folder, "*.cs", SearchOption.TopDirectoryOnly);
        Array.Sort(here, StringComparer.Ordinal);
        files.AddRange(here.Where(f => seen.Add(Path.GetFullPath(f))));
        if (!recursive) return;
        var folders = Directory.GetDirectories(folder);
        Array.Sort(folders, StringComparer.Ordinal);
        foreach (var sub in folders.Where(f => !Path.GetFileName(f).StartsWith('.') && Path.GetFileName(f) is not ("bin" or "obj"))) Collect(sub, files, seen);
    }

    /// <summary>The headers of every <c>*.cs</c> file, in load order (from the header cache when a file is unchanged).</summary>
    public IReadOnlyList<ScriptHeader> ReadHeaders()
    {
        var files = Files();
        var cache = headerCacheFile is null ? null : new HeaderCache(headerCacheFile);
        var stamps = new ScriptStamp[files.Count];
        var headers = new ScriptHeader[files.Count];
        // The first bad file in load order is the error, whatever the thread timing. A few files are read on this
        // thread: Parallel.For for the usual handful took some 35 ms to start, mostly the thread pool's, which the
        // comparison's warm-up then starts off the command's path (the no-op gained about 10 ms).
        InOrder.For(files.Count, i =>
        {
            stamps[i] = ScriptStamp.Of(files[i]);
            if (cache?.Find(stamps[i]) is { } cached)
            {
                // A cached header was checked when it was parsed; checked again in case the rules grew since.
                RevisionHeaders.Validate(cached, files[i]);
                headers[i] = cached;
            }
            else
            {
                headers[i] = ReadHeader(files[i], File.ReadAllText(files[i]));
            }
        });
        RevisionHeaders.RejectDuplicates(headers);
        cache?.Save(stamps, headers);
        return headers;
    }

    /// <summary>Reads the header of one script's text.</summary>
    public static ScriptHeader ReadHeader(string path, string text)
    {
        var tree = CSharpSyntaxTree.ParseText(text, ParseOptions, path);
        var root = tree.GetCompilationUnitRoot();
        var syntaxError = tree.GetDiagnostics().FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error);
        if (syntaxError is not null) throw new ScriptException(Format(syntaxError));
        var marked = root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or ClassDeclarationSyntax)
            .OfType<ClassDeclarationSyntax>()
            .Select(c => (Class: c, Attribute: c.AttributeLists.SelectMany(l => l.Attributes).FirstOrDefault(IsRevision)))
            .Where(p => p.Attribute is not null)
            .ToList();
        if (marked.Count == 0) throw new ScriptException($"{path}: no class marked [Revision(...)]: every file in versions/ must hold one revision.");
        if (marked.Count > 1) throw new ScriptException($"{Where(path, marked[1].Class)}: a second [Revision] class; put one revision in each file.");
        var (type, attribute) = marked[0];
        return Read(path, type, attribute!);
    }

    private static ScriptHeader Read(string path, ClassDeclarationSyntax type, AttributeSyntax attribute)
    {
        var positional = new List<string>();
        string[] labels = [], depends = [];
        string? message = null;
        foreach (var argument in attribute.ArgumentList?.Arguments ?? [])
        {
            var name = argument.NameEquals?.Name.Identifier.ValueText;
            switch (name)
            {
                case null: positional.Add(Literal(path, argument.Expression)); break;
                case "Message": message = Literal(path, argument.Expression); break;
                case "BranchLabels": labels = Strings(path, argument.Expression); break;
                case "DependsOn": depends = Strings(path, argument.Expression); break;
                default: throw new ScriptException($"{Where(path, argument)}: unknown [Revision] property {name}.");
            }
        }
        if (positional.Count == 0) throw new ScriptException($"{Where(path, attribute)}: [Revision] needs the revision id as its first argument.");
        if (type.BaseList is null)
        {
            throw new ScriptException($"{Where(path, type)}: class {type.Identifier.ValueText} is marked [Revision] but does not derive from Migration.");
        }
        if (type.Modifiers.Any(m => m.IsKind(SyntaxKind.AbstractKeyword) || m.IsKind(SyntaxKind.StaticKeyword)))
        {
            throw new ScriptException($"{Where(path, type)}: class {type.Identifier.ValueText} is marked [Revision] but is abstract or static; a revision must be a class that can be created.");
        }
        var header = new ScriptHeader(positional[0], positional.Skip(1).ToList(), labels, depends, message, path, type.Identifier.ValueText);
        RevisionHeaders.Validate(header, Where(path, attribute));
        return header;
    }

    private static bool IsRevision(AttributeSyntax attribute) => attribute.Name.ToString() is "Revision" or "RevisionAttribute"
        or "DiffMigrate.Revision" or "DiffMigrate.RevisionAttribute" or "global::DiffMigrate.Revision" or "global::DiffMigrate.RevisionAttribute";

    private static string Literal(string path, ExpressionSyntax expression) => expression switch
    {
        LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } s => s.Token.ValueText,
        LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NullLiteralExpression } => throw new ScriptException($"{Where(path, expression)}: null is not a revision id."),
        _ => throw new ScriptException($"{Where(path, expression)}: [Revision] arguments must be string literals (found '{expression}')."),
    };

    private static string[] Strings(string path, ExpressionSyntax expression) => expression switch
    {
        ImplicitArrayCreationExpressionSyntax a => a.Initializer.Expressions.Select(e => Literal(path, e)).ToArray(),
        ArrayCreationExpressionSyntax { Initializer: { } i } => i.Expressions.Select(e => Literal(path, e)).ToArray(),
        CollectionExpressionSyntax c => c.Elements.Select(e => e is ExpressionElementSyntax x
            ? Literal(path, x.Expression)
            : throw new ScriptException($"{Where(path, e)}: spread elements are not allowed in [Revision].")).ToArray(),
        _ => throw new ScriptException($"{Where(path, expression)}: expected an array of string literals (found '{expression}')."),
    };

    private static string Where(string path, SyntaxNode node) => $"{path}:{node.GetLocation().GetLineSpan().StartLinePosition.Line + 1}";

    /// <summary>A diagnostic as <c>path:line:column: error CSxxxx: message</c>.</summary>
    internal static string Format(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        return $"{span.Path}:{span.StartLinePosition.Line + 1}:{span.StartLinePosition.Character + 1}: error {diagnostic.Id}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }
}
