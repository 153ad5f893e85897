namespace Thuis.Web.Platform.Changes;

/// <summary>
/// What one save changed of people's data in one municipality: the people it concerns, or everyone there when a
/// setting of the municipality changed, and the kinds of record that changed (so a subscriber can ignore its own saves).
/// </summary>
public sealed record DataChange(Guid MunicipalityId, IReadOnlySet<Guid> People, bool Everyone, IReadOnlySet<Type> Changed)
{
    /// <summary>Whether nothing but records of <paramref name="kind"/> changed.</summary>
    public bool OnlyOf(Type kind) => Changed.All(t => t == kind);

    /// <summary>Whether this change may concern <paramref name="newcomerId"/>.</summary>
    public bool Concerns(Guid newcomerId) => Everyone || People.Contains(newcomerId);
}

/// <summary>
/// Something that follows people's data (signals, the report's figures, later the newcomer's own notifications). It is
/// told after every committed save that changed people's data, in the same scope and request, acting as the same user.
/// </summary>
public interface IDataChangeSubscriber
{
    Task OnChangedAsync(DataChange change, CancellationToken cancellationToken);
}

/// <summary>A record that holds one person's data: a change to it concerns that person.</summary>
public interface IPersonData
{
    Guid NewcomerId { get; }
}

/// <summary>
/// A record shared by several people (a course group and its sessions) or part of a person's record that does not name
/// the person itself (a plan's goal or step): the people it concerns are read from the database before the save.
/// </summary>
public interface ISharedByPeople
{
    IQueryable<Guid> PeopleConcerned(Data.AppDbContext db);
}

/// <summary>A setting of one municipality (its deadlines, its signal thresholds): a change concerns everyone there.</summary>
public interface IMunicipalitySetting
{
    Guid SettingOfMunicipality { get; }
}
