using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace DiffMigrate.Render.CSharp;

/// <summary>Small builders over Roslyn's SyntaxFactory: every literal goes through it, so escaping is never hand-written.</summary>
internal static class Syntax
{
    public static ExpressionSyntax Str(string? value) => value is null
        ? LiteralExpression(SyntaxKind.NullLiteralExpression)
        : LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(CSharpText.Literal(value), value));

    /// <summary>SQL text as a literal that keeps its lines where that is safe (<see cref="CSharpText.Text"/>).</summary>
    public static ExpressionSyntax SqlText(string value) =>
        LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(CSharpText.Text(value), value));

    public static ExpressionSyntax Bool(bool value) =>
        LiteralExpression(value ? SyntaxKind.TrueLiteralExpression : SyntaxKind.FalseLiteralExpression);

    public static ExpressionSyntax Int(int value) => LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal(value));

    public static ExpressionSyntax Long(long value) => LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal(value));

    public static ExpressionSyntax Member(string type, string member) =>
        MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, IdentifierName(type), IdentifierName(member));

    public static InvocationExpressionSyntax Call(ExpressionSyntax target, params ArgumentSyntax[] arguments) =>
        InvocationExpression(target, ArgumentList(SeparatedList(arguments)));

    public static InvocationExpressionSyntax Call(string name, params ArgumentSyntax[] arguments) => Call(IdentifierName(name), arguments);

    public static ObjectCreationExpressionSyntax New(string type, params ArgumentSyntax[] arguments) =>
        ObjectCreationExpression(IdentifierName(type)).WithArgumentList(ArgumentList(SeparatedList(arguments)));

    public static ArgumentSyntax Arg(ExpressionSyntax expression) => Argument(expression);

    public static ArgumentSyntax Named(string name, ExpressionSyntax expression) =>
        Argument(expression).WithNameColon(NameColon(IdentifierName(name)));

    public static ExpressionSyntax Strings(IEnumerable<string> values) =>
        CollectionExpression(SeparatedList<CollectionElementSyntax>(values.Select(v => ExpressionElement(Str(v)))));

    public static ExpressionSyntax List(IEnumerable<ExpressionSyntax> items) =>
        CollectionExpression(SeparatedList<CollectionElementSyntax>(items.Select(ExpressionElement)));

    public static ExpressionSyntax Bools(IEnumerable<bool> values) =>
        CollectionExpression(SeparatedList<CollectionElementSyntax>(values.Select(v => ExpressionElement(Bool(v)))));

    /// <summary><c>[new(NullsOrder.First, "text_pattern_ops"), null, ...]</c>: one entry per key, null for a key without options.</summary>
    public static ExpressionSyntax KeyOptions(IEnumerable<IndexKeyOptions> options) =>
        CollectionExpression(SeparatedList<CollectionElementSyntax>(options.Select(o => ExpressionElement(KeyOption(o)))));

    private static ExpressionSyntax KeyOption(IndexKeyOptions? option)
    {
        if (option is null || option.IsDefault) return LiteralExpression(SyntaxKind.NullLiteralExpression);
        var args = new List<ArgumentSyntax>();
        if (option.Nulls != NullsOrder.Default) args.Add(Arg(Member("NullsOrder", option.Nulls.ToString())));
        if (option.OperatorClass is { } opclass) args.Add(args.Count == 0 ? Named("OperatorClass", Str(opclass)) : Arg(Str(opclass)));
        if (option.Collation is { } collation) args.Add(Named("Collation", Str(collation)));
        return New("IndexKeyOptions", [.. args]);
    }

    public static ExpressionSyntax Name(QualifiedName name) =>
        name.Schema is null ? Str(name.Name) : New("QualifiedName", Arg(Str(name.Schema)), Arg(Str(name.Name)));

    /// <summary>One-line C# text of a syntax node.</summary>
    /// <remarks>
    /// The calls a revision is made of use a handful of node kinds; those are printed token by token, with Roslyn's
    /// own spacing (a space after a comma, a named argument's colon and <c>new</c>, around an attribute argument's
    /// <c>=</c>): Roslyn's whitespace normaliser took three quarters of the time to write a 500-table revision.
    /// Anything else (casts, arrays, initializers) goes through the normaliser. A test holds the two to the same text
    /// for every operation and for the revision attribute.
    /// </remarks>
    public static string Text(SyntaxNode node)
    {
        var text = new StringBuilder();
        return TryPrint(node, text) ? text.ToString() : NormalizedText(node);
    }

    private static bool TryPrint(SyntaxNode node, StringBuilder text)
    {
        if (!IsPlain(node.Kind())) return false;
        foreach (var child in node.ChildNodesAndTokens())
        {
            if (child.AsNode() is { } inner)
            {
                if (!TryPrint(inner, text)) return false;
                continue;
            }
            var token = child.AsToken();
            if (token.IsKind(SyntaxKind.EqualsToken)) text.Append(' ');   // an attribute's named argument: Message = "..."
            text.Append(token.Text);
            if (token.Kind() is SyntaxKind.CommaToken or SyntaxKind.ColonToken or SyntaxKind.NewKeyword or SyntaxKind.EqualsToken) text.Append(' ');
        }
        return true;
    }

    private static bool IsPlain(SyntaxKind kind) => kind is SyntaxKind.InvocationExpression or SyntaxKind.ArgumentList or SyntaxKind.Argument
        or SyntaxKind.NameColon or SyntaxKind.IdentifierName or SyntaxKind.SimpleMemberAccessExpression or SyntaxKind.StringLiteralExpression
        or SyntaxKind.NumericLiteralExpression or SyntaxKind.TrueLiteralExpression or SyntaxKind.FalseLiteralExpression
        or SyntaxKind.NullLiteralExpression or SyntaxKind.ObjectCreationExpression or SyntaxKind.CollectionExpression or SyntaxKind.ExpressionElement
        or SyntaxKind.AttributeList or SyntaxKind.Attribute or SyntaxKind.AttributeArgumentList or SyntaxKind.AttributeArgument or SyntaxKind.NameEquals;

    /// <summary>One-line C# text of a syntax node, spaced by Roslyn's whitespace normaliser.</summary>
    public static string NormalizedText(SyntaxNode node)
    {
        var normalized = node.NormalizeWhitespace(elasticTrivia: false);
        // NormalizeWhitespace spaces a keyword from what follows, even a closing bracket: [true, false ].
        var spaced = normalized.DescendantTokens()
            .Where(t => t.Kind() is SyntaxKind.TrueKeyword or SyntaxKind.FalseKeyword or SyntaxKind.NullKeyword && t.GetNextToken().IsKind(SyntaxKind.CloseBracketToken));
        return normalized.ReplaceTokens(spaced, (original, _) => original.WithTrailingTrivia()).ToFullString();
    }
}
