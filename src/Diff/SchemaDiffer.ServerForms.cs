namespace DiffMigrate.Diff;

internal sealed partial class SchemaDiffer
{
    /// <summary>
    /// The model's <paramref name="item"/> as the server stored it, where the canonicaliser read it back (a view's
    /// query as the server prints it, a materialized view's indexes as read): what is compared. Revisions still
    /// create the model's own text.
    /// </summary>
    private DefinedObject ServerForm(DefinedObject item)
    {
        if (options.ModelServerForms is not { Objects.IsEmpty: false } forms) return item;
        var key = KeyOf(item);
        foreach (var form in forms.Objects)
        {
            if (form.Kind == item.Kind && KeyOf(form) == key) return form;
        }
        return item;
    }
}
