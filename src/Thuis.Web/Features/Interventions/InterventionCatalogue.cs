namespace Thuis.Web.Features.Interventions;

public static class InterventionCatalogue
{
    /// <summary>
    /// The interventions a municipality may see: the shared catalogue and its own additions, never another
    /// municipality's. Every read and write of an intervention starts here.
    /// </summary>
    public static IQueryable<Intervention> VisibleTo(this IQueryable<Intervention> interventions, Guid? municipalityId) =>
        interventions.Where(i => i.MunicipalityId == null || i.MunicipalityId == municipalityId);
}
