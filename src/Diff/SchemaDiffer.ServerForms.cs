using DiffMigrate.Schema;

namespace DiffMigrate.Diff;

internal sealed partial class SchemaDiffer
{
    /// <summary>
    /// <paramref name="model"/> with each object the canonicaliser read back in the server's form (a view's query as
    /// the server prints it, a routine's argument types as the server names them, a materialized view's indexes as
    /// read): what is compared, and what the revision creates. The forms are the model's objects element for element
    /// (a routine's key changes with its argument types, so they pair by position); forms of another length pair by key.
    /// </summary>
    private DatabaseSchema WithServerForms(DatabaseSchema model)
    {
        if (options.ModelServerForms is not { Objects.IsEmpty: false } forms) return model;
        if (forms.Objects.Count == model.Objects.Count) return model with { Objects = forms.Objects };
        var byKey = new Dictionary<(DefinedObjectKind, string), DefinedObject>();
        foreach (var form in forms.Objects) byKey.TryAdd((form.Kind, KeyOf(form)), form);
        return model with { Objects = model.Objects.Select(o => byKey.GetValueOrDefault((o.Kind, KeyOf(o)), o)).ToEquatableArray() };
    }
}
