using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Start;

/// <summary>A place to begin on the start page: where it leads and what one finds there.</summary>
public sealed record StartCard(string Href, string Title, string Text);

/// <summary>The start page's places to begin, each shown only to whom its page lets in.</summary>
public sealed class ShowStart(PageAccess access)
{
    private static readonly StartCard[] Cards =
    [
        new("/dossiers", "Dossiers", "De mensen die u begeleidt: wie ze zijn, wat ze kunnen, wie ze kennen en wat ze willen."),
        new("/signalen", "Signalen", "Wie vastloopt, te weinig meedoet of juist te veel moet."),
        new("/verwijzingen", "Verwijzingen", "Wie is doorverwezen, wat de partner antwoordde en of het loopt."),
        new("/vrijwilligers", "Vrijwilligers", "Wie zich inzet als taalmaatje of buddy, wanneer, in welke taal en met welke VOG."),
        new("/interventiewijzer", "Interventiewijzer", "Wat werkt, en wie het hier aanbiedt."),
        new("/sociale-kaart", "Sociale kaart", "Clubs, vrijwilligers, scholen en werkgevers in de gemeente."),
        new("/beheer", "Beheer", "Instellingen van de gemeente, gebruikers en de audittrail."),
        new("/beheer/gebruikers", "Gebruikers", "Wie met Thuis werkt, in welke rol: uitnodigen, rol wijzigen, deactiveren."),
        new("/audit", "Audittrail", "Wie wanneer welk dossier inzag of wijzigde: zoeken, exporteren en de keten controleren."),
    ];

    public async Task<IReadOnlyList<StartCard>> HandleAsync()
    {
        var shown = new List<StartCard>();
        foreach (var card in Cards)
        {
            if (await access.MayOpenAsync(card.Href))
            {
                shown.Add(card);
            }
        }
        return shown;
    }
}
