using Microsoft.AspNetCore.Components.Forms;

namespace Thuis.Web.Platform.Editing;

/// <summary>
/// The fields of one form in the order they render, each with the id of its input: every <c>FormField</c> adds
/// itself, so the <c>ErrorSummary</c> at the top can link each message to its field without a list per page.
/// Kept in the form's <see cref="EditContext.Properties"/>.
/// </summary>
public sealed class FormFieldIds
{
    private readonly List<(FieldIdentifier Field, string Id)> _fields = [];

    public event Action? Changed;

    public IReadOnlyList<(FieldIdentifier Field, string Id)> Fields => _fields;

    public static FormFieldIds Of(EditContext editContext)
    {
        if (!editContext.Properties.TryGetValue(typeof(FormFieldIds), out var ids))
        {
            ids = new FormFieldIds();
            editContext.Properties[typeof(FormFieldIds)] = ids;
        }
        return (FormFieldIds)ids;
    }

    public void Add(FieldIdentifier field, string id)
    {
        if (!_fields.Contains((field, id)))
        {
            _fields.Add((field, id));
            Changed?.Invoke();
        }
    }
}
