using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components.Forms;

namespace Thuis.Web.Components;

/// <summary>Shows a handler's field errors beside the fields, next to the data-annotation messages.</summary>
public static partial class FormErrors
{
    /// <summary>Errors are keyed by the field's path in the form: "Postcode", or "Jobs[0].Years" for a row of a list.</summary>
    public static void Show(this EditContext editContext, ValidationMessageStore store, IReadOnlyDictionary<string, string> errors)
    {
        store.Clear();
        foreach (var (path, message) in errors)
        {
            store.Add(Resolve(editContext.Model, path), message);
        }
        editContext.NotifyValidationStateChanged();
    }

    private static FieldIdentifier Resolve(object model, string path)
    {
        var parts = path.Split('.');
        var owner = model;
        foreach (var part in parts[..^1])
        {
            var match = IndexedPart().Match(part);
            var name = match.Success ? match.Groups[1].Value : part;
            owner = owner.GetType().GetProperty(name)?.GetValue(owner) ?? throw new ArgumentException($"Onbekend veld {path}.", nameof(path));
            if (match.Success)
            {
                owner = ((IList)owner)[int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture)]
                    ?? throw new ArgumentException($"Onbekende regel {path}.", nameof(path));
            }
        }
        return new FieldIdentifier(owner, parts[^1]);
    }

    [GeneratedRegex(@"^(\w+)\[(\d+)\]$")]
    private static partial Regex IndexedPart();
}
