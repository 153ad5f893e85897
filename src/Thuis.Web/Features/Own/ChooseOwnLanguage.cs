using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Own;

/// <summary>The person chooses the language of their own Thuis; it is kept with their account, not only in this browser.</summary>
public sealed class ChooseOwnLanguage(AppDbContext db, CurrentUser currentUser)
{
    public async Task<Outcome<Language>> HandleAsync(string? culture, CancellationToken cancellationToken)
    {
        var newcomerId = currentUser.NewcomerId;
        var account = newcomerId is null ? null : await db.Users.SingleOrDefaultAsync(u => u.NewcomerId == newcomerId, cancellationToken);
        if (account is null)
        {
            return Outcome.NotFound();
        }
        if (Languages.Find(culture) is not { } language)
        {
            return Outcome.Invalid("Culture", OwnTexts.In(Languages.Current, "LanguageUnknown"));
        }
        account.ChooseOwnLanguage(language);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Saved(language);
    }
}
