namespace Thuis.Web.Features.Community;

/// <summary>The Dutch names staff read for the kinds of draagvlak activities.</summary>
public static class CommunityWords
{
    public static string Dutch(this CommunityActivityKind kind) => kind switch
    {
        CommunityActivityKind.RoleModelPresentation => "Rolmodelpresentatie",
        CommunityActivityKind.NeighbourhoodMeeting => "Buurtbijeenkomst",
        CommunityActivityKind.OpenDay => "Open dag",
        CommunityActivityKind.SharedMeal => "Samen eten",
        _ => kind.ToString(),
    };

    public static string Dutch(this PresentationSetting setting) => setting switch
    {
        PresentationSetting.PrimarySchool => "Basisschool",
        PresentationSetting.SecondarySchool => "Middelbare school",
        PresentationSetting.VocationalSchool => "Mbo",
        PresentationSetting.Club => "Vereniging of club",
        PresentationSetting.Church => "Kerk, moskee of andere geloofsgemeenschap",
        PresentationSetting.Neighbourhood => "Buurt of wijkcentrum",
        _ => setting.ToString(),
    };

    public static string Dutch(this AudienceKind audience) => audience switch
    {
        AudienceKind.Pupils => "Leerlingen of studenten",
        AudienceKind.Parents => "Ouders",
        AudienceKind.ClubMembers => "Leden van een vereniging",
        AudienceKind.Congregation => "Leden van een geloofsgemeenschap",
        AudienceKind.Residents => "Buurtbewoners",
        AudienceKind.Employers => "Werkgevers en collega's",
        AudienceKind.Mixed => "Gemengd publiek",
        _ => audience.ToString(),
    };

    /// <summary>"Basisschool" for a presentation, else the kind's name.</summary>
    public static string KindAndSetting(CommunityActivityKind kind, PresentationSetting? setting) =>
        setting is { } s ? $"{kind.Dutch()} · {s.Dutch()}" : kind.Dutch();

    /// <summary>"8441 Heerenveen-Noord", or the digits alone.</summary>
    public static string NeighbourhoodName(string postcodeArea, string? neighbourhood) =>
        neighbourhood is null ? postcodeArea : $"{postcodeArea} {neighbourhood}";
}
