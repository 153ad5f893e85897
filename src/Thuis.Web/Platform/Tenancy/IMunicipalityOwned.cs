namespace Thuis.Web.Platform.Tenancy;

/// <summary>
/// Marks an entity that holds people's data of one municipality. The DbContext filters every
/// query on such an entity to the signed-in user's municipality and refuses writes across it.
/// </summary>
public interface IMunicipalityOwned
{
    Guid MunicipalityId { get; }
}
