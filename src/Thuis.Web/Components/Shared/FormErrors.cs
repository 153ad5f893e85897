using Microsoft.AspNetCore.Components.Forms;

namespace Thuis.Web.Components;

/// <summary>Shows a handler's field errors beside the fields, next to the data-annotation messages.</summary>
public static class FormErrors
{
    public static void Show(this EditContext editContext, ValidationMessageStore store, IReadOnlyDictionary<string, string> errors)
    {
        store.Clear();
        foreach (var (field, message) in errors)
        {
            store.Add(editContext.Field(field), message);
        }
        editContext.NotifyValidationStateChanged();
    }
}
