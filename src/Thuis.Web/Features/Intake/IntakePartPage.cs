using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Thuis.Web.Components;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Intake;

/// <summary>
/// What every intake part page does: load the part of a newcomer of the user's municipality (404
/// otherwise), bind the posted form, check it, save it with its version, and show the outcome while
/// keeping everything the user typed.
/// </summary>
public abstract class IntakePartPage<TSection, TForm> : ComponentBase
    where TSection : IntakeSection
    where TForm : SectionForm, new()
{
    public const string FormName = "intake-deel";

    [Inject] private LoadIntakeSection Load { get; set; } = default!;
    [Inject] private SaveIntakeSection Save { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] protected TimeProvider Clock { get; set; } = default!;

    [Parameter]
    public Guid NewcomerId { get; set; }

    [SupplyParameterFromForm(FormName = FormName)]
    protected TForm Input { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "opgeslagen")]
    private int? SavedFlag { get; set; }

    protected EditContext EditContext { get; private set; } = default!;
    protected TSection? Section { get; private set; }
    protected string NewcomerName { get; private set; } = "";
    protected string? Refusal { get; private set; }
    protected bool Saved => SavedFlag == 1 && Refusal is null;
    protected IntakePart Part { get; } = IntakePart.All.Single(p => p.Section == typeof(TSection));

    protected abstract TForm ToForm(TSection? section);
    protected abstract TSection Create(Guid newcomerId, Guid municipalityId);
    protected abstract void Apply(TSection section);

    /// <summary>Rules beyond the data annotations; messages keyed by the form's field path.</summary>
    protected virtual Dictionary<string, string> Check(DateOnly today) => [];

    /// <summary>A rule of the part that refuses the form as a whole, checked before the part is touched; null when it holds.</summary>
    protected virtual string? Refuse() => null;

    protected override async Task OnInitializedAsync()
    {
        var loaded = await Load.HandleAsync<TSection>(NewcomerId, CancellationToken.None);
        if (!loaded.NewcomerFound)
        {
            Navigation.NotFound();
            return;
        }
        Section = loaded.Section;
        NewcomerName = loaded.NewcomerName!;
        Input ??= ToForm(Section);
        EditContext = new EditContext(Input);
    }

    protected async Task SaveAsync()
    {
        var messages = new ValidationMessageStore(EditContext);
        if (!EditContext.Validate())
        {
            return;
        }
        var errors = Check(Clock.InTheNetherlands());
        if (errors.Count > 0)
        {
            EditContext.Show(messages, errors);
            return;
        }
        if (Refuse() is { } refusal)
        {
            Refusal = refusal;
            return;
        }
        var result = await Save.HandleAsync(NewcomerId, Input.Version, Create, Apply, CancellationToken.None);
        if (result.IsNotFound)
        {
            Navigation.NotFound();
        }
        else if (result.IsSaved)
        {
            Navigation.NavigateTo($"/dossiers/{NewcomerId}/intake/{Part.Slug}?opgeslagen=1");
        }
        else
        {
            Refusal = result.Message;
        }
    }
}
